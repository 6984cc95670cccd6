import Bailiwick
import BailiwickLoading

/// `audit`'s report for people: per matter, the findings by severity, then the follow-up list.
struct AuditText {
    let caseload: Caseload
    let packs: PackSet
    let style: TextStyle

    func render() -> String {
        var lines: [String] = []
        let many = caseload.reports.count + caseload.invalid.count > 1
        if many { lines += summary() }
        for report in many ? caseload.worstFirst : caseload.reports {
            if many { lines.append(String(repeating: "─", count: 72)) }
            lines += matter(report)
        }
        for invalid in caseload.invalid {
            if many { lines.append(String(repeating: "─", count: 72)) }
            lines.append(style.red("Could not read \(invalid.file)") + " (\(plural(invalid.problems.errors.count, "problem"))):")
            lines.append(DiagnosticRenderer(sources: invalid.text.map { [invalid.file: $0] } ?? [:]).render(invalid.problems))
        }
        lines.append(style.dim(DecisionText.disclaimer))
        return lines.joined(separator: "\n") + "\n"
    }

    private func summary() -> [String] {
        let reports = caseload.worstFirst
        var lines = [style.bold("Caseload: \(reports.count + caseload.invalid.count) matter files")
                     + (caseload.invalid.isEmpty ? "" : style.red(" (\(caseload.invalid.count) could not be read)"))
                     + (caseload.asOf.map { " · as of \($0)" } ?? "")]
        var rows = [["matter", "jurisdiction", "type", "errors", "warnings", "next deadline", "file"]]
        for report in reports {
            rows.append([report.matter.id, report.matter.jurisdiction.id, report.matter.type.id, String(report.count(.error)),
                         String(report.count(.warning)), report.nextDeadline?.description ?? "-", report.matter.file])
        }
        for invalid in caseload.invalid { rows.append(["(unreadable)", "-", "-", "-", "-", "-", invalid.file]) }
        lines += ListCommand.table(rows).split(separator: "\n").map { "  " + $0 }
        lines.append(style.dim("  worst first: most errors, then most warnings, then the nearest deadline"))
        return lines
    }

    private func matter(_ report: AuditReport) -> [String] {
        let matter = report.matter
        var lines = [style.bold("\(matter.id)" + (matter.title.map { " · \($0)" } ?? "")) + style.dim(" · \(matter.type.name) · \(matter.jurisdiction.name)")]
        lines.append("  File \(matter.file) · audited as of \(report.asOf) · due-soon horizon \(report.horizon) days")
        let counts = [plural(report.count(.error), "error"), plural(report.count(.warning), "warning"), plural(report.count(.info), "note")]
            .joined(separator: ", ")
        lines.append("  Checked \(report.checked.actions) actions, \(report.checked.forms) forms, \(report.checked.deadlines) deadlines: "
                     + (report.count(.error) > 0 ? style.red(counts) : report.count(.warning) > 0 ? style.yellow(counts) : style.green(counts)))
        for severity in Finding.Severity.allCases {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            lines.append("")
            lines.append(style.bold(title(severity)))
            for finding in findings { lines += describe(finding) }
        }
        let followUps = report.followUps
        if !followUps.isEmpty {
            lines.append("")
            lines.append(style.bold("Follow-up list") + style.dim(" (in date order)"))
            for finding in followUps {
                let what = finding.code == .followUp ? finding.message : "\(finding.subject): \(finding.remedy)"
                lines.append("  \(finding.date!)  \(mark(finding.severity)) \(what)" + style.dim("  [\(finding.code.rawValue)]"))
            }
        }
        return lines
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    private func title(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "Errors: act now"
        case .warning: "Warnings: check"
        case .info: "Notes"
        }
    }

    private func mark(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: style.red("error  ")
        case .warning: style.yellow("warning")
        case .info: style.dim("note   ")
        }
    }

    private func describe(_ finding: Finding) -> [String] {
        var lines = ["  \(mark(finding.severity)) \(finding.code.rawValue)" + style.dim("  \(finding.location)")]
        lines.append("    \(finding.message)")
        if let citation = finding.citation {
            let rule = finding.ruleID.map { "\($0) · " } ?? ""
            lines.append(style.dim("    Rule: \(rule)\(citation.text) · source: \(citation.status.rawValue)"))
        }
        if finding.severity != .info {
            lines.append("    What to do: \(finding.remedy)")
        }
        return lines
    }
}
