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

    /// By rule, found by identity: no id is hashed for an answer. The rules are kept, so that no
    /// other object can take one's place while the parts live.
    private let rules: [ObjectIdentifier: RuleParts]
    private let kept: [ScopeRule]

    public init(packs: PackSet) {
        var rules: [ObjectIdentifier: RuleParts] = [:]
        for rule in packs.rules {
            rules[ObjectIdentifier(rule)] = RuleParts(
                text: JSONWriter.fragment(depth: 3) { DecisionJSONReport.ruleText(rule, packs: packs, to: &$0) },
                citation: JSONWriter.fragment(depth: 2) { DecisionJSONReport.citation(of: rule, to: &$0) })
        }
        self.rules = rules
        kept = packs.rules
    }

    subscript(rule: ScopeRule) -> RuleParts? { rules[ObjectIdentifier(rule)] }
}
