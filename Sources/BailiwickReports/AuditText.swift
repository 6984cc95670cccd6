import Bailiwick

/// `audit`'s report for people: per matter, the findings by severity, then the follow-up list;
/// for a caseload, a summary table first.
public struct AuditText: AuditReporter {
    public let style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public var separator: String { "" }

    public func head(_ summary: CaseloadSummary) -> String {
        guard summary.isCaseload else { return "" }
        var lines: [TerminalText] = [
            style.bold("Caseload: \(summary.matterCount) matter files")
                + (summary.invalid.isEmpty ? "" : style.red(" (\(summary.invalid.count) could not be read)"))
                + (summary.asOf.map { " · as of \($0)" } ?? "")
        ]
        var rows = [["matter", "jurisdiction", "type", "errors", "warnings", "next deadline", "file"]]
        for row in summary.rows {
            rows.append([
                row.id, row.jurisdiction, row.type ?? "-", String(row.errors), String(row.warnings),
                row.nextDeadline?.description ?? "-", row.file,
            ])
        }
        for invalid in summary.invalid { rows.append(["(unreadable)", "-", "-", "-", "-", "-", invalid.file]) }
        lines += TextStyle.table(rows).rendered.split(separator: "\n").map { TerminalText(trusted: "  " + $0) }
        lines.append(style.dim("  worst first: most errors, then most warnings, then the nearest deadline"))
        return lines.joined(separator: "\n").rendered + "\n"
    }

    public func matter(_ report: AuditReport, in caseload: Bool) -> String {
        // Written line by line into one buffer: a caseload renders this once a matter.
        var output: TerminalText = ""
        output.reserveCapacity(8 << 10)
        if caseload {
            output += Self.rule
            output += "\n"
        }
        write(report, to: &output)
        return output.rendered
    }

    public func unreadable(_ invalid: UnreadableMatter, in caseload: Bool) -> String {
        var lines: [TerminalText] = caseload ? [Self.rule] : []
        lines.append(
            style.red("Could not read \(invalid.file)") + " (\(plural(invalid.problems.errors.count, "problem"))):")
        lines += invalid.problems.diagnostics.map { "\($0.description)" }
        return lines.joined(separator: "\n").rendered + "\n"
    }

    public func tail(_ summary: CaseloadSummary) -> String {
        style.dim("\(DecisionText.disclaimer)").rendered + "\n"
    }

    private static let rule = TerminalText(trusted: String(repeating: "─", count: 72))

    /// The matter's lines, each with its line break.
    private func write(_ report: AuditReport, to output: inout TerminalText) {
        let matter = report.matter
        let titled: TerminalText = matter.title.map { " · \($0)" } ?? ""
        output += style.bold("\(matter.id)\(titled)")
        output += style.dim(" · \(matter.type?.name ?? FindingText.noMatterType) · \(matter.jurisdiction.name)")
        output += "\n  File \(matter.file) · audited as of \(report.asOf) · due-soon horizon \(report.horizon) days\n"
        let tally = SeverityTally(report)
        let words = Finding.Severity.allCases.map { plural(tally[$0], FindingText.severityName($0)) }
        let counts: TerminalText = "\(words.joined(separator: ", "))"
        // Problems the loader found that do not stop the audit (an id with an invisible character).
        for warning in matter.warnings { output += "  \(warning.description)\n" }
        output += "  Checked \(report.checked.actions) actions, \(report.checked.forms) forms, "
        output += "\(report.checked.deadlines) deadlines: "
        output += tally.errors > 0 ? style.red(counts) : tally.warnings > 0 ? style.yellow(counts) : style.green(counts)
        output += "\n"
        for severity in Finding.Severity.allCases where tally[severity] > 0 {
            output += "\n"
            output += style.bold(title(severity))
            output += "\n"
            for finding in report.findings where finding.severity == severity { describe(finding, to: &output) }
        }
        let followUps = report.followUps
        if !followUps.isEmpty {
            output += "\n"
            output += style.bold("Follow-up list")
            output += style.dim(" (by the day to act; anything past is due now)")
            output += "\n"
            for finding in followUps {
                let act = finding.actOn(asOf: report.asOf)!
                output += "  \(act)  \(mark(finding.severity)) \(FindingText.followUp(finding))"
                output += style.dim("  (\(FindingText.followUpDate(finding)))  [\(finding.code.rawValue)]")
                output += "\n"
            }
        }
    }

    private func plural(_ count: Int, _ word: String) -> String { FindingText.plural(count, word) }

    private func title(_ severity: Finding.Severity) -> TerminalText {
        switch severity {
        case .error: "Errors: act now"
        case .warning: "Warnings: check"
        case .info: "Notes"
        }
    }

    /// The severity's name, padded to the longest, so that what follows it lines up.
    private func mark(_ severity: Finding.Severity) -> TerminalText {
        let name = FindingText.severityName(severity)
        let mark = TerminalText(trusted: name + String(repeating: " ", count: max(0, 7 - name.count)))
        switch severity {
        case .error: return style.red(mark)
        case .warning: return style.yellow(mark)
        case .info: return style.dim(mark)
        }
    }

    private func describe(_ finding: Finding, to output: inout TerminalText) {
        output += "  \(mark(finding.severity)) \(finding.code.rawValue)"
        output += style.dim("  \(finding.location)")
        output += "\n    \(FindingText.message(finding))\n"
        for warning in FindingText.closureWarnings(finding) {
            output += "    "
            output += style.yellow("Caution")
            output += ": \(warning)\n"
        }
        if let citation = finding.citation {
            let rule: TerminalText = FindingText.source(finding).map { "\($0) · " } ?? ""
            output += style.dim("    Rule: \(rule)\(citation.text) · source: \(citation.status.rawValue)")
            output += "\n"
        }
        if finding.severity != .info {
            output += "    What to do: \(FindingText.remedy(finding))\n"
        }
    }
}
