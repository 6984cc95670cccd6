import Bailiwick
import BailiwickLoading

/// One line of the caseload summary: all that is kept of a matter once its report is written.
public struct CaseloadRow: Sendable {
    public let file: String
    public let id: String
    public let jurisdiction: String
    public let type: String
    public let typeName: String
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let nextDeadline: CivilDate?
    public let worst: Finding.Severity?

    public init(_ report: AuditReport) {
        file = report.matter.file
        id = report.matter.id
        jurisdiction = report.matter.jurisdiction.id
        type = report.matter.type.id
        typeName = report.matter.type.name
        errors = report.count(.error)
        warnings = report.count(.warning)
        notes = report.count(.info)
        nextDeadline = report.nextDeadline
        worst = report.worstSeverity
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

/// What the report's head and tail need: one row per matter, and the unreadable files.
public struct CaseloadSummary: Sendable {
    /// Worst first: most errors, then most warnings, then the nearest deadline, then the file.
    public var rows: [CaseloadRow]
    public var invalid: [UnreadableMatter]
    public let asOf: CivilDate?
    public let horizon: Int

    public init(rows: [CaseloadRow], invalid: [UnreadableMatter], asOf: CivilDate?, horizon: Int) {
        self.rows = rows
        self.invalid = invalid
        self.asOf = asOf
        self.horizon = horizon
    }

    public var matterCount: Int { rows.count + invalid.count }
    public var isCaseload: Bool { matterCount > 1 }
}

/// Writes one format of the audit report in pieces, so that a caseload streams through memory:
/// each matter's part is rendered as soon as it is audited, on the worker that audited it.
public protocol AuditReporter: Sendable {
    func head(_ summary: CaseloadSummary) -> String
    func matter(_ report: AuditReport, in caseload: Bool) -> String
    var separator: String { get }
    func tail(_ summary: CaseloadSummary) -> String
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
