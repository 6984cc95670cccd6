import Bailiwick

/// The words for source levels and evidence, the same in every report, page and JSON document.
public enum SourceLevelText {
    /// What a level means, in plain words.
    public static func meaning(_ status: SourceStatus) -> String {
        switch status {
        case .primary: "the rule's own text was read, at the pinpoint cited"
        case .officialSummary: "read in the court's or bar's own summary, not the rule's text; check the rule"
        case .secondary: "read only in a secondary source; check the rule's text"
        case .unverified: "not read in any source; verify before relying on it"
        }
    }

    /// `6 primary`, `2 official-summary`, …: one entry for every level, zeros included.
    public static func counts(_ levels: SourceLevelCounts) -> [String] {
        levels.counts.map { "\($0.count) \($0.level.rawValue)" }
    }

    /// The source document a piece of evidence names, looked up in the rule's jurisdiction.
    public static func source(of evidence: Evidence, rule: ScopeRule, packs: PackSet) -> SourceDocument? {
        let sources = rule.jurisdiction.flatMap { packs.jurisdiction($0)?.sources } ?? []
        return sources.first { $0.key == evidence.sourceKey }
    }

    /// `[WA21] Washington APR 28 (version 2023-09-01)`: the source as a reviewer finds it.
    public static func sourceLabel(_ key: String, _ source: SourceDocument?) -> String {
        guard let source else { return "[\(key)]" }
        return "[\(key)] \(source.title)" + (source.version.map { " (version \($0))" } ?? "")
    }
}
