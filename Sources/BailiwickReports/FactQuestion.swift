import Bailiwick

/// A fact asked about, one at a time, in guided intake (`check --interactive`): its plain
/// description and what it takes, then the answer read by the one parser every input uses.
public enum FactQuestion {
    /// "Is there a written contract …? (yes or no)".
    public static func prompt(_ fact: FactDefinition) -> String {
        "\(fact.description) [\(fact.id)] (\(takes(fact))): "
    }

    /// What an answer may be, in words.
    public static func takes(_ fact: FactDefinition) -> String {
        switch fact.type {
        case .boolean: "yes or no"
        case .integer: fact.allowedRange
        case .date: "a date, YYYY-MM-DD"
        case .string: fact.allowedValues.map { "one of: \($0.joined(separator: ", "))" } ?? "text"
        case .list:
            "comma-separated, or empty for none"
                + (fact.allowedValues.map { "; of: \($0.joined(separator: ", "))" } ?? "")
        }
    }

    /// The next fact whose value could change the decision, if the answer is not settled: the
    /// decision's own list of what it is missing, so nothing is asked that cannot matter.
    public static func next(for decision: ScopeDecision, in packs: PackSet) -> FactDefinition? {
        guard !decision.isOutOfScope, decision.kind == .undetermined || decision.kind == .conditional else {
            return nil
        }
        for missing in decision.missingFacts {
            if case .fact(let id) = missing, let fact = packs.fact(id) { return fact }
        }
        return nil
    }
}
