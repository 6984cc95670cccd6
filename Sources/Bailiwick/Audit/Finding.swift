/// A stable finding code: tools and supervisors filter on these, so they never change meaning.
/// Each code has one severity and one category; docs/finding-codes.md describes them.
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
    case deadlineOrderedUnusual = "DEADLINE-ORDERED-DATE-UNUSUAL"
    case waitingPeriodViolated = "WAITING-PERIOD-VIOLATED"
    case waitingPeriodRunning = "WAITING-PERIOD-RUNNING"
    case waitingPeriodMet = "WAITING-PERIOD-MET"
    case followUp = "FOLLOW-UP"
    case typeNotGiven = "MATTER-TYPE-NOT-GIVEN"

    /// What a finding is about: reporters group and filter on this, never on the code's spelling.
    public enum Category: String, Sendable, CaseIterable {
        case scope, license, form, deadline
        case waitingPeriod = "waiting-period"
        case followUp = "follow-up"
        /// About the audit itself: what it could not check.
        case coverage
    }

    public var category: Category {
        switch self {
        case .scopeProhibited, .scopeNotAuthorized, .scopeConditionUnmet, .scopeConditionUnknown, .scopeUndetermined:
            .scope
        case .licenseNotValid, .licenseAdmissionsClosed: .license
        case .formMissing, .formDue, .formMayBeRequired, .formLate: .form
        case .deadlineMissed, .deadlineLate, .deadlineDueSoon, .deadlinePending, .deadlinePassed, .deadlineNotTriggered,
            .deadlineMet, .deadlineDependsOnFact, .deadlineNotComputable, .deadlineOrderedUnusual:
            .deadline
        case .waitingPeriodViolated, .waitingPeriodRunning, .waitingPeriodMet: .waitingPeriod
        case .followUp: .followUp
        case .typeNotGiven: .coverage
        }
    }

    public var severity: Finding.Severity {
        switch self {
        case .scopeProhibited, .scopeNotAuthorized, .scopeConditionUnmet, .licenseNotValid, .licenseAdmissionsClosed,
            .formMissing, .deadlineMissed, .deadlineLate, .deadlineNotComputable, .waitingPeriodViolated:
            .error
        case .scopeConditionUnknown, .scopeUndetermined, .formDue, .formMayBeRequired, .formLate, .deadlineDueSoon,
            .deadlineDependsOnFact, .deadlineOrderedUnusual, .typeNotGiven:
            .warning
        case .deadlinePending, .deadlinePassed, .deadlineNotTriggered, .deadlineMet, .waitingPeriodRunning,
            .waitingPeriodMet, .followUp:
            .info
        }
    }
}

/// The rule or pack entry behind a finding.
public enum FindingSource: Sendable, Hashable {
    /// The scope rules that decided (forbids for a prohibition, grants otherwise).
    case scopeRules([String])
    case license(LicenseKey)
    /// A deadline rule of the matter's jurisdiction, by id.
    case deadline(String)
    /// A form of the matter type, by code.
    case form(String)
}

/// An action recorded in the matter, as findings about it name it.
public struct ActionRecord: Sendable {
    public let person: Person
    public let action: Action
    public let date: CivilDate
}

/// What a dated finding's date is: the reporters say which, and the follow-up list sorts by when to act.
public enum FindingDateRole: String, Sendable {
    /// The day something is (or was) due.
    case due
    /// The day something happened (an act, a licence's issue).
    case occurred
    /// The first day something may be done.
    case notBefore = "not-before"
    /// The day of the event a reminder is tied to.
    case event
}

/// The date a form or reminder is due by, and what it is due by.
public struct DueDate: Sendable {
    public enum Basis: Sendable {
        case event(Event?, id: String)
        case deadline(DeadlineRule?, id: String)
    }

    public let date: CivilDate?
    public let basis: Basis
}

/// How a deadline was met: the event or filing that met it, and when.
public struct DeadlineMet: Sendable {
    public enum By: Sendable {
        case event(Event?, id: String)
        case form(String)
    }

    public let date: CivilDate
    public let by: By
}

