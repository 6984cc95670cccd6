import Bailiwick

/// A jurisdiction's court holidays in a year: shared by `bailiwick holidays` and the web app.
public struct HolidaysRequest: Sendable {
    public var jurisdiction: String
    public var year: Int

    /// The years asked about: the Gregorian calendar's, up to the last year dates can be written in.
    public static let years = 1583...9999

    public init(jurisdiction: String, year: Int) {
        self.jurisdiction = jurisdiction
        self.year = year
    }

    public struct Result: Sendable {
        public let jurisdiction: Jurisdiction
        public let calendar: CourtCalendar
        public let year: Int
        public let observed: [ObservedHoliday]

        public var json: String { HolidayReport.json(observed, calendar: calendar, jurisdiction: jurisdiction, year: year) }

        public func text(style: TextStyle) -> String {
            HolidayReport.text(observed, calendar: calendar, jurisdiction: jurisdiction, year: year, style: style)
        }
    }

    public func holidays(in packs: PackSet) throws(InputError) -> Result {
        guard Self.years.contains(year) else {
            throw InputError("the year must be from \(Self.years.lowerBound) to \(Self.years.upperBound), not \(year)")
        }
        guard let place = packs.jurisdiction(jurisdiction) else {
            throw InputError(QueryError(.jurisdiction, jurisdiction, candidates: packs.jurisdictions.map(\.id)).description)
        }
        guard let calendar = packs.calendar(for: jurisdiction) else {
            throw InputError("the \(jurisdiction) pack has no court calendar")
        }
        return Result(jurisdiction: place, calendar: calendar, year: year, observed: calendar.observedHolidays(inYear: year))
    }
}
