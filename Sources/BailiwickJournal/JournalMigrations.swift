/// The journal's schema, one migration per version, applied in order on open (the versions applied
/// are kept in `journal_schema`). The same tables on both databases; only the column that numbers
/// the audits is spelled in each one's way. A migration, once released, is never edited: a change
/// is a new version.
enum JournalMigrations {
    enum Dialect {
        case sqlite, postgres

        /// An audit's number, assigned by the database in the order of recording.
        var sequenceColumn: String {
            switch self {
            case .sqlite: "sequence INTEGER PRIMARY KEY"
            case .postgres: "sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
            }
        }
    }

    static let schemaTable =
        "CREATE TABLE IF NOT EXISTS journal_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"

    /// Each version's statements.
    static func all(_ dialect: Dialect) -> [[String]] {
        [
            // 1: the audits and their findings.
            [
                """
                CREATE TABLE audits (
                    \(dialect.sequenceColumn),
                    recorded_at TEXT NOT NULL,
                    auditor TEXT,
                    source TEXT NOT NULL,
                    matter_id TEXT NOT NULL,
                    matter_sha256 TEXT NOT NULL,
                    matter_file TEXT,
                    matter_title TEXT,
                    jurisdiction TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    pack_version TEXT NOT NULL,
                    pack_sha256 TEXT NOT NULL,
                    report TEXT NOT NULL
                )
                """,
                "CREATE INDEX audits_by_matter ON audits (matter_id, sequence)",
                """
                CREATE TABLE findings (
                    audit BIGINT NOT NULL REFERENCES audits (sequence),
                    position INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    rules TEXT NOT NULL,
                    form TEXT,
                    license TEXT,
                    deadline TEXT,
                    date TEXT,
                    date_role TEXT,
                    PRIMARY KEY (audit, position)
                )
                """,
            ]
        ]
    }

    /// The newest version this build knows.
    static var latest: Int { all(.sqlite).count }
}

/// The statements both journals run, with `$1`, `$2`… for the values (SQLite reads `$1` as a
/// named parameter, numbered in order of first use, which is the same order).
enum JournalSQL {
    static let insertAudit = """
        INSERT INTO audits (recorded_at, auditor, source, matter_id, matter_sha256, matter_file, matter_title,
            jurisdiction, as_of, pack_version, pack_sha256, report)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING sequence
        """
    static let insertFinding = """
        INSERT INTO findings (audit, position, code, severity, subject, rules, form, license, deadline, date,
            date_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """
    static let auditColumns = """
        sequence, recorded_at, auditor, source, matter_id, matter_sha256, matter_file, matter_title, jurisdiction,
        as_of, pack_version, pack_sha256, report
        """
    static let history = "SELECT \(auditColumns) FROM audits WHERE matter_id = $1 ORDER BY sequence"
    static let last = """
        SELECT \(auditColumns) FROM audits WHERE sequence = (SELECT MAX(sequence) FROM audits WHERE matter_id = $1)
        """
    static let findings = """
        SELECT audit, position, code, severity, subject, rules, form, license, deadline, date, date_role
        FROM findings WHERE audit = $1 ORDER BY position
        """

    /// A finding's rules in one column: rule ids hold no spaces.
    static func rules(_ rules: [String]) -> String { rules.joined(separator: " ") }
    static func rules(_ column: String) -> [String] { column.split(separator: " ").map(String.init) }
}
