import Bailiwick
import Testing

struct CivilDateTests {
    @Test func parsesOnlyRealCalendarDates() {
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate("2026-02-30") == nil)
        #expect(CivilDate("2100-02-29") == nil) // not a leap year: divisible by 100
        #expect(CivilDate("2000-02-29") != nil) // a leap year: divisible by 400
        #expect(CivilDate("0000-01-01") == nil)
        #expect(CivilDate("2026-13-01") == nil)
        #expect(CivilDate("2026-1-01") == nil)
        #expect(CivilDate("2026-01-01T00:00") == nil)
    }

    @Test func weekdaysOfKnownDates() {
        #expect(CivilDate("1970-01-01")!.weekday == .thursday)
        #expect(CivilDate("2026-03-28")!.weekday == .saturday)
        #expect(CivilDate("2000-01-01")!.weekday == .saturday)
        #expect(CivilDate("1990-01-01")!.weekday == .monday)
        #expect(CivilDate("2100-12-31")!.weekday == .friday)
    }

    @Test func dayNumbersRoundTripAcrossTheSupportedRange() throws {
        var date = CivilDate(year: 1900, month: 1, day: 1)!
        let end = CivilDate(year: 2101, month: 1, day: 1)!
        var expected = date.dayNumber
        while date < end {
            #expect(date.dayNumber == expected)
            #expect(CivilDate(dayNumber: expected) == date)
            let next = try date.adding(days: 1)
            #expect(next > date)
            date = next
            expected += 1
        }
        #expect(try CivilDate("2026-01-09")!.adding(days: 21).description == "2026-01-30")
        #expect(CivilDate("2024-02-28")!.days(until: CivilDate("2024-03-01")!) == 2)
    }
}
