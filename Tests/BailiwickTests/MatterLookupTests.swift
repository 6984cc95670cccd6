import Bailiwick
import Testing

/// A matter's first occurrence of an event and first filing of a form, the same whether the matter
/// is small (searched in order) or large (indexed).
struct MatterLookupTests {
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static func matter(events: [MatterEvent], filings: [Filing]) -> Matter {
        let here = Bailiwick.SourceLocation(file: "m.yaml", line: 1, column: 1)
        return Matter(
            file: "m.yaml", id: "M-1", title: nil,
            jurisdiction: Jurisdiction(
                id: "tt", name: "Testland", country: "us", reviewed: date("2026-01-01"), sources: []),
            type: nil, area: "family", asOf: nil, people: [], facts: FactValues(slotCount: 0), events: events,
            actions: [], filings: filings, typeLocation: here)
    }

    /// `served` twice, the later first and two on the earlier day; `F-1` undated, then dated twice; then
    /// `padding` other events and filings, so that the matter is as large as wanted.
    static func matter(padding: Int) -> Matter {
        func at(_ line: Int) -> Bailiwick.SourceLocation {
            Bailiwick.SourceLocation(file: "m.yaml", line: line, column: 5)
        }
        let served = [
            MatterEvent(event: "served", date: date("2026-02-10"), time: nil, method: nil, location: at(1)),
            MatterEvent(event: "served", date: date("2026-02-03"), time: nil, method: nil, location: at(2)),
            MatterEvent(event: "served", date: date("2026-02-03"), time: nil, method: nil, location: at(3)),
        ]
        let filed = [
            Filing(form: "F-1", filed: nil, location: at(4)),
            Filing(form: "F-1", filed: date("2026-03-02"), location: at(5)),
            Filing(form: "F-1", filed: date("2026-03-01"), location: at(6)),
            Filing(form: "F-1", filed: date("2026-03-01"), location: at(7)),
        ]
        let others = (0..<padding).map {
            MatterEvent(event: "other-\($0)", date: date("2026-01-01"), time: nil, method: nil, location: at(100 + $0))
        }
        let otherFilings = (0..<padding).map { Filing(form: "G-\($0)", filed: nil, location: at(200 + $0)) }
        return Self.matter(events: others + served, filings: otherFilings + filed)
    }

    @Test(arguments: [0, 40])
    func theFirstOccurrenceIsTheEarliestAndTheFirstListedThatDay(padding: Int) {
        let matter = Self.matter(padding: padding)
        #expect(matter.event("served")?.location.line == 2)
        #expect(matter.event("not-recorded") == nil)
        // A dated filing comes before an undated one; of two on one day, the first listed.
        #expect(matter.filing("F-1")?.location.line == 6)
        #expect(matter.filing("F-9") == nil)
    }

    @Test(arguments: [0, 40])
    func aFormFiledOnlyWithoutADateIsItsFirstUndatedFiling(padding: Int) {
        let base = Self.matter(padding: padding)
        let undated = Self.matter(
            events: base.events,
            filings: base.filings.filter { $0.filed == nil }
                + [
                    Filing(
                        form: "F-1", filed: nil, location: Bailiwick.SourceLocation(file: "m.yaml", line: 8, column: 5))
                ])
        #expect(undated.filing("F-1")?.location.line == 4)
    }
}
