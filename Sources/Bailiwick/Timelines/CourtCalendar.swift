// Foundation only for NSLock: one calendar is shared by concurrent requests, and its cache of
// observed holidays needs a lock.
import Foundation

/// When a holiday falls in a year: a fixed date, the nth (or last) weekday of a month, a number
/// of days from another holiday, or a number of days from Easter Sunday.
public enum HolidayDate: Sendable, Equatable {
    case fixed(month: Int, day: Int)
    /// `nth` from 1 to 5, or -1 for the last such weekday of the month.
    case nthWeekday(month: Int, weekday: Weekday, nth: Int)
    case relative(holiday: String, offset: Int)
    case easter(offset: Int)
}

/// Where a holiday is observed when its date falls on a given weekday.
public struct Observance: Sendable, Equatable {
    public enum Shift: Sendable, Equatable {
        case previous(Weekday)
        case next(Weekday)
    }

    public let shifts: [Weekday: Shift]

    public init(_ shifts: [Weekday: Shift]) {
        self.shifts = shifts
    }

    public static let none = Observance([:])

    /// The day courts close for a holiday on `date`; nil when that day is outside the calendar
    /// (New Year's Day of the year 1 observed in the year 0).
    public func observedDate(of date: CivilDate) -> CivilDate? {
        switch shifts[date.weekday] {
        case nil:
            return date
        case .previous(let weekday):
            let back = (date.weekday.rawValue - weekday.rawValue + 7) % 7
            return try? date.adding(days: -(back == 0 ? 7 : back))
        case .next(let weekday):
            let ahead = (weekday.rawValue - date.weekday.rawValue + 7) % 7
            return try? date.adding(days: ahead == 0 ? 7 : ahead)
        }
    }
}

/// A court holiday rule of a jurisdiction.
public struct Holiday: Sendable {
    public let id: String
    public let name: String
    public let date: HolidayDate
    /// This holiday's own weekend shift, replacing the calendar's; nil uses the calendar's.
    public let observance: Observance?
    public let fromYear: Int?
    public let untilYear: Int?
    public let citation: Citation
    public let note: String?

    public init(
        id: String, name: String, date: HolidayDate, observance: Observance?, fromYear: Int?, untilYear: Int?,
        citation: Citation, note: String?
    ) {
        self.id = id
        self.name = name
        self.date = date
        self.observance = observance
        self.fromYear = fromYear
        self.untilYear = untilYear
        self.citation = citation
        self.note = note
    }

    public func exists(in year: Int) -> Bool {
        (fromYear.map { year >= $0 } ?? true) && (untilYear.map { year <= $0 } ?? true)
    }
}

/// A holiday as it falls in one year: its date, and the day courts close for it.
public struct ObservedHoliday: Sendable, Equatable {
    public let holidayID: String
    public let name: String
    public let date: CivilDate
    public let observed: CivilDate
}

