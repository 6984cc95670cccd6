import Bailiwick
import Testing

/// Minnesota's court calendar, time rule and eviction deadlines, with every date worked out by hand from
/// Minn. Stat. 645.44, subd. 5, Minn. R. Civ. P. 6.01 and Minn. Stat. 504B.321 / 504B.331.
struct MinnesotaTimelineTests {
    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    func observed(_ year: Int) -> [String] {
        packs.calendar(for: "us-mn")!.observedHolidays(inYear: year).map(\.observed.description)
    }

    func due(_ rule: String, from date: String, expedited: Bool = false, nonpayment: Bool = true) throws -> String {
        var values = FactValues(slotCount: packs.factSlotCount)
        values[packs.fact("expedited-eviction-hearing")!.slot] = .boolean(expedited)
        values[packs.fact("eviction-for-nonpayment")!.slot] = .boolean(nonpayment)
        let deadline = try #require(packs.deadline(rule, in: "us-mn"))
        let result = try #require(
            try packs.computeDeadline(
                deadline, triggerDate: { _ in CivilDate(date) }, time: nil, facts: values, service: nil))
        return result.computed.date.description
    }

    @Test func the2026CalendarHasTheStatuteHolidaysAndTheCourtRuleDays() {
        // 645.44 subd. 5: Thu 01-01; 3rd Mondays 01-19 and 02-16; last Monday in May 05-25; Juneteenth Fri 06-19;
        // July 4 is a Saturday, so Friday 07-03; 1st Monday in September 09-07; 2nd Monday in October 10-12 (a
        // legal holiday under Rule 6.01, Commandeur); Wed 11-11; 4th Thursday 11-26 and the day after, 11-27
        // (Gen. R. Prac. 354.03); Fri 12-25.
        #expect(
            observed(2026) == [
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
                "2026-10-12", "2026-11-11", "2026-11-26", "2026-11-27", "2026-12-25",
            ])
    }

    @Test func juneteenthIsAHolidayFrom2023AndMovesOffTheWeekend() {
        // Added in 2023 and first observed 2023-06-19 (a Monday); not a Minnesota holiday in 2022.
        #expect(observed(2023).contains("2023-06-19"))
        #expect(!observed(2022).contains { $0.hasPrefix("2022-06") })
        // 2027-06-19 is a Saturday: the preceding day, Friday 2027-06-18, is the holiday.
        #expect(observed(2027).contains("2027-06-18"))
        // 2022-12-25 is a Sunday: Christmas is kept on Monday 2022-12-26.
        #expect(observed(2022).contains("2022-12-26"))
    }

    @Test func theLatestFirstAppearanceMovesOffJuneteenthAndTheWeekend() throws {
        // 504B.321 subd. 1(d), Rule 6.01: summons issued Friday 2026-06-05; June 6 is day 1, June 19 day 14, a Friday
        // and Juneteenth; Saturday and Sunday follow, so the period runs to Monday 2026-06-22.
        #expect(try due("mn-eviction-hearing-latest", from: "2026-06-05") == "2026-06-22")
        // Issued Monday 2026-06-01: day 14 is Monday 2026-06-15, a court day.
        #expect(try due("mn-eviction-hearing-latest", from: "2026-06-01") == "2026-06-15")
        // Expedited (subd. 2(c)): 7 days from Friday 2026-06-05 = Friday 2026-06-12.
        #expect(try due("mn-eviction-hearing-latest", from: "2026-06-05", expedited: true) == "2026-06-12")
    }

    @Test func theEarliestFirstAppearanceIsSevenDaysOrFiveWhenExpedited() throws {
        // Not less than 7 days from issue: Friday 2026-06-05 + 7 = Friday 2026-06-12 (a waiting period, never moved).
        #expect(try due("mn-eviction-hearing-earliest", from: "2026-06-05") == "2026-06-12")
        // Expedited: not less than 5 days: 2026-06-05 + 5 = Wednesday 2026-06-10.
        #expect(try due("mn-eviction-hearing-earliest", from: "2026-06-05", expedited: true) == "2026-06-10")
    }

    @Test func theSummonsMustBeServedSevenDaysBeforeTheAppearanceAndNotOnAHoliday() throws {
        // 504B.331: at least 7 days before the appearance. Appearance Tuesday 2026-06-09: 7 days before is Tuesday
        // 2026-06-02.
        #expect(try due("mn-eviction-summons-service", from: "2026-06-09") == "2026-06-02")
        // Appearance Monday 2026-06-01: 7 days before is Monday 2026-05-25, Memorial Day, when no civil process may
        // be served (645.44 subd. 5); counting backward the last day is the Friday before, 2026-05-22.
        #expect(try due("mn-eviction-summons-service", from: "2026-06-01") == "2026-05-22")
    }

    @Test func aNonpaymentCaseMayBeFiledFourteenDaysAfterTheNotice() throws {
        // 504B.321 subd. 1a: notice delivered Monday 2026-05-11; May 12 is day 1, May 25 day 14. A waiting period
        // is not moved, so filing on Memorial Day itself would not be early (the court office is closed anyway).
        #expect(try due("mn-eviction-pre-filing-notice", from: "2026-05-11") == "2026-05-25")
    }

    @Test func ruleSixCountsEveryDayAndAddsThreeForMail() throws {
        let rule = try #require(packs.timeRules.first { $0.id == "mn-rcp-6" })
        let version = try #require(rule.versions.first)
        #expect(version.shortPeriodUnder == nil)
        #expect(version.roll)
        #expect(version.serviceDays[.mail] == 3)
        #expect(version.period.from == CivilDate("2020-01-01"))
    }
}
