import Bailiwick
import Testing

/// Ontario's Small Claims Court calendar and time rules and the Small Claims and Landlord and Tenant Board
/// deadlines, with every date worked out by hand from O. Reg. 258/98 rr. 1.02, 3.01, 9.01 and RTA s. 59.
struct OntarioTimelineTests {
    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    func observed(_ year: Int) -> [String] {
        packs.calendar(for: "ca-on")!.observedHolidays(inYear: year).map(\.observed.description)
    }

    func due(_ rule: String, from date: String, weekly: Bool = false) throws -> String {
        var values = FactValues(slotCount: packs.factSlotCount)
        values[packs.fact("daily-or-weekly-tenancy")!.slot] = .boolean(weekly)
        let deadline = try #require(packs.deadline(rule, in: "ca-on"))
        let result = try #require(
            try packs.computeDeadline(
                deadline, triggerDate: { _ in CivilDate(date) }, time: nil, facts: values, service: nil))
        return result.computed.date.description
    }

    @Test func the2026CalendarFollowsTheSmallClaimsDefinition() {
        // r. 1.02 "holiday": Thu 01-01; Family Day, 3rd Monday in February, 02-16; Easter Sunday is 04-05, so Good
        // Friday 04-03 and Easter Monday 04-06; Victoria Day, the Monday before May 25 (05-24 is a Sunday), 05-18;
        // Canada Day Wed 07-01; Civic Holiday, 1st Monday in August, 08-03; Labour Day 09-07; Thanksgiving, 2nd
        // Monday in October, 10-12; Remembrance Day Wed 11-11; Christmas Fri 12-25, and Boxing Day falls on
        // Saturday 12-26, so "if Christmas Day falls on a Friday, the following Monday is a holiday": 12-28.
        #expect(
            observed(2026) == [
                "2026-01-01", "2026-02-16", "2026-04-03", "2026-04-06", "2026-05-18", "2026-07-01", "2026-08-03",
                "2026-09-07", "2026-10-12", "2026-11-11", "2026-12-25", "2026-12-28",
            ])
    }

    @Test func weekendHolidaysMoveToTheFollowingMondayOrTuesday() {
        // 2022-01-01 is a Saturday: the following Monday, 2022-01-03, is a holiday (not the Friday before).
        #expect(observed(2022).contains("2022-01-03"))
        #expect(!observed(2021).contains("2021-12-31"))
        // Christmas 2021 is a Saturday: the following Monday and Tuesday, 12-27 and 12-28, are holidays.
        #expect(observed(2021).contains("2021-12-27") && observed(2021).contains("2021-12-28"))
        // Christmas 2022 is a Sunday: Boxing Day is Monday 12-26 and Christmas is kept on Tuesday 12-27.
        #expect(observed(2022).contains("2022-12-26") && observed(2022).contains("2022-12-27"))
        // Victoria Day 2025: May 24 is a Saturday, so the Monday before May 25 is 2025-05-19; in 2027 May 24 is
        // itself a Monday.
        #expect(observed(2025).contains("2025-05-19"))
        #expect(observed(2027).contains("2027-05-24"))
        // Family Day is not a holiday before 2008.
        #expect(!observed(2007).contains("2007-02-19"))
        #expect(observed(2008).contains("2008-02-18"))
    }

    @Test func theDefenceIsDueTwentyDaysAfterServiceMovedOffHolidays() throws {
        // r. 9.01, 3.01: served Monday 2026-03-16; March 17 is day 1, April 5 day 20, Easter Sunday; Easter Monday
        // 04-06 is a holiday too, so the period ends Tuesday 2026-04-07.
        #expect(try due("sc-defence", from: "2026-03-16") == "2026-04-07")
        // Served Wednesday 2026-05-06: day 20 is Tuesday 2026-05-26, a court day.
        #expect(try due("sc-defence", from: "2026-05-06") == "2026-05-26")
        // Served Saturday 2026-12-05: day 20 is Christmas, Friday 12-25; Saturday, Sunday and Monday 12-28 (Boxing
        // Day's) are holidays, so Tuesday 2026-12-29.
        #expect(try due("sc-defence", from: "2026-12-05") == "2026-12-29")
    }

    @Test func anN4GivesFourteenDaysOrSevenForAWeeklyTenancy() throws {
        // RTA s. 59(1): given Monday 2026-06-01, the termination date may be no earlier than the 14th day after,
        // Monday 2026-06-15; for a daily or weekly tenancy the 7th day, Monday 2026-06-08.
        #expect(try due("ltb-n4-termination-date", from: "2026-06-01") == "2026-06-15")
        #expect(try due("ltb-n4-termination-date", from: "2026-06-01", weekly: true) == "2026-06-08")
        // The L1 may be filed after the termination date: from Tuesday 2026-06-16.
        #expect(try due("ltb-l1-after-termination", from: "2026-06-15") == "2026-06-16")
    }

    @Test func theTwoTimeRulesDifferOnShortPeriods() throws {
        let small = try #require(packs.timeRules.first { $0.id == "on-scc-3" }?.versions.first)
        #expect(small.shortPeriodUnder == nil && small.roll && small.serviceDays.isEmpty)
        let civil = try #require(packs.timeRules.first { $0.id == "on-rcp-3" }?.versions.first)
        // r. 3.01(1)(b): holidays are not counted in a period of seven days or less.
        #expect(civil.shortPeriodUnder == 8 && civil.roll)
    }
}
