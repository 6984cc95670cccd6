import Bailiwick

/// The parts of `check`'s JSON report that are the same in every decision, written once for a pack
/// set: each scope rule's members from its summary to its remedy (most of a report's bytes: the
/// citation, the evidence and its words), and its entry in `citations`. The server answers many
/// checks from one pack set and copies these instead of writing them again.
public final class DecisionJSONParts: Sendable {
    /// One rule's parts, at the depths `DecisionJSONReport` writes them.
    struct RuleParts: Sendable {
        /// Members of an item of `rules`.
        let text: JSONWriter.Fragment
        /// An item of `citations`.
        let citation: JSONWriter.Fragment
    }

    /// By rule id. An id that two rules share has no parts, so its rules are written in full.
    private let rules: [String: RuleParts]

    public init(packs: PackSet) {
        var counts: [String: Int] = [:]
        for rule in packs.rules { counts[rule.id, default: 0] += 1 }
        var rules: [String: RuleParts] = [:]
        for rule in packs.rules where counts[rule.id] == 1 {
            rules[rule.id] = RuleParts(
                text: JSONWriter.fragment(depth: 3) { DecisionJSONReport.ruleText(rule, packs: packs, to: &$0) },
                citation: JSONWriter.fragment(depth: 2) { DecisionJSONReport.citation(of: rule, to: &$0) })
        }
        self.rules = rules
    }

    subscript(rule: ScopeRule) -> RuleParts? { rules[rule.id] }
}
