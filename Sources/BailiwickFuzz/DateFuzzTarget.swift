import Bailiwick
import Foundation

/// The `dates` target: arbitrary bytes read as a period to count (trigger date, time, days,
/// court days or hours of any count, direction, kind, service) under a shipped jurisdiction's
/// time rule and calendar, or under a made-up rule and calendar with values no loader accepts;
/// then the holidays of an arbitrary year. A result must be a date on the right side of the
/// trigger, an error, or nothing: a trap, a hang or a year outside 1 to 9999 is a finding.
enum DateFuzzTarget {
    /// Shipped jurisdictions that count periods, in id order so that a byte picks the same one every run.
    static let places: [(timeRules: [TimeRule], calendar: CourtCalendar)] = {
        guard let packs = FuzzTarget.shipped else { return [] }
        return packs.jurisdictions.map(\.id).sorted().compactMap { id in
            let rules = packs.timeRules.filter { $0.jurisdiction == id }.sorted { $0.id < $1.id }
            guard !rules.isEmpty, let calendar = packs.calendar(for: id) else { return nil }
            return (rules, calendar)
        }
    }()

    static func run(_ data: Data) {
        guard !places.isEmpty else { return }
        var input = FuzzBytes(data)
        let place = places[input.index(below: places.count)]
        let shipped = input.flag()
        let rule = shipped ? place.timeRules[input.index(below: place.timeRules.count)] : madeUpRule(&input)
        let calendar = shipped ? place.calendar : madeUpCalendar(&input)
        let trigger = input.date()
        let time = input.flag() ? TimeOfDay(minutes: input.index(below: 1440)) : nil
        let count = input.count()
        let less = input.flag() ? input.count() : 0
        let period: Period = [
            .days(count), .courtDays(count), .hours(count), .months(count, lessDays: less),
            .years(count, lessDays: less),
        ][input.index(below: 5)]
        let direction: Direction = input.flag() ? .after : .before
        let kind: DeadlineRule.Kind = input.flag() ? .deadline : .waitingPeriod
        let methods: [ServiceMethod?] = ServiceMethod.allCases + [nil]
        let service = methods[input.index(below: methods.count)]
        let request = PeriodRequest(
            trigger: trigger, time: time, period: period, direction: direction, kind: kind,
            service: service, addServiceDays: input.flag())
        if let computed = try? DateCalculator.compute(request, rule: rule, calendar: calendar) {
            // Read as a report would, and on the side of the trigger the count went.
            let words =
                TraceText.sentences(computed.trace).joined() + computed.date.description
                + (computed.time?.description ?? "")
            precondition(!words.isEmpty && (1...9999).contains(computed.date.year))
            precondition(direction == .after ? computed.date >= trigger : computed.date <= trigger)
        }
        let year = input.year()
        let holidays = calendar.observedHolidays(inYear: year)
        precondition(holidays.allSatisfy { $0.observed.year == year && !$0.date.description.isEmpty })
        _ = calendar.holidays(ofYear: year).map(\.observed.description)
    }

    static let citation = Citation(text: "Fuzz", status: .primary)

    /// A time rule of one version with any threshold and service days.
    static func madeUpRule(_ input: inout FuzzBytes) -> TimeRule {
        var serviceDays: [ServiceMethod: Int] = [:]
        // Days added for service are never negative (the loader refuses them); any size else.
        for method in ServiceMethod.allCases where input.flag() { serviceDays[method] = max(0, input.count()) }
        let version = TimeRuleVersion(
            period: EffectivePeriod(), shortPeriodUnder: input.flag() ? input.count() : nil, roll: input.flag(),
            serviceDays: serviceDays, serviceDaysAdded: input.flag() ? .afterPeriod : .toPeriod, citation: citation,
            serviceCitation: nil, note: nil)
        return TimeRule(id: "fuzz", jurisdiction: "fuzz", name: "Fuzz", isDefault: true, versions: [version])
    }

