import Bailiwick

/// `audit --format json` (schema-version 1; see docs/json-output.md). Written in pieces: the
/// summary, then each matter's object as it streams from the spool, then the unreadable files.
struct AuditJSON: AuditReporter {
    init() {}

    var separator: String { ",\n    " }

    func head(_ summary: CaseloadSummary) -> String {
        let members: [(String, JSONValue)] = [
            ("schema-version", 1),
            ("as-of", .optional(summary.asOf?.description)),
            ("horizon", .number(summary.horizon)),
            (
                "summary",
                .object([
                    ("matters", .number(summary.rows.count)),
                    ("unreadable", .number(summary.invalid.count)),
                    ("errors", .number(summary.rows.map(\.errors).reduce(0, +))),
                    ("warnings", .number(summary.rows.map(\.warnings).reduce(0, +))),
                    ("notes", .number(summary.rows.map(\.notes).reduce(0, +))),
                ])
            ),
        ]
        let text = members.map { "  \(JSONValue.string($0.0).rendered(indent: 1)): \($0.1.rendered(indent: 1)),\n" }
            .joined()
        return "{\n" + text + "  \"matters\": [" + (summary.rows.isEmpty ? "" : "\n    ")
    }

    func matter(_ report: AuditReport, in caseload: Bool) -> String {
        Self.matter(report).rendered(indent: 2)
    }

    func bridge(_ summary: CaseloadSummary) -> String {
        (summary.rows.isEmpty ? "]" : "\n  ]") + ",\n  \"unreadable\": [" + (summary.invalid.isEmpty ? "" : "\n    ")
    }

    func unreadable(_ invalid: UnreadableMatter, in caseload: Bool) -> String {
        JSONValue.object([
            ("file", .string(invalid.file)),
            ("diagnostics", .array(invalid.problems.diagnostics.map(PackJSON.diagnostic))),
        ])
        .rendered(indent: 2)
    }

    var unreadableSeparator: String { ",\n    " }

    func tail(_ summary: CaseloadSummary) -> String {
        (summary.invalid.isEmpty ? "]" : "\n  ]") + ",\n"
            + "  \"disclaimer\": \(JSONValue.string(DecisionText.disclaimer).rendered(indent: 1))\n}\n"
    }

    static func matter(_ report: AuditReport) -> JSONValue {
        let matter = report.matter
        return .object([
            ("file", .string(matter.file)),
            ("id", .string(matter.id)),
            ("title", .optional(matter.title)),
            ("jurisdiction", .string(matter.jurisdiction.id)),
            ("type", .optional(matter.type?.id)),
            ("area", .string(matter.area)),
            ("as-of", .string(report.asOf.description)),
            (
                "counts",
                .object([
                    ("errors", .number(report.count(.error))), ("warnings", .number(report.count(.warning))),
                    ("notes", .number(report.count(.info))),
                ])
            ),
            ("next-deadline", .optional(report.nextDeadline?.description)),
            ("findings", .array(report.findings.map(finding))),
            (
                "follow-ups",
                .array(
                    report.followUps.map { finding in
                        .object([
                            ("act-on", .string(finding.actOn(asOf: report.asOf)!.description)),
                            ("date", .string(finding.date!.description)),
                            ("date-role", .string(finding.dateRole.rawValue)),
                            ("code", .string(finding.code.rawValue)), ("severity", .string(finding.severity.rawValue)),
                            ("subject", .string(FindingText.subject(finding))),
                            ("remedy", .string(FindingText.remedy(finding))),
                        ])
                    })
            ),
            (
                "timeline",
                .array(
                    report.timeline.map { entry in
                        .object([
                            ("date", .string(entry.date.description)), ("kind", .string(entry.kind.rawValue)),
                            ("label", .string(FindingText.label(entry))),
                            ("severity", .optional(entry.severity?.rawValue)),
                        ])
                    })
            ),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue { FindingJSON.object(finding) }
}
