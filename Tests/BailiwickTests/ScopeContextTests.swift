import Bailiwick
import Testing

/// The audit resolves a person's licence, jurisdiction and area once (a `ScopeQuery.Context`) and asks about each
/// of their actions with it: every decision must be the one a query resolved from the ids on its own gives.
struct ScopeContextTests {
    @Test func aSharedContextDecidesAsQueriesResolvedOneByOne() throws {
        let packs = try TestPacks.shipped
        let facts = FactValues(slotCount: packs.factSlotCount)
        let dates = ["2019-06-01", "2024-03-15", "2026-01-02"].map { CivilDate($0)! }
        var decided = 0
        for jurisdiction in packs.jurisdictions {
            for license in packs.licenses(in: jurisdiction.id) {
                for areaID in [nil, packs.areas.first?.id, packs.areas.last?.id] {
                    let area = areaID.flatMap(packs.area)
                    let context = ScopeQuery.Context(
                        in: packs, jurisdiction: jurisdiction, license: license, area: area, heldAreas: nil)
                    for action in packs.actions {
                        for date in dates {
                            let shared = packs.decide(ScopeQuery(context, action: action, date: date, facts: facts))
                            let alone = packs.decide(
                                try ScopeQuery(
                                    in: packs, jurisdiction: jurisdiction.id, license: license.key.id,
                                    action: action.id, area: areaID, date: date, facts: facts))
                            let question = "\(jurisdiction.id) \(license.key.id) \(action.id) \(areaID ?? "-") \(date)"
                            #expect(shared.kind == alone.kind, "\(question)")
                            #expect(shared.area == alone.area, "\(question)")
                            #expect(shared.areaAssumed == alone.areaAssumed, "\(question)")
                            #expect(shared.licenseFinding == alone.licenseFinding, "\(question)")
                            #expect(
                                shared.rules.map { "\($0.rule.id) \($0.status)" }
                                    == alone.rules.map { "\($0.rule.id) \($0.status)" }, "\(question)")
                            #expect(shared.query.action.id == action.id, "\(question)")
                            decided += 1
                        }
                    }
                }
            }
        }
        #expect(decided > 1000)
    }
}
