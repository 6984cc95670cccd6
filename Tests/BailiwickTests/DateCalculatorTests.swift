import Bailiwick
import Testing

/// Counting periods: each expected date is worked out by hand from the rule, as the comment says.
struct DateCalculatorTests {
    let packs: PackSet

    func day(_ text: String) -> CivilDate { CivilDate(text)! }

    func closed(_ reason: String, _ text: String) -> ClosedDay { ClosedDay(date: day(text), reason: reason) }

    init() throws {
        packs = try TimelineTestPacks.load()
    }

    @Test func daysAreDaysAndTheTriggerDayIsNotCounted() throws {
        // Friday 2026-01-09 + 21 days = Friday 2026-01-30, a court day.
        let result = try packs.count(.days(21), from: "2026-01-09")
        #expect(result.date.description == "2026-01-30")
        #expect(result.trace.first?.step == .skipTriggerDay(day("2026-01-09")))
        #expect(result.trace.first?.citation == "R. 6 (2016)")
    }

    @Test func aLastDayOnAWeekendRollsToMonday() throws {
        // Saturday 2026-03-07 + 21 = Saturday 2026-03-28 → Monday 2026-03-30.
        let result = try packs.count(.days(21), from: "2026-03-07")
        #expect(result.date.description == "2026-03-30")
        #expect(
            result.trace.last?.step
                == .rolled(
                    .day(21), closed: [closed("Saturday", "2026-03-28"), closed("Sunday", "2026-03-29")],
                    direction: .after, to: day("2026-03-30")))
    }

    @Test func aLastDayOnAHolidayRollsPastIt() throws {
        // 2026-05-04 + 21 = Monday 2026-05-25, Memorial Day → Tuesday 2026-05-26.
        #expect(try packs.count(.days(21), from: "2026-05-04").date.description == "2026-05-26")
        // 2026-05-02 + 21 = Saturday 2026-05-23; Sunday, then Memorial Day → Tuesday 2026-05-26.
        let run = try packs.count(.days(21), from: "2026-05-02")
        #expect(run.date.description == "2026-05-26")
        #expect(
            run.trace.last?.step
                == .rolled(
                    .day(21),
                    closed: [
                        closed("Saturday", "2026-05-23"), closed("Sunday", "2026-05-24"),
                        closed("Memorial Day", "2026-05-25"),
                    ],
                    direction: .after, to: day("2026-05-26")))
    }

    @Test func anObservedHolidayIsNotACourtDay() throws {
        // 2026-06-12 + 21 = Friday 2026-07-03, the observed Independence Day → Monday 2026-07-06.
        let run = try packs.count(.days(21), from: "2026-06-12")
        #expect(run.date.description == "2026-07-06")
        guard case .rolled(.day(21), let closedDays, .after, let to)? = run.trace.last?.step else {
            Issue.record("the last day is rolled")
            return
        }
        #expect(closedDays.first == closed("Independence Day (observed)", "2026-07-03") && to == day("2026-07-06"))
    }

    @Test func periodsBeforeAnEventCountAndRollBackward() throws {
        // 14 days before Monday 2026-03-16 = Monday 2026-03-02.
        #expect(try packs.count(.days(14), from: "2026-03-16", .before).date.description == "2026-03-02")
        // 14 days before Sunday 2026-03-15 = Sunday 2026-03-01 → back to Friday 2026-02-27.
        let run = try packs.count(.days(14), from: "2026-03-15", .before)
        #expect(run.date.description == "2026-02-27")
        #expect(
            run.trace.last?.step
                == .rolled(
                    .day(14), closed: [closed("Sunday", "2026-03-01"), closed("Saturday", "2026-02-28")],
                    direction: .before, to: day("2026-02-27")))
    }

    @Test func shortPeriodsSkipWeekendsAndHolidaysUnderTheStateRule() throws {
        // Under 7 days: from Wednesday 2026-01-14, court days Thu 15, Fri 16, (Sat, Sun, MLK Day 19 skipped), Tue 20,
        // Wed 21, Thu 22.
        let run = try packs.count(.days(5), from: "2026-01-14", rule: "state-style")
        #expect(run.date.description == "2026-01-22")
        #expect(
            run.trace[1].step
                == .countCourtDays(
                    5, reason: .shortPeriod(threshold: 7),
                    skipped: [
                        closed("Saturday", "2026-01-17"), closed("Sunday", "2026-01-18"),
                        closed("MLK Day", "2026-01-19"),
                    ],
                    lastDay: day("2026-01-22")))
        // Seven days or more: calendar days. 2026-01-14 + 7 = Wednesday 2026-01-21.
        #expect(try packs.count(.days(7), from: "2026-01-14", rule: "state-style").date.description == "2026-01-21")
    }

    @Test func theFederalShortPeriodRuleEndedOn2009_12_01() throws {
        // Old rule, 10 < 11 days from Friday 2009-11-20: Nov 23, 24, 25, (Thanksgiving 26 skipped; the test calendar
        // also closes the 27th), 30, Dec 1, 2, 3, 4, 7, 8 → Tuesday 2009-12-08.
        #expect(try packs.count(.days(10), from: "2009-11-20").date.description == "2009-12-08")
        // New rule from 2009-12-01: 2009-12-01 + 10 = Friday 2009-12-11.
        #expect(try packs.count(.days(10), from: "2009-12-01").date.description == "2009-12-11")
        guard
            case .countCourtDays(10, .shortPeriod(threshold: 11), _, _)? = try packs.count(
                .days(10), from: "2009-11-30"
            ).trace.dropFirst().first?.step
        else {
            Issue.record("a period under 11 days before 2009-12-01 is counted in court days")
            return
        }
    }

    @Test func serviceDaysAreAddedAfterThePeriodAndRolledAgain() throws {
        // 14 days from Friday 2026-01-09 = Friday 2026-01-23; + 3 for mail = Monday 2026-01-26.
        let mail = try packs.count(.days(14), from: "2026-01-09", service: .mail)
        #expect(mail.date.description == "2026-01-26")
        #expect(
            mail.trace.last
                == TraceEntry(.serviceDaysAfter(.mail, days: 3, lastDay: day("2026-01-26")), citation: "R. 6(d)"))
        // 14 days from 2026-01-02 = Friday 2026-01-16; + 3 = Monday 2026-01-19, MLK Day → Tuesday 2026-01-20.
        #expect(try packs.count(.days(14), from: "2026-01-02", service: .mail).date.description == "2026-01-20")
    }

    @Test func serviceDaysAddedToThePeriodAreCountedWithIt() throws {
        // 14 days from Saturday 2026-03-07 end on Saturday 2026-03-21.
        // After the period (federal style): rolled to Monday 03-23, + 3 = Thursday 2026-03-26.
        #expect(try packs.count(.days(14), from: "2026-03-07", service: .mail).date.description == "2026-03-26")
        // Added to the period (state style): 17 days = Tuesday 2026-03-24.
        let state = try packs.count(.days(14), from: "2026-03-07", service: .mail, rule: "state-style")
        #expect(state.date.description == "2026-03-24")
        #expect(
            state.trace[1] == TraceEntry(.serviceDaysAdded(.mail, days: 3, period: 14, total: 17), citation: "CR 6(e)"))
    }

    @Test func electronicServiceLostItsThreeDaysOn2016_12_01() throws {
        // Triggered 2016-11-30: 14 days = Wednesday 2016-12-14, + 3 = Saturday 12-17 → Monday 2016-12-19.
        #expect(try packs.count(.days(14), from: "2016-11-30", service: .electronic).date.description == "2016-12-19")
        // Triggered 2016-12-01: 14 days = Thursday 2016-12-15, nothing added.
        let after = try packs.count(.days(14), from: "2016-12-01", service: .electronic)
        #expect(after.date.description == "2016-12-15")
        #expect(after.trace.last?.step == .noServiceDays(.electronic))
    }

    @Test func courtDayPeriodsCountOnlyCourtDays() throws {
        // 3 court days from Friday 2026-01-16: (Sat, Sun, MLK Day skipped) Tue 20, Wed 21, Thu 22.
        #expect(try packs.count(.courtDays(3), from: "2026-01-16").date.description == "2026-01-22")
    }

    @Test func hourPeriodsRunToTheSameTimeOnTheNextCourtDay() throws {
        // 72 hours from Friday 2026-01-09 14:00 = Monday 2026-01-12 14:00.
        let run = try packs.count(.hours(72), from: "2026-01-09", at: "14:00")
        #expect(run.date.description == "2026-01-12" && run.time?.description == "14:00")
        // 48 hours from Thursday 2026-01-08 10:00 ends Saturday 10:00 → Monday 2026-01-12 10:00.
        #expect(try packs.count(.hours(48), from: "2026-01-08", at: "10:00").date.description == "2026-01-12")
        // With a rule that does not roll, it ends on the Saturday.
        #expect(
            try packs.count(.hours(48), from: "2026-01-08", at: "10:00", rule: "notice-style").date.description
                == "2026-01-10")
        #expect(throws: TimelineError.hoursNeedATime) { try packs.count(.hours(48), from: "2026-01-08") }
    }

    @Test func waitingPeriodsAreNotRolled() throws {
        // 90 days from Friday 2026-01-09: 22 left in January, 28 in February, 31 in March, 9 in April → Thursday
        // 2026-04-09.
        #expect(try packs.count(.days(90), from: "2026-01-09", kind: .waitingPeriod).date.description == "2026-04-09")
        // 90 days from 2026-01-06 = Tuesday 2026-04-06... and from 2026-01-04 = Saturday 2026-04-04, left as it is.
        #expect(try packs.count(.days(90), from: "2026-01-04", kind: .waitingPeriod).date.description == "2026-04-04")
    }

    @Test func namedDeadlinesPickTheirVariantOrShowTheAlternatives() throws {
        let answer = try #require(packs.deadline("answer", in: "tt"))
        var facts = FactValues(slotCount: packs.factSlotCount)
        let served = { (_: String) in CivilDate("2026-01-09") }
        let plain = try #require(try packs.computeDeadline(answer, triggerDate: served, facts: facts))
        #expect(plain.computed.date.description == "2026-01-30")
        #expect(plain.alternatives.map(\.unknownFacts) == [["abroad"], ["waived"]])
        #expect(plain.alternatives.first?.computed?.date.description == "2026-03-10") // 60 days: Tuesday 2026-03-10
        facts[packs.fact("abroad")!.slot] = .boolean(true)
        let abroad = try #require(try packs.computeDeadline(answer, triggerDate: served, facts: facts))
        #expect(abroad.computed.date.description == "2026-03-10")
        #expect(abroad.citation.text == "R. 12(a)(abroad)")
        #expect(abroad.alternatives.isEmpty)
        // A variant that runs from another event needs that event's date.
        facts[packs.fact("abroad")!.slot] = .boolean(false)
        facts[packs.fact("waived")!.slot] = .boolean(true)
        let waived = try packs.computeDeadline(
            answer, triggerDate: { $0 == "served" ? CivilDate("2026-01-09") : nil }, facts: facts)
        #expect(waived == nil)
    }

    @Test func serviceDaysApplyOnlyToDeadlinesThatSaySo() throws {
        let facts = FactValues(slotCount: packs.factSlotCount)
        let served = { (_: String) in CivilDate("2026-01-09") }
        let replyRule = try #require(packs.deadline("reply", in: "tt"))
        let answerRule = try #require(packs.deadline("answer", in: "tt"))
        let reply = try #require(
            try packs.computeDeadline(replyRule, triggerDate: served, facts: facts, service: .mail))
        #expect(reply.computed.date.description == "2026-01-26")
        let answer = try #require(
            try packs.computeDeadline(answerRule, triggerDate: served, facts: facts, service: .mail))
        #expect(answer.computed.date.description == "2026-01-30")
    }
}

