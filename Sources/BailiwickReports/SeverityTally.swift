import Bailiwick

/// How many findings of each severity a report holds, counted in one pass: the reporters and the
/// caseload's rows need all three, and `AuditReport.count` filters the findings (a copy of each)
/// once a severity.
package struct SeverityTally {
    package private(set) var errors = 0
    package private(set) var warnings = 0
    package private(set) var notes = 0

    package init(_ report: AuditReport) {
        for index in report.findings.indices {
            switch report.findings[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: notes += 1
            }
        }
    }

    package subscript(severity: Finding.Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: notes
        }
    }

    /// The worst severity found, as `AuditReport.worstSeverity` gives it.
    package var worst: Finding.Severity? {
        errors > 0 ? .error : warnings > 0 ? .warning : notes > 0 ? .info : nil
    }
}
