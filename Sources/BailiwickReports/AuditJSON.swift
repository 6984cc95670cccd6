import Bailiwick

/// `audit --format json` (schema-version 1; see docs/json-output.md). Written in pieces: the
/// summary, then each matter's object as it streams from the spool, then the unreadable files.
struct AuditJSON: AuditReporter {
    /// The findings' unchanging parts, copied where they are written at their depth.
    let parts: FindingJSONParts?

    init(parts: FindingJSONParts? = nil) {
        self.parts = parts
    }

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
        Self.matterText(report, indent: 2, parts: parts)
    }

    func withMatterBytes<Result>(
        _ report: AuditReport, in caseload: Bool, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        var writer = JSONWriter(indent: 2, capacity: 16 << 10)
        Self.write(report, to: &writer, parts: parts)
        return writer.withBytes(body)
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

    /// One matter's whole report as UTF-8 bytes, as `document(of:for:)` writes it: for an answer sent as
    /// bytes, so the matter's object is never made a `String`.
    func documentBytes(of report: AuditReport, for request: AuditRequest) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 << 10)
        let summary = request.summary(rows: [CaseloadRow(report)], invalid: [])
        write(
            summary,
            writingPart: { (_: AuditPart) throws(Never) in
                var writer = JSONWriter(indent: 2, capacity: 16 << 10)
                Self.write(report, to: &writer, parts: parts)
                bytes += writer.bytesWritten()
            },
            to: { (text: String) throws(Never) in bytes += text.utf8 })
        return bytes
    }

    /// A matter's object, pretty-printed as if nested `indent` levels deep (no final newline); `file`
    /// stands for the file's name wherever it would appear, where one is given.
    static func matterText(
        _ report: AuditReport, indent: Int, file: String? = nil, parts: FindingJSONParts? = nil
    ) -> String {
        var writer = JSONWriter(indent: indent, capacity: 16 << 10)
        write(report, to: &writer, file: file, parts: parts)
        return writer.text
    }

    static func write(
        _ report: AuditReport, to writer: inout JSONWriter, file: String? = nil, parts: FindingJSONParts? = nil
    ) {
        let matter = report.matter
        writer.object { writer in
            writer.member("file", file ?? matter.file)
            writer.member("id", matter.id)
            writer.member("title", matter.title)
            writer.member("jurisdiction", matter.jurisdiction.id)
            writer.member("type", matter.type?.id)
            writer.member("area", matter.area)
            writer.member("as-of", report.asOf.description)
            writer.member(
                "counts",
                object: { writer in
                    let tally = SeverityTally(report)
                    writer.member("errors", tally.errors)
                    writer.member("warnings", tally.warnings)
                    writer.member("notes", tally.notes)
                })
            writer.member("next-deadline", report.nextDeadline?.description)
            writer.member(
                "findings",
                array: { writer in
                    for finding in report.findings { FindingJSON.write(finding, to: &writer, file: file, parts: parts) }
                })
            writer.member(
                "follow-ups",
                array: { writer in
                    for finding in report.followUps {
                        writer.object { writer in
                            writer.member("act-on", finding.actOn(asOf: report.asOf)!.description)
                            writer.member("date", finding.date!.description)
                            writer.member("date-role", finding.dateRole.rawValue)
                            writer.member("code", finding.code.rawValue)
                            writer.member("severity", finding.severity.rawValue)
                            writer.member("subject", FindingText.subject(finding))
                            writer.member("remedy", FindingText.remedy(finding))
                        }
                    }
                })
            writer.member(
                "timeline",
                array: { writer in
                    for entry in report.timeline {
                        writer.object { writer in
                            writer.member("date", entry.date.description)
                            writer.member("kind", entry.kind.rawValue)
                            writer.member("label", FindingText.label(entry))
                            writer.member("severity", entry.severity?.rawValue)
                            if !entry.closureWarnings.isEmpty {
                                writer.member(
                                    ClosureWarningJSON.key,
                                    ClosureWarningJSON.value(entry.closureWarnings, kind: entry.closureKind))
                            }
                        }
                    }
                })
        }
    }
}

extension AuditFormat {
    /// One matter's JSON report, as `AuditFormat.json.document(of:for:parts:)` writes it, in UTF-8 bytes.
    public static func jsonBytes(of report: AuditReport, for request: AuditRequest, parts: FindingJSONParts?) -> [UInt8]
    {
        AuditJSON(parts: parts).documentBytes(of: report, for: request)
    }
}
