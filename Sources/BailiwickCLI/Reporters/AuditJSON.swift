import Bailiwick

/// `audit --format json` (schema-version 1; see docs/json-output.md).
enum AuditJSON {
    static func render(_ caseload: Caseload) -> String {
        let reports = caseload.reports
        return JSONValue.object([
            ("schema-version", 1),
            ("as-of", .optional(caseload.asOf?.description)),
            ("horizon", .number(caseload.horizon)),
            ("summary", .object([
                ("matters", .number(reports.count)),
                ("unreadable", .number(caseload.invalid.count)),
                ("errors", .number(reports.map { $0.count(.error) }.reduce(0, +))),
                ("warnings", .number(reports.map { $0.count(.warning) }.reduce(0, +))),
                ("notes", .number(reports.map { $0.count(.info) }.reduce(0, +))),
            ])),
            ("matters", .array(caseload.worstFirst.map(matter))),
            ("unreadable", .array(caseload.invalid.map { invalid in
                .object([("file", .string(invalid.file)), ("diagnostics", .array(invalid.problems.diagnostics.map { diagnostic in
                    .object([("file", .string(diagnostic.location.file)), ("line", .number(diagnostic.location.line)),
                             ("column", .number(diagnostic.location.column)), ("message", .string(diagnostic.message))])
                }))])
            })),
            ("disclaimer", .string(DecisionText.disclaimer)),
        ]).rendered()
    }

    static func matter(_ report: AuditReport) -> JSONValue {
        let matter = report.matter
        return .object([
            ("file", .string(matter.file)),
            ("id", .string(matter.id)),
            ("title", .optional(matter.title)),
            ("jurisdiction", .string(matter.jurisdiction.id)),
            ("type", .string(matter.type.id)),
            ("area", .string(matter.area)),
            ("as-of", .string(report.asOf.description)),
            ("counts", .object([("errors", .number(report.count(.error))), ("warnings", .number(report.count(.warning))),
                                ("notes", .number(report.count(.info)))])),
            ("next-deadline", .optional(report.nextDeadline?.description)),
            ("findings", .array(report.findings.map(finding))),
            ("follow-ups", .array(report.followUps.map { finding in
                .object([("date", .string(finding.date!.description)), ("code", .string(finding.code.rawValue)),
                         ("severity", .string(finding.severity.rawValue)), ("subject", .string(finding.subject)),
                         ("remedy", .string(finding.remedy))])
            })),
            ("timeline", .array(report.timeline.map { entry in
                .object([("date", .string(entry.date.description)), ("kind", .string(entry.kind.rawValue)),
                         ("label", .string(entry.label)), ("severity", .optional(entry.severity?.rawValue))])
            })),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("severity", .string(finding.severity.rawValue)),
            ("code", .string(finding.code.rawValue)),
            ("subject", .string(finding.subject)),
            ("message", .string(finding.message)),
            ("file", .string(finding.location.file)),
            ("line", .number(finding.location.line)),
            ("column", .number(finding.location.column)),
            ("rule", .optional(finding.ruleID)),
            ("citation", finding.citation.map(RuleJSON.citation) ?? .null),
            ("remedy", .string(finding.remedy)),
            ("date", .optional(finding.date?.description)),
        ])
    }
}
