import Bailiwick
import Testing

/// The limits that keep a hostile condition from exhausting the stack: nesting depth and length.
struct ConditionLimitsTests {
    let checker = ConditionTypeChecker(facts: ConditionTests.facts)

    func error(_ text: String) -> ConditionError? {
        do {
            _ = try checker.compile(text)
            return nil
        } catch {
            return error
        }
    }

    func parenthesised(_ levels: Int) -> String {
        String(repeating: "(", count: levels) + "consent" + String(repeating: ")", count: levels)
    }

    @Test func sixtyFourLevelsAreAcceptedAndSixtyFiveAreNot() throws {
        #expect(error(parenthesised(64)) == nil)
        #expect(error(parenthesised(65))?.message == "the condition is nested more than 64 levels deep")
        #expect(error(parenthesised(65))?.offset == 64)
        #expect(error(String(repeating: "not ", count: 64) + "consent") == nil)
        let nots = error(String(repeating: "not ", count: 65) + "consent")
        #expect(nots?.message == "the condition is nested more than 64 levels deep")
        #expect(nots?.offset == 64 * 4)
        // Each level of a list inside parentheses counts too.
        func list(inside levels: Int) -> String {
            String(repeating: "(", count: levels) + "role in [\"tenant\"]" + String(repeating: ")", count: levels)
        }
        #expect(error(list(inside: 63)) == nil)
        #expect(
            error(list(inside: 64))?.message
                == "the condition is nested more than 64 levels deep")
    }

    @Test func aLongFlatChainIsRefusedNotACrash() {
        // Flat chains are not nested, but every `and` is one more level of recursion later on.
        let chain = Array(repeating: "consent", count: 40_000).joined(separator: " and ")
        #expect(error(chain)?.message == "the condition has more than 500 facts and values")
        let ors = Array(repeating: "amount > 1", count: 40_000).joined(separator: " or ")
        #expect(error(ors)?.message == "the condition has more than 500 facts and values")
    }

    @Test func fiveHundredTermsAreAcceptedAndEvaluated() throws {
        let longest = Array(repeating: "consent", count: 500).joined(separator: " and ")
        let condition = try checker.compile(longest)
        var facts = FactValues(slotCount: ConditionTests.facts.count)
        facts[ConditionTests.facts["consent"]!.slot] = .boolean(true)
        #expect(condition.evaluate(facts) == .true)
        let tooLong = longest + " and consent"
        let refused = error(tooLong)
        #expect(refused?.message == "the condition has more than 500 facts and values")
        // The error points at the first term over the limit.
        #expect(refused?.offset == longest.unicodeScalars.count + 5)
        // A list's items are terms too.
        let list = "amount in [" + Array(repeating: "1", count: 500).joined(separator: ", ") + "]"
        #expect(error(list)?.message == "the condition has more than 500 facts and values")
    }
}
