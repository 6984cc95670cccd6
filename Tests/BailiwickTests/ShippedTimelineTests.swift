import Bailiwick
import Testing

/// The shipped calendars and time rules, with dates worked out by hand from the research.
struct ShippedTimelineTests {
    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    func observed(_ jurisdiction: String, _ year: Int) -> [String] {
        packs.calendar(for: jurisdiction)!.observedHolidays(inYear: year).map(\.observed.description)
    }

    func named(_ jurisdiction: String, _ id: String, in year: Int) -> String? {
        packs.calendar(for: jurisdiction)!.holidays(ofYear: year).first { $0.name.contains(id) }?.observed.description
    }

    func due(
        _ jurisdiction: String, _ rule: String, from date: String, facts: [String: FactValue] = [:],
        service: ServiceMethod? = nil, at time: String? = nil
    ) throws -> CivilDate {
        var values = FactValues(slotCount: packs.factSlotCount)
        for (id, value) in facts { values[packs.fact(id)!.slot] = value }
        let deadline = try #require(packs.deadline(rule, in: jurisdiction))
        let result = try #require(
            try packs.computeDeadline(
                deadline, triggerDate: { _ in CivilDate(date) }, time: time.flatMap(TimeOfDay.init),
                facts: values, service: service))
        return result.computed.date
    }

    @Test func federalHolidays() {
        // 5 U.S.C. 6103: eleven holidays in 2026; Independence Day (a Saturday) observed Friday July 3.
        #expect(
            observed("us", 2026) == [
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
                "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
            ])
        // Juneteenth from 2021: June 19, 2021 was a Saturday, first observed Friday 2021-06-18.
        #expect(observed("us", 2021).contains("2021-06-18"))
        #expect(observed("us", 2020).count == 10)
    }

    @Test func washingtonHolidays() {
        // No Columbus Day; the day after Thanksgiving; Juneteenth from 2022 (a Sunday, observed Monday June 20).
        #expect(!observed("us-wa", 2026).contains("2026-10-12"))
        #expect(observed("us-wa", 2025).contains("2025-11-28"))
        #expect(observed("us-wa", 2022).contains("2022-06-20"))
        #expect(!observed("us-wa", 2021).contains("2021-06-18"))
    }

    @Test func utahJuneteenthIsObservedOnAMondayFrom2025AndPioneerDayOnJuly24() {
        #expect(observed("us-ut", 2025).contains("2025-06-16"))
        #expect(observed("us-ut", 2026).contains("2026-06-15"))
        #expect(observed("us-ut", 2027).contains("2027-06-21"))
        #expect(observed("us-ut", 2026).contains("2026-07-24"))
        #expect(observed("us-ut", 2027).contains("2027-07-23")) // a Saturday, observed Friday
    }

    @Test func coloradoShiftsOnlySundayHolidaysAndReplacedColumbusDayIn2020() {
        #expect(observed("us-co", 2026).contains("2026-07-04")) // a Saturday: not moved
        #expect(observed("us-co", 2027).contains("2027-07-05")) // a Sunday: the Monday after
        #expect(observed("us-co", 2019).contains("2019-10-14")) // Columbus Day, second Monday of October
        #expect(observed("us-co", 2020).contains("2020-10-05")) // Cabrini Day, first Monday of October
        #expect(!observed("us-co", 2020).contains("2020-10-12"))
    }

    @Test func oregonHasNeitherColumbusDayNorTheDayAfterThanksgiving() {
        let holidays = observed("us-or", 2026)
        #expect(!holidays.contains("2026-10-12") && !holidays.contains("2026-11-27"))
        #expect(holidays.contains("2026-06-19"))
    }

    @Test func everyShippedCalendarWorksForEveryYearFrom1990To2100() {
        for calendar in packs.calendars.values {
            for year in 1990...2100 {
                let holidays = calendar.observedHolidays(inYear: year)
                #expect(
                    (7...14).contains(holidays.count), "\(calendar.jurisdiction) \(year): \(holidays.count) holidays")
                for holiday in holidays {
                    #expect(holiday.observed.year == year)
                    #expect(abs(holiday.date.days(until: holiday.observed)) <= 4)
                }
            }
        }
    }

    /// Found by schemathesis against the web app: year 9999 looked at 10000's New Year's Day and crashed.
    @Test func theFirstAndLastYearsOfTheCalendarWork() {
        for calendar in packs.calendars.values {
            for year in [1, 2, 1583, 9998, 9999] {
                let holidays = calendar.observedHolidays(inYear: year)
                #expect(holidays.allSatisfy { $0.observed.year == year }, "\(calendar.jurisdiction) \(year)")
            }
        }
    }

    @Test func aCountEndingPastTheYear9999IsAnErrorNotAWrongDate() throws {
        let late = PeriodRequest(
            trigger: CivilDate(year: 9999, month: 12, day: 1)!, time: nil, period: .days(100), direction: .after,
            service: nil)
        #expect(throws: TimelineError.beyondCalendar) { try packs.computePeriod(late, in: "us") }
        let early = PeriodRequest(
            trigger: CivilDate(year: 1, month: 1, day: 2)!, time: nil, period: .days(5), direction: .before,
            service: nil)
        #expect(throws: TimelineError.beyondCalendar) { try packs.computePeriod(early, in: "us") }
    }

    @Test func answersToAComplaint() throws {
        // Federal: 21 days from Friday 2026-01-09 = Friday 2026-01-30.
        #expect(try due("us", "answer-to-complaint", from: "2026-01-09").description == "2026-01-30")
        // Washington: 20 days from Sunday 2026-03-08 = Saturday 03-28 → Monday 2026-03-30 (CR 6(a)).
        #expect(try due("us-wa", "answer-to-complaint", from: "2026-03-08").description == "2026-03-30")
        // Served out of state: 60 days = Thursday 2026-05-07.
        #expect(
            try due("us-wa", "answer-to-complaint", from: "2026-03-08", facts: ["served-out-of-state": .boolean(true)])
                .description == "2026-05-07")
        // Oregon: 30 days from 2026-03-08 = Tuesday 2026-04-07.
        #expect(try due("us-or", "answer-to-complaint", from: "2026-03-08").description == "2026-04-07")
    }

    @Test func noticeOfAppealRollsPastTheWeekendAndTheObservedHoliday() throws {
        // 30 days from Thursday 2026-06-04 = Saturday 07-04 → Sunday → Monday 2026-07-06.
        #expect(try due("us", "notice-of-appeal", from: "2026-06-04").description == "2026-07-06")
        // Colorado: 49 days from Friday 2026-01-09 = Friday 2026-02-27.
        #expect(try due("us-co", "notice-of-appeal", from: "2026-01-09").description == "2026-02-27")
        // Colorado, counted under C.A.R. 26(a): 49 days from Monday 2026-04-06 (24 to April 30, then 25 in May) is
        // Monday 2026-05-25, Memorial Day (C.A.R. 26(b)), so the notice is due Tuesday 2026-05-26.
        #expect(try due("us-co", "notice-of-appeal", from: "2026-04-06").description == "2026-05-26")
    }

    @Test func washingtonShortPeriodsAndMail() throws {
        // Under 7 days from Wednesday 2026-11-25: Thanksgiving, Native American Heritage Day and the weekend
        // are skipped; court days Mon 11-30, Tue 12-01, Wed 12-02, Thu 12-03, Fri 12-04.
        let short = try packs.computePeriod(
            PeriodRequest(trigger: CivilDate("2026-11-25")!, period: .days(5)), in: "us-wa")
        #expect(short.date.description == "2026-12-04")
        // CR 6(e) adds 3 days to a 10-day period served by mail: 13 days from Saturday 2026-03-07 = Friday 2026-03-20.
        let mail = try packs.computePeriod(
            PeriodRequest(trigger: CivilDate("2026-03-07")!, period: .days(10), service: .mail), in: "us-wa")
        #expect(mail.date.description == "2026-03-20")
    }

    @Test func arizonaShortPeriodsAndFiveDaysForMail() throws {
        // ARCP 6(a): under 11 days skip weekends and holidays. From Friday 2026-01-09: Jan 12-16 (5), MLK Day 19
        // skipped,
        // 20-23 (9), Mon 26 (10). ARCP 6(c): + 5 calendar days = Saturday 01-31 → Monday 2026-02-02.
        let result = try packs.computePeriod(
            PeriodRequest(trigger: CivilDate("2026-01-09")!, period: .days(10), service: .mail), in: "us-az")
        #expect(result.date.description == "2026-02-02")
        // The eviction rules count calendar days: 5 days from Friday 2026-01-09 = Wednesday 2026-01-14.
        #expect(try due("us-az", "eviction-nonpayment-notice", from: "2026-01-09").description == "2026-01-14")
    }

    @Test func utahBusinessDayEvictionPeriods() throws {
        // 3 court days from Thursday 2026-07-23: Pioneer Day (Friday) and the weekend skipped; Mon 27, Tue 28, Wed 29.
        #expect(try due("us-ut", "eviction-answer", from: "2026-07-23").description == "2026-07-29")
    }

    @Test func waitingPeriodsBeforeADecree() throws {
        // RCW 26.09.030 with CR 6(a): filed Friday 2026-01-09, day 90 (22 + 28 + 31 + 9) is Thursday 2026-04-09, the
        // last day of the wait, so a decree may be entered from day 91, Friday 2026-04-10.
        #expect(try due("us-wa", "dissolution-waiting-after-filing", from: "2026-01-09").description == "2026-04-10")
        // C.R.S. 14-10-106: 91 days from 2026-01-09 = Friday 2026-04-10.
        #expect(try due("us-co", "dissolution-waiting-period", from: "2026-01-09").description == "2026-04-10")
    }

    @Test func oregonNoticesCountCalendarDaysWithoutARoll() throws {
        // ORS 90.160: 10 days from Wednesday 2026-03-11 = Saturday 2026-03-21, not moved.
        #expect(try due("us-or", "nonpayment-notice", from: "2026-03-11").description == "2026-03-21")
    }
}
