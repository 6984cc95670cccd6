import Bailiwick
import BailiwickLoading
import Testing

/// Dates exist from 0001-01-01 to 9999-12-31. Counting past either end, with any count, time,
/// service or calendar, is an error the caller handles: never a trap, a wrapped year or a hang.
struct CalendarEdgeTests {
    let packs: PackSet

    init() throws {
        packs = try TimelineTestPacks.load()
    }

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static let citation = Citation(text: "Test", status: .primary)

    /// A time rule of one version for every date, with any service days.
    static func rule(
        roll: Bool = true, shortPeriodUnder: Int? = nil, serviceDays: [ServiceMethod: Int] = [:],
        added: TimeRuleVersion.ServiceDaysAdded = .afterPeriod
    ) -> TimeRule {
        let version = TimeRuleVersion(
            period: EffectivePeriod(), shortPeriodUnder: shortPeriodUnder, roll: roll,
            serviceDays: serviceDays, serviceDaysAdded: added, citation: citation,
            serviceCitation: nil, note: nil)
        return TimeRule(id: "edge", jurisdiction: "edge", name: "Edge", isDefault: true, versions: [version])
    }

    static func calendar(_ holidays: [(String, HolidayDate)], observance: Observance = .none) -> CourtCalendar {
        CourtCalendar(
            jurisdiction: "edge", name: "Edge", observance: observance,
            holidays: holidays.map { id, date in
                Holiday(
                    id: id, name: id, date: date, observance: nil, fromYear: nil, untilYear: nil, citation: citation,
                    note: nil)
            }, citation: citation, note: nil)
    }

    @Test func aDateIsAlwaysInTheYears1To9999() throws {
        #expect(CivilDate.first.description == "0001-01-01" && CivilDate.first.weekday == .monday)
        #expect(CivilDate.last.description == "9999-12-31" && CivilDate.last.weekday == .friday)
        #expect(CivilDate.dayNumbers == CivilDate.first.dayNumber...CivilDate.last.dayNumber)
        #expect(CivilDate(dayNumber: CivilDate.first.dayNumber - 1) == nil)
        #expect(CivilDate(dayNumber: CivilDate.last.dayNumber + 1) == nil)
        #expect(CivilDate(dayNumber: Int.min) == nil && CivilDate(dayNumber: Int.max) == nil)
        #expect(try CivilDate.first.adding(days: 1).description == "0001-01-02")
        #expect(try CivilDate.last.adding(days: -1).description == "9999-12-30")
        #expect(try CivilDate.first.adding(days: CivilDate.dayNumbers.count - 1) == CivilDate.last)
        for days in [-1, Int.min, -CivilDate.dayNumbers.count] {
            #expect(throws: CivilDate.OutsideCalendar()) { try CivilDate.first.adding(days: days) }
        }
        for days in [1, Int.max, CivilDate.dayNumbers.count] {
            #expect(throws: CivilDate.OutsideCalendar()) { try CivilDate.last.adding(days: days) }
        }
        #expect(throws: CivilDate.OutsideCalendar()) { try Self.date("2026-01-01").adding(days: Int.max) }
        #expect(throws: CivilDate.OutsideCalendar()) { try Self.date("2026-01-01").adding(days: Int.min) }
        #expect(TimeOfDay(minutes: -1) == nil && TimeOfDay(minutes: 1440) == nil)
        #expect(TimeOfDay(minutes: 1439)?.description == "23:59")
    }

