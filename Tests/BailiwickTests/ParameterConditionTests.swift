import Bailiwick
import Testing

/// Conditions that read a dated parameter: the value in force on the date, and nothing guessed
/// before the first one.
struct ParameterConditionTests {
    static let limit = Parameter(
        id: "limit", jurisdiction: "xx", description: "The most a claim may be.", type: .integer, unit: "dollars",
        values: [
            // Given out of order on purpose: the model orders them by date.
            ParameterValue(
                from: CivilDate(year: 2025, month: 1, day: 1)!, value: .integer(200),
                citation: Citation(text: "Act 2", status: .primary)),
            ParameterValue(
                from: CivilDate(year: 2020, month: 1, day: 1)!, value: .integer(100),
                citation: Citation(text: "Act 1", status: .primary)),
        ])

    let checker = ConditionTypeChecker(facts: ConditionTests.facts, parameters: ["limit": limit])

    func evaluate(_ text: String, amount: Int?, on date: String?) throws -> Truth {
        var values = FactValues(slotCount: ConditionTests.facts.count)
        if let amount { values[ConditionTests.facts["amount"]!.slot] = .integer(amount) }
        return try checker.compile(text).evaluate(values, on: date.flatMap { CivilDate($0) })
    }

    @Test func theValueInForceOnTheDateIsCompared() throws {
        // 2024-12-31 is the last day of 100; 2025-01-01 the first of 200.
        #expect(try evaluate("amount <= param.limit", amount: 100, on: "2024-12-31") == .true)
        #expect(try evaluate("amount <= param.limit", amount: 101, on: "2024-12-31") == .false)
        #expect(try evaluate("amount <= param.limit", amount: 200, on: "2025-01-01") == .true)
        #expect(try evaluate("amount <= param.limit", amount: 201, on: "2025-01-01") == .false)
        #expect(try evaluate("amount <= param.limit", amount: 100, on: "2020-01-01") == .true)
    }

    @Test func withoutAValueOnTheDateTheConditionIsUnknown() throws {
        #expect(try evaluate("amount <= param.limit", amount: 5, on: "2019-12-31") == .unknown)
        #expect(try evaluate("amount <= param.limit", amount: 5, on: nil) == .unknown)
        // An unknown amount stays unknown whatever the limit.
        #expect(try evaluate("amount <= param.limit", amount: nil, on: "2026-01-01") == .unknown)
    }

    @Test func aConditionNamesTheParametersItReadsAndTheirValues() throws {
        let condition = try checker.compile("amount > param.limit or param.limit < amount")
        #expect(condition.parameters.map(\.id) == ["limit"])
        #expect(condition.factSlots == [ConditionTests.facts["amount"]!.slot])
        let uses = condition.parameterUses(on: CivilDate(year: 2026, month: 3, day: 1)!)
        #expect(uses.map { $0.value?.value } == [.integer(200)])
        #expect(uses.map { $0.value?.citation.text } == ["Act 2"])
        #expect(condition.parameterUses(on: CivilDate(year: 2019, month: 1, day: 1)!).map { $0.value == nil } == [true])
    }

    @Test func aCheckerWithoutParametersSaysWhy() {
        let plain = ConditionTypeChecker(
            facts: ConditionTests.facts, parametersUnavailable: "parameters can be read only in scope rules")
        #expect(throws: ConditionError("'param.limit': parameters can be read only in scope rules", at: 9)) {
            try plain.compile("amount > param.limit")
        }
    }
}
