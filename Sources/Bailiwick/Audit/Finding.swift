/// A stable finding code: tools and supervisors filter on these, so they never change meaning.
/// Each code has one severity; docs/finding-codes.md describes them.
public enum FindingCode: String, Sendable, CaseIterable {
    case scopeProhibited = "SCOPE-PROHIBITED"
    case scopeNotAuthorized = "SCOPE-NOT-AUTHORIZED"
    case scopeConditionUnmet = "SCOPE-CONDITION-UNMET"
    case scopeConditionUnknown = "SCOPE-CONDITION-UNKNOWN"
    case scopeUndetermined = "SCOPE-UNDETERMINED"
    case licenseNotValid = "LICENSE-NOT-VALID"
    case licenseAdmissionsClosed = "LICENSE-ADMISSIONS-CLOSED"
    case formMissing = "FORM-MISSING"
    case formDue = "FORM-DUE"
    case formMayBeRequired = "FORM-MAY-BE-REQUIRED"
    case formLate = "FORM-LATE"
    case deadlineMissed = "DEADLINE-MISSED"
    case deadlineLate = "DEADLINE-LATE"
    case deadlineDueSoon = "DEADLINE-DUE-SOON"
    case deadlinePending = "DEADLINE-PENDING"
    case deadlinePassed = "DEADLINE-PASSED"
    case deadlineNotTriggered = "DEADLINE-NOT-TRIGGERED"
    case deadlineMet = "DEADLINE-MET"
    case deadlineDependsOnFact = "DEADLINE-DEPENDS-ON-FACT"
    case deadlineNotComputable = "DEADLINE-NOT-COMPUTABLE"
    case waitingPeriodViolated = "WAITING-PERIOD-VIOLATED"
    case waitingPeriodRunning = "WAITING-PERIOD-RUNNING"
    case waitingPeriodMet = "WAITING-PERIOD-MET"
    case followUp = "FOLLOW-UP"

    public var severity: Finding.Severity {
        switch self {
        case .scopeProhibited, .scopeNotAuthorized, .scopeConditionUnmet, .licenseNotValid, .licenseAdmissionsClosed,
             .formMissing, .deadlineMissed, .deadlineLate, .deadlineNotComputable, .waitingPeriodViolated:
            .error
        case .scopeConditionUnknown, .scopeUndetermined, .formDue, .formMayBeRequired, .formLate, .deadlineDueSoon,
             .deadlineDependsOnFact:
            .warning
        case .deadlinePending, .deadlinePassed, .deadlineNotTriggered, .deadlineMet, .waitingPeriodRunning,
             .waitingPeriodMet, .followUp:
            .info
        }
    }
}

/// One thing the supervisor should know about a matter.
public struct Finding: Sendable {
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case error, warning, info

        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }
    }

    public let code: FindingCode
    /// What the finding is about, in a few words: a form, a deadline, an action.
    public let subject: String
    public let message: String
    public let location: SourceLocation
    /// The rule behind the finding (a scope rule, deadline, form or matter type), if one.
    public let ruleID: String?
    public let citation: Citation?
    /// What to do, in plain words.
    public let remedy: String
    /// The date that matters: when it is due, or when it went wrong.
    public let date: CivilDate?

    public var severity: Severity { code.severity }

    public init(_ code: FindingCode, _ subject: String, _ message: String, at location: SourceLocation, rule: String? = nil,
                citation: Citation? = nil, remedy: String, date: CivilDate? = nil) {
        self.code = code
        self.subject = subject
        self.message = message
        self.location = location
        self.ruleID = rule
        self.citation = citation
        self.remedy = remedy
        self.date = date
    }
}

/// A dated entry for the matter's timeline chart.
public struct TimelineEntry: Sendable {
    public enum Kind: String, Sendable {
        case event, filing, action, deadline, waitingPeriod = "waiting-period"
    }

    public let date: CivilDate
    public let kind: Kind
    public let label: String
    public let severity: Finding.Severity?
}

/// The audit of one matter.
public struct AuditReport: Sendable {
    public let matter: Matter
    public let asOf: CivilDate
    public let horizon: Int
    public let findings: [Finding]
    public let timeline: [TimelineEntry]
    /// How many actions, forms and deadlines were checked.
    public let checked: (actions: Int, forms: Int, deadlines: Int)

    public func count(_ severity: Finding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    public var worstSeverity: Finding.Severity? { findings.map(\.severity).max() }

    /// The errors and warnings with a date, and dated reminders, in date order: what to do next.
    public var followUps: [Finding] {
        findings.filter { $0.date != nil && ($0.severity != .info || $0.code == .followUp || $0.code == .waitingPeriodRunning
                                             || $0.code == .deadlinePending) }
            .sorted { ($0.date!, $0.severity.rank, $0.code.rawValue) < ($1.date!, $1.severity.rank, $1.code.rawValue) }
    }

    /// The next date something is due, on or after the as-of date.
    public var nextDeadline: CivilDate? {
        findings.filter { [.deadlineDueSoon, .deadlinePending, .formDue].contains($0.code) }.compactMap(\.date)
            .filter { $0 >= asOf }.min()
    }
}
