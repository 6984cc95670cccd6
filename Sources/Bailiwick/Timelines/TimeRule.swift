/// How a paper was served, which can add days to a period that runs from its service.
public enum ServiceMethod: String, Sendable, CaseIterable {
    case personal, mail, electronic, clerk, consented
}

/// Whether a period is counted after its trigger or back from it.
public enum Direction: String, Sendable, CaseIterable {
    case after, before
}

/// A period of time: calendar days, court days, hours, or calendar months or years.
///
/// Months and years are counted to the same day of the month (a year from 2026-03-02 is 2027-03-02); a day
/// the later month lacks (the 31st, 29 February) gives that month's last day: a month from 2026-01-31 is
/// 2026-02-28, a year from 2028-02-29 is 2029-02-28. `lessDays` then counts that many calendar days back, for
/// a window that opens before an anniversary ("90 days before the second anniversary": 2 years less 90 days).
public enum Period: Sendable, Equatable, CustomStringConvertible {
    case days(Int)
    case courtDays(Int)
    case hours(Int)
    case months(Int, lessDays: Int)
    case years(Int, lessDays: Int)

    public var description: String {
        switch self {
        case .days(let count): count == 1 ? "1 day" : "\(count) days"
        case .courtDays(let count): count == 1 ? "1 court day" : "\(count) court days"
        case .hours(let count): count == 1 ? "1 hour" : "\(count) hours"
        case .months(let count, let less): (count == 1 ? "1 month" : "\(count) months") + Self.less(less)
        case .years(let count, let less): (count == 1 ? "1 year" : "\(count) years") + Self.less(less)
        }
    }

    private static func less(_ days: Int) -> String {
        days == 0 ? "" : days == 1 ? " less 1 day" : " less \(days) days"
    }

    /// The longest periods counted: ten years of days (or court days, months or years), a year of hours. Packs
    /// and requests may not ask for more, and the engine refuses more, so no count runs for long.
    public static let longestDays = 3650
    public static let longestHours = 8760
    public static let longestMonths = 120
    /// A window before an anniversary never reaches back past its trigger: a month is at least 28 days.
    public static let lessDaysPerMonth = 28

    public var count: Int {
        switch self {
        case .days(let count), .courtDays(let count), .hours(let count), .months(let count, _),
            .years(let count, _):
            count
        }
    }

    /// The period in calendar months, for periods in months or years.
    public var months: Int? {
        switch self {
        case .months(let count, _): count
        case .years(let count, _): count.multipliedReportingOverflow(by: 12).overflow ? nil : count * 12
        default: nil
        }
    }

    /// For a period in months or years: "month" or "year".
    public var calendarUnit: String? {
        switch self {
        case .months: "month"
        case .years: "year"
        default: nil
        }
    }

    /// Whether the engine counts this period: from none up to the longest.
    public var isCountable: Bool {
        switch self {
        case .hours: return (0...Self.longestHours).contains(count)
        case .days, .courtDays: return (0...Self.longestDays).contains(count)
        case .months(_, let less), .years(_, let less):
            guard let months, (0...Self.longestMonths).contains(months) else { return false }
            return (0...months * Self.lessDaysPerMonth).contains(less)
        }
    }
}

/// A jurisdiction's way of counting periods, in versions that each govern triggers in their period.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class TimeRule: Sendable {
    public let id: String
    public let jurisdiction: String
    public let name: String
    public let isDefault: Bool
    public let versions: [TimeRuleVersion]

    public init(id: String, jurisdiction: String, name: String, isDefault: Bool, versions: [TimeRuleVersion]) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.isDefault = isDefault
        self.versions = versions
    }

    /// The version that governs a period triggered on `date`.
    public func version(on date: CivilDate) -> TimeRuleVersion? {
        versions.first { $0.period.contains(date) }
    }
}

/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class TimeRuleVersion: Sendable {
    /// Where the days for service go.
    public enum ServiceDaysAdded: String, Sendable, CaseIterable {
        /// After the period, rolled, would otherwise end (Fed. R. Civ. P. 6(d)); then rolled again.
        case afterPeriod = "after-period"
        /// To the period itself, which is then counted and rolled as one (e.g. "3 days shall be
        /// added to the prescribed period").
        case toPeriod = "to-period"
    }

    public let period: EffectivePeriod
    /// Periods shorter than this many days skip weekends and court holidays while counting.
    public let shortPeriodUnder: Int?
    /// Whether a last day that is not a court day moves to the next (or previous) court day.
    public let roll: Bool
    public let serviceDays: [ServiceMethod: Int]
    public let serviceDaysAdded: ServiceDaysAdded
    public let citation: Citation
    public let serviceCitation: String?
    public let note: String?

    public init(
        period: EffectivePeriod, shortPeriodUnder: Int?, roll: Bool, serviceDays: [ServiceMethod: Int],
        serviceDaysAdded: ServiceDaysAdded = .afterPeriod, citation: Citation, serviceCitation: String?, note: String?
    ) {
        self.period = period
        self.shortPeriodUnder = shortPeriodUnder
        self.roll = roll
        self.serviceDays = serviceDays
        self.serviceDaysAdded = serviceDaysAdded
        self.citation = citation
        self.serviceCitation = serviceCitation
        self.note = note
    }
}

extension TimeRuleVersion {
    /// The same version in force for another period.
    public func with(period: EffectivePeriod) -> TimeRuleVersion {
        TimeRuleVersion(
            period: period, shortPeriodUnder: shortPeriodUnder, roll: roll, serviceDays: serviceDays,
            serviceDaysAdded: serviceDaysAdded, citation: citation, serviceCitation: serviceCitation, note: note)
    }
}
