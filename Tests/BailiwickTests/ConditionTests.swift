import Bailiwick
import Testing

/// The condition language: parsing, type checking with positions, and three-valued evaluation.
struct ConditionTests {
    static let facts: [String: FactDefinition] = {
        let definitions: [(String, FactType, [String]?)] = [
            ("consent", .boolean, nil), ("pro-se", .boolean, nil), ("amount", .integer, nil),
            ("issues", .list, ["qdro", "bankruptcy"]), ("role", .string, ["tenant", "landlord"]),
            ("served-on", .date, nil), ("name", .string, nil),
        ]
        return Dictionary(
            uniqueKeysWithValues: definitions.enumerated().map { slot, entry in
                (
                    entry.0,
                    FactDefinition(id: entry.0, type: entry.1, description: entry.0, allowedValues: entry.2, slot: slot)
                )
            })
    }()

    let checker = ConditionTypeChecker(facts: ConditionTests.facts)

    func evaluate(_ text: String, _ given: [String: FactValue]) throws -> Truth {
        var values = FactValues(slotCount: Self.facts.count)
        for (id, value) in given { values[Self.facts[id]!.slot] = value }
        return try checker.compile(text).evaluate(values)
    }

    func error(_ text: String) -> ConditionError? {
        do {
            _ = try checker.compile(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func kleeneLogicKeepsUnknownsUnknown() throws {
        #expect(try evaluate("consent and pro-se", ["consent": .boolean(false)]) == .false)
        #expect(try evaluate("consent and pro-se", ["consent": .boolean(true)]) == .unknown)
        #expect(try evaluate("consent or pro-se", ["consent": .boolean(true)]) == .true)
        #expect(try evaluate("consent or pro-se", ["consent": .boolean(false)]) == .unknown)
        #expect(try evaluate("not consent", [:]) == .unknown)
        #expect(try evaluate("not consent", ["consent": .boolean(false)]) == .true)
    }

    @Test func notBindsTighterThanAndWhichBindsTighterThanOr() throws {
        // Read as (not consent) or (pro-se and consent).
        let facts: [String: FactValue] = ["consent": .boolean(true), "pro-se": .boolean(false)]
        #expect(try evaluate("not consent or pro-se and consent", facts) == .false)
        #expect(try evaluate("not (consent or pro-se) and consent", facts) == .false)
        #expect(try evaluate("(not consent or pro-se) or consent", facts) == .true)
    }

    @Test func comparisonsOnNumbersDatesAndStrings() throws {
        #expect(try evaluate("amount <= 11000", ["amount": .integer(11000)]) == .true)
        #expect(try evaluate("amount < 11000", ["amount": .integer(11000)]) == .false)
        #expect(try evaluate("amount >= -5", ["amount": .integer(-5)]) == .true)
        #expect(try evaluate("served-on >= 2023-01-05", ["served-on": .date(CivilDate("2023-01-04")!)]) == .false)
        #expect(try evaluate(#"role == "tenant""#, ["role": .string("tenant")]) == .true)
        #expect(try evaluate(#"role != "tenant""#, [:]) == .unknown)
    }

    @Test func membershipAndOverlap() throws {
        #expect(try evaluate(#""qdro" in issues"#, ["issues": .list(["qdro"])]) == .true)
        #expect(try evaluate(#""qdro" not in issues"#, ["issues": .list([])]) == .true)
        #expect(try evaluate(#"role in ["tenant"]"#, ["role": .string("landlord")]) == .false)
        #expect(
            try evaluate(#"issues contains-any ["qdro", "bankruptcy"]"#, ["issues": .list(["bankruptcy"])]) == .true)
        #expect(try evaluate(#"issues contains-any ["qdro"]"#, ["issues": .list([])]) == .false)
        #expect(try evaluate(#"issues contains-any ["qdro"]"#, [:]) == .unknown)
    }

    @Test func typeErrorsPointInsideTheCondition() {
        #expect(
            error("consent and amont > 5") == ConditionError("unknown fact 'amont'; did you mean 'amount'?", at: 12))
        #expect(error("amount > \"ten\"") == ConditionError("'>' compares an integer with a string", at: 7))
        #expect(
            error("amount")
                == ConditionError("'amount' is an integer fact, not a condition; compare it with a value", at: 0))
        #expect(
            error(#"role == "tennant""#)
                == ConditionError("'tennant' is not a value of 'role'; did you mean 'tenant'?", at: 8))
        #expect(error(#"role < "tenant""#) == ConditionError("'<' orders numbers and dates only, not strings", at: 5))
        #expect(
            error(#"issues contains-any [qdro]"#)
                == ConditionError(#"list items must be strings in double quotes: write "qdro""#, at: 21))
    }

    @Test func syntaxErrorsPointAtTheProblem() {
        #expect(
            error("consent and") == ConditionError("the condition ends too early; expected a fact or a value", at: 11))
        #expect(error("(consent") == ConditionError("expected ')' to close the '(' at column 1", at: 8))
        #expect(
            error("consent pro-se")
                == ConditionError("unexpected word 'pro-se'; expected 'and', 'or' or the end of the condition", at: 8))
        #expect(error("amount > 2026-02-30") == ConditionError("'2026-02-30' is not a real calendar date", at: 9))
        #expect(error("consent & pro-se") == ConditionError("unexpected character '&'", at: 8))
        #expect(error(#"role == "tenant"#) == ConditionError("unterminated string", at: 8))
        #expect(error("") == ConditionError("the condition is empty", at: 0))
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "consent" + String(repeating: ")", count: 5000)
        #expect(error(deep)?.message.contains("nested more than") == true)
        let manyNots = String(repeating: "not ", count: 5000) + "consent"
        #expect(error(manyNots)?.message.contains("nested more than") == true)
    }
}
