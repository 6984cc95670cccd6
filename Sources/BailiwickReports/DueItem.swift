import Bailiwick

/// A dated deadline, waiting period or form due date of an audited matter: what a calendar shows as
/// an event and the caseload desk lists as due. The one place that decides which findings are
/// dated, on which day each falls, what it is called and whether it is still open.
public struct DueItem: Sendable {
    public enum Status: String, Sendable {
        case confirmed
        /// A "possible" date: it depends on a fact the file does not give.
        case tentative
        /// Met, filed late or over: nothing is left to do by this date.
        case cancelled
    }

    public let date: CivilDate
    /// "Due: ", "Not before: " or "Form due: ".
    public let lead: String
    /// What is due: a deadline's name, a form's code and name. Never a person's name.
    public let subject: String
    public let status: Status
    public let severity: Finding.Severity
    /// The matter's id and what the item is about, never its date: a date that moves is the same item.
    public let key: String
    let finding: Finding

    /// "Due: Answer to a complaint".
    public var title: String { lead + subject }

    private static let calendared: Set<FindingCode.Category> = [.deadline, .waitingPeriod, .form]

    /// The matter's dated items in the order of its findings, one per deadline, period or form.
    public static func items(of report: AuditReport) -> [DueItem] {
        // A deadline whose applicability or variant depends on an unknown fact has a second,
        // undated finding saying so: its date is a possible one.
        let possible = Set(report.findings.filter { $0.code == .deadlineDependsOnFact }.compactMap(\.source))
        var seen: Set<String> = []
        var items: [DueItem] = []
        for finding in report.findings {
            guard let date = date(of: finding), calendared.contains(finding.code.category) else { continue }
            let subject = FindingText.subject(finding)
            let about = FindingText.source(finding) ?? subject
            let key = "\(report.matter.id)-\(finding.code.category.rawValue)-\(about)"
            guard seen.insert(key).inserted else { continue }
            let status: Status =
                switch finding.detail {
                case .deadlineMet, .deadlineLate, .waitingPeriodMet, .formLate: .cancelled
                case .formMayBeRequired: .tentative
                default: finding.source.map(possible.contains) == true ? .tentative : .confirmed
                }
            let lead =
                switch finding.code.category {
                case .waitingPeriod: "Not before: "
                case .form: "Form due: "
                default: "Due: "
                }
            items.append(
                DueItem(
                    date: date, lead: lead, subject: subject, status: status, severity: finding.severity, key: key,
                    finding: finding))
        }
        return items
    }

    /// The day the item is on: a waiting period's is its first allowed day, whatever the finding's date says.
    private static func date(of finding: Finding) -> CivilDate? {
        switch finding.detail {
        case .waitingPeriodViolated(_, _, _, let first), .waitingPeriodMet(_, _, _, let first, _),
            .waitingPeriodRunning(_, _, let first):
            first
        default: finding.date
        }
    }
}

extension Finding {
    /// The finding in a few words that never name a person: its code, and what it is about when
    /// that is a deadline, period or form ("DEADLINE-MISSED: Answer to a complaint"), else the
    /// action and its date.
    public var headline: String {
        switch detail {
        case .noLicense(let act), .beforeLicense(let act, _, _), .afterLicense(let act, _, _), .prohibited(let act, _),
            .notAuthorized(let act, _, _), .conditionsUnmet(let act, _), .conditionsUnknown(let act, _, _),
            .undetermined(let act, _):
            "\(code.rawValue): \(act.action.id) on \(act.date)"
        case .admissionsClosed: "\(code.rawValue): a licence"
        default: "\(code.rawValue): \(FindingText.subject(self))"
        }
    }
}
