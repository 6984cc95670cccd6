import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// The server writes each rule's unchanging part of `/v1/check`'s answer once (`DecisionJSONParts`)
/// and copies it into every answer: the answers must be the command line's, byte for byte.
@Suite struct CheckAnswerTests {
    /// Every licence and action of every jurisdiction, on dates before and after most rules began,
    /// with the boolean facts given on alternate questions (true on some, false on others), and the
    /// practice area left out of every fourth action of a licence that lists its areas (its only
    /// area is then taken, with a note), on the later date, when closed admissions are noted too.
    @Test func everyDecisionIsWrittenTheSameWithItsRulesPartsWrittenOnce() throws {
        let packs = Server.packs
        let parts = DecisionJSONParts(packs: packs)
        let dates = ["2013-06-01", "2026-03-01"].compactMap(CivilDate.init)
        var rulesWritten = Set<String>()
        var decisions = 0
        var seen = (assumed: 0, closed: 0, both: 0, requirements: 0)
        for jurisdiction in packs.jurisdictions {
            for license in packs.licenses(in: jurisdiction.id) {
                for (number, action) in packs.actions.enumerated() {
                    var facts = FactValues(slotCount: packs.factSlotCount)
                    for fact in packs.facts where fact.type == .boolean && number % 3 != 0 {
                        facts[fact.slot] = .boolean(number % 3 == 1)
                    }
                    let area: String? =
                        if case .only(let areas) = license.areas, number % 4 != 1 {
                            areas[number % areas.count]
                        } else {
                            nil
                        }
                    let query = try ScopeQuery(
                        in: packs, jurisdiction: jurisdiction.id, license: license.key.id, action: action.id,
                        area: area, date: dates[number % dates.count], facts: facts)
                    let decision = packs.decide(query)
                    let copied = DecisionJSONReport.document(decision, packs: packs, parts: parts)
                    let written = DecisionJSONReport.document(decision, packs: packs)
                    #expect(copied == written, "\(jurisdiction.id) \(license.key.id) \(action.id)")
                    rulesWritten.formUnion(decision.rules.map(\.rule.id))
                    let notes = decision.notes
                    let assumed = notes.contains { if case .areaAssumed = $0 { true } else { false } }
                    let closed = notes.contains { if case .admissionsClosed = $0 { true } else { false } }
                    seen.assumed += assumed ? 1 : 0
                    seen.closed += closed ? 1 : 0
                    seen.both += assumed && closed ? 1 : 0
                    seen.requirements += decision.requirements.count
                    decisions += 1
                }
            }
        }
        #expect(decisions > 500)
        // Each fixed part was copied: both licence notes, alone and together, and requirements' texts.
        #expect(seen.assumed > 0 && seen.closed > 0 && seen.both > 0)
        #expect(seen.requirements > 0)
        // Every rule's parts were compared in at least one answer.
        #expect(Set(packs.rules.map(\.id)).subtracting(rulesWritten).sorted() == [])
    }

    /// A fragment's items are the bytes the writer writes in place, first or not, in an object or an array.
    @Test func aFragmentIsWhatTheWriterWritesInPlace() {
        func twoMembers(_ writer: inout JSONWriter) {
            writer.member("text", "a \"quoted\" word")
            writer.member("list", strings: ["x", "y"])
        }
        func oneItem(_ writer: inout JSONWriter) { writer.object { $0.member("id", 1) } }
        let members = JSONWriter.fragment(depth: 2, twoMembers)
        let item = JSONWriter.fragment(depth: 2, oneItem)
        let empty = JSONWriter.fragment(depth: 2) { _ in }
        func document(copying: Bool) -> String {
            var writer = JSONWriter()
            writer.object { writer in
                writer.member(
                    "first",
                    object: { writer in
                        if copying { writer.append(members) } else { twoMembers(&writer) }
                        if copying { writer.append(empty) }
                    })
                writer.member(
                    "after",
                    object: { writer in
                        writer.member("id", "z")
                        if copying { writer.append(members) } else { twoMembers(&writer) }
                    })
                writer.member(
                    "items",
                    array: { writer in
                        for _ in 0..<2 { if copying { writer.append(item) } else { oneItem(&writer) } }
                    })
                writer.member("none", object: { if copying { $0.append(empty) } })
            }
            return writer.text
        }
        #expect(document(copying: true) == document(copying: false))
        #expect(document(copying: false).contains("\"none\": {}"))
    }
}
