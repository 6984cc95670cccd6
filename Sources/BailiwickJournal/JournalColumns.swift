import BailiwickReports

/// An entry's values in the columns' order of `JournalSQL.insertAudit` and `.insertFinding`, and back.
enum JournalBinds {
    static func audit(_ entry: JournalEntry) -> [String?] {
        [
            entry.recordedAt, entry.auditor, entry.source, entry.matterID, entry.matterSHA256, entry.matterFile,
            entry.matterTitle, entry.jurisdiction, entry.asOf, entry.packs.version, entry.packs.sha256, entry.report,
        ]
    }

    /// After the audit's sequence and the finding's position.
    static func finding(_ finding: JournalFinding) -> [String?] {
        [
            finding.code, finding.severity, finding.subject, JournalSQL.rules(finding.rules), finding.form,
            finding.license, finding.deadline, finding.date, finding.dateRole,
        ]
    }
}

enum JournalColumns {
    /// An entry from a row of `JournalSQL.auditColumns`, `text` reading a column by name.
    static func entry(_ text: (String) -> String?, findings: [JournalFinding]) throws -> JournalEntry {
        func required(_ name: String) throws -> String {
            guard let value = text(name) else { throw JournalSchemaTooNew(version: -1) }
            return value
        }
        return JournalEntry(
            recordedAt: try required("recorded_at"), auditor: text("auditor"), source: try required("source"),
            matterID: try required("matter_id"), matterSHA256: try required("matter_sha256"),
            matterFile: text("matter_file"), matterTitle: text("matter_title"),
            jurisdiction: try required("jurisdiction"), asOf: try required("as_of"),
            packs: PackIdentity(version: try required("pack_version"), sha256: try required("pack_sha256")),
            findings: findings, report: try required("report"))
    }

    static func finding(_ text: (String) -> String?) throws -> JournalFinding {
        func required(_ name: String) throws -> String {
            guard let value = text(name) else { throw JournalSchemaTooNew(version: -1) }
            return value
        }
        return JournalFinding(
            code: try required("code"), severity: try required("severity"), subject: try required("subject"),
            rules: JournalSQL.rules(try required("rules")), form: text("form"), license: text("license"),
            deadline: text("deadline"), date: text("date"), dateRole: text("date_role"))
    }
}
