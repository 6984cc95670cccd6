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
            values[definition.slot] = try value(pair.value, for: definition)
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
            switch trimmed.lowercased() {
            case "true", "yes": return .boolean(true)
            case "false", "no": return .boolean(false)
            default: throw wrong("true or false")
            }
        case .integer:
            guard let number = Int(trimmed.replacingOccurrences(of: "_", with: "")) else {
                throw wrong(fact.allowedRange)
            }
            if let allowed = fact.outOfBounds(number) { throw wrong(allowed) }
            return .integer(number)
        case .date:
            guard let date = CivilDate(trimmed) else { throw wrong("a date written YYYY-MM-DD") }
            return .date(date)
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
        let sentence =
            Suggestions.message("'\(value)' is not a value of \(fact.id)", for: value, in: allowed)
            + " (values: \(allowed.joined(separator: ", ")))"
        throw .invalid(.fact, .fact(sentence))
    }

    /// A fact's definition by id, or the unknown-id error with a suggestion.
    public static func fact(_ id: String, in packs: PackSet) throws(RequestError) -> FactDefinition {
        guard let definition = packs.fact(id) else {
            throw .unknown(QueryError(.fact, id, candidates: packs.facts.map(\.id)))
        }
        return definition
    }
}
