import Bailiwick

/// How a matter's findings changed from one journalled audit to the next (`bailiwick history`).
public struct JournalHistory: Sendable {
    /// One audit and what changed since the audit before it (for the first, every finding is new).
    public struct Step: Sendable {
        public let record: JournalRecord
        public let added: [JournalFinding]
        public let cleared: [JournalFinding]
        /// Findings about the same thing whose date or severity differs: before, then after.
        public let changed: [(before: JournalFinding, after: JournalFinding)]
        /// Whether the matter file or the packs differ from the audit before.
        public let matterChanged: Bool
        public let packsChanged: Bool
    }

    public let matterID: String
    public let steps: [Step]

    /// `records` in the journal's order, oldest first.
    public init(matterID: String, records: [JournalRecord]) {
        self.matterID = matterID
        var steps: [Step] = []
        var previous: JournalRecord?
        for record in records {
            let (added, cleared, changed) = Self.compare(previous?.entry.findings ?? [], record.entry.findings)
            steps.append(
                Step(
                    record: record, added: added, cleared: cleared, changed: changed,
                    matterChanged: previous.map { $0.entry.matterSHA256 != record.entry.matterSHA256 } ?? false,
                    packsChanged: previous.map { $0.entry.packs != record.entry.packs } ?? false))
            previous = record
        }
        self.steps = steps
    }

    /// Findings found again unchanged are matched first, so that of several about one thing (three
    /// reminders of one event) only those that differ are told as changed; then those about the same
    /// thing; the rest were added or cleared.
    private static func compare(_ before: [JournalFinding], _ after: [JournalFinding]) -> (
        added: [JournalFinding], cleared: [JournalFinding], changed: [(before: JournalFinding, after: JournalFinding)]
    ) {
        var unmatched = before
        var rest: [JournalFinding] = []
        for finding in after {
            if let index = unmatched.firstIndex(of: finding) {
                unmatched.remove(at: index)
            } else {
                rest.append(finding)
            }
        }
        var added: [JournalFinding] = []
        var changed: [(before: JournalFinding, after: JournalFinding)] = []
        for finding in rest {
            if let index = unmatched.firstIndex(where: { $0.identity == finding.identity }) {
                changed.append((unmatched.remove(at: index), finding))
            } else {
                added.append(finding)
            }
        }
        return (added, unmatched, changed)
    }
}

/// `bailiwick history --format text`.
public enum HistoryText {
    public static func render(_ history: JournalHistory) -> String {
        guard !history.steps.isEmpty else {
            return "No audit of matter \(TerminalEscape.escape(history.matterID)) is in the journal.\n"
        }
        let count = history.steps.count
        var lines = [
            "Matter \(TerminalEscape.escape(history.matterID)): \(count) audit\(count == 1 ? "" : "s") in the journal",
            "",
        ]
        for (index, step) in history.steps.enumerated() {
            let entry = step.record.entry
            let severities = entry.findings.map(\.severity)
            let errors = severities.filter { $0 == "error" }.count
            let warnings = severities.filter { $0 == "warning" }.count
            let auditor = entry.auditor ?? "(not given)"
            lines.append(
                TerminalEscape.escape("\(entry.recordedAt)  as of \(entry.asOf)  by \(auditor)  via \(entry.source)"))
            lines.append(
                "  packs \(entry.packs.version) sha256:\(entry.packs.sha256.prefix(12))  "
                    + "matter sha256:\(entry.matterSHA256.prefix(12))"
                    + (step.matterChanged ? " (file changed)" : "") + (step.packsChanged ? " (packs changed)" : ""))
            lines.append(
                "  \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                    + "\(entry.findings.count) finding\(entry.findings.count == 1 ? "" : "s")")
            if index > 0, step.added.isEmpty, step.cleared.isEmpty, step.changed.isEmpty {
                lines.append("  no change in findings")
            }
            for finding in step.added { lines.append("  + \(describe(finding))") }
            for finding in step.cleared { lines.append("  - \(describe(finding))") }
            for change in step.changed {
                let before = change.before
                lines.append(
                    "  ~ \(describe(change.after)) (was \(before.code) \(before.severity) \(before.date ?? "no date"))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ finding: JournalFinding) -> String {
        TerminalEscape.escape(
            "\(finding.code) \(finding.severity) \(finding.subject)" + (finding.date.map { " \($0)" } ?? ""))
    }
}

/// `bailiwick history --format json` (docs/json-output.md, "history").
public enum HistoryJSON {
    public static func render(_ history: JournalHistory) -> String {
        JSONValue.object([
            ("schema-version", 1),
            ("matter", .string(history.matterID)),
            ("audits", .array(history.steps.map(step))),
        ]).rendered()
    }

    static func step(_ step: JournalHistory.Step) -> JSONValue {
        let entry = step.record.entry
        return .object([
            ("sequence", .number(Int(step.record.sequence))),
            ("recorded-at", .string(entry.recordedAt)),
            ("auditor", .optional(entry.auditor)),
            ("source", .string(entry.source)),
            ("as-of", .string(entry.asOf)),
            ("jurisdiction", .string(entry.jurisdiction)),
            ("matter-sha256", .string(entry.matterSHA256)),
            ("file", .optional(entry.matterFile)),
            ("title", .optional(entry.matterTitle)),
            ("packs", .object([("version", .string(entry.packs.version)), ("sha256", .string(entry.packs.sha256))])),
            ("matter-changed", .bool(step.matterChanged)),
            ("packs-changed", .bool(step.packsChanged)),
            ("findings", .array(entry.findings.map(finding))),
            ("added", .array(step.added.map(finding))),
            ("cleared", .array(step.cleared.map(finding))),
            (
                "changed",
                .array(step.changed.map { .object([("before", finding($0.before)), ("after", finding($0.after))]) })
            ),
        ])
    }

    public static func finding(_ finding: JournalFinding) -> JSONValue {
        .object([
            ("code", .string(finding.code)), ("severity", .string(finding.severity)),
            ("subject", .string(finding.subject)), ("rules", .strings(finding.rules)),
            ("form", .optional(finding.form)), ("license", .optional(finding.license)),
            ("deadline", .optional(finding.deadline)), ("date", .optional(finding.date)),
            ("date-role", .optional(finding.dateRole)),
        ])
    }
}