/// The facts of one finding, one case per kind of finding the auditor produces. Reporters turn
/// these into words (`FindingText` in BailiwickReports); the engine writes none.
public enum FindingDetail: Sendable {
    // Actions and licences
    case noLicense(ActionRecord)
    case admissionsClosed(person: Person, license: License, issued: CivilDate, closed: CivilDate)
    case beforeLicense(ActionRecord, license: License, issued: CivilDate)
    case afterLicense(ActionRecord, license: License, ended: CivilDate)
    case prohibited(ActionRecord, rules: [ScopeRule])
    case notAuthorized(ActionRecord, license: License, reason: LicenseFinding?)
    case conditionsUnmet(ActionRecord, unmet: [Requirement])
    case conditionsUnknown(ActionRecord, unknown: [Requirement], facts: [MissingFact])
    case undetermined(ActionRecord, facts: [MissingFact])
    // Deadlines
    case deadlineApplicabilityUnknown(DeadlineRule, when: Condition, facts: [String])
    case deadlineNeedsTime(DeadlineRule)
    case deadlineNotComputable(DeadlineRule, error: TimelineError)
    case deadlineNotTriggered(DeadlineRule, trigger: Event?)
    /// Variants whose facts are unknown: `date` is the plain rule's, `earliest` the one used.
    case deadlineVariantsUnknown(
        DeadlineRule, date: CivilDate, unless: [Condition], facts: [String],
        earliest: CivilDate)
    case deadlineMet(DeadlineRule, due: CivilDate, met: DeadlineMet)
    case deadlineLate(DeadlineRule, due: CivilDate, met: DeadlineMet, daysLate: Int)
    case deadlineMissed(DeadlineRule, due: CivilDate, daysAgo: Int)
    case deadlineDueSoon(DeadlineRule, due: CivilDate, inDays: Int)
    case deadlinePending(DeadlineRule, due: CivilDate)
    /// A deadline the matter type tracks for its date only (no met-by): nothing in the file can meet it.
    case deadlineTracked(DeadlineRule, due: CivilDate, passed: Bool)
    /// A date set by order or stipulation that is worth a second look: `due` is the date set.
    case orderedDateUnusual(DeadlineRule, due: CivilDate, setBy: DateSetBy, concern: OrderedDateConcern)
    // Waiting periods: `act` is the guarded event, nil when the binding names none.
    case waitingPeriodViolated(DeadlineRule, act: Event?, on: CivilDate, firstAllowed: CivilDate)
    /// `planned` when the act's date is after the as-of date: it is scheduled, not done.
    case waitingPeriodMet(DeadlineRule, act: Event?, on: CivilDate, firstAllowed: CivilDate, planned: Bool)
    case waitingPeriodRunning(DeadlineRule, act: Event?, firstAllowed: CivilDate)
    // Forms and reminders
    case formLate(RequiredForm, filed: CivilDate, due: DueDate)
    case formMayBeRequired(RequiredForm, when: Condition, facts: [String], due: DueDate?)
    case formMissing(RequiredForm, due: DueDate)
    case formDue(RequiredForm, due: DueDate?)
    case followUp(FollowUp, due: DueDate?)
    // The audit's coverage: no matter type, so no forms or deadlines were checked.
    case typeNotGiven(Jurisdiction, hasMatterTypes: Bool)
}

/// Why a date set by order or stipulation is flagged.
public enum OrderedDateConcern: Sendable, Hashable {
    /// The date set is before the event the deadline runs from (a wrong year or month, often).
    case beforeTrigger(CivilDate)
    /// The date set is more than `OrderedDeadline.farFromComputed` days from the rule's date.
    case farFromComputed(days: Int)
}

