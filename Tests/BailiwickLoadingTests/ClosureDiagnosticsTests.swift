import Bailiwick
import BailiwickLoading
import Testing

/// A calendar's unconfirmed closures are weekdays the calendar counts as open: a day closed anyway, a day listed
/// twice, a date that does not exist or a closure without its reason is rejected where it is written.
struct ClosureDiagnosticsTests {
    /// A calendar with Christmas Day (observed on the Friday before a Saturday) and these closures.
    func problems(_ closures: String) -> (found: [String], text: MarkedText) {
        let text = MarkedText(
            "calendar:\n  name: T\n  citation: c\n  source: primary\n  observed: {saturday: previous-friday}\n"
                + "  holidays:\n"
                + "    - {id: christmas, name: Christmas Day, date: {month: 12, day: 25}, citation: c, "
                + "source: primary}\n"
                + "  unconfirmed-closures:\n" + closures)
        return (TimelineDiagnosticsTests().problems(text.text), text)
    }

    func closure(_ date: String) -> String {
        "    - {date: \(date), reason: offices closed, citation: schedule, source: unverified}\n"
    }

    @Test func aClosureOnAnOpenWeekdayLoads() throws {
        let loaded = problems(closure("2026-07-03") + closure("2026-01-02"))
        #expect(loaded.found == [])
    }

    @Test func aWeekendOrAHolidayIsNotAnUnconfirmedClosure() {
        // 2026-07-04 is a Saturday; Christmas 2021 fell on a Saturday and is observed Friday 2021-12-24.
        let weekend = problems("    - {date: 1️⃣2026-07-04, reason: r, citation: c, source: unverified}\n")
        #expect(
            weekend.found == [
                "\(weekend.text["1️⃣"]): 2026-07-04 is a Saturday, already not a court day; an unconfirmed "
                    + "closure is a weekday the calendar counts as open"
            ])
        let observed = problems("    - {date: 1️⃣2021-12-24, reason: r, citation: c, source: unverified}\n")
        #expect(
            observed.found == [
                "\(observed.text["1️⃣"]): 2021-12-24 is Christmas Day (observed), already not a court day; an "
                    + "unconfirmed closure is a weekday the calendar counts as open"
            ])
    }

    @Test func aDayListedTwiceOrNotARealDateIsAnError() {
        let twice = problems(
            "    - {date: 2026-07-03, reason: r, citation: c, source: unverified}\n"
                + "    - {date: 1️⃣2026-07-03, reason: s, citation: c, source: secondary}\n")
        #expect(
            twice.found == [
                "\(twice.text["1️⃣"]): 2026-07-03 is listed twice as an unconfirmed closure (first at line 9)"
            ])
        let unreal = problems("    - {date: 1️⃣2026-02-30, reason: r, citation: c, source: unverified}\n")
        #expect(unreal.found == ["\(unreal.text["1️⃣"]): '2026-02-30' is not a real calendar date"])
    }

    @Test func aClosureNeedsItsReasonAndSourceLevel() {
        let bare = problems("    - 1️⃣{date: 2026-07-03, citation: c}\n")
        #expect(bare.found.count == 2)
        #expect(bare.found.allSatisfy { $0.hasPrefix("\(bare.text["1️⃣"]): ") })
        #expect(bare.found.contains { $0.contains("'reason'") } && bare.found.contains { $0.contains("'source'") })
    }
}
