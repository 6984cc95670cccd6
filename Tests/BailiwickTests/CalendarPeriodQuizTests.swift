import Bailiwick
import Testing

/// Deadline questions for periods in calendar years (the immigration pack's), each answer and each distractor
/// worked out by hand from the rule's text as the pack encodes it, with the quiz set on Tuesday 2026-12-01.
///
/// Weekdays used below: 2026-12-01 is a Tuesday, so 2026-12-11 is a Friday; 2027-12-01 (365 days on) a
/// Wednesday and 2027-12-11 a Saturday; 2028-02-29 (90 days after 2027-12-01) a Tuesday; 2028-12-01 (731 days
/// after 2026-12-01, 2028 being a leap year) a Friday, so 2028-12-10 is a Sunday; 2029-02-28 (365 days after
/// 2028-02-29) a Wednesday. None of the dates rolled to is a federal holiday.
struct CalendarPeriodQuizTests {
    let questions: [QuizQuestion]

    init() throws {
        let day = try #require(CivilDate(year: 2026, month: 12, day: 1))
        questions = QuizGenerator(packs: try TestPacks.shipped, asOf: day)
            .questions(jurisdiction: "us", license: nil, topics: [.deadlines])
    }

    func options(_ id: String) throws -> (options: [String], answer: String) {
        let question = try #require(questions.first { $0.id == id }, "\(questions.map(\.id))")
        guard case .choice(let options, _) = question.answer else {
            Issue.record("\(id) is not a multiple choice")
            return ([], question.answerText)
        }
        return (options.sorted(), question.answerText)
    }

    /// 8 CFR 208.4(a)(2)(ii): one year from the last arrival, a last day on a weekend running to the next day.
    /// From Friday 2026-12-11 the year ends Saturday 2027-12-11: Monday 2027-12-13. Distractors: the date
    /// without the roll (2027-12-11), a year more (2028-12-11, a Monday: 2027-12-11 Saturday + 366 days), the
    /// count started on the arrival day (2027-12-10).
    @Test func asylumYearRolledOffAWeekend() throws {
        let asked = try options("deadlines:us:asylum-one-year:2026-12-11")
        #expect(asked.answer == "2027-12-13")
        #expect(asked.options == ["2027-12-10", "2027-12-11", "2027-12-13", "2028-12-11"])
    }

    /// A year from Tuesday 2028-02-29 ends on the last day of February 2029, Wednesday 2029-02-28 (no roll).
    /// The end-of-month mistake carries the missing day into March: 2029-03-01; a year more is 2030-02-28 (a
    /// Thursday); the count started on the arrival day gives 2029-02-27.
    @Test func asylumYearFromALeapDay() throws {
        let asked = try options("deadlines:us:asylum-one-year:2028-02-29")
        #expect(asked.answer == "2029-02-28")
        #expect(asked.options == ["2029-02-27", "2029-02-28", "2029-03-01", "2030-02-28"])
    }

    /// 8 CFR 216.4(a)(1): the 90 days before the second anniversary end the day before it (two years less a
    /// day). From Friday 2026-12-11: 2028-12-11 less a day is Sunday 2028-12-10, rolled to Monday 2028-12-11.
    /// Distractors: unrolled 2028-12-10; a year more, 2029-12-11 less a day = 2029-12-10 (a Monday); a year
    /// fewer, 2027-12-11 less a day = 2027-12-10 (a Friday).
    @Test func removalOfConditionsLastDayRolled() throws {
        let asked = try options("deadlines:us:removal-of-conditions-deadline:2026-12-11")
        #expect(asked.answer == "2028-12-11")
        #expect(asked.options == ["2027-12-10", "2028-12-10", "2028-12-11", "2029-12-10"])
    }

    /// The window opens 90 days before the second anniversary, a waiting period's day, never rolled. From
    /// 2028-02-29 the second anniversary is 2030-02-28; 90 days back: 28 to 2030-01-31, 31 more to 2029-12-31,
    /// 31 more to 2029-11-30. The end-of-month mistake (anniversary 2030-03-01) gives 2029-12-01 (28 to
    /// 2030-02-01, 31 to 2030-01-01, 31 to 2029-12-01); a year more 2031-02-28 less 90 = 2030-11-30; a year
    /// fewer 2029-02-28 less 90 = 2028-11-30.
    @Test func removalOfConditionsWindowFromALeapDay() throws {
        let asked = try options("deadlines:us:removal-of-conditions-window:2028-02-29")
        #expect(asked.answer == "2029-11-30")
        #expect(asked.options == ["2028-11-30", "2029-11-30", "2029-12-01", "2030-11-30"])
    }

    /// 8 CFR 334.2(b): filing from 90 days before the five years of residence are complete. From 2028-02-29 the
    /// fifth anniversary is 2033-02-28, less 90 days (as above) 2032-11-30. The end-of-month mistake gives
    /// 2032-12-01; six years, 2034-02-28 less 90 = 2033-11-30; four years end on 2032-02-29 (a leap year), less
    /// 90 days: 29 to 2032-01-31, 31 to 2031-12-31, 30 to 2031-12-01.
    @Test func naturalizationEarlyFilingFromALeapDay() throws {
        let asked = try options("deadlines:us:naturalization-early-filing:2028-02-29")
        #expect(asked.answer == "2032-11-30")
        #expect(asked.options == ["2031-12-01", "2032-11-30", "2032-12-01", "2033-11-30"])
    }
}
