import Bailiwick

/// The parts of `check`'s JSON report that are the same in every decision, written once for a pack
/// set: each scope rule's id and effect, its members from its summary to its remedy (most of a
/// report's bytes: the citation, the evidence and its words), its requirements' texts and its entry
/// in `citations`, and each licence's notes. The server answers many checks from one pack set and
/// copies these instead of writing them again.
public final class DecisionJSONParts: Sendable {
    /// One rule's parts, at the depths `DecisionJSONReport` writes them.
    struct RuleParts: Sendable {
        /// The first members of an item of `rules`, before those the decision sets.
        let head: JSONWriter.Fragment
        /// Members of an item of `rules`, after those the decision sets.
        let text: JSONWriter.Fragment
        /// The first members of an item of `conditions`, one for each requirement of the rule.
        let requirements: [JSONWriter.Fragment]
        /// An item of `citations`.
        let citation: JSONWriter.Fragment
    }

    /// By rule, found by identity: no id is hashed for an answer. The rules are kept, so that no
    /// other object can take one's place while the parts live.
    private let rules: [ObjectIdentifier: RuleParts]
    private let kept: [ScopeRule]
    /// By licence, the notes that depend on the licence alone (its closed admissions, its only
    /// area taken for one not given), as items of `notes`.
    private let licenseNotes: [ObjectIdentifier: [(note: DecisionNote, item: JSONWriter.Fragment)]]
    private let keptLicenses: [License]

    public init(packs: PackSet) {
        var rules: [ObjectIdentifier: RuleParts] = [:]
        for rule in packs.rules {
            rules[ObjectIdentifier(rule)] = RuleParts(
                head: JSONWriter.fragment(depth: 3) { DecisionJSONReport.ruleHead(rule, to: &$0) },
                text: JSONWriter.fragment(depth: 3) { DecisionJSONReport.ruleText(rule, packs: packs, to: &$0) },
                requirements: rule.requires.indices.map { index in
                    JSONWriter.fragment(depth: 3) { DecisionJSONReport.requirementText(index, of: rule, to: &$0) }
                },
                citation: JSONWriter.fragment(depth: 2) { DecisionJSONReport.citation(of: rule, to: &$0) })
        }
        self.rules = rules
        kept = packs.rules
        var licenseNotes: [ObjectIdentifier: [(note: DecisionNote, item: JSONWriter.Fragment)]] = [:]
        for license in packs.licenses {
            var notes: [DecisionNote] = []
            if let closed = license.admissionsUntil { notes.append(.admissionsClosed(closed)) }
            if case .only(let areas) = license.areas, areas.count == 1 { notes.append(.areaAssumed(areas[0])) }
            licenseNotes[ObjectIdentifier(license)] = notes.map { note in
                let text = DecisionText.licenseNote(note, of: license)
                return (note, JSONWriter.fragment(depth: 2) { $0.string(text) })
            }
        }
        self.licenseNotes = licenseNotes
        keptLicenses = packs.licenses
    }

    subscript(rule: ScopeRule) -> RuleParts? { rules[ObjectIdentifier(rule)] }

    /// The note as an item of `notes`, when it depends on the licence alone.
    func note(_ note: DecisionNote, license: License) -> JSONWriter.Fragment? {
        licenseNotes[ObjectIdentifier(license)]?.first { $0.note == note }?.item
    }
}