/// One thing the supervisor should know about a matter: what was found, about what, and where.
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
    public let detail: FindingDetail
    public let location: SourceLocation
    /// The rule behind the finding, if one.
    public let source: FindingSource?
    public let citation: Citation?
    /// The date that matters, and what it is (see `dateRole`).
    public let date: CivilDate?
    public let dateRole: FindingDateRole
    /// Set when the finding's date is one an order or stipulation set, not the rule's.
    public let setBy: DateSetBy?
    /// For a deadline: the other dates it would be if the courts were closed on an unconfirmed closure day.
    public internal(set) var closureWarnings: [ClosureWarning] = []

    public var severity: Severity { code.severity }

    public init(
        _ code: FindingCode, _ detail: FindingDetail, at location: SourceLocation, source: FindingSource? = nil,
        citation: Citation? = nil, date: CivilDate? = nil, dateRole: FindingDateRole = .due, setBy: DateSetBy? = nil
    ) {
        self.code = code
        self.detail = detail
        self.location = location
        self.source = source
        self.citation = citation
        self.date = date
        self.dateRole = dateRole
        self.setBy = setBy
    }

    /// The same finding, its date marked as one an order or stipulation set.
    func dateSet(by setBy: DateSetBy) -> Finding {
        Finding(
            code, detail, at: location, source: source, citation: citation, date: date, dateRole: dateRole,
            setBy: setBy)
    }

    /// The day to act on it, as of a date: a past date means now; a future one, that day.
    public func actOn(asOf: CivilDate) -> CivilDate? { date.map { max($0, asOf) } }
}

/// A dated entry for the matter's timeline chart.
public struct TimelineEntry: Sendable {
    public enum Kind: String, Sendable {
        case event, filing, action, deadline
        case waitingPeriod = "waiting-period"
    }

    /// An entry's name, or for an action the parts it is made of: the audit joins no strings.
    enum Label: Sendable {
        case name(String)
        case action(Person, title: String)
    }

    public let date: CivilDate
    public let kind: Kind
    let label: Label
    public let severity: Finding.Severity?

    /// What the entry is, by name: an event's or deadline's name, a form code, a person and an action's title.
    /// Reporters add the words for the kind ("Filed", "Due:").
    public var name: String {
        switch label {
        case .name(let name): name
        case .action(let person, let title): "\(person.name): \(title)"
        }
    }
    /// For a deadline: the other dates it would be if the courts were closed on an unconfirmed closure day.
    public internal(set) var closureWarnings: [ClosureWarning] = []
}

/// The audit of one matter.
public struct AuditReport: Sendable {
    public let matter: Matter
    public let asOf: CivilDate
    public let horizon: Int
    public let findings: [Finding]
    /// The timeline's entries in the order the audit made them: `timeline` names and sorts them when read.
    let entries: [TimelineEntry]
    /// How many actions, forms and deadlines were checked.
    public let checked: (actions: Int, forms: Int, deadlines: Int)

    /// The matter's dated entries, by date and then name.
    public var timeline: [TimelineEntry] {
        let names = entries.map(\.name)
        return entries.indices.sorted { (entries[$0].date, names[$0]) < (entries[$1].date, names[$1]) }
            .map { entries[$0] }
    }

    public func count(_ severity: Finding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    public var worstSeverity: Finding.Severity? { findings.map(\.severity).max() }

    /// The errors and warnings with a date, and dated reminders, by the day to act on them (a
    /// past date is acted on now), then by their own date: what to do next.
    public var followUps: [Finding] {
        // Sorted as positions with their dates beside them: no finding is copied until the list is
        // made, and codes are compared by name only between findings alike in everything else. Ties
        // keep the findings' order, as the stable sort of the findings themselves did.
        var keyed: [(act: CivilDate, date: CivilDate, rank: Int, position: Int)] = []
        for position in findings.indices {
            guard let date = findings[position].date else { continue }
            let code = findings[position].code
            switch code {
            case .followUp, .waitingPeriodRunning, .deadlinePending: break
            default: guard code.severity != .info else { continue }
            }
            keyed.append((max(date, asOf), date, code.severity.rank, position))
        }
        keyed.sort { a, b in
            if a.act != b.act { return a.act < b.act }
            if a.date != b.date { return a.date < b.date }
            if a.rank != b.rank { return a.rank < b.rank }
            let (first, second) = (findings[a.position].code, findings[b.position].code)
            if first != second { return first.rawValue < second.rawValue }
            return a.position < b.position
        }
        return keyed.map { findings[$0.position] }
    }

    /// The next date something is due, on or after the as-of date.
    public var nextDeadline: CivilDate? {
        var next: CivilDate?
        for finding in findings {
            switch finding.code {
            case .deadlineDueSoon, .deadlinePending, .formDue: break
            default: continue
            }
            guard let date = finding.date, date >= asOf else { continue }
            if next.map({ date < $0 }) ?? true { next = date }
        }
        return next
    }
}
