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
        let title =
            style.bold("Caseload: \(summary.matterCount) matter files")
            + (summary.invalid.isEmpty ? "" : style.red(" (\(summary.invalid.count) could not be read)"))
            + (summary.asOf.map { " · as of \($0)" } ?? "")
        var rows = [["matter", "jurisdiction", "type", "errors", "warnings", "next deadline", "file"]]
        for row in summary.rows {
            rows.append([
                row.id, row.jurisdiction, row.type ?? "-", String(row.errors), String(row.warnings),
                row.nextDeadline?.description ?? "-", row.file,
            ])
        }
        for invalid in summary.invalid { rows.append(["(unreadable)", "-", "-", "-", "-", "-", invalid.file]) }
        let table = TextStyle.table(rows, indent: "  ")
        let order = style.dim("  worst first: most errors, then most warnings, then the nearest deadline")
        return title.rendered + "\n" + table.rendered + order.rendered + "\n"
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

    /// The matter's lines, each with its line break. A caseload writes this once a matter, so each
    /// piece is appended to the report as it is made: no interpolated line, styled piece or sentence
    /// with a location in it is made first. Every value still goes through `append(escaping:)`.
    private func write(_ report: AuditReport, to output: inout TerminalText) {
        let matter = report.matter
        style.append(.bold, to: &output) { line in
            line.append(escaping: matter.id)
            if let title = matter.title {
                line += " · "
                line.append(escaping: title)
            }
        }
        style.append(.dim, to: &output) { line in
            line += " · "
            line.append(escaping: matter.type?.name ?? FindingText.noMatterType)
            line += " · "
            line.append(escaping: matter.jurisdiction.name)
        }
        output += "\n  File "
        output.append(escaping: matter.file)
        output += " · audited as of "
        output.append(escaping: report.asOf)
        output += " · due-soon horizon "
        output.append(escaping: report.horizon)
        output += " days\n"
        // Problems the loader found that do not stop the audit (an id with an invisible character).
        for warning in matter.warnings { output += "  \(warning.description)\n" }
        output += "  Checked \(report.checked.actions) actions, \(report.checked.forms) forms, "
        output += "\(report.checked.deadlines) deadlines: "
        let tally = SeverityTally(report)
        let colour: TextStyle.Colour = tally.errors > 0 ? .red : tally.warnings > 0 ? .yellow : .green
        style.append(colour, to: &output) { counts in
            for (position, severity) in Finding.Severity.allCases.enumerated() {
                if position > 0 { counts += ", " }
                counts.append(escaping: plural(tally[severity], FindingText.severityName(severity)))
            }
        }
        output += "\n"
        // By position, not `for finding in`: a loop over the findings would copy each one.
        let findings = report.findings
        for severity in Finding.Severity.allCases where tally[severity] > 0 {
            output += "\n"
            output += style.bold(title(severity))
            output += "\n"
            for index in findings.indices where findings[index].severity == severity {
                describe(findings[index], to: &output)
            }
        }
        let followUps = report.followUps
        if !followUps.isEmpty {
            output += "\n"
            output += style.bold("Follow-up list")
            output += style.dim(" (by the day to act; anything past is due now)")
            output += "\n"
            for index in followUps.indices { writeFollowUp(followUps[index], asOf: report.asOf, to: &output) }
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
    private func mark(_ severity: Finding.Severity, to output: inout TerminalText) {
        switch severity {
        case .error: style.append(.red, to: &output) { $0 += Self.marks.error }
        case .warning: style.append(.yellow, to: &output) { $0 += Self.marks.warning }
        case .info: style.append(.dim, to: &output) { $0 += Self.marks.note }
        }
    }

    /// Made once: every finding and follow-up starts with one.
    private static let marks = (error: padded(.error), warning: padded(.warning), note: padded(.info))

    private static func padded(_ severity: Finding.Severity) -> TerminalText {
        let name = FindingText.severityName(severity)
        return TerminalText(trusted: name + String(repeating: " ", count: max(0, 7 - name.count)))
    }

    private func describe(_ finding: Finding, to output: inout TerminalText) {
        output += "  "
        mark(finding.severity, to: &output)
        output += " "
        output.append(escaping: finding.code.rawValue)
        style.append(.dim, to: &output) { line in
            line += "  "
            line.append(escaping: finding.location)
        }
        output += "\n    "
        output.append(escaping: FindingText.message(finding))
        output += "\n"
        for warning in FindingText.closureWarnings(finding) {
            output += "    "
            output += style.yellow("Caution")
            output += ": \(warning)\n"
        }
        if let citation = finding.citation {
            style.append(.dim, to: &output) { rule in
                rule += "    Rule: "
                if let source = FindingText.source(finding) {
                    rule.append(escaping: source)
                    rule += " · "
                }
                rule.append(escaping: citation.text)
                rule += " · source: "
                rule.append(escaping: citation.status.rawValue)
            }
            output += "\n"
        }
        if finding.severity != .info {
            output += "    What to do: "
            output.append(escaping: FindingText.remedy(finding))
            output += "\n"
        }
    }

    private func writeFollowUp(_ finding: Finding, asOf: CivilDate, to output: inout TerminalText) {
        output += "  "
        output.append(escaping: finding.actOn(asOf: asOf)!)
        output += "  "
        mark(finding.severity, to: &output)
        output += " "
        output.append(escaping: FindingText.followUp(finding))
        style.append(.dim, to: &output) { end in
            end += "  ("
            end.append(escaping: FindingText.followUpDate(finding))
            end += ")  ["
            end.append(escaping: finding.code.rawValue)
            end += "]"
        }
        output += "\n"
    }
}
