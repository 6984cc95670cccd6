import Bailiwick
import Testing

/// Holiday rules: each kind of date, each weekend shift, and first and last years.
struct CourtCalendarTests {
    let calendar: CourtCalendar

    init() throws {
        calendar = try #require(try TimelineTestPacks.load().calendar(for: "tt"))
    }

    func observed(_ id: String, in year: Int) -> String? {
        (calendar.holidays(ofYear: year)).first { $0.holidayID == id }?.observed.description
    }

    @Test func nthAndLastWeekdays() {
        // Third Monday of January 2026: January 1 is a Thursday, so Mondays are 5, 12, 19.
        #expect(observed("mlk-day", in: 2026) == "2026-01-19")
        // Last Monday of May 2026: May 31 is a Sunday, so the 25th.
        #expect(observed("memorial-day", in: 2026) == "2026-05-25")
        // Fourth Thursday of November 2026: November 1 is a Sunday, Thursdays 5, 12, 19, 26.
        #expect(observed("thanksgiving-day", in: 2026) == "2026-11-26")
    }

    @Test func aHolidayRelativeToAnotherFollowsIt() {
        #expect(observed("day-after-thanksgiving", in: 2026) == "2026-11-27")
        #expect(observed("day-after-thanksgiving", in: 2025) == "2025-11-28")
        #expect(observed("day-after-thanksgiving", in: 2027) == "2027-11-26")
    }

    @Test func easterBasedHolidays() {
        // Western Easter: 1990-04-15, 2000-04-23, 2008-03-23 (early), 2038-04-25 (latest possible), 2026-04-05.
        for (year, easter) in [
            (1990, "1990-04-15"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2038, "2038-04-25"),
            (2026, "2026-04-05"),
        ] {
            #expect(observed("easter-sunday", in: year) == easter)
        }
        #expect(observed("good-friday", in: 2026) == "2026-04-03")
    }

    @Test func saturdayHolidaysAreObservedOnFridayAndSundayHolidaysOnMonday() {
        // 2026-07-04 is a Saturday; 2027-07-04 a Sunday.
        #expect(observed("independence-day", in: 2026) == "2026-07-03")
        #expect(observed("independence-day", in: 2027) == "2027-07-05")
        #expect(observed("independence-day", in: 2028) == "2028-07-04")
    }

    @Test func aHolidayCanHaveItsOwnShift() {
        // Christmas shifts only off a Sunday: 2022-12-25 is a Sunday, 2021-12-25 a Saturday.
        #expect(observed("christmas-day", in: 2022) == "2022-12-26")
        #expect(observed("christmas-day", in: 2021) == "2021-12-25")
        // Easter is never shifted.
        #expect(
            calendar.holidays(ofYear: 2026).first { $0.holidayID == "easter-sunday" }?.date.description == "2026-04-05")
    }

    @Test func mondayObservanceRule() {
        // Tuesday to Friday: the Monday before; Saturday or Sunday: the Monday after; Monday: itself.
        #expect(observed("juneteenth-monday", in: 2025) == "2025-06-16") // Thursday
        #expect(observed("juneteenth-monday", in: 2026) == "2026-06-15") // Friday
        #expect(observed("juneteenth-monday", in: 2027) == "2027-06-21") // Saturday
        #expect(observed("juneteenth-monday", in: 2028) == "2028-06-19") // Monday
        #expect(observed("juneteenth-monday", in: 2024) == nil)
    }

    @Test func firstAndLastYears() {
        #expect(observed("juneteenth", in: 2020) == nil)
        #expect(observed("juneteenth", in: 2021) == "2021-06-18") // a Saturday, observed Friday
        #expect(observed("juneteenth", in: 2024) == "2024-06-19")
        #expect(observed("juneteenth", in: 2025) == nil)
    }

    @Test func aHolidayObservedInTheYearBeforeCountsThere() {
        // New Year's Day 2022 is a Saturday: observed Friday 2021-12-31.
        let in2021 = calendar.observedHolidays(inYear: 2021).map(\.observed.description)
        let in2022 = calendar.observedHolidays(inYear: 2022).map(\.observed.description)
        #expect(in2021.contains("2021-12-31"))
        #expect(!in2022.contains("2021-12-31") && !in2022.contains("2022-01-01"))
    }

    @Test func everyYearFrom1990To2100HasEachHolidayOnItsWeekday() {
        for year in 1990...2100 {
            let holidays = calendar.holidays(ofYear: year)
            let byID = Dictionary(holidays.map { ($0.holidayID, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byID["mlk-day"]?.date.weekday == .monday && (15...21).contains(byID["mlk-day"]!.date.day))
            #expect(byID["memorial-day"]?.date.weekday == .monday && byID["memorial-day"]!.date.day >= 25)
            #expect(
                byID["thanksgiving-day"]?.date.weekday == .thursday
                    && (22...28).contains(byID["thanksgiving-day"]!.date.day))
            #expect(byID["easter-sunday"]?.date.weekday == .sunday)
            let easter = byID["easter-sunday"]!.date
            #expect((easter.month == 3 && easter.day >= 22) || (easter.month == 4 && easter.day <= 25))
            for holiday in calendar.observedHolidays(inYear: year) {
                #expect(holiday.observed.year == year)
                if holiday.holidayID != "easter-sunday" {
                    #expect(!holiday.observed.weekday.isWeekend || holiday.holidayID == "christmas-day")
                }
            }
        }
    }
}
