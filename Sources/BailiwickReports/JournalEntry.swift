import Bailiwick

/// What the audit journal keeps of one audit of one matter (README, "The audit journal"). Client
/// data (people's names, the title, the file's name, free text) is kept only when `names` was
/// asked for and the audit was not redacted; otherwise the findings and the report are those of the
/// redacted matter, and the file is not named.
public struct JournalEntry: Sendable, Equatable {
    /// When the audit was recorded: ISO 8601 in UTC, to the millisecond.
    public var recordedAt: String
    /// Who ran the audit (`--auditor`); nil when not given.
    public var auditor: String?
    /// Which front end made it: `cli`, `api` or `page`.
    public var source: String
    public var matterID: String
    /// SHA-256 of the matter file's bytes, in hex.
    public var matterSHA256: String
    /// The file's name and the matter's title: only with names.
    public var matterFile: String?
    public var matterTitle: String?
    public var jurisdiction: String
    /// The date the matter was audited as of.
    public var asOf: String
    public var packs: PackIdentity
    public var findings: [JournalFinding]
    /// The matter's object of the JSON report (docs/json-output.md, schema-version 1), as journalled.
    public var report: String

    public init(
        recordedAt: String, auditor: String?, source: String, matterID: String, matterSHA256: String,
        matterFile: String?, matterTitle: String?, jurisdiction: String, asOf: String, packs: PackIdentity,
        findings: [JournalFinding], report: String
    ) {
        self.recordedAt = recordedAt
        self.auditor = auditor
        self.source = source
        self.matterID = matterID
        self.matterSHA256 = matterSHA256
        self.matterFile = matterFile
        self.matterTitle = matterTitle
        self.jurisdiction = jurisdiction
        self.asOf = asOf
        self.packs = packs
        self.findings = findings
        self.report = report
    }
}

/// Which packs an audit used: a version (`shipped 0.1.0`, or `files` for `--packs`) and the
/// SHA-256 of the pack files, so two audits can be told to have used the same rules.
public struct PackIdentity: Sendable, Equatable {
    public var version: String
    public var sha256: String

    public init(version: String, sha256: String) {
        self.version = version
        self.sha256 = sha256
    }
}

/// One finding as the journal keeps it: the keys of the JSON report's finding that say what was
/// found about what, without the sentences.
public struct JournalFinding: Sendable, Equatable, Hashable {
    public var code: String
    public var severity: String
    public var subject: String
    public var rules: [String]
    public var form: String?
    public var license: String?
    public var deadline: String?
    public var date: String?
    public var dateRole: String?

    public init(
        code: String, severity: String, subject: String, rules: [String], form: String?, license: String?,
        deadline: String?, date: String?, dateRole: String?
    ) {
        self.code = code
        self.severity = severity
        self.subject = subject
        self.rules = rules
        self.form = form
        self.license = license
        self.deadline = deadline
        self.date = date
        self.dateRole = dateRole
    }

    public init(_ finding: Finding) {
        let (rules, form, license, deadline) = FindingJSON.sourceKeys(finding.source)
        self.init(
            code: finding.code.rawValue, severity: finding.severity.rawValue, subject: FindingText.subject(finding),
            rules: rules, form: form, license: license, deadline: deadline, date: finding.date?.description,
            dateRole: finding.date == nil ? nil : finding.dateRole.rawValue)
    }

    /// What the finding is about, whatever its code, date or severity: the deadline or form it is
    /// about, else its code and subject. A finding with the same identity in a later audit is the same
    /// finding, changed if its code, date or severity differs (a form due that is now missing).
    public var identity: String {
        if let deadline { return "deadline\u{1F}" + deadline }
        if let form { return "form\u{1F}" + form }
        return ([code, subject, license ?? ""] + rules).joined(separator: "\u{1F}")
    }
}

/// An entry as read back from the journal, with its place in it.
public struct JournalRecord: Sendable, Equatable {
    /// Increasing in the order the journal recorded the entries.
    public var sequence: Int64
    public var entry: JournalEntry

    public init(sequence: Int64, entry: JournalEntry) {
        self.sequence = sequence
        self.entry = entry
    }
}

/// What the journal is told about the audit besides the matter: who, when, from where, with which packs.
public struct JournalStamp: Sendable {
    public var recordedAt: String
    public var auditor: String?
    public var source: String
    public var packs: PackIdentity
    /// Whether names, the title and the file's name may be kept (`--journal-names`).
    public var names: Bool

    public init(recordedAt: String, auditor: String?, source: String, packs: PackIdentity, names: Bool) {
        self.recordedAt = recordedAt
        self.auditor = auditor
        self.source = source
        self.packs = packs
        self.names = names
    }
}

extension AuditRequest {
    /// The journal's entry for an audit of `matter` whose report is `report`. Without names (or under
    /// `--redact`) the entry is made from the redacted matter's audit, so that no name reaches it.
    public func journalEntry(
        for matter: Matter, report: AuditReport, in packs: PackSet, today: CivilDate, matterSHA256: String,
        stamp: JournalStamp
    ) -> JournalEntry {
        let names = stamp.names && !redact
        let journalled =
            names || redact
            ? report
            : AuditRequest(asOf: asOf, horizon: horizon, redact: true)
                .audit(matter, in: packs, today: today)
        return JournalEntry(
            recordedAt: stamp.recordedAt, auditor: stamp.auditor, source: stamp.source, matterID: matter.id,
            matterSHA256: matterSHA256, matterFile: names ? matter.file : nil, matterTitle: names ? matter.title : nil,
            jurisdiction: matter.jurisdiction.id, asOf: journalled.asOf.description, packs: stamp.packs,
            findings: journalled.findings.map(JournalFinding.init),
            report: AuditJSON.matterText(journalled, indent: 0, file: names ? nil : Self.unnamedFile))
    }

    /// What stands for the file's name in a journalled report without names: a file name can name a client.
    public static let unnamedFile = "[redacted]"
}
