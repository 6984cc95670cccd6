/// A time of day, for periods counted in hours.
public struct TimeOfDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let minutes: Int

    /// Parses `HH:MM` (24-hour clock).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        minutes = hour * 60 + minute
    }

    /// The time `minutes` after midnight, or nil outside 0 to 1439.
    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public var description: String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// A day that is not a court day, and why: "Saturday", "Christmas Day (observed)".
public struct ClosedDay: Sendable, Equatable {
    public let date: CivilDate
    public let reason: String

    public init(date: CivilDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// One step of a date computation, as data; `TraceText` puts it into words.
public enum TraceStep: Sendable, Equatable {
    /// Why a period is counted in court days.
    public enum CourtDayReason: Sendable, Equatable {
        /// The period itself is in court days.
        case courtDayPeriod
        /// The period is shorter than the time rule's threshold (in days), so closed days are skipped.
        case shortPeriod(threshold: Int)
    }

    /// What ended on the day that was moved.
    public enum RollReason: Sendable, Equatable {
        /// Day `n` of the count.
        case day(Int)
        /// The end of a period in hours.
        case periodEnds
        /// The last day after service days were added.
        case extendedLastDay
    }

    /// The trigger day is not counted.
    case skipTriggerDay(CivilDate)
    /// A period in hours, every hour counted, from a time on the trigger day.
    case countHours(Int, from: TimeOfDay, on: CivilDate, direction: Direction, endsAt: TimeOfDay, endsOn: CivilDate)
    /// A waiting period's calendar days; the last day is not moved off closed days.
    case countWaitingDays(Int, direction: Direction, lastDay: CivilDate)
    /// Court days counted one at a time, skipping closed days.
    case countCourtDays(Int, reason: CourtDayReason, skipped: [ClosedDay], lastDay: CivilDate)
    /// Calendar days, weekends and holidays included.
    case countCalendarDays(Int, direction: Direction, lastDay: CivilDate)
    /// Calendar months (a period in years as 12 each) to the same day of the month, or to the last day of a
    /// shorter month (`shortMonth`); `waiting` for a waiting period, whose last day is not moved.
    case countMonths(Period, direction: Direction, lastDay: CivilDate, shortMonth: Bool, waiting: Bool)
    /// Calendar days counted back from the end of a period in months or years: a window before an anniversary.
    case countDaysLess(Int, from: CivilDate, lastDay: CivilDate, waiting: Bool)
    /// Service days added to the period before counting.
    case serviceDaysAdded(ServiceMethod, days: Int, period: Int, total: Int)
    /// Service days added after the period has run.
    case serviceDaysAfter(ServiceMethod, days: Int, lastDay: CivilDate)
    /// The method of service adds no days.
    case noServiceDays(ServiceMethod)
    /// A last day that is not a court day, moved to the next (or previous) court day.
    case rolled(RollReason, closed: [ClosedDay], direction: Direction, to: CivilDate)
}

/// A step of a date computation with the rule behind it.
public struct TraceEntry: Sendable, Equatable {
    public let step: TraceStep
    public let citation: String?

    public init(_ step: TraceStep, citation: String?) {
        self.step = step
        self.citation = citation
    }
}

/// What to compute: a period from a trigger, counted one way, perhaps extended for service.
public struct PeriodRequest: Sendable {
    public let trigger: CivilDate
    public let time: TimeOfDay?
    public let period: Period
    public let direction: Direction
    public let kind: DeadlineRule.Kind
    /// How the triggering paper was served; its days are added when `addServiceDays` is true.
    public let service: ServiceMethod?
    public let addServiceDays: Bool

    public init(
        trigger: CivilDate, time: TimeOfDay? = nil, period: Period, direction: Direction = .after,
        kind: DeadlineRule.Kind = .deadline, service: ServiceMethod? = nil, addServiceDays: Bool = true
    ) {
        self.trigger = trigger
        self.time = time
        self.period = period
        self.direction = direction
        self.kind = kind
        self.service = service
        self.addServiceDays = addServiceDays
    }
}

/// A computed date with its step-by-step trace.
public struct ComputedDate: Sendable {
    public let date: CivilDate
    /// For periods in hours: the time on `date` the period ends.
    public let time: TimeOfDay?
    public let trace: [TraceEntry]
    public let timeRule: TimeRule
    public let version: TimeRuleVersion
    /// The other dates it would be if the courts were closed on an unconfirmed closure day; empty for most.
    public let closureWarnings: [ClosureWarning]
}

public enum TimelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case noTimeRule(jurisdiction: String)
    case noVersion(rule: String, date: CivilDate)
    case hoursNeedATime
    /// The count ends outside the years 1 to 9999, where dates cannot be written.
    case beyondCalendar
    /// A negative period, or one longer than the engine counts (`Period.longestDays`, `longestHours`).
    case periodOutOfRange(Period)
    /// A named deadline not in force on the date of the event that dates it (a rule enacted later, or repealed).
    case notInForce(rule: String, event: String, date: CivilDate, inForce: EffectivePeriod)

    public var description: String {
        switch self {
        case .noTimeRule(let jurisdiction): "the \(jurisdiction) pack has no default time rule"
        case .noVersion(let rule, let date): "no version of time rule '\(rule)' governs periods triggered on \(date)"
        case .hoursNeedATime: "a period in hours needs the time of the trigger"
        case .beyondCalendar: "the period ends outside the years 1 to 9999"
        case .periodOutOfRange(let period):
            switch period {
            case .months, .years:
                "a period is from 0 to \(Period.longestMonths) months or \(Period.longestMonths / 12) years, less at "
                    + "most \(Period.lessDaysPerMonth) days for each month, not \(period)"
            default:
                "a period is from 0 to \(Period.longestDays) days or court days, or 0 to \(Period.longestHours) hours, "
                    + "not \(period)"
            }
        case .notInForce(let rule, let event, let date, let inForce):
            "deadline '\(rule)' was not in force on \(date), the date of \(event): it applies only where that date "
                + "is \(inForce.description)"
        }
    }
}

/// Counts periods the way a jurisdiction's time rule says, writing down each step.
package enum DateCalculator {
    /// `tracing: false` records no trace (the date and its closure warnings are the same): for the audit,
    /// whose findings show no trace.
    package static func compute(
        _ request: PeriodRequest, rule: TimeRule, calendar: CourtCalendar, tracing: Bool = true
    ) throws(TimelineError) -> ComputedDate {
        guard let version = rule.version(on: request.trigger) else {
            throw TimelineError.noVersion(rule: rule.id, date: request.trigger)
        }
        var count = Counting(request: request, version: version, days: CourtDays(calendar), tracing: tracing)
        let end = try count.run()
        return ComputedDate(
            date: end.date, time: end.time, trace: count.trace, timeRule: rule, version: version,
            closureWarnings: closureWarnings(request, version: version, calendar: calendar, end: end))
    }
}

/// The state of one computation. Every step from one date to another goes through `moved(_:by:)`,
/// which refuses to leave the years 1 to 9999: a count that would run past either end of the
/// calendar is an error, never a wrapped or unprintable date.
struct Counting {
    let request: PeriodRequest
    let version: TimeRuleVersion
    var days: CourtDays
    /// Whether the steps are written down; without, `trace` stays empty and no closed day is named.
    let tracing: Bool
    var trace: [TraceEntry] = []

