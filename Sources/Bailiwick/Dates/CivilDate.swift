/// A calendar date with no time of day and no time zone: the unit of every legal period.
///
/// Arithmetic runs on a day number (days since 1970-01-01) in the proleptic Gregorian calendar,
/// so no result can depend on the machine's clock settings, time zone or locale.
///
/// Every value is a day of the years 1 to 9999, the dates `YYYY-MM-DD` can write: each way of
/// making one (parsing, a day number, stepping) refuses the rest, so no caller can be handed a
/// year 0, 10000 or -5 to print or to look up holidays in.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, or returns nil when the day does not exist (2026-02-30, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        // Through the bytes' buffer where there is one: this initialiser is not specialised for callers in
        // other modules (the matter reader), and iterating their bytes through protocol witnesses cost ten
        // times the parse.
        let read = text.utf8.withContiguousStorageIfAvailable(Self.fields) ?? Self.fields(text.utf8)
        guard let fields = read else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Parses exactly `YYYY-MM-DD` from its UTF-8 bytes, for a reader that holds bytes rather than a string.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let fields = Self.fields(bytes) else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// The numbers of `YYYY-MM-DD`, read byte by byte without copying: matter files hold dozens of dates.
    private static func fields<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (year: Int, month: Int, day: Int)? {
        var fields = (year: 0, month: 0, day: 0)
        var position = 0
        for byte in bytes {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 {
                    fields.year = fields.year * 10 + digit
                } else if position < 7 {
                    fields.month = fields.month * 10 + digit
                } else {
                    fields.day = fields.day * 10 + digit
                }
            default:
                return nil
            }
            position += 1
        }
        return position == 10 ? fields : nil
    }

    /// Stepping or converting past either end of the calendar: there is no date there.
    public struct OutsideCalendar: Error, Sendable, Equatable {
        public init() {}
    }

    public static let first = CivilDate(uncheckedDayNumber: -719_162)
    public static let last = CivilDate(uncheckedDayNumber: 2_932_896)
    /// The day numbers of 0001-01-01 to 9999-12-31.
    public static let dayNumbers = -719_162...2_932_896

    /// The date of a day number (days since 1970-01-01), or nil outside the years 1 to 9999.
    public init?(dayNumber: Int) {
        guard Self.dayNumbers.contains(dayNumber) else { return nil }
        self.init(uncheckedDayNumber: dayNumber)
    }

    private init(uncheckedDayNumber dayNumber: Int) {
        // Civil-from-days (H. Hinnant's public-domain algorithm).
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 4) % 7
        return Weekday(rawValue: index)!
    }

    /// The date `days` later (earlier when negative); past 0001-01-01 or 9999-12-31 there is none.
    public func adding(days: Int) throws(OutsideCalendar) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow, let date = CivilDate(dayNumber: sum) else { throw OutsideCalendar() }
        return date
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The same day of the month `months` later (earlier when negative), or the last day of that month when
    /// it is shorter (a month from 31 January is 28 or 29 February); past 0001 or 9999 there is none.
    public func adding(months: Int) throws(OutsideCalendar) -> CivilDate {
        let (sum, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !overflow else { throw OutsideCalendar() }
        let (newYear, newMonth) = (sum >= 0 ? sum / 12 : (sum - 11) / 12, ((sum % 12) + 12) % 12 + 1)
        guard (1...9999).contains(newYear),
            let date = CivilDate(
                year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
        else { throw OutsideCalendar() }
        return date
    }

    /// `YYYY-MM-DD`, written digit by digit: reports print many dates. Ten bytes make a small string,
    /// so nothing is allocated.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { digits in
            let zero = UInt8(ascii: "0")
            digits[0] = zero + UInt8(year / 1000 % 10)
            digits[1] = zero + UInt8(year / 100 % 10)
            digits[2] = zero + UInt8(year / 10 % 10)
            digits[3] = zero + UInt8(year % 10)
            digits[4] = UInt8(ascii: "-")
            digits[5] = zero + UInt8(month / 10)
            digits[6] = zero + UInt8(month % 10)
            digits[7] = UInt8(ascii: "-")
            digits[8] = zero + UInt8(day / 10)
            digits[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

public enum Weekday: Int, Sendable, CaseIterable, CustomStringConvertible {
    case sunday = 0
    case monday, tuesday, wednesday, thursday, friday, saturday

    public var description: String {
        switch self {
        case .sunday: "Sunday"
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        }
    }

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
