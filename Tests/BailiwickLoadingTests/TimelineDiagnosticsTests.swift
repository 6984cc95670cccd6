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
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(
                displayPath: "Jurisdictions/tt/time-rules.yaml", packPath: "Jurisdictions/tt/time-rules.yaml",
                text: timeRules),
            PackFile(displayPath: "t.yaml", packPath: "Jurisdictions/tt/t.yaml", text: text),
        ]
        do {
            _ = try PackSetLoader.load(files)
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                let place = diagnostic.location.file == "t.yaml" ? "" : diagnostic.location.file + ":"
                return "\(place)\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
            }
        }
    }

    /// A calendar of one holiday; markers in `holiday` keep their places.
    func calendar(_ holiday: String) -> MarkedText {
        MarkedText("calendar:\n  name: T\n  citation: c\n  source: primary\n  holidays:\n    - " + holiday + "\n")
    }

    /// The diagnostics of a calendar of one holiday, and each marker's place in it.
    func calendarProblems(_ holiday: String) -> (found: [String], text: MarkedText) {
        let text = calendar(holiday)
        return (problems(text.text), text)
    }

    @Test func aWellFormedCalendarLoads() {
        let holiday = "{id: new-year, name: New Year, date: {month: 1, day: 1}, citation: c, source: primary}"
        #expect(problems(calendar(holiday).text) == [])
    }

    @Test func holidayDatesMustExistEveryYear() {
        let leap = calendarProblems(
            "{id: leap, name: Leap, date: {month: 2, day: 1️⃣29}, citation: c, "
                + "source: primary}")
        #expect(
            leap.found
                == ["\(leap.text["1️⃣"]): February 29 does not occur every year; a holiday needs a date every year"])
        let april = calendarProblems("{id: x, name: X, date: {month: 4, day: 1️⃣31}, citation: c, source: primary}")
        #expect(april.found == ["\(april.text["1️⃣"]): month 4 has no day 31"])
        let month = calendarProblems("{id: x, name: X, date: {month: 1️⃣13, day: 1}, citation: c, source: primary}")
        #expect(month.found == ["\(month.text["1️⃣"]): 'month' must be a whole number from 1 to 12, not '13'"])
    }

    @Test func nthWeekdaysAndRelativeDatesAreChecked() {
        let nth = calendarProblems(
            "{id: x, name: X, date: {month: 1, weekday: monday, nth: 1️⃣6}, citation: c, "
                + "source: primary}")
        #expect(nth.found == ["\(nth.text["1️⃣"]): 'nth' must be 1 to 5 or 'last', not '6'"])
        let weekday = calendarProblems(
            "{id: x, name: X, date: {month: 1, weekday: 1️⃣mondy, nth: 3}, citation: c, "
                + "source: primary}")
        #expect(
            weekday.found == [
                "\(weekday.text["1️⃣"]): 'weekday' must be one of sunday, monday, tuesday, wednesday, thursday, "
                    + "friday, "
                    + "saturday, not 'mondy'; did you mean 'monday'?"
            ])
        let relative = calendarProblems(
            "{id: x, name: X, date: {holiday: 1️⃣thanksgiving, offset: 1}, citation: c, "
                + "source: primary}")
        #expect(relative.found == ["\(relative.text["1️⃣"]): unknown holiday 'thanksgiving'"])
        let partial = calendarProblems("{id: x, name: X, date: 1️⃣{month: 1}, citation: c, source: primary}")
        #expect(
            partial.found == [
                "\(partial.text["1️⃣"]): a holiday date is {month, day}, {month, weekday, nth}, {holiday, offset} or "
                    + "{easter}; found {month}"
            ])
    }

    @Test func relativeHolidaysCannotLeadBackToThemselves() {
        let text = MarkedText(
            "calendar:\n  name: T\n  citation: c\n  source: primary\n  holidays:\n"
                + "    - {id: a, name: A, date: {holiday: 1️⃣b, offset: 1}, citation: c, source: primary}\n"
                + "    - {id: b, name: B, date: {holiday: 2️⃣a, offset: 1}, citation: c, source: primary}\n")
        #expect(
            problems(text.text) == [
                "\(text["1️⃣"]): holiday 'a' is dated from a chain of holidays that leads back to itself",
                "\(text["2️⃣"]): holiday 'b' is dated from a chain of holidays that leads back to itself",
            ])
    }

    @Test func observanceShiftsAreChecked() {
        let shift = calendarProblems(
            "{id: x, name: X, date: {month: 7, day: 4}, observed: {saturday: 1️⃣friday}, "
                + "citation: c, source: primary}")
        #expect(
            shift.found
                == [
                    "\(shift.text["1️⃣"]): 'friday' must be previous-<weekday> or next-<weekday>, "
                        + "e.g. previous-friday"
                ])
        let key = calendarProblems(
            "{id: x, name: X, date: {month: 7, day: 4}, "
                + "observed: {1️⃣saturdy: previous-friday}, citation: c, source: primary}")
        #expect(
            key.found == [
                "\(key.text["1️⃣"]): unknown key 'saturdy' in an observance (weekday: previous-friday or next-monday); "
                    + "did you mean 'saturday'?"
            ])
    }

    @Test func timeRuleVersionsMustNotOverlapAndNameRealMethods() {
        let overlapping = MarkedText(
            """
            time-rules:
              - id: counting
                name: Counting
                default: true
                versions:
                  - {until: 2010-01-01, citation: a, source: primary}
                  - 1️⃣{from: 2009-12-01, service-days: {2️⃣post: 3}, citation: b, source: primary}
            """)
        let file = "Jurisdictions/tt/time-rules.yaml"
        #expect(
            problems("rules: []\n", timeRules: overlapping.text) == [
                "\(file):\(overlapping["1️⃣"]): this version's period (from 2009-12-01) overlaps another "
                    + "(until 2010-01-01)",
                "\(file):\(overlapping["2️⃣"]): unknown key 'post' in service days (method: days)",
            ])
    }

    @Test func deadlinesNeedKnownEventsAPeriodAndACalendar() {
        let text = MarkedText(
            """
            deadlines:
              - {id: answer, name: Answer, trigger: 1️⃣servd, period: {days: 21}, citation: c, source: primary}
              - {id: reply, name: Reply, trigger: served, period: {2️⃣weeks: 2}, citation: c, source: primary}
              - {id: other, name: Other, trigger: served, period: {days: 3️⃣-1}, time-rule: 4️⃣countng, citation: c, \
            source: primary}
            """)
        #expect(
            problems(text.text) == [
                "\(text["1️⃣"]): unknown event 'servd'; did you mean 'served'?",
                "\(text["2️⃣"]): unknown key 'weeks' in a period",
                "\(text["3️⃣"]): 'days' must be a whole number from 0 to 3650, not '-1'",
                "\(text["4️⃣"]): unknown time rule 'countng' in tt; did you mean 'counting'?",
            ])
        // A jurisdiction with deadlines and no calendar is reported at the start of its folder's first file.
        let valid =
            "deadlines:\n  - {id: answer, name: Answer, trigger: served, period: {days: 21}, citation: c, "
            + "source: primary}\n"
        #expect(
            problems(valid) == [
                "Jurisdictions/tt/jurisdiction.yaml:1:1: jurisdiction 'tt' has deadlines but no 'calendar:' section"
            ])
    }

    /// Months and years, with `less-days` for a window before an anniversary: each misuse is located.
    @Test func periodsInMonthsAndYearsAreCheckedWhereTheyAreWritten() {
        let text = MarkedText(
            """
            deadlines:
              - {id: a, name: A, trigger: served, period: {months: 2, less-days: 1️⃣57}, citation: c, source: primary}
              - {id: b, name: B, trigger: served, period: 2️⃣{days: 3, less-days: 1}, citation: c, source: primary}
              - {id: c, name: C, trigger: served, period: 3️⃣{years: 2, less-days: 90}, direction: before, \
            citation: c, source: primary}
              - {id: d, name: D, trigger: served, period: 4️⃣{years: 1, months: 2}, citation: c, source: primary}
              - {id: e, name: E, trigger: served, period: {years: 5️⃣11}, citation: c, source: primary}
            """)
        #expect(
            problems(text.text) == [
                "\(text["1️⃣"]): 'less-days' must be a whole number from 1 to 56, not '57'",
                "\(text["2️⃣"]): 'less-days' goes with a period in months or years",
                "\(text["3️⃣"]): 'less-days' counts back from an anniversary after the trigger: not with "
                    + "'direction: before'",
                "\(text["4️⃣"]): a period is one of {days: N}, {court-days: N}, {hours: N}, {months: N} or {years: N}",
                "\(text["5️⃣"]): 'years' must be a whole number from 1 to 10, not '11'",
            ])
    }
}