/// A jurisdiction's court holidays. Saturdays and Sundays are never court days.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class CourtCalendar: Sendable {
    /// The observed holidays of each year, worked out once and shared by every computation.
    let table = HolidayTable()
    public let jurisdiction: String
    public let name: String
    public let observance: Observance
    public let holidays: [Holiday]
    public let citation: Citation
    public let note: String?
    /// Weekdays the courts may have been closed, in date order: counted as open, with a warning where it matters.
    public let unconfirmedClosures: [UnconfirmedClosure]

    public init(
        jurisdiction: String, name: String, observance: Observance, holidays: [Holiday], citation: Citation,
        note: String?, unconfirmedClosures: [UnconfirmedClosure] = []
    ) {
        self.jurisdiction = jurisdiction
        self.name = name
        self.observance = observance
        self.holidays = holidays
        self.citation = citation
        self.note = note
        self.unconfirmedClosures = unconfirmedClosures.sorted { $0.date < $1.date }
    }

    public func holiday(_ id: String) -> Holiday? { holidays.first { $0.id == id } }

    /// The same calendar with these unconfirmed closures.
    public func with(unconfirmedClosures: [UnconfirmedClosure]) -> CourtCalendar {
        CourtCalendar(
            jurisdiction: jurisdiction, name: name, observance: observance, holidays: holidays, citation: citation,
            note: note, unconfirmedClosures: unconfirmedClosures)
    }

    /// The holidays of `year` (by their own date), in date order. Dates exist in the years 1 to
    /// 9999 only: any other year, and a holiday whose date or observed day falls outside them, has none.
    public func holidays(ofYear year: Int) -> [ObservedHoliday] {
        guard (1...9999).contains(year) else { return [] }
        return holidays.compactMap { holiday -> ObservedHoliday? in
            guard holiday.exists(in: year), let date = date(of: holiday, in: year, depth: 0),
                let observed = (holiday.observance ?? observance).observedDate(of: date)
            else { return nil }
            return ObservedHoliday(holidayID: holiday.id, name: holiday.name, date: date, observed: observed)
        }.sorted { ($0.date, $0.holidayID) < ($1.date, $1.holidayID) }
    }

    /// The holidays courts observe in `year`, including one of a neighbouring year observed in
    /// it (New Year's Day on a Saturday is observed the Friday before), in observed-date order.
    public func observedHolidays(inYear year: Int) -> [ObservedHoliday] {
        // Checked before looking at the neighbours, so that year ± 1 cannot overflow.
        guard (1...9999).contains(year) else { return [] }
        return (year - 1...year + 1).flatMap { holidays(ofYear: $0) }
            .filter { $0.observed.year == year }
            .sorted { ($0.observed, $0.holidayID) < ($1.observed, $1.holidayID) }
    }

    /// The actual date of a holiday in a year. Relative dates follow their base holiday, which the
    /// loader has checked exists and does not lead back to this one.
    func date(of holiday: Holiday, in year: Int, depth: Int) -> CivilDate? {
        switch holiday.date {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .nthWeekday(let month, let weekday, let nth):
            return CalendarMath.nthWeekday(nth, weekday, month: month, year: year)
        case .easter(let offset):
            return CalendarMath.easterSunday(year).flatMap { try? $0.adding(days: offset) }
        case .relative(let baseID, let offset):
            guard depth < holidays.count, let base = self.holiday(baseID),
                let baseDate = date(of: base, in: year, depth: depth + 1)
            else { return nil }
            return try? baseDate.adding(days: offset)
        }
    }
}

/// The observed holidays of each year a computation has asked about, by day number.
final class HolidayTable: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: [Int: ObservedHoliday]] = [:]

    func year(_ year: Int, of calendar: CourtCalendar) -> [Int: ObservedHoliday] {
        if let known = lock.withLock({ years[year] }) { return known }
        var table: [Int: ObservedHoliday] = [:]
        for holiday in calendar.observedHolidays(inYear: year) where table[holiday.observed.dayNumber] == nil {
            table[holiday.observed.dayNumber] = holiday
        }
        lock.withLock { years[year] = table }
        return table
    }
}

/// Answers "is this a court day?" for one computation, from the calendar's shared table.
struct CourtDays {
    let calendar: CourtCalendar
    /// An unconfirmed closure counted as closed, to see what the date would be if the courts were.
    let assumedClosed: UnconfirmedClosure?
    private var year = Int.min
    private var observed: [Int: ObservedHoliday] = [:]

    init(_ calendar: CourtCalendar, assumingClosed closure: UnconfirmedClosure? = nil) {
        self.calendar = calendar
        self.assumedClosed = closure
    }

    /// The holiday courts observe on `date`, if any.
    mutating func holiday(on date: CivilDate) -> ObservedHoliday? {
        if date.year != year {
            year = date.year
            observed = calendar.table.year(year, of: calendar)
        }
        return observed[date.dayNumber]
    }

    /// Whether a day is not a court day: `closure(on:)` without the words.
    mutating func isClosed(_ date: CivilDate) -> Bool {
        if let assumedClosed, assumedClosed.date == date { return true }
        return date.weekday.isWeekend || holiday(on: date) != nil
    }

    /// Why a day is not a court day, in words: "Saturday", "Christmas Day (observed)".
    mutating func closure(on date: CivilDate) -> String? {
        if let assumedClosed, assumedClosed.date == date { return "closed (unconfirmed)" }
        if let holiday = holiday(on: date) {
            return holiday.observed == holiday.date ? holiday.name : "\(holiday.name) (observed)"
        }
        return date.weekday.isWeekend ? date.weekday.description : nil
    }
}

enum CalendarMath {
    /// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> CivilDate? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    /// The nth weekday of a month (nth 1-5), or the last one (nth -1); nil if there is no fifth.
    static func nthWeekday(_ nth: Int, _ weekday: Weekday, month: Int, year: Int) -> CivilDate? {
        if nth == -1 {
            guard let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)) else {
                return nil
            }
            let back = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            return try? last.adding(days: -back)
        }
        guard (1...5).contains(nth), let first = CivilDate(year: year, month: month, day: 1) else { return nil }
        let ahead = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        guard let date = try? first.adding(days: ahead + 7 * (nth - 1)) else { return nil }
        return date.month == month ? date : nil
    }
}
