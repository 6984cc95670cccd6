import Bailiwick

/// The words for each kind of change: `audit --since` says what is new and resolved, `diff` speaks
/// as calendaring reviews do (Add, Update, Delete).
public enum ChangeWords: Sendable {
    case since, diff

    func word(_ kind: AuditComparison.Change.Kind) -> String {
        switch (self, kind) {
        case (.since, .added): "new"
        case (.since, .removed): "resolved"
        case (.since, .changed): "changed"
        case (.diff, .added): "Add"
        case (.diff, .removed): "Delete"
        case (.diff, .changed): "Update"
        }
    }
}

/// An `AuditComparison` as text and as JSON (docs/json-output.md, "Comparing audits").
public enum AuditChangesReport {
    /// Every matter with a change, then a count of those without.
    public static func text(_ comparison: AuditComparison, words: ChangeWords, style: TextStyle) -> String {
        var lines: [TerminalText] = []
        let changed = comparison.changed
        for matter in changed {
            let status: TerminalText =
                switch matter.status {
                case .compared: ""
                case .added: "  (matter added: not in the earlier audit)"
                case .removed: "  (matter removed: not in the later audit)"
                }
            lines.append(style.bold("\(matter.id)  \(matter.file)") + status)
            if matter.changes.isEmpty { lines.append("  no findings") }
            for change in matter.changes {
                lines += self.lines(change, words: words)
            }
            lines.append("")
        }
        let unchanged = comparison.matters.count - changed.count
        let all = changed.flatMap(\.changes)
        let counts = [AuditComparison.Change.Kind.added, .removed, .changed].map { kind in
            "\(all.filter { $0.kind == kind }.count) \(words.word(kind).lowercased())"
        }
        lines.append(
            "\(FindingText.plural(changed.count, "matter")) with changes, \(unchanged) without; findings: "
                + "\(counts.joined(separator: ", "))")
        for file in comparison.unreadable {
            lines.append("not compared (unreadable now): \(file)")
        }
        return lines.map(\.rendered).joined(separator: "\n") + "\n"
    }

    private static func lines(_ change: AuditComparison.Change, words: ChangeWords) -> [TerminalText] {
        let record = change.current
        let word = words.word(change.kind).padding(8)
        var what = record.code
        if change.kind == .changed, let old = change.old, let new = change.new {
            what = change.fields.map { field -> String in
                switch field {
                case "code": "\(old.code) -> \(new.code)"
                case "severity": "severity \(old.severity) -> \(new.severity)"
                default: "date \(old.date ?? "none") -> \(new.date ?? "none")"
                }
            }.joined(separator: "; ")
        }
        let rule: TerminalText = record.rule.isEmpty ? "" : "  [\(record.rule.replacingFirstColon)]"
        return ["  \(word) \(record.severity.padding(8)) \(what)" + rule, "    \(record.message)"]
    }

    /// The comparison's members, for a JSON document of its own or inside another.
    public static func members(_ comparison: AuditComparison) -> [(String, JSONValue)] {
        let changed = comparison.changed
        let all = changed.flatMap(\.changes)
        func count(_ kind: AuditComparison.Change.Kind) -> JSONValue { .number(all.filter { $0.kind == kind }.count) }
        return [
            (
                "summary",
                .object([
                    ("matters-with-changes", .number(changed.count)),
                    ("matters-without", .number(comparison.matters.count - changed.count)),
                    ("added", count(.added)), ("removed", count(.removed)), ("changed", count(.changed)),
                ])
            ),
            ("matters", .array(changed.map(matter))),
            ("unreadable", .strings(comparison.unreadable)),
        ]
    }

    static func matter(_ matter: AuditComparison.MatterChanges) -> JSONValue {
        .object([
            ("id", .string(matter.id)), ("file", .string(matter.file)), ("status", .string(matter.status.rawValue)),
            ("old-as-of", .optional(matter.oldAsOf)), ("new-as-of", .optional(matter.newAsOf)),
            (
                "changes",
                .array(
                    matter.changes.map { change in
                        .object([
                            ("change", .string(change.kind.rawValue)),
                            ("category", .string(change.current.category)),
                            ("rule", .optional(change.current.rule.isEmpty ? nil : change.current.rule)),
                            ("subject", .string(change.current.subject)),
                            ("fields", .strings(change.fields)),
                            ("old", change.old.map(record) ?? .null), ("new", change.new.map(record) ?? .null),
                        ])
                    })
            ),
        ])
    }

    static func record(_ record: FindingRecord) -> JSONValue {
        .object([
            ("code", .string(record.code)), ("severity", .string(record.severity)),
            ("date", .optional(record.date)), ("message", .string(record.message)),
        ])
    }

    /// `audit --since --format json`.
    public static func json(_ comparison: AuditComparison, since file: String) -> String {
        JSONValue.object(
            [("schema-version", 1), ("kind", "audit-changes"), ("since", .string(file))] + members(comparison)
                + [("disclaimer", .string(DecisionText.disclaimer))]
        ).rendered()
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// "deadline:dissolution-response" as "deadline dissolution-response".
    fileprivate var replacingFirstColon: String {
        guard let colon = firstIndex(of: ":") else { return self }
        return self[..<colon] + " " + self[index(after: colon)...]
    }
}
