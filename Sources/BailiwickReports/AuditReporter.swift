import Bailiwick

/// One line of the caseload summary: all that is kept of a matter once its report is written.
public struct CaseloadRow: Sendable {
    public let file: String
    public let id: String
    public let jurisdiction: String
    /// The matter type's id and name; nil when the file gives no type.
    public let type: String?
    public let typeName: String?
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let nextDeadline: CivilDate?
    public let worst: Finding.Severity?

    public init(_ report: AuditReport) {
        file = report.matter.file
        id = report.matter.id
        jurisdiction = report.matter.jurisdiction.id
        type = report.matter.type?.id
        typeName = report.matter.type?.name
        let tally = SeverityTally(report)
        errors = tally.errors
        warnings = tally.warnings
        notes = tally.notes
        nextDeadline = report.nextDeadline
        worst = tally.worst
    }
}

/// A matter file that could not be read. Its problems name places and keys only: a matter's
/// content is never echoed back, so it cannot leak into logs.
public struct UnreadableMatter: Error, Sendable {
    public let file: String
    public let problems: DiagnosticList

    public init(file: String, problems: DiagnosticList) {
        self.file = file
        self.problems = problems
    }
}

/// All that is kept of a matter file that could not be read once its part of the report is written:
/// the problems themselves are written as they are found, so a caseload of broken files cannot fill memory.
public struct UnreadableRow: Sendable {
    public let file: String
    public let problems: Int

    public init(_ matter: UnreadableMatter) {
        file = matter.file
        problems = matter.problems.errors.count
    }
}

/// What the report's head and tail need: one row per matter, and one per unreadable file.
public struct CaseloadSummary: Sendable {
    /// Worst first: most errors, then most warnings, then the nearest deadline, then the file.
    public var rows: [CaseloadRow]
    /// By file name.
    public var invalid: [UnreadableRow]
    public let asOf: CivilDate?
    public let horizon: Int

    public init(rows: [CaseloadRow], invalid: [UnreadableRow], asOf: CivilDate?, horizon: Int) {
        self.rows = rows
        self.invalid = invalid
        self.asOf = asOf
        self.horizon = horizon
    }

    public var matterCount: Int { rows.count + invalid.count }
    public var isCaseload: Bool { matterCount > 1 }
}

/// Writes one format of the audit report in pieces, so that a caseload streams through memory:
/// each matter's part, and each unreadable file's, is rendered as soon as it is audited or refused,
/// on the worker that read it. The report is the head, the matters' parts (`separator` between
/// them), `bridge`, the unreadable files' parts (`unreadableSeparator` between them), then the tail.
public protocol AuditReporter: Sendable {
    func head(_ summary: CaseloadSummary) -> String
    func matter(_ report: AuditReport, in caseload: Bool) -> String
    var separator: String { get }
    func bridge(_ summary: CaseloadSummary) -> String
    func unreadable(_ matter: UnreadableMatter, in caseload: Bool) -> String
    var unreadableSeparator: String { get }
    func tail(_ summary: CaseloadSummary) -> String
    /// `matter(_:in:)`'s part as UTF-8 bytes, lent to `body`: a reporter that writes bytes (JSON)
    /// need not make its part a `String` (checked and copied) only for a caseload to copy it again.
    func withMatterBytes<Result>(
        _ report: AuditReport, in caseload: Bool, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result
}

extension AuditReporter {
    public func bridge(_ summary: CaseloadSummary) -> String { "" }
    public var unreadableSeparator: String { "" }

    public func withMatterBytes<Result>(
        _ report: AuditReport, in caseload: Bool, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        var text = matter(report, in: caseload)
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// The whole report of one audited matter, as the web app serves it.
    public func document(of report: AuditReport, for request: AuditRequest) -> String {
        let summary = request.summary(rows: [CaseloadRow(report)], invalid: [])
        var text = ""
        write(
            summary, part: { (_: AuditPart) throws(Never) in matter(report, in: false) },
            to: { (part: String) throws(Never) in text += part })
        return text
    }

    /// The one assembly of a report, for a matter or a caseload: the head, the matters' parts
    /// (`summary.rows`' order), the bridge, the unreadable files' parts (`summary.invalid`'s
    /// order), the tail. `part` gives each part's text, rendered earlier or now.
    public func write<Failure: Error>(
        _ summary: CaseloadSummary, part: (AuditPart) throws(Failure) -> String,
        to sink: (String) throws(Failure) -> Void
    ) throws(Failure) {
        try write(
            summary, writingPart: { (position: AuditPart) throws(Failure) in try sink(try part(position)) }, to: sink)
    }

    /// The same assembly, where `writingPart` writes each part to the sink itself (a caseload copies
    /// its spooled parts without making them strings), in its turn between the pieces given to `sink`.
    public func write<Failure: Error>(
        _ summary: CaseloadSummary, writingPart part: (AuditPart) throws(Failure) -> Void,
        to sink: (String) throws(Failure) -> Void
    ) throws(Failure) {
        try sink(head(summary))
        for position in summary.rows.indices {
            if position > 0 { try sink(separator) }
            try part(.matter(position))
        }
        try sink(bridge(summary))
        for position in summary.invalid.indices {
            if position > 0 { try sink(unreadableSeparator) }
            try part(.unreadable(position))
        }
        try sink(tail(summary))
    }
}

/// A part of an audit report, by its position among the summary's rows or unreadable files.
public enum AuditPart: Sendable {
    case matter(Int)
    case unreadable(Int)
}

/// The severity at which an audit fails (`--fail-on`).
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, never

    public func fails(_ severity: Finding.Severity?) -> Bool {
        guard let severity else { return false }
        switch self {
        case .error: return severity == .error
        case .warning: return severity == .error || severity == .warning
        case .never: return false
        }
    }
}