/// Periods in calendar months and years, and windows that open before an anniversary.
struct MonthPeriodTests {
    let packs: PackSet

    func day(_ text: String) -> CivilDate { CivilDate(text)! }

    init() throws {
        packs = try TimelineTestPacks.load()
    }

    /// The end-of-month rule: the same day of the month, or the last day of a shorter month. Waiting periods
    /// are not rolled, so each date is the count alone.
    @Test func monthsAndYearsLandOnTheSameDayOrTheLastDayOfAShorterMonth() throws {
        func waiting(_ period: Period, _ from: String, _ direction: Direction = .after) throws -> String {
            try packs.count(period, from: from, direction, kind: .waitingPeriod).date.description
        }
        // 2026-01-31 + 1 month: February 2026 has 28 days → 2026-02-28.
        #expect(try waiting(.months(1, lessDays: 0), "2026-01-31") == "2026-02-28")
        // 2026-03-31 + 1 month: April has 30 days → 2026-04-30.
        #expect(try waiting(.months(1, lessDays: 0), "2026-03-31") == "2026-04-30")
        // 2025-12-31 + 14 months = February 2027, 28 days → 2027-02-28.
        #expect(try waiting(.months(14, lessDays: 0), "2025-12-31") == "2027-02-28")
        // 2028-02-29 + 1 year: 2029 is not a leap year → 2029-02-28; + 4 years: 2032 is → 2032-02-29.
        #expect(try waiting(.years(1, lessDays: 0), "2028-02-29") == "2029-02-28")
        #expect(try waiting(.years(4, lessDays: 0), "2028-02-29") == "2032-02-29")
        // 12 months are a year: 2026-03-02 → 2027-03-02 either way.
        #expect(try waiting(.months(12, lessDays: 0), "2026-03-02") == "2027-03-02")
        #expect(try waiting(.years(1, lessDays: 0), "2026-03-02") == "2027-03-02")
        // Back from an event: 1 month before 2026-03-31 is 2026-02-28.
        #expect(try waiting(.months(1, lessDays: 0), "2026-03-31", .before) == "2026-02-28")
        let run = try packs.count(.years(1, lessDays: 0), from: "2028-02-29", kind: .waitingPeriod)
        #expect(
            run.trace.map(\.step) == [
                .countMonths(
                    .years(1, lessDays: 0), direction: .after, lastDay: day("2029-02-28"), shortMonth: true,
                    waiting: true)
            ])
        #expect(
            TraceText.sentences(run.trace) == [
                "Count 1 calendar year after: that month has no such day, so the period ends on its last day, "
                    + "Wednesday 2029-02-28. A waiting period is not moved off weekends or holidays: the act may be "
                    + "done on or after this day."
            ])
        #expect(try CivilDate("2026-01-31")!.adding(months: 1) == CivilDate("2026-02-28"))
        #expect(throws: CivilDate.OutsideCalendar.self) { try CivilDate("9999-12-31")!.adding(months: 1) }
        #expect(throws: CivilDate.OutsideCalendar.self) { try CivilDate("0001-01-31")!.adding(months: -1) }
    }

    @Test func aDeadlineInMonthsOrYearsRollsOffWeekendsAndHolidays() throws {
        // Friday 2025-10-31 + 1 month: November has 30 days → Sunday 2025-11-30 → Monday 2025-12-01.
        #expect(try packs.count(.months(1, lessDays: 0), from: "2025-10-31").date.description == "2025-12-01")
        // Friday 2025-07-04 + 1 year = Saturday 2026-07-04 (Independence Day; observed Friday 07-03), Sunday
        // 07-05 → Monday 2026-07-06.
        let run = try packs.count(.years(1, lessDays: 0), from: "2025-07-04")
        #expect(run.date.description == "2026-07-06")
        guard case .rolled(.periodEnds, _, .after, let to)? = run.trace.last?.step else {
            Issue.record("the last day is rolled")
            return
        }
        #expect(to == day("2026-07-06"))
    }

    /// Wednesday 2026-01-28 + 1 month = Saturday 2026-02-28, served by mail (+3). Added after the period
    /// (FRCP 6(d) style): rolled to Monday 03-02, + 3 = Thursday 2026-03-05. Added to the period: 02-28 + 3 =
    /// Tuesday 2026-03-03, a court day.
    @Test func serviceDaysGoAfterOrIntoAPeriodInMonths() throws {
        let after = try packs.count(.months(1, lessDays: 0), from: "2026-01-28", service: .mail)
        #expect(after.date.description == "2026-03-05")
        let into = try packs.count(.months(1, lessDays: 0), from: "2026-01-28", service: .mail, rule: "state-style")
        #expect(into.date.description == "2026-03-03")
        #expect(
            into.trace.map(\.step).last
                == .serviceDaysAfter(.mail, days: 3, lastDay: day("2026-03-03")))
    }

    /// Two years less 90 days: Saturday 2024-06-15 + 2 years = Monday 2026-06-15; 90 days back: 15 to May 31,
    /// 31 more to April 30, 30 more to March 31 (76), 14 more = Tuesday 2026-03-17.
    @Test func aWindowOpensDaysBeforeAnAnniversary() throws {
        let run = try packs.count(.years(2, lessDays: 90), from: "2024-06-15", kind: .waitingPeriod)
        #expect(run.date.description == "2026-03-17")
        #expect(
            run.trace.map(\.step) == [
                .countMonths(
                    .years(2, lessDays: 90), direction: .after, lastDay: day("2026-06-15"), shortMonth: false,
                    waiting: false),
                .countDaysLess(90, from: day("2026-06-15"), lastDay: day("2026-03-17"), waiting: true),
            ])
        #expect(Period.years(2, lessDays: 90).description == "2 years less 90 days")
        #expect(Period.months(1, lessDays: 0).description == "1 month")
    }

    @Test func monthCountsOutOfRangeAreErrorsNeverTraps() throws {
        for period: Period in [
            .months(121, lessDays: 0), .years(11, lessDays: 0), .years(Int.max, lessDays: 0),
            .months(-1, lessDays: 0), .months(1, lessDays: 29), .years(1, lessDays: -1),
        ] {
            #expect(throws: TimelineError.periodOutOfRange(period), "\(period)") {
                try packs.count(period, from: "2026-01-09")
            }
        }
        for period: Period in [.months(120, lessDays: 0), .years(10, lessDays: 3360), .months(0, lessDays: 0)] {
            #expect(throws: Never.self) { try packs.count(period, from: "2026-01-09") }
        }
        #expect(throws: TimelineError.beyondCalendar) { try packs.count(.years(10, lessDays: 0), from: "9995-01-01") }
        #expect(
            TimelineError.periodOutOfRange(.months(121, lessDays: 0)).description
                == "a period is from 0 to 120 months or 10 years, less at most 28 days for each month, not 121 months")
    }
}
