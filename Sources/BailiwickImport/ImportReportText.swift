import Bailiwick
import BailiwickReports

/// The import report for people: per matter, the file and what became of it, its audit, the
/// second opinion on each court-rule date, what a person wrote that was kept, and every field not
/// mapped. Client names and free text are withheld unless the report was asked for with names.
public enum ImportReportText {
    public static func render(_ report: ImportReport) -> String {
        var lines: [String] = []
        let counts = ImportReportSummary(report)
        lines.append(
            "Import from \(report.source) into \(report.folder.isEmpty ? "." : report.folder): "
                + "\(plural(report.files.count, "matter file")) (\(counts.new) new, \(counts.updated) updated, "
                + "\(counts.unchanged) unchanged, \(counts.refused) not written), "
                + "\(plural(report.skipped.count, "matter")) not imported.")
        lines.append("Mapping: \(report.mapping). Audited as of \(report.asOf).")
        for file in report.files { lines += [""] + matter(file, source: report.source, names: report.names) }
        if !report.skipped.isEmpty {
            lines += ["", "Not imported:"]
            for skip in report.skipped {
                lines.append("  \(report.source) matter \(skip.source.id): \(skip.reason)")
            }
        }
        if !report.leftOver.isEmpty {
            lines += ["", "Read, but belonging to no imported matter (\(report.leftOver.count)):"]
            for field in report.leftOver { lines.append("  \(field.path): \(value(field, names: report.names))") }
        }
        lines += ["", summary(report)]
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ report: ImportReport) -> String {
        let unmapped = report.files.reduce(0) { $0 + $1.draft.unmapped.count } + report.leftOver.count
        return "Court-rule dates checked: \(report.files.flatMap(\.docket).filter(\.checked).count), "
            + "differing from Bailiwick's: \(report.differences). Fields not mapped: \(unmapped)."
    }

    static func matter(_ file: ImportedFile, source: String, names: Bool) -> [String] {
        let draft = file.draft
        var lines = ["\(draft.matterID) (source id \(draft.source.id)): \(status(file.status)), \(file.path)"]
        let kind = draft.type.map { "\(draft.jurisdiction) \($0)" } ?? "\(draft.jurisdiction), area \(draft.area)"
        let written = draft.blocks.filter { $0.section != nil }.map { "\($0.name) \($0.lines.count)" }
        lines.append("  \(kind); written: \(written.joined(separator: ", "))")
        switch file.status {
        case .refused(let line, let message):
            lines.append("  error: \(file.path):\(line): \(message)")
        case .invalid(let diagnostics):
            lines.append("  error: the file would not load; nothing was written:")
            lines += diagnostics.map { "    \($0.description)" }
        default: break
        }
        if let audit = file.audit {
            lines.append(
                "  Audit: \(plural(audit.count(.error), "error")), \(plural(audit.count(.warning), "warning")), "
                    + "\(plural(audit.count(.info), "note")) (bailiwick audit \(file.path))")
            for finding in audit.findings where finding.severity != .info {
                lines.append(
                    "    \(finding.code.rawValue) at line \(finding.location.line)"
                        + (about(finding).map { ": \($0)" } ?? ""))
            }
        }
        if !file.docket.isEmpty {
            lines.append("  Court-rule dates, second opinion:")
            for check in file.docket { lines += docket(check, source: source) }
        }
        if !file.kept.isEmpty {
            lines.append(
                "  Kept as written by hand (the import's own value left out): \(file.kept.joined(separator: ", "))")
        }
        for problem in draft.problems { lines.append("  problem: \(problem)") }
        if !draft.unmapped.isEmpty {
            lines.append("  Not mapped (\(draft.unmapped.count)):")
            for item in draft.unmapped {
                lines.append("    \(item.field.path): \(value(item.field, names: names)) (\(item.reason))")
            }
        }
        return lines
    }

    static func docket(_ check: DocketCheck, source: String) -> [String] {
        let name = check.rule.map { "\($0.name) (\($0.id))" } ?? check.entry.rule
        let head = "    calendar entry \(check.entry.entryID), \(name): "
        switch check.verdict {
        case .agrees:
            return [head + "agrees, \(check.entry.date)" + possible(check)]
        case .differs:
            return [head + "DIFFERS: \(source) has \(check.entry.date), Bailiwick \(check.date!)" + possible(check)]
                + check.trace.map { "      \($0)" }
        case .notChecked(let why):
            return [head + "not checked: \(why) (\(source) has \(check.entry.date))"]
        }
    }

    static func possible(_ check: DocketCheck) -> String {
        check.unknownFacts.isEmpty
            ? "" : " (the earliest possible date: it depends on \(check.unknownFacts.joined(separator: ", ")))"
    }

    /// What a finding is about, without client data: an action by its id, person id and date, else its rule.
    static func about(_ finding: Finding) -> String? {
        switch finding.detail {
        case .noLicense(let act), .beforeLicense(let act, _, _), .afterLicense(let act, _, _), .prohibited(let act, _),
            .notAuthorized(let act, _, _), .conditionsUnmet(let act, _), .conditionsUnknown(let act, _, _),
            .undetermined(let act, _):
            "\(act.action.id) by \(act.person.id) on \(act.date)"
        default:
            finding.source.map(source)
        }
    }

    static func source(_ source: FindingSource) -> String {
        switch source {
        case .deadline(let id): id
        case .form(let code): code
        case .scopeRules(let ids): ids.joined(separator: ", ")
        case .license(let key): key.id
        }
    }

    static func status(_ status: ImportedFile.Status) -> String {
        switch status {
        case .new: "new"
        case .updated: "updated"
        case .unchanged: "unchanged"
        case .refused: "not written (edited by hand)"
        case .invalid: "not written (would not load)"
        }
    }

    static func value(_ field: ImportedField, names: Bool) -> String {
        field.kind == .plain || names ? field.value : "(text withheld; --names shows it)"
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}

/// How many files of each status a report has.
struct ImportReportSummary {
    var new = 0
    var updated = 0
    var unchanged = 0
    var refused = 0

    init(_ report: ImportReport) {
        for file in report.files {
            switch file.status {
            case .new: new += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .refused, .invalid: refused += 1
            }
        }
    }
}
