import Bailiwick
import BailiwickLoading
import Testing

/// Malformed calendars, time rules and deadlines are rejected with their line and column.
struct TimelineDiagnosticsTests {
    static let shared = """
    actions:
      - {id: advise, title: Advise, description: Advise.}
    areas:
      - {id: family, title: Family, description: Family law.}
    facts:
      - {id: abroad, type: boolean, description: Served abroad.}
    events:
      - {id: served, name: Service, description: The paper was served.}
    """

    static let timeRules = """
    time-rules:
      - id: counting
        name: Counting
        default: true
        versions:
          - {citation: R. 6, source: primary}
    """

    func problems(_ text: String, timeRules: String = timeRules) -> [String] {
        let files = [
            PackFile(displayPath: "Rules/shared.yaml", packPath: "Rules/shared.yaml", text: Self.shared),
            PackFile(displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                     text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(displayPath: "Jurisdictions/tt/time-rules.yaml", packPath: "Jurisdictions/tt/time-rules.yaml", text: timeRules),
            PackFile(displayPath: "t.yaml", packPath: "Jurisdictions/tt/t.yaml", text: text),
        ]
        do {
            _ = try PackSetLoader.load(files)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.file == "t.yaml" ? "" : $0.location.file + ":")\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    func calendar(_ holiday: String) -> String {
        "calendar:\n  name: T\n  citation: c\n  source: primary\n  holidays:\n    - " + holiday + "\n"
    }

    @Test func aWellFormedCalendarLoads() {
        #expect(problems(calendar("{id: new-year, name: New Year, date: {month: 1, day: 1}, citation: c, source: primary}")) == [])
    }

    @Test func holidayDatesMustExistEveryYear() {
        #expect(problems(calendar("{id: leap, name: Leap, date: {month: 2, day: 29}, citation: c, source: primary}"))
                == ["6:52: February 29 does not occur every year; a holiday needs a date every year"])
        #expect(problems(calendar("{id: x, name: X, date: {month: 4, day: 31}, citation: c, source: primary}"))
                == ["6:46: month 4 has no day 31"])
        #expect(problems(calendar("{id: x, name: X, date: {month: 13, day: 1}, citation: c, source: primary}"))
                == ["6:38: 'month' must be a whole number from 1 to 12, not '13'"])
    }

    @Test func nthWeekdaysAndRelativeDatesAreChecked() {
        #expect(problems(calendar("{id: x, name: X, date: {month: 1, weekday: monday, nth: 6}, citation: c, source: primary}"))
                == ["6:63: 'nth' must be 1 to 5 or 'last', not '6'"])
        #expect(problems(calendar("{id: x, name: X, date: {month: 1, weekday: mondy, nth: 3}, citation: c, source: primary}"))
                == ["6:50: 'weekday' must be one of sunday, monday, tuesday, wednesday, thursday, friday, saturday, not 'mondy'; did you mean 'monday'?"])
        #expect(problems(calendar("{id: x, name: X, date: {holiday: thanksgiving, offset: 1}, citation: c, source: primary}"))
                == ["6:40: unknown holiday 'thanksgiving'"])
        #expect(problems(calendar("{id: x, name: X, date: {month: 1}, citation: c, source: primary}"))
                == ["6:30: a holiday date is {month, day}, {month, weekday, nth}, {holiday, offset} or {easter}; found {month}"])
    }

    @Test func relativeHolidaysCannotLeadBackToThemselves() {
        let text = "calendar:\n  name: T\n  citation: c\n  source: primary\n  holidays:\n"
            + "    - {id: a, name: A, date: {holiday: b, offset: 1}, citation: c, source: primary}\n"
            + "    - {id: b, name: B, date: {holiday: a, offset: 1}, citation: c, source: primary}\n"
        #expect(problems(text) == [
            "6:40: holiday 'a' is dated from a chain of holidays that leads back to itself",
            "7:40: holiday 'b' is dated from a chain of holidays that leads back to itself",
        ])
    }

    @Test func observanceShiftsAreChecked() {
        #expect(problems(calendar("{id: x, name: X, date: {month: 7, day: 4}, observed: {saturday: friday}, citation: c, source: primary}"))
                == ["6:71: 'friday' must be previous-<weekday> or next-<weekday>, e.g. previous-friday"])
        #expect(problems(calendar("{id: x, name: X, date: {month: 7, day: 4}, observed: {saturdy: previous-friday}, citation: c, source: primary}"))
                == ["6:61: unknown key 'saturdy' in an observance (weekday: previous-friday or next-monday); did you mean 'saturday'?"])
    }

    @Test func timeRuleVersionsMustNotOverlapAndNameRealMethods() {
        let overlapping = """
        time-rules:
          - id: counting
            name: Counting
            default: true
            versions:
              - {until: 2010-01-01, citation: a, source: primary}
              - {from: 2009-12-01, service-days: {post: 3}, citation: b, source: primary}
        """
        #expect(problems("rules: []\n", timeRules: overlapping) == [
            "Jurisdictions/tt/time-rules.yaml:7:9: this version's period (from 2009-12-01) overlaps another (until 2010-01-01)",
            "Jurisdictions/tt/time-rules.yaml:7:43: unknown key 'post' in service days (method: days)",
        ])
    }

    @Test func deadlinesNeedKnownEventsAPeriodAndACalendar() {
        let text = """
        deadlines:
          - {id: answer, name: Answer, trigger: servd, period: {days: 21}, citation: c, source: primary}
          - {id: reply, name: Reply, trigger: served, period: {weeks: 2}, citation: c, source: primary}
          - {id: other, name: Other, trigger: served, period: {days: 0}, time-rule: countng, citation: c, source: primary}
        """
        #expect(problems(text) == [
            "2:41: unknown event 'servd'; did you mean 'served'?",
            "3:56: unknown key 'weeks' in a period",
            "4:62: 'days' must be a whole number from 1 to 3650, not '0'",
            "4:77: unknown time rule 'countng' in tt; did you mean 'counting'?",
        ])
        let valid = "deadlines:\n  - {id: answer, name: Answer, trigger: served, period: {days: 21}, citation: c, source: primary}\n"
        #expect(problems(valid) == ["Jurisdictions/tt/jurisdiction.yaml:1:1: jurisdiction 'tt' has deadlines but no 'calendar:' section"])
    }
}
