import Bailiwick
import Foundation

/// Parses `--fact id=value` arguments against the packs' fact definitions.
public enum FactArguments {
    /// `id=value` arguments, as `--fact` takes them.
    public static func parse(_ arguments: [String], packs: PackSet) throws(RequestError) -> FactValues {
        try parse(pairs: pairs(arguments), packs: packs)
    }

    /// Splits `id=value` arguments.
    public static func pairs(_ arguments: [String]) throws(RequestError) -> [(id: String, value: String)] {
        var pairs: [(id: String, value: String)] = []
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                let sentence = "fact '\(argument)' needs a value: write id=value, e.g. written-contract=true"
                throw .invalid(.fact, .fact(sentence))
            }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        return pairs
    }

    /// Facts by id with their values as text; an empty list value means "none".
    public static func parse(pairs: [(id: String, value: String)], packs: PackSet) throws(RequestError) -> FactValues {
        var values = FactValues(slotCount: packs.factSlotCount)
        for pair in pairs {
            let id = pair.id.trimmingCharacters(in: .whitespaces)
            let definition = try fact(id, in: packs)
            let value = try value(pair.value, for: definition)
            // Given twice, a fact must say the same both times: the last one winning would decide
            // on a value the user may have meant to replace, or not.
            if let earlier = values[definition.slot], earlier != value {
                throw .invalid(.fact, .fact("\(definition.id) is given twice, as '\(earlier)' and as '\(value)'"))
            }
            values[definition.slot] = value
        }
        return values
    }

    public static func value(_ text: String, for fact: FactDefinition) throws(RequestError) -> FactValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func wrong(_ expected: String) -> RequestError {
            .invalid(.fact, .fact("'\(text)' is not a value for \(fact.id): it takes \(expected)"))
        }
        switch fact.type {
        case .boolean:
            guard let yes = ValueSyntax.boolean(trimmed) else { throw wrong(ValueSyntax.yesOrNoWords) }
            return .boolean(yes)
        case .integer:
            guard let number = ValueSyntax.integer(trimmed) else { throw wrong(fact.allowedRange) }
            if let allowed = fact.outOfBounds(number) { throw wrong(allowed) }
            return .integer(number)
        case .date:
            switch ValueSyntax.date(trimmed) {
            case .success(let date): return .date(date)
            case .failure(.notARealDate): throw wrong("a real date written YYYY-MM-DD")
            case .failure:
                throw wrong("a date written YYYY-MM-DD" + (ValueSyntax.dateHint(trimmed).map { ": \($0)" } ?? ""))
            }
        case .string:
            try check(trimmed, against: fact)
            return .string(trimmed)
        case .list:
            let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            for item in items { try check(item, against: fact) }
            return .list(Set(items))
        }
    }

    private static func check(_ value: String, against fact: FactDefinition) throws(RequestError) {
        guard let allowed = fact.allowedValues, !allowed.contains(value) else { return }
        throw .invalid(.fact, .notAllowedValue(fact: fact.id, given: value, allowed: allowed))
    }

    /// A fact's definition by id, or the unknown-id error with a suggestion.
    public static func fact(_ id: String, in packs: PackSet) throws(RequestError) -> FactDefinition {
        guard let definition = packs.fact(id) else {
            throw .unknown(QueryError(.fact, id, candidates: packs.facts.map(\.id)))
        }
        return definition
    }
}