    init(request: PeriodRequest, version: TimeRuleVersion, days: CourtDays, tracing: Bool = true) {
        self.request = request
        self.version = version
        self.days = days
        self.tracing = tracing
    }

    var step: Int { request.direction == .after ? 1 : -1 }
    var rollsOnClosedDays: Bool { version.roll && request.kind == .deadline }

    static func moved(_ date: CivilDate, by days: Int) throws(TimelineError) -> CivilDate {
        do {
            return try date.adding(days: days)
        } catch {
            throw TimelineError.beyondCalendar
        }
    }

    mutating func note(_ step: TraceStep, _ citation: String? = nil) {
        guard tracing else { return }
        trace.append(TraceEntry(step, citation: citation ?? version.citation.text))
    }

    mutating func run() throws(TimelineError) -> (date: CivilDate, time: TimeOfDay?) {
        let trigger = request.trigger
        let direction = request.direction
        // Bounded, a count cannot overflow (`hours * 60`) nor walk day by day for long.
        guard request.period.isCountable else { throw TimelineError.periodOutOfRange(request.period) }
        switch request.period {
        case .hours(let hours):
            guard let time = request.time else { throw TimelineError.hoursNeedATime }
            let total = time.minutes + step * hours * 60
            // Whole days down (towards the past, also for a negative total), then the time left.
            let wholeDays = total >= 0 ? total / 1440 : (total - 1439) / 1440
            var date = try Self.moved(trigger, by: wholeDays)
            let at = TimeOfDay(wrapping: total - wholeDays * 1440)
            note(.countHours(hours, from: time, on: trigger, direction: direction, endsAt: at, endsOn: date))
            if rollsOnClosedDays {
                date = try roll(date, reason: .periodEnds)
            }
            return (date, at)
        case .months(_, let less), .years(_, let less):
            return (try countMonths(less: less), nil)
        case .days(let count) where request.kind == .waitingPeriod:
            note(.skipTriggerDay(trigger))
            let date = try Self.moved(trigger, by: step * count)
            note(.countWaitingDays(count, direction: direction, lastDay: date))
            return (date, nil)
        case .courtDays(let count):
            note(.skipTriggerDay(trigger))
            var date = try countCourtDays(count, reason: .courtDayPeriod)
            date = try addServiceDays(to: date)
            return (date, nil)
        case .days(let count):
            note(.skipTriggerDay(trigger))
            var date: CivilDate
            if let threshold = version.shortPeriodUnder, count < threshold {
                date = try countCourtDays(count, reason: .shortPeriod(threshold: threshold))
                return (try addServiceDays(to: date), nil)
            }
            var total = count
            if version.serviceDaysAdded == .toPeriod, let extra = serviceDays() {
                // Service days of any size (a time rule built in code) cannot be added without overflow.
                let (sum, overflow) = count.addingReportingOverflow(extra.days)
                guard !overflow, CivilDate.dayNumbers.count > sum.magnitude else { throw TimelineError.beyondCalendar }
                total = sum
                note(
                    extra.days > 0
                        ? .serviceDaysAdded(extra.method, days: extra.days, period: count, total: total)
                        : .noServiceDays(extra.method), version.serviceCitation)
            }
            date = try Self.moved(trigger, by: step * total)
            note(.countCalendarDays(total, direction: direction, lastDay: date))
            date = try roll(date, reason: .day(total))
            if version.serviceDaysAdded == .afterPeriod { date = try addServiceDays(to: date) }
            return (date, nil)
        }
    }