    /// Backward counts ending before 0001-01-01 once printed years like -1 in their trace and trapped.
    @Test func countingBackPastTheYear1IsAnError() throws {
        let early: [(Period, String, String?, String?)] = [
            (.days(1), "0001-01-01", nil, nil),
            (.days(400), "0001-03-01", nil, nil),
            (.days(3650), "0001-01-01", nil, nil),
            (.courtDays(5), "0001-01-03", nil, nil),
            (.courtDays(400), "0001-03-01", nil, nil),
            (.days(5), "0001-01-05", nil, "state-style"),
            (.hours(1), "0001-01-01", "00:00", nil),
            (.hours(8760), "0001-01-01", "00:00", nil),
            (.hours(8760), "0001-03-01", "12:00", "notice-style"),
        ]
        for (period, trigger, time, rule) in early {
            #expect(throws: TimelineError.beyondCalendar, "\(period) before \(trigger)") {
                try packs.count(period, from: trigger, .before, at: time, rule: rule)
            }
        }
        #expect(throws: TimelineError.beyondCalendar) {
            try packs.count(.days(400), from: "0001-03-01", .before, kind: .waitingPeriod)
        }
        // Rolling back off New Year's Day 0001 (a Monday) would leave the calendar.
        let newYear = Self.calendar([("new-year", .fixed(month: 1, day: 1))])
        let rolled = PeriodRequest(trigger: Self.date("0001-01-04"), period: .days(3), direction: .before)
        #expect(throws: TimelineError.beyondCalendar) {
            try DateCalculator.compute(rolled, rule: Self.rule(), calendar: newYear)
        }
        // The first days themselves can still be reached.
        #expect(try packs.count(.days(1), from: "0001-01-03", .before).date.description == "0001-01-02")
        let firstHour = try packs.count(.hours(24), from: "0001-01-02", .before, at: "00:00", rule: "notice-style")
        #expect(firstHour.date == CivilDate.first && firstHour.time?.description == "00:00")
    }

    @Test func countingForwardPastTheYear9999IsAnError() throws {
        let late: [(Period, String, ServiceMethod?, String?)] = [
            (.days(1), "9999-12-31", nil, nil),
            (.days(3650), "9999-12-20", nil, nil),
            (.courtDays(2), "9999-12-30", nil, nil),
            (.courtDays(400), "9999-01-01", nil, nil),
            // Service days after the period, and added to the period.
            (.days(1), "9999-12-28", .mail, nil),
            (.days(3), "9999-12-27", .mail, "state-style"),
            (.days(2), "9999-12-27", .mail, "state-style"),
            (.days(10), "9999-12-20", .mail, "state-style"),
        ]
        for (period, trigger, service, rule) in late {
            #expect(throws: TimelineError.beyondCalendar, "\(period) after \(trigger)") {
                try packs.count(period, from: trigger, service: service, rule: rule)
            }
        }
        #expect(throws: TimelineError.beyondCalendar) { try packs.count(.hours(48), from: "9999-12-30", at: "23:59") }
        // Rolling forward off a holiday on 9999-12-31.
        let yearEnd = Self.calendar([("year-end", .fixed(month: 12, day: 31))])
        let rolled = PeriodRequest(trigger: Self.date("9999-12-30"), period: .days(1))
        #expect(throws: TimelineError.beyondCalendar) {
            try DateCalculator.compute(rolled, rule: Self.rule(), calendar: yearEnd)
        }
        // The last day itself can still be reached.
        #expect(try packs.count(.days(1), from: "9999-12-30").date == CivilDate.last)
        #expect(try packs.count(.courtDays(1), from: "9999-12-30").date == CivilDate.last)
    }

    /// Counts and service days of any size once overflowed (`hours * 60`, day numbers) or, in
    /// court days, walked on for ever; counts longer than packs and requests allow are refused.
    @Test func anyCountIsAnErrorOrADateNeverATrap() throws {
        let calendar = Self.calendar([("new-year", .fixed(month: 1, day: 1))])
        for direction in Direction.allCases {
            for period: Period in [
                .days(Int.max), .courtDays(Int.max), .hours(Int.max), .hours(Int.max / 60 + 1),
                .days(3651), .courtDays(3_000_000), .hours(8761),
                .days(-1), .courtDays(Int.min), .hours(-5),
            ] {
                let request = PeriodRequest(
                    trigger: Self.date("2026-01-09"), time: TimeOfDay("10:00"), period: period,
                    direction: direction, service: .mail)
                #expect(throws: TimelineError.periodOutOfRange(period), "\(period) \(direction)") {
                    try DateCalculator.compute(request, rule: Self.rule(), calendar: calendar)
                }
            }
            for period: Period in [.days(0), .days(3650), .courtDays(3650), .hours(8760)] {
                let request = PeriodRequest(
                    trigger: Self.date("2026-01-09"), time: TimeOfDay("10:00"), period: period,
                    direction: direction)
                #expect(throws: Never.self) {
                    try DateCalculator.compute(request, rule: Self.rule(), calendar: calendar)
                }
            }
        }
        for added in TimeRuleVersion.ServiceDaysAdded.allCases {
            for extra in [Int.max, CivilDate.dayNumbers.count] {
                let request = PeriodRequest(trigger: Self.date("2026-01-09"), period: .days(10), service: .mail)
                #expect(throws: TimelineError.beyondCalendar, "\(added) \(extra)") {
                    try DateCalculator.compute(
                        request, rule: Self.rule(serviceDays: [.mail: extra], added: added),
                        calendar: calendar)
                }
            }
        }
        let message = TimelineError.periodOutOfRange(.days(-2)).description
        #expect(message == "a period is from 0 to 3650 days or court days, or 0 to 8760 hours, not -2 days")
    }

    /// `observedHolidays(inYear: Int.max)` once overflowed looking at the next year.
    @Test func holidaysOfAnyYearAreComputedOrNone() throws {
        let odd13 = Self.calendar([("odd", .nthWeekday(month: 13, weekday: .monday, nth: 1))])
        let calendars = Array(packs.calendars.values) + [odd13]
        for calendar in calendars {
            for year in [Int.min, -1, 0, 10000, Int.max] {
                #expect(calendar.holidays(ofYear: year).isEmpty && calendar.observedHolidays(inYear: year).isEmpty)
            }
            for year in [1, 2, 9998, 9999] {
                #expect(calendar.observedHolidays(inYear: year).allSatisfy { $0.observed.year == year })
            }
        }
        // Rules no loader accepts, from the library: each is simply not a holiday that year.
        let odd = Self.calendar(
            [
                ("month-13", .nthWeekday(month: 13, weekday: .monday, nth: -1)),
                ("sixth-monday", .nthWeekday(month: 1, weekday: .monday, nth: 6)),
                ("huge-nth", .nthWeekday(month: 1, weekday: .monday, nth: Int.max)),
                ("far-easter", .easter(offset: Int.max)),
                ("far-back", .relative(holiday: "new-year", offset: Int.min)),
                ("february-30", .fixed(month: 2, day: 30)),
                ("new-year", .fixed(month: 1, day: 1)),
            ], observance: Observance([.monday: .previous(.friday)]))
        for year in [1, 2026, 9999] {
            let names = odd.holidays(ofYear: year).map(\.holidayID)
            // New Year's Day 0001 (a Monday) would be observed in the year 0: there is no such day.
            #expect(names == (year == 1 ? [] : ["new-year"]), "\(year)")
        }
        // Easter in the first and last years, dated from the calendar's own rule.
        let easter = Self.calendar([("easter", .easter(offset: 0)), ("before", .easter(offset: -366))])
        #expect(easter.holidays(ofYear: 1).map(\.holidayID) == ["easter"])
        #expect(easter.holidays(ofYear: 9999).count == 2)
    }

    // MARK: The audit

    /// Jurisdiction `tt` with a deadline counted back from a hearing, and a matter type with it.
    static func auditPacks() throws -> PackSet {
        let shared = """
            areas:
              - {id: family, title: Family, description: Family law.}
            facts:
              - {id: abroad, type: boolean, description: Served abroad.}
              - {id: waived, type: boolean, description: Service waived.}
            events:
              - {id: served, name: Service, description: The paper was served.}
              - {id: waiver-sent, name: Waiver sent, description: A waiver request was sent.}
              - {id: filed, name: Filing, description: The petition was filed.}
              - {id: hearing, name: Hearing, description: The hearing.}
            """
        let edge = """
            deadlines:
              - {id: brief, name: Brief, trigger: hearing, period: {days: 400}, direction: before,
                 citation: 'R. 9', source: primary}
            matter-types:
              - {id: edge, name: Edge, area: family, citation: Stat. 1, source: primary,
                 deadlines: [{rule: answer}, {rule: brief}]}
            """
        func file(_ path: String, _ text: String) -> PackFile {
            PackFile(displayPath: path, packPath: path, text: text)
        }
        let place = "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"
        return try PackSetLoader.load([
            file("Rules/shared.yaml", shared),
            file("Jurisdictions/tt/jurisdiction.yaml", place),
            file("Jurisdictions/tt/timelines.yaml", TimelineTestPacks.calendar),
            file("Jurisdictions/tt/edge.yaml", edge),
        ])
    }

    func audit(_ events: String, facts: String) throws -> AuditReport {
        let packs = try Self.auditPacks()
        let text = "id: EDGE-1\njurisdiction: tt\ntype: edge\nas-of: 2026-01-01\nfacts: \(facts)\nevents:\n\(events)"
        let matter = try MatterLoader.load(text: text, file: "edge.yaml", packs: packs)
        return packs.audit(matter, asOf: matter.asOf!)
    }

    /// A brief due 400 days before a hearing on 0001-01-10 once stopped the audit (and the caseload).
    @Test func aDeadlinePastEitherEndOfTheCalendarIsALocatedError() throws {
        let report = try audit(
            "  - {event: served, date: 9999-12-20}\n  - {event: hearing, date: 0001-01-10}\n",
            facts: "{abroad: false, waived: false}")
        let errors = report.findings.filter { $0.severity == .error }
        #expect(
            errors.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" }
                == ["DEADLINE-NOT-COMPUTABLE@7:5", "DEADLINE-NOT-COMPUTABLE@8:5"])
        #expect(
            errors.allSatisfy { finding in
                guard case .deadlineNotComputable(_, let error) = finding.detail else { return false }
                return error == .beyondCalendar
            })
        #expect(Set(errors.compactMap(\.source)) == [.deadline("answer"), .deadline("brief")])
    }

    /// A case that may apply (served abroad: 60 days) once dropped silently when it ran past 9999-12-31.
    @Test func aPossibleCaseThatCannotBeCountedIsNotLeftOut() throws {
        let report = try audit(
            "  - {event: served, date: 9999-11-20}\n  - {event: hearing, date: 2026-06-01}\n",
            facts: "{waived: false}")
        let answer = report.findings.filter { $0.source == .deadline("answer") }
        #expect(answer.map(\.code) == [.deadlineNotComputable])
        #expect(answer.first?.location.line == 7)
        // Without the unknown fact, the same date is a plain deadline.
        let known = try audit("  - {event: served, date: 9999-11-20}\n", facts: "{abroad: false, waived: false}")
        #expect(known.findings.first { $0.source == .deadline("answer") }?.date?.description == "9999-12-13")
    }

    /// A version with no start before one from 0001-01-01 once ended on 0000-12-31 and governed nothing.
    @Test func aVersionFromTheFirstDayLeavesNoDayBeforeIt() throws {
        let rules = """
            time-rules:
              - id: counting
                name: Counting
                default: true
                versions:
                  - {citation: R. 1, source: primary}
                  - {from: 0001-01-01, citation: R. 2, source: primary}
            """
        let files = [
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(
                displayPath: "Jurisdictions/tt/time-rules.yaml", packPath: "Jurisdictions/tt/time-rules.yaml",
                text: rules),
        ]
        let error = #expect(throws: DiagnosticList.self) { try PackSetLoader.load(files) }
        let messages = (error?.diagnostics ?? []).map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(
            messages.contains("7:9: this version's period (from 0001-01-01) overlaps another (always)"), "\(messages)")
    }
}
