import Bailiwick

/// A jurisdiction's court holidays in a year: shared by `bailiwick holidays` and the web app.
public struct HolidaysRequest: Sendable {
    public var jurisdiction: String
    /// Nil: this year, in UTC.
    public var year: Int?

    /// The years asked about: the Gregorian calendar's, up to the last year dates can be written in.
    public static let years = 1583...9999

    public init(jurisdiction: String, year: Int?) {
        self.jurisdiction = jurisdiction
        self.year = year
    }

    public struct Result: Sendable {
        public let jurisdiction: Jurisdiction
        public let calendar: CourtCalendar
        public let year: Int
        public let observed: [ObservedHoliday]

        public var json: String {
            HolidayReport.json(observed, calendar: calendar, jurisdiction: jurisdiction, year: year)
        }

        public func text(style: TextStyle) -> String {
            HolidayReport.text(observed, calendar: calendar, jurisdiction: jurisdiction, year: year, style: style)
        }
    }

    public func validate() throws(RequestError) {
        if let year, !Self.years.contains(year) { throw .invalid(.year, .outOfRange(Self.years, given: String(year))) }
    }

    public func holidays(in packs: PackSet, today: CivilDate = .todayUTC) throws(RequestError) -> Result {
        try validate()
        let place: Jurisdiction
        do {
            place = try packs.resolveJurisdiction(jurisdiction)
        } catch {
            throw .unknown(error)
        }
        guard let calendar = packs.calendar(for: jurisdiction) else {
            throw .notComputable(.noCourtCalendar(jurisdiction: jurisdiction))
        }
        let year = self.year ?? today.year
        return Result(
            jurisdiction: place, calendar: calendar, year: year, observed: calendar.observedHolidays(inYear: year))
    }
}
