import Bailiwick
import BailiwickReports

/// The import report for programs (`--format json`): the same content as the text, with the same
/// rule for client data (a text value is null, and `withheld` true, unless asked with names).
public enum ImportReportJSON {
    public static let version = 1

    public static func render(_ report: ImportReport) -> String {
        let counts = ImportReportSummary(report)
        return JSONValue.object([
            ("version", .number(version)),
            ("source", .string(report.source)),
            ("mapping", .string(report.mapping)),
            ("folder", .string(report.folder)),
            ("as-of", .string(report.asOf.description)),
            (
                "counts",
                .object([
                    ("new", .number(counts.new)), ("updated", .number(counts.updated)),
                    ("unchanged", .number(counts.unchanged)), ("not-written", .number(counts.refused)),
                    ("not-imported", .number(report.skipped.count)),
                    ("dates-differing", .number(report.differences)),
                ])
            ),
            ("matters", .array(report.files.map { file($0, names: report.names) })),
            (
                "not-imported",
                .array(
                    report.skipped.map {
                        .object([("source-id", .string($0.source.id)), ("reason", .string($0.reason))])
                    })
            ),
            ("unmapped", .array(report.leftOver.map { field($0, reason: nil, names: report.names) })),
        ]).rendered()
    }

    static func file(_ file: ImportedFile, names: Bool) -> JSONValue {
        let draft = file.draft
        var members: [(String, JSONValue)] = [
            ("id", .string(draft.matterID)),
            ("source-id", .string(draft.source.id)),
            ("file", .string(file.path)),
            ("status", .string(status(file.status))),
            ("jurisdiction", .string(draft.jurisdiction)),
            ("type", .optional(draft.type)),
            ("area", .string(draft.area)),
            ("written", .object(draft.blocks.filter { $0.section != nil }.map { ($0.name, .number($0.lines.count)) })),
        ]
        switch file.status {
        case .refused(let line, let message):
            members.append(("error", .object([("line", .number(line)), ("message", .string(message))])))
        case .invalid(let diagnostics):
            members.append(
                (
                    "errors",
                    .array(
                        diagnostics.map {
                            .object([
                                ("line", .number($0.location.line)), ("column", .number($0.location.column)),
                                ("message", .string($0.message)),
                            ])
                        })
                ))
        default: break
        }
        if let audit = file.audit {
            members.append(
                (
                    "audit",
                    .object([
                        ("errors", .number(audit.count(.error))), ("warnings", .number(audit.count(.warning))),
                        ("notes", .number(audit.count(.info))),
                        (
                            "findings",
                            .array(
                                audit.findings.filter { $0.severity != .info }.map {
                                    .object([
                                        ("code", .string($0.code.rawValue)),
                                        ("severity", .string($0.severity.rawValue)),
                                        ("line", .number($0.location.line)),
                                        ("about", .optional(ImportReportText.about($0))),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        members.append(("dates", .array(file.docket.map(docket))))
        members.append(("kept", .strings(file.kept)))
        members.append(("problems", .strings(draft.problems)))
        members.append(("unmapped", .array(draft.unmapped.map { field($0.field, reason: $0.reason, names: names) })))
        return .object(members)
    }

    static func docket(_ check: DocketCheck) -> JSONValue {
        let verdict: String
        var why: JSONValue = .null
        switch check.verdict {
        case .agrees: verdict = "agrees"
        case .differs: verdict = "differs"
        case .notChecked(let reason):
            verdict = "not-checked"
            why = .string(reason)
        }
        return .object([
            ("entry", .string(check.entry.entryID)),
            ("rule", .string(check.entry.rule)),
            ("source-date", .string(check.entry.date.description)),
            ("bailiwick-date", .optional(check.date?.description)),
            ("verdict", .string(verdict)),
            ("reason", why),
            ("depends-on", .strings(check.unknownFacts)),
            ("trace", .strings(check.trace)),
        ])
    }

    static func field(_ field: ImportedField, reason: String?, names: Bool) -> JSONValue {
        let shown = field.kind == .plain || names
        var members: [(String, JSONValue)] = [
            ("field", .string(field.path)), ("value", shown ? .string(field.value) : .null),
            ("withheld", .bool(!shown)),
        ]
        if let reason { members.append(("reason", .string(reason))) }
        return .object(members)
    }

    static func status(_ status: ImportedFile.Status) -> String {
        switch status {
        case .new: "new"
        case .updated: "updated"
        case .unchanged: "unchanged"
        case .refused: "edited-by-hand"
        case .invalid: "would-not-load"
        }
    }
}
