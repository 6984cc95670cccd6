/// The words for each step of a date computation: the one place they are written, used by every
/// report, the pages and the quiz's explanations. It sits in the core because the quiz, which
/// writes its questions here, explains its answers with the same steps.
public enum TraceText {
    public static func sentence(_ step: TraceStep) -> String {
        switch step {
        case .skipTriggerDay(let date):
            return "The trigger day, \(day(date)), is not counted."
        case .countHours(let hours, let from, let on, let direction, let endsAt, let endsOn):
            return "Start at \(from) on \(day(on)) and count \(hours) hours \(direction.rawValue), "
                + "every hour included: the period ends at \(endsAt) on \(day(endsOn))."
        case .countWaitingDays(let count, let direction, let lastDay):
            return "Count \(count) calendar days \(direction.rawValue): day \(count) is \(day(lastDay)). " + notMoved
        case .countCourtDays(let count, let reason, let skipped, let lastDay):
            let why =
                switch reason {
                case .courtDayPeriod: "The period is counted in court days"
                case .shortPeriod(let threshold):
                    "The period is shorter than \(threshold) days, "
                        + "so weekends and court holidays are skipped while counting"
                }
            let skippedText = skipped.isEmpty ? "none fell in the period" : "skipped " + list(skipped.map(closed))
            return "\(why) (\(skippedText)): court day \(count) is \(day(lastDay))."
        case .countCalendarDays(let count, let direction, let lastDay):
            return "Count \(count) calendar days \(direction.rawValue), weekends and holidays included: "
                + "day \(count) is \(day(lastDay))."
        case .countMonths(let period, let direction, let lastDay, let shortMonth, let waiting):
            let unit = (period.calendarUnit ?? "month") + (period.count == 1 ? "" : "s")
            let count = "Count \(period.count) calendar \(unit) \(direction.rawValue)"
            let end =
                shortMonth
                ? ": that month has no such day, so the period ends on its last day, \(day(lastDay))."
                : ", to the same day of the month: \(day(lastDay))."
            return count + end + (waiting ? " " + notMoved : "")
        case .countDaysLess(let days, let from, let lastDay, let waiting):
            return "Count \(days) calendar days back from \(day(from)): \(day(lastDay))."
                + (waiting ? " " + notMoved : "")
        case .serviceDaysAdded(let method, let days, let period, let total):
            return "Served by \(method.rawValue): \(days) days are added to the \(period)-day period, "
                + "making \(total) days."
        case .serviceDaysAfter(let method, let days, let lastDay):
            return "Served by \(method.rawValue): \(days) days are added after the period would otherwise end: "
                + "\(day(lastDay))."
        case .noServiceDays(let method):
            return "Served by \(method.rawValue): no days are added for this method."
        case .rolled(let reason, let closedDays, let direction, let to):
            let what =
                switch reason {
                case .day(let number): "Day \(number)"
                case .periodEnds: "The period ends"
                case .extendedLastDay: "The extended last day"
                }
            let rest = closedDays.dropFirst().map(closed)
            let others = rest.isEmpty ? "" : "; nor \(rest.count == 1 ? "is" : "are") \(list(rest))"
            let next = direction == .after ? "the next" : "the previous"
            return "\(what), \(closedDays.first.map(closed) ?? ""), is not a court day\(others): "
                + "moved to \(next) court day, \(day(to))."
        }
    }

    static let notMoved =
        "A waiting period is not moved off weekends or holidays: the act may be done on or after this day."

    /// Every step of a trace in words, in order.
    public static func sentences(_ trace: [TraceEntry]) -> [String] { trace.map { sentence($0.step) } }

    static func day(_ date: CivilDate) -> String { "\(date.weekday) \(date)" }

    static func closed(_ day: ClosedDay) -> String { "\(day.reason) \(day.date)" }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}

extension TraceStep {
    /// A short name for the kind of step, for JSON clients.
    public var kind: String {
        switch self {
        case .skipTriggerDay: "skip-trigger-day"
        case .countHours: "count-hours"
        case .countWaitingDays: "count-waiting-days"
        case .countCourtDays: "count-court-days"
        case .countCalendarDays: "count-calendar-days"
        case .countMonths: "count-months"
        case .countDaysLess: "count-days-less"
        case .serviceDaysAdded: "service-days-added"
        case .serviceDaysAfter: "service-days-after"
        case .noServiceDays: "no-service-days"
        case .rolled: "rolled"
        }
    }
}