    /// Months (or years) to the same day of the month, then any days less, then service days; a deadline's
    /// last day is rolled once the service days are in (`to-period`), or before and after them (`after-period`).
    mutating func countMonths(less: Int) throws(TimelineError) -> CivilDate {
        let trigger = request.trigger
        guard let months = request.period.months else { throw TimelineError.periodOutOfRange(request.period) }
        var date: CivilDate
        do {
            date = try trigger.adding(months: step * months)
        } catch {
            throw TimelineError.beyondCalendar
        }
        let waiting = request.kind == .waitingPeriod
        note(
            .countMonths(
                request.period, direction: request.direction, lastDay: date, shortMonth: date.day != trigger.day,
                waiting: waiting && less == 0))
        if less > 0 {
            let end = date
            date = try Self.moved(end, by: -step * less)
            note(.countDaysLess(less, from: end, lastDay: date, waiting: waiting))
        }
        guard !waiting else { return date }
        if version.serviceDaysAdded == .toPeriod, let extra = serviceDays() {
            guard extra.days > 0 else {
                note(.noServiceDays(extra.method), version.serviceCitation)
                return try roll(date, reason: .periodEnds)
            }
            date = try Self.moved(date, by: extra.days)
            note(.serviceDaysAfter(extra.method, days: extra.days, lastDay: date), version.serviceCitation)
            return try roll(date, reason: .extendedLastDay)
        }
        date = try roll(date, reason: .periodEnds)
        return version.serviceDaysAdded == .afterPeriod ? try addServiceDays(to: date) : date
    }

    /// The days to add for the way the trigger was served, if this period takes them.
    func serviceDays() -> (method: ServiceMethod, days: Int)? {
        guard request.addServiceDays, request.direction == .after, let method = request.service else { return nil }
        return (method, version.serviceDays[method] ?? 0)
    }

    /// Counts court days one at a time, naming the days skipped.
    mutating func countCourtDays(_ count: Int, reason: TraceStep.CourtDayReason) throws(TimelineError) -> CivilDate {
        var date = request.trigger
        var skipped: [ClosedDay] = []
        var counted = 0
        while counted < count {
            date = try Self.moved(date, by: step)
            if !tracing {
                if !days.isClosed(date) { counted += 1 }
            } else if let closure = days.closure(on: date) {
                skipped.append(ClosedDay(date: date, reason: closure))
            } else {
                counted += 1
            }
        }
        note(.countCourtDays(count, reason: reason, skipped: skipped, lastDay: date))
        return date
    }

    /// Moves a last day that is not a court day to the next court day (the previous one when
    /// counting back from an event).
    mutating func roll(_ date: CivilDate, reason: TraceStep.RollReason) throws(TimelineError) -> CivilDate {
        guard rollsOnClosedDays else { return date }
        var moved = date
        var closures: [ClosedDay] = []
        if !tracing {
            while days.isClosed(moved) { moved = try Self.moved(moved, by: step) }
        } else {
            while let closure = days.closure(on: moved) {
                closures.append(ClosedDay(date: moved, reason: closure))
                moved = try Self.moved(moved, by: step)
            }
        }
        guard moved != date else { return date }
        note(.rolled(reason, closed: closures, direction: request.direction, to: moved))
        return moved
    }

    /// Adds the service days after the period has run (and rolled), then rolls again.
    mutating func addServiceDays(to date: CivilDate) throws(TimelineError) -> CivilDate {
        guard let extra = serviceDays() else { return date }
        guard extra.days > 0 else {
            note(.noServiceDays(extra.method), version.serviceCitation)
            return date
        }
        let extended = try Self.moved(date, by: extra.days)
        note(.serviceDaysAfter(extra.method, days: extra.days, lastDay: extended), version.serviceCitation)
        return try roll(extended, reason: .extendedLastDay)
    }
}

extension TimeOfDay {
    /// Minutes the caller has already brought into 0 to 1439.
    fileprivate init(wrapping minutes: Int) {
        self.minutes = minutes
    }
}
