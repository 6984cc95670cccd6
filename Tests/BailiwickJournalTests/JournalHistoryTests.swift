import BailiwickReports
import Testing

/// `bailiwick history`'s comparison of one audit with the one before.
@Suite struct JournalHistoryTests {
    static func finding(_ code: String, deadline: String? = nil, date: String? = nil, severity: String = "error")
        -> JournalFinding
    {
        JournalFinding(
            code: code, severity: severity, subject: "Response", rules: [], form: nil, license: nil,
            deadline: deadline, date: date, dateRole: date == nil ? nil : "due")
    }

    static func record(_ sequence: Int64, _ findings: [JournalFinding], matter: String = "a", packs: String = "p")
        -> JournalRecord
    {
        JournalRecord(
            sequence: sequence,
            entry: JournalEntry(
                recordedAt: "2026-12-01T10:00:0\(sequence).000Z", auditor: nil, source: "cli", matterID: "M-1",
                matterSHA256: matter, matterFile: nil, matterTitle: nil, jurisdiction: "us-wa", asOf: "2026-05-22",
                packs: PackIdentity(version: "shipped 0.1.0", sha256: packs), findings: findings, report: "{}"))
    }

    @Test func addedClearedAndMovedFindingsAreToldApart() {
        let due = Self.finding("DEADLINE-DUE-SOON", deadline: "wa-response", date: "2026-05-30", severity: "warning")
        let moved = Self.finding("DEADLINE-DUE-SOON", deadline: "wa-response", date: "2026-06-02", severity: "warning")
        let missing = Self.finding("FORM-MISSING")
        let late = Self.finding("DEADLINE-MISSED", deadline: "wa-other", date: "2026-05-01")
        let history = JournalHistory(
            matterID: "M-1",
            records: [
                Self.record(1, [due, missing]),
                Self.record(2, [moved, late], matter: "b"),
                Self.record(3, [moved, late], matter: "b", packs: "q"),
            ])
        #expect(history.steps[0].added == [due, missing])
        #expect(history.steps[1].added == [late])
        #expect(history.steps[1].cleared == [missing])
        #expect(history.steps[1].changed.map(\.before) == [due])
        #expect(history.steps[1].changed.map(\.after) == [moved])
        #expect(history.steps[1].matterChanged && !history.steps[1].packsChanged)
        #expect(history.steps[2].added.isEmpty && history.steps[2].cleared.isEmpty && history.steps[2].changed.isEmpty)
        #expect(!history.steps[2].matterChanged && history.steps[2].packsChanged)

        let text = HistoryText.render(history)
        #expect(
            text.contains(
                "  ~ DEADLINE-DUE-SOON warning Response 2026-06-02 (was DEADLINE-DUE-SOON warning 2026-05-30)"))
        #expect(text.contains("  - FORM-MISSING error Response"))
        #expect(text.contains("  no change in findings"))
        #expect(text.contains("(packs changed)"))
    }
}
