import Bailiwick
import Testing

/// `ScopeDecision.explanation` works out a decision's lists together from one evaluation of its rules (what the
/// JSON answer writes); each must be the list the decision gives when it is read alone.
struct ScopeExplanationTests {
    @Test func theExplanationHoldsTheListsTheDecisionGivesOneByOne() throws {
        let packs = try TestPacks.shipped
        let dates = ["2013-06-01", "2026-03-01"].map { CivilDate($0)! }
        var listed = (requirements: 0, missingFacts: 0, factsRead: 0, parameters: 0, notes: 0, weaklySourced: 0)
        for jurisdiction in packs.jurisdictions {
            for license in packs.licenses(in: jurisdiction.id) {
                for (number, action) in packs.actions.enumerated() {
                    // Boolean facts true on some questions, false on others, unknown on the rest.
                    var facts = FactValues(slotCount: packs.factSlotCount)
                    for fact in packs.facts where fact.type == .boolean && number % 3 != 0 {
                        facts[fact.slot] = .boolean(number % 3 == 1)
                    }
                    let decision = packs.decide(
                        try ScopeQuery(
                            in: packs, jurisdiction: jurisdiction.id, license: license.key.id, action: action.id,
                            area: nil, date: dates[number % dates.count], facts: facts))
                    let explanation = decision.explanation
                    let question = "\(jurisdiction.id) \(license.key.id) \(action.id)"
                    #expect("\(explanation.rules)" == "\(decision.rules)", "\(question)")
                    #expect("\(explanation.decisiveRules)" == "\(decision.decisiveRules)", "\(question)")
                    #expect("\(explanation.requirements)" == "\(decision.requirements)", "\(question)")
                    #expect(explanation.missingFacts == decision.missingFacts, "\(question)")
                    #expect("\(explanation.factsRead)" == "\(decision.factsRead)", "\(question)")
                    #expect("\(explanation.parametersUsed)" == "\(decision.parametersUsed)", "\(question)")
                    #expect(explanation.notes == decision.notes, "\(question)")
                    #expect(
                        explanation.weaklySourcedRules.map(\.id) == decision.weaklySourcedRules.map(\.id),
                        "\(question)")
                    listed.weaklySourced += explanation.weaklySourcedRules.count
                    listed.requirements += explanation.requirements.count
                    listed.missingFacts += explanation.missingFacts.count
                    listed.factsRead += explanation.factsRead.count
                    listed.parameters += explanation.parametersUsed.count
                    listed.notes += explanation.notes.count
                }
            }
        }
        // Every list was compared where it held something.
        #expect(listed.requirements > 0 && listed.missingFacts > 0 && listed.factsRead > 0)
        #expect(listed.parameters > 0 && listed.notes > 0 && listed.weaklySourced > 0)
    }
}