    /// Up to four holidays of any kind, month, day, rank and offset, and any weekend shifts.
    static func madeUpCalendar(_ input: inout FuzzBytes) -> CourtCalendar {
        let count = input.index(below: 5)
        let holidays = (0..<count).map { number -> Holiday in
            let date: HolidayDate
            switch input.index(below: 4) {
            case 0: date = .fixed(month: input.small(), day: input.small())
            case 1: date = .nthWeekday(month: input.small(), weekday: input.weekday(), nth: input.small())
            case 2: date = .relative(holiday: "h\(input.index(below: max(1, count)))", offset: input.count())
            default: date = .easter(offset: input.count())
            }
            let observance = input.flag() ? observed(&input) : nil
            let from = input.flag() ? input.year() : nil
            let until = input.flag() ? input.year() : nil
            return Holiday(
                id: "h\(number)", name: "Holiday \(number)", date: date, observance: observance,
                fromYear: from, untilYear: until, citation: citation, note: nil)
        }
        return CourtCalendar(
            jurisdiction: "fuzz", name: "Fuzz", observance: observed(&input), holidays: holidays,
            citation: citation, note: nil)
    }

    static func observed(_ input: inout FuzzBytes) -> Observance {
        var shifts: [Weekday: Observance.Shift] = [:]
        for day in Weekday.allCases {
            switch input.index(below: 4) {
            case 0: shifts[day] = .previous(input.weekday())
            case 1: shifts[day] = .next(input.weekday())
            default: break
            }
        }
        return Observance(shifts)
    }
}

/// The fuzzer's bytes read one value after another; past the end every byte is zero.
struct FuzzBytes {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) {
        bytes = Array(data)
    }

    mutating func byte() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    mutating func unsigned(_ count: Int) -> UInt64 {
        (0..<count).reduce(UInt64(0)) { value, shift in value | UInt64(byte()) << (8 * UInt64(shift)) }
    }

    mutating func flag() -> Bool { byte() & 1 == 1 }

    mutating func index(below count: Int) -> Int { Int(unsigned(2) % UInt64(count)) }

    /// -128 to 127: months, days and ranks just outside their ranges too.
    mutating func small() -> Int { Int(Int8(bitPattern: byte())) }

    mutating func weekday() -> Weekday { Weekday.allCases[index(below: 7)] }

    /// A count of any size, most often one near a boundary: a short period, a long one, the
    /// longest the engine counts (in days or hours), the ends of `Int`, or a negative one.
    mutating func count() -> Int {
        switch byte() % 8 {
        case 0, 1: return Int(byte())
        case 2: return Int(unsigned(2))
        case 3: return Int(unsigned(4))
        case 4: return Int(truncatingIfNeeded: unsigned(8))
        case 5: return (byte() & 1 == 0 ? Period.longestDays : Period.longestHours) + Int(byte()) - 128
        case 6: return -Int(unsigned(2))
        default: return byte() & 1 == 0 ? Int.max - Int(byte()) : Int.min + Int(byte())
        }
    }

    /// A date of the calendar, most often near one of its ends.
    mutating func date() -> CivilDate {
        let first = CivilDate.first.dayNumber
        let last = CivilDate.last.dayNumber
        let near2026 = CivilDate(year: 2026, month: 1, day: 1)!.dayNumber
        let day: Int
        switch byte() % 4 {
        case 0: day = first + Int(unsigned(2))
        case 1: day = last - Int(unsigned(2))
        case 2: day = first + Int(unsigned(4) % UInt64(last - first + 1))
        default: day = near2026 + Int(unsigned(2)) - 32_768
        }
        return CivilDate(dayNumber: day) ?? CivilDate.first
    }

    /// A year of the calendar or around its ends, or any `Int`.
    mutating func year() -> Int {
        switch byte() % 4 {
        case 0: return Int(unsigned(2)) - 100
        case 1: return 9_900 + Int(byte())
        case 2: return 1 + Int(unsigned(2) % 9_999)
        default: return Int(truncatingIfNeeded: unsigned(8))
        }
    }
}
