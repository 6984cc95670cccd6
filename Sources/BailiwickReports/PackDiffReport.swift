import Bailiwick

/// `bailiwick diff`: the packs' semantic difference, then (with a caseload) every finding of every
/// matter that the new packs would change, as Add, Update or Delete with the rule behind each.
public struct PackDiffReport: Sendable {
    public let old: String
    public let new: String
    public let packs: PackDiff
    /// With `--caseload`: the caseload's audit under the old packs against the new.
    public let caseload: AuditComparison?

    public init(old: String, new: String, packs: PackDiff, caseload: AuditComparison?) {
        self.old = old
        self.new = new
        self.packs = packs
        self.caseload = caseload
    }

    /// Nothing changes for the caseload, or, without one, the packs are the same: `diff` exits 0.
    public var isUnchanged: Bool { caseload.map { !$0.hasChanges } ?? packs.isEmpty }

    static func word(_ kind: PackDiff.Entry.Kind) -> String {
        switch kind {
        case .added: "Add"
        case .removed: "Delete"
        case .changed: "Update"
        }
    }

    public func text(style: TextStyle) -> String {
        var lines: [TerminalText] = [style.bold("Packs: \(old) -> \(new)")]
        for entry in packs.entries {
            lines.append("  \(Self.word(entry.kind)) \(entry.section) \(entry.id)")
            if entry.kind == .changed {
                for field in entry.fields {
                    lines.append("      \(field.name): \(field.old ?? "none") -> \(field.new ?? "none")")
                }
            }
        }
        lines.append(packs.isEmpty ? "  no differences" : "  \(FindingText.plural(packs.entries.count, "change"))")
        var text = lines.map(\.rendered).joined(separator: "\n") + "\n"
        if let caseload {
            text += "\n" + style.bold("Caseload: what the new packs change").rendered + "\n"
            text += AuditChangesReport.text(caseload, words: .diff, style: style)
        }
        return text
    }

    public func json() -> String {
        let entries: [JSONValue] = packs.entries.map { entry in
            .object([
                ("change", .string(entry.kind.rawValue)), ("section", .string(entry.section)),
                ("id", .string(entry.id)),
                (
                    "fields",
                    entry.kind == .changed
                        ? .array(
                            entry.fields.map { field in
                                .object([
                                    ("name", .string(field.name)), ("old", .optional(field.old)),
                                    ("new", .optional(field.new)),
                                ])
                            }) : .array([])
                ),
            ])
        }
        return JSONValue.object([
            ("schema-version", 1), ("kind", "pack-diff"), ("old", .string(old)), ("new", .string(new)),
            ("unchanged", .bool(isUnchanged)),
            ("packs", .array(entries)),
            ("caseload", caseload.map { .object(AuditChangesReport.members($0)) } ?? .null),
            ("disclaimer", .string(DecisionText.disclaimer)),
        ]).rendered()
    }

    public func html() -> String {
        var body = [
            "<h1>Pack diff</h1>", "<p><code>\(escapeMarkup(old))</code> → <code>\(escapeMarkup(new))</code></p>",
        ]
        body.append("<h2>Packs</h2>")
        if packs.isEmpty {
            body.append("<p>No differences.</p>")
        } else {
            body.append("<table><tr><th>change</th><th>entity</th><th>field</th><th>old</th><th>new</th></tr>")
            for entry in packs.entries {
                let fields = entry.kind == .changed ? entry.fields : [PackDiff.Field(name: "", old: nil, new: nil)]
                for field in fields {
                    body.append(
                        "<tr><td>\(Self.word(entry.kind))</td><td>\(escapeMarkup("\(entry.section) \(entry.id)"))</td>"
                            + "<td>\(escapeMarkup(field.name))</td><td>\(escapeMarkup(field.old ?? ""))</td>"
                            + "<td>\(escapeMarkup(field.new ?? ""))</td></tr>")
                }
            }
            body.append("</table>")
        }
        if let caseload {
            body.append("<h2>Caseload: what the new packs change</h2>")
            if !caseload.hasChanges { body.append("<p>Nothing changes for the caseload.</p>") }
            for matter in caseload.changed {
                let status = matter.status == .compared ? "" : " (matter \(matter.status.rawValue))"
                body.append("<h3>\(escapeMarkup("\(matter.id) · \(matter.file)\(status)"))</h3>")
                body.append(
                    "<table><tr><th>change</th><th>severity</th><th>code</th><th>rule</th><th>old</th>"
                        + "<th>new</th></tr>")
                for change in matter.changes {
                    let record = change.current
                    func side(_ record: FindingRecord?) -> String {
                        record.map { escapeMarkup("\($0.code) \($0.date ?? ""): \($0.message)") } ?? ""
                    }
                    body.append(
                        "<tr><td>\(ChangeWords.diff.word(change.kind))</td><td>\(escapeMarkup(record.severity))</td>"
                            + "<td>\(escapeMarkup(record.code))</td><td>\(escapeMarkup(record.rule))</td>"
                            + "<td>\(side(change.old))</td><td>\(side(change.new))</td></tr>")
                }
                body.append("</table>")
            }
        }
        body.append("<p>\(escapeMarkup(DecisionText.disclaimer))</p>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Bailiwick pack diff</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}\
            td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
