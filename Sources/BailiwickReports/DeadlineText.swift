import Bailiwick

/// `deadlines`' report for people: the date, then how it was computed.
public struct DeadlineText {
    public let item: DeadlineItem
    public let packs: PackSet
    public let style: TextStyle
    public let hints: DeadlineHints

    public init(item: DeadlineItem, packs: PackSet, style: TextStyle, hints: DeadlineHints = .plain) {
        self.item = item
        self.packs = packs
        self.style = style
        self.hints = hints
    }

    public func render() -> String {
        var lines: [TerminalText] = []
        let place = packs.jurisdiction(item.jurisdiction)?.name ?? item.jurisdiction
        let rule: TerminalText = item.ruleID.map { " · \($0)" } ?? ""
        lines.append(style.bold("\(item.title)") + style.dim(" · \(place)\(rule)"))
        let relation = item.direction == .after ? "after" : "before"
        let event = item.triggerEvent.flatMap { packs.event($0)?.name.lowercased() } ?? "the trigger"
        lines.append(
            "  " + style.bold("\(item.headline)") + "  (\(item.period) \(relation) \(event) on \(item.triggerDate))")
        if let citation = item.citation {
            lines.append("  Rule: \(citation.text) · source: \(citation.status.rawValue)")
        }
        if let inForce = item.inForce { lines.append("  The rule is \(inForce).") }
        let version = item.computed.version
        lines.append("")
        let versionText =
            version.period == EffectivePeriod() ? "its only version" : "version in force \(version.period.description)"
        lines.append(
            style.bold("How the date was computed") + style.dim(" (\(item.computed.timeRule.name), \(versionText))"))
        for (number, step) in item.computed.trace.enumerated() {
            let citation: TerminalText = step.citation.map { style.dim("  [\($0)]") } ?? ""
            lines.append("  \(number + 1). \(TraceText.sentence(step.step))" + citation)
        }
        if !item.computed.closureWarnings.isEmpty {
            lines.append("")
            lines.append(style.bold("Depends on court closures not confirmed"))
            for warning in item.computed.closureWarnings {
                let citation = warning.closure.citation
                lines.append("  \(ClosureWarningText.sentence(warning, kind: item.kind))")
                lines.append(style.dim("    [\(citation.text) · source: \(citation.status.rawValue)]"))
            }
        }
        if !item.alternatives.isEmpty {
            lines.append("")
            lines.append(style.bold("Depends on facts not given"))
            for alternative in item.alternatives {
                let date =
                    alternative.date.map { "\($0.weekday) \($0)" } ?? hints.undecidable
                let from: TerminalText =
                    alternative.trigger.flatMap { $0 == item.triggerEvent ? nil : packs.event($0)?.name.lowercased() }
                    .map { " (counted from \($0))" } ?? ""
                lines.append(
                    "  If \(alternative.label)\(from): \(date)"
                        + (alternative.citation.map { style.dim("  [\($0)]") } ?? ""))
                lines.append(style.dim("    \(hints.facts(alternative.unknownFacts))"))
            }
        }
        if item.weakestSource != .primary {
            lines.append("")
            lines.append(
                style.yellow("Caution")
                    + ": part of this computation rests on a rule marked \(item.weakestSource.rawValue); check the "
                    + "rule's text before relying on the date."
            )
        }
        for note in item.notes { lines.append(style.dim("Note: \(note)")) }
        lines.append(style.dim("\(DecisionText.disclaimer)"))
        return lines.joined(separator: "\n").rendered + "\n"
    }
}
