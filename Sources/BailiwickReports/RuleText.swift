import Bailiwick

/// `explain`'s report: one rule, everything about it, in words.
public struct RuleText {
    public let rule: ScopeRule
    public let packs: PackSet
    public let style: TextStyle
    /// Whether to say where the rule is written: only useful to someone who has the pack files,
    /// that is, who gave `--packs`; the shipped packs are inside the binary.
    public let showsLocation: Bool

    public init(rule: ScopeRule, packs: PackSet, style: TextStyle, showsLocation: Bool = false) {
        self.rule = rule
        self.packs = packs
        self.style = style
        self.showsLocation = showsLocation
    }

    public func render() -> String {
        var lines: [TerminalText] = []
        let place = rule.jurisdiction.flatMap { packs.jurisdiction($0)?.name } ?? "All US jurisdictions (shared rules)"
        lines.append(style.bold("\(rule.id)") + style.dim(" · \(place)"))
        lines.append("")
        lines.append("\(rule.summary)")
        lines.append("")
        let verb = rule.effect == .permit ? "Permits" : "Forbids"
        let actions: String
        switch rule.actions {
        case .all: actions = "every action"
        case .only(let ids): actions = ids.joined(separator: ", ")
        }
        lines.append("\(verb):    \(actions)")
        lines.append("Licences:   \(rule.licenses.map(\.id).joined(separator: ", "))")
        if let areas = rule.areas { lines.append("Areas:      \(areas.joined(separator: ", "))") }
        lines.append("In force:   \(rule.period.description)")
        if let when = rule.when { lines.append("Applies when: \(when.text)") }
        if !rule.requires.isEmpty {
            lines.append("Requires:")
            for requirement in rule.requires {
                lines.append("  - \(requirement.label)")
                if requirement.description != nil { lines.append(style.dim("    \(requirement.condition.text)")) }
            }
        }
        if !rule.exceptionTo.isEmpty {
            lines.append(
                "Exception to: \(rule.exceptionTo.joined(separator: ", ")) (defeats it wherever this rule applies)")
        }
        let exceptions = packs.exceptions(to: rule.id)
        if !exceptions.isEmpty {
            lines.append(
                "Exceptions:   \(exceptions.map(\.id).joined(separator: ", ")) (each defeats this rule where it "
                    + "applies)"
            )
        }
        lines.append("")
        lines.append("Citation:   \(rule.citation.text)")
        let level = rule.citation.status
        lines.append("Source:     \(level.rawValue) (\(SourceLevelText.meaning(level)))")
        let sources = rule.jurisdiction.flatMap { packs.jurisdiction($0)?.sources } ?? []
        for key in rule.citation.sourceKeys {
            let source = sources.first { $0.key == key }
            let url: TerminalText = source?.url.map { " <\($0)>" } ?? ""
            lines.append(style.dim("  \(SourceLevelText.sourceLabel(key, source))\(url)"))
        }
        if let evidence = rule.evidence {
            let source = SourceLevelText.source(of: evidence, rule: rule, packs: packs)
            lines.append("Evidence:   \(evidence.pinpoint), read \(evidence.read)")
            lines.append("  in \(SourceLevelText.sourceLabel(evidence.sourceKey, source))")
            lines.append("  \"\(evidence.words)\"")
        }
        if let remedy = rule.remedy { lines.append("Remedy:     \(remedy)") }
        if let note = rule.note { lines.append("Note:       \(note)") }
        if showsLocation, let location = rule.location { lines.append(style.dim("Defined at \(location)")) }
        return lines.joined(separator: "\n").rendered + "\n"
    }
}
