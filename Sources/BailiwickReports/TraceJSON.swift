import Bailiwick

/// One step of a date computation as JSON: the sentence (`step`), its `kind` and `citation`, and
/// the step's data under `data`, so a client can tell a rolled day from added service days.
enum TraceJSON {
    static func object(_ entry: TraceEntry) -> JSONValue {
        .object([
            ("step", .string(TraceText.sentence(entry.step))), ("kind", .string(entry.step.kind)),
            ("citation", .optional(entry.citation)), ("data", data(entry.step)),
        ])
    }

    static func data(_ step: TraceStep) -> JSONValue {
        func date(_ date: CivilDate) -> JSONValue { .string(date.description) }
        func days(_ list: [ClosedDay]) -> JSONValue {
            .array(list.map { .object([("date", date($0.date)), ("reason", .string($0.reason))]) })
        }
        switch step {
        case .skipTriggerDay(let day):
            return .object([("date", date(day))])
        case .countHours(let hours, let from, let on, let direction, let endsAt, let endsOn):
            return .object([
                ("hours", .number(hours)), ("from", .string(from.description)), ("on", date(on)),
                ("direction", .string(direction.rawValue)), ("ends-at", .string(endsAt.description)),
                ("ends-on", date(endsOn)),
            ])
        case .countWaitingDays(let count, let direction, let lastDay),
            .countCalendarDays(let count, let direction, let lastDay):
            return .object([
                ("days", .number(count)), ("direction", .string(direction.rawValue)),
                ("last-day", date(lastDay)),
            ])
        case .countMonths(let period, let direction, let lastDay, let shortMonth, _):
            let unit = (period.calendarUnit ?? "month") + "s"
            return .object([
                (unit, .number(period.count)), ("direction", .string(direction.rawValue)),
                ("last-day", date(lastDay)), ("short-month", .bool(shortMonth)),
            ])
        case .countDaysLess(let days, let from, let lastDay, _):
            return .object([("days", .number(days)), ("from", date(from)), ("last-day", date(lastDay))])
        case .countCourtDays(let count, let reason, let skipped, let lastDay):
            let why: [(String, JSONValue)] =
                switch reason {
                case .courtDayPeriod: [("reason", "court-day-period")]
                case .shortPeriod(let threshold): [("reason", "short-period"), ("threshold", .number(threshold))]
                }
            return .object(
                [("days", .number(count))] + why + [("skipped", days(skipped)), ("last-day", date(lastDay))])
        case .serviceDaysAdded(let method, let added, let period, let total):
            return .object([
                ("method", .string(method.rawValue)), ("days", .number(added)), ("period", .number(period)),
                ("total", .number(total)),
            ])
        case .serviceDaysAfter(let method, let added, let lastDay):
            return .object([
                ("method", .string(method.rawValue)), ("days", .number(added)),
                ("last-day", date(lastDay)),
            ])
        case .noServiceDays(let method):
            return .object([("method", .string(method.rawValue))])
        case .rolled(let reason, let closed, let direction, let to):
            let what: [(String, JSONValue)] =
                switch reason {
                case .day(let number): [("ended", "day"), ("day", .number(number))]
                case .periodEnds: [("ended", "period")]
                case .extendedLastDay: [("ended", "extended-last-day")]
                }
            return .object(
                what + [
                    ("closed", days(closed)), ("direction", .string(direction.rawValue)),
                    ("to", date(to)),
                ])
        }
    }
}
