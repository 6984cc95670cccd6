/// How a paper was served, which can add days to a period that runs from its service.
public enum ServiceMethod: String, Sendable, CaseIterable {
    case personal, mail, electronic, clerk, consented
}

/// Whether a period is counted after its trigger or back from it.
public enum Direction: String, Sendable, CaseIterable {
    case after, before
}

/// A period of time: calendar days, court days, or hours.
public enum Period: Sendable, Equatable, CustomStringConvertible {
    case days(Int)
    case courtDays(Int)
    case hours(Int)

    public var description: String {
        switch self {
        case .days(let count): count == 1 ? "1 day" : "\(count) days"
        case .courtDays(let count): count == 1 ? "1 court day" : "\(count) court days"
        case .hours(let count): count == 1 ? "1 hour" : "\(count) hours"
        }
    }

    /// The longest periods counted: ten years of days (or court days), a year of hours. Packs and
    /// requests may not ask for more, and the engine refuses more, so no count runs for long.
    public static let longestDays = 3650
    public static let longestHours = 8760

    public var count: Int {
        switch self {
        case .days(let count), .courtDays(let count), .hours(let count): count
        }
    }

    /// Whether the engine counts this period: from none up to the longest.
    public var isCountable: Bool {
        if case .hours = self { return (0...Self.longestHours).contains(count) }
        return (0...Self.longestDays).contains(count)
    }
}

/// A jurisdiction's way of counting periods, in versions that each govern triggers in their period.
public struct TimeRule: Sendable {
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

public struct TimeRuleVersion: Sendable {
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
