import Bailiwick
import Testing

/// Scope decisions evaluate conditions laid out as steps (`ConditionProgram`), not by walking
/// `CompiledCondition`: the two must give the same truth for every condition of every shipped
/// rule, over many assignments of its facts (unknown, each value the condition names, values
/// beside them, values of the wrong type) and dates around its parameters' dates.
struct ConditionProgramTests {
    @Test func theLaidOutFormAgreesWithTheEvaluatorOnEveryShippedRuleCondition() throws {
        let packs = try TestPacks.shipped
        var random = SeededRandom(seed: 21)
        var checked = 0
        for rule in packs.rules {
            for condition in [rule.when].compactMap({ $0 }) + rule.requires.map(\.condition) {
                let slots = Array(Set(condition.factSlots)).sorted()
                let choices = slots.map { slot in
                    Self.values(for: packs.facts.first { $0.slot == slot }!, in: condition.compiled)
                }
                let dates = Self.dates(around: condition)
                var assignments: [[FactValue?]] = [slots.map { _ in nil }]
                for choice in choices.indices {
                    // Each value of each fact with the others unknown, then at random.
                    for value in choices[choice] {
                        assignments.append(slots.indices.map { $0 == choice ? value : nil })
                    }
                }
                for _ in 0..<200 { assignments.append(choices.map { $0[random.below($0.count)] }) }
                for assignment in assignments {
                    var facts = FactValues(slotCount: packs.factSlotCount)
                    for (slot, value) in zip(slots, assignment) { facts[slot] = value }
                    for date in dates {
                        let expected = condition.evaluate(facts, on: date)
                        let laidOut = condition.evaluateLaidOut(facts, on: date)
                        if laidOut != expected {
                            Issue.record("\(rule.id): '\(condition.text)' on \(date): \(laidOut), not \(expected)")
                            return
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 50_000)
    }

    /// 32 truth values fill the stack; a condition nested deeper is evaluated as `CompiledCondition`,
    /// with the same results.
    @Test(arguments: [1, 2, 31, 32, 33, 40])
    func aConditionNestedDeeperThanTheStackGivesTheSameTruth(depth: Int) {
        // a and (a and (... and a)): each `and` waits on everything to its right.
        var compiled = CompiledCondition.fact(slot: depth - 1)
        for slot in (0..<(depth - 1)).reversed() { compiled = .and(.fact(slot: slot), .or(.constant(false), compiled)) }
        let condition = Condition(text: "nested", compiled: compiled, factSlots: Array(0..<depth))
        let date = CivilDate(year: 2026, month: 3, day: 1)!
        for hole in [nil, 0, depth / 2, depth - 1] as [Int?] {
            for value in [nil, false, true] as [Bool?] {
                var facts = FactValues(slotCount: depth)
                for slot in 0..<depth { facts[slot] = .boolean(true) }
                if let hole { facts[hole] = value.map(FactValue.boolean) }
                #expect(condition.evaluateLaidOut(facts, on: date) == condition.evaluate(facts, on: date))
            }
        }
    }

    /// The values to try for a fact: unknown, what the condition compares it with, values next to
    /// those, and one of another type.
    static func values(for fact: FactDefinition, in condition: CompiledCondition) -> [FactValue?] {
        let named = constants(in: condition)
        var values: [FactValue?] = [nil]
        switch fact.type {
        case .boolean:
            values += [.boolean(false), .boolean(true), .integer(1)]
        case .integer:
            let numbers = named.compactMap { if case .integer(let number) = $0 { number } else { nil } }
            let edges = [0, 1, -1, fact.minimum, fact.maximum].compactMap { $0 }
            for number in Set(numbers.flatMap { [$0 - 1, $0, $0 + 1] } + edges).sorted() {
                values.append(.integer(number))
            }
            values.append(.string("1"))
        case .date:
            let days = named.compactMap { if case .date(let date) = $0 { date.dayNumber } else { nil } }
            for day in Set(days.flatMap { [$0 - 1, $0, $0 + 1] } + [0, 20_000]).sorted() {
                values.append(.date(CivilDate(dayNumber: day)!))
            }
            values.append(.integer(0))
        case .string:
            let strings = named.compactMap { if case .string(let text) = $0 { text } else { nil } }
            let lists = named.compactMap { if case .list(let items) = $0 { items } else { nil } }.flatMap { $0 }
            for text in Set(strings + lists + (fact.allowedValues ?? []) + ["", "something else"]).sorted() {
                values.append(.string(text))
            }
            values.append(.boolean(true))
        case .list:
            let items =
                named.flatMap { value -> [String] in
                    switch value {
                    case .string(let text): [text]
                    case .list(let items): Array(items)
                    default: []
                    }
                } + (fact.allowedValues ?? [])
            let sorted = Array(Set(items)).sorted()
            values += [.list([]), .list(["something else"]), .list(Set(sorted))]
            for item in sorted.prefix(12) { values += [.list([item]), .list([item, "something else"])] }
            values.append(.string(sorted.first ?? ""))
        }
        return values
    }

    /// The decision dates to try: a few fixed ones, and each parameter value's first day and the day before.
    static func dates(around condition: Condition) -> [CivilDate] {
        var days = Set(["2000-01-01", "2018-06-01", "2026-03-01"].compactMap { CivilDate($0)?.dayNumber })
        for parameter in condition.parameters {
            for value in parameter.values { days.formUnion([value.from.dayNumber - 1, value.from.dayNumber]) }
        }
        return days.sorted().compactMap { CivilDate(dayNumber: $0) }
    }

    /// The values a condition compares facts with, and its parameters' values.
    static func constants(in condition: CompiledCondition) -> [FactValue] {
        func operand(_ operand: CompiledCondition.Operand) -> [FactValue] {
            switch operand {
            case .fact: []
            case .value(let value): [value]
            case .parameter(let parameter): parameter.values.map(\.value)
            }
        }
        switch condition {
        case .constant, .fact: return []
        case .not(let inner): return constants(in: inner)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return constants(in: lhs) + constants(in: rhs)
        case .compare(let lhs, _, let rhs), .member(let lhs, in: let rhs), .overlaps(let lhs, let rhs):
            return operand(lhs) + operand(rhs)
        }
    }
}
