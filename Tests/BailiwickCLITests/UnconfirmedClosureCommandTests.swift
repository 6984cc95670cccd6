import Foundation
import Testing

/// Colorado's Fridays before a Saturday holiday, on which the executive branch closed and the courts may have:
/// a deadline whose date such a closure would change says so, with the other date, in every output; one whose
/// count does not end on or pass through such a day in a way that matters says nothing. Dates are counted by
/// hand under C.R.C.P. 6(a)(1) (the day of the event is left out, every day counts, and a last day that is a
/// Saturday, Sunday or legal holiday runs to the next day that is none of them: backward for a period counted
/// before an event) and C.A.R. 26(a) (the same forward count).
struct UnconfirmedClosureCommandTests {
    static let july3 =
        "If the courts were closed on Friday 2026-07-03 (unconfirmed: the state's executive branch is reported to "
        + "observe Independence Day, Saturday 2026-07-04, on this Friday), the last day is "

    static func deadline(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["deadlines", "-j", "us-co"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require((try CLI.json(result.stdout)["deadlines"] as? [[String: Any]])?.first)
    }

    static func closures(_ deadline: [String: Any]) -> [[String: Any]]? {
        deadline["unconfirmed-closures"] as? [[String: Any]]
    }

    @Test func theHolidaysOfAYearListItsUnconfirmedClosuresAndOtherYearsNone() throws {
        let text = try CLI.run(["holidays", "-j", "us-co", "--year", "2026"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Courts may have been closed (not confirmed;"))
        #expect(
            text.stdout.contains(
                "  Fri 2026-07-03  the state's executive branch is reported to observe Independence Day, Saturday "
                    + "2026-07-04, on this Friday [unverified]"))
        // 2021 has two (Christmas Day and New Year's Day 2022 observed on Fridays), in date order.
        let result = try CLI.run(["holidays", "-j", "us-co", "--year", "2021", "--format", "json"])
        let closures = try #require(try CLI.json(result.stdout)["unconfirmed-closures"] as? [[String: Any]])
        #expect(closures.map { $0["date"] as? String } == ["2021-12-24", "2021-12-31"])
        #expect((closures[0]["citation"] as? [String: Any])?["source"] as? String == "official-summary")
        let none = try CLI.run(["holidays", "-j", "us-co", "--year", "2025", "--format", "json"])
        #expect(try CLI.json(none.stdout).keys.contains("unconfirmed-closures") == false)
        #expect(!(try CLI.run(["holidays", "-j", "us-co", "--year", "2025"])).stdout.contains("may have been closed"))
    }

    @Test func aResponseDueOnFridayJuly3WarnsOfMondayJuly6() throws {
        // C.R.C.P. 12(a), 21 days: served Friday 2026-06-12; day 1 is 06-13, day 18 is 06-30, day 21 is Friday
        // 07-03, a court day (Independence Day falls on Saturday 07-04, and only a Sunday holiday moves). Were the
        // courts closed on 07-03, the last day would run past Saturday 07-04 and Sunday 07-05 to Monday 07-06.
        let text = try CLI.run(["deadlines", "-j", "us-co", "--rule", "dissolution-response", "--from", "2026-06-12"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Due: Friday 2026-07-03"))
        #expect(text.stdout.contains("Depends on court closures not confirmed\n  " + Self.july3 + "Monday 2026-07-06."))
        #expect(
            text.stdout.contains(
                "    [State of Colorado holiday schedule, fiscal year 2026-27 (not read) · source: unverified]"))
        let json = try Self.deadline(["--rule", "dissolution-response", "--from", "2026-06-12"])
        #expect(json["date"] as? String == "2026-07-03")
        let closure = try #require(Self.closures(json)?.first)
        #expect(Self.closures(json)?.count == 1)
        #expect(closure["closed"] as? String == "2026-07-03")
        #expect(closure["date"] as? String == "2026-07-06")
        #expect(closure["time"] is NSNull)
        #expect((closure["citation"] as? [String: Any])?["source"] as? String == "unverified")
        #expect(closure["warning"] as? String == Self.july3 + "Monday 2026-07-06.")
        let ics = try CLI.run([
            "deadlines", "-j", "us-co", "--rule", "dissolution-response", "--from", "2026-06-12", "--format", "ics",
        ])
        #expect(ics.stdout.replacingOccurrences(of: "\r\n ", with: "").contains("Caution: If the courts were closed"))
    }

    @Test func aDeadlineAwayFromTheClosuresOrOnlyPassingOneHasNoWarning() throws {
        // Served Monday 2026-06-01 + 21 = Monday 06-22: the count ends before 07-03.
        let before = try CLI.run(["deadlines", "-j", "us-co", "--rule", "dissolution-response", "--from", "2026-06-01"])
        #expect(before.stdout.contains("Due: Monday 2026-06-22"))
        #expect(!before.stdout.contains("unconfirmed"))
        #expect(Self.closures(try Self.deadline(["--rule", "dissolution-response", "--from", "2026-06-01"])) == nil)
        #expect(
            try Self.deadline(["--rule", "dissolution-response", "--from", "2026-06-01"]).keys.contains(
                "unconfirmed-closures") == false)
        // Served Friday 2026-06-26 + 21 = Friday 07-17: the count passes 07-03, but every day counts, so a
        // closure on 07-03 changes nothing.
        let passing = try Self.deadline(["--rule", "dissolution-response", "--from", "2026-06-26"])
        #expect(passing["date"] as? String == "2026-07-17")
        #expect(Self.closures(passing) == nil)
    }

    @Test func aNoticeOfAppealDueOnVeteransDayObservedWarnsOfTheMonday() throws {
        // C.A.R. 4(a), 49 days under C.A.R. 26(a): judgment Friday 2023-09-22; day 8 is 09-30, day 39 is 10-31,
        // day 49 is Friday 11-10, the executive branch's observed Veterans' Day (Saturday 11-11). Were the courts
        // closed, Saturday 11-11 and Sunday 11-12 follow: Monday 2023-11-13.
        let appeal = try Self.deadline(["--rule", "notice-of-appeal", "--from", "2023-09-22"])
        #expect(appeal["date"] as? String == "2023-11-10")
        #expect(Self.closures(appeal)?.map { $0["closed"] as? String } == ["2023-11-10"])
        #expect(Self.closures(appeal)?.first?["date"] as? String == "2023-11-13")
    }

    @Test func aPeriodCountedBackwardWarnsOfTheCourtDayBefore() throws {
        // 10 days before Monday 2026-07-13: day 1 is 07-12, day 10 is Friday 07-03, a court day. Counted back, a
        // closed last day runs to the day before: Thursday 07-02 if the courts were closed on 07-03.
        let back = try Self.deadline(["--from", "2026-07-13", "--days", "10", "--before"])
        #expect(back["date"] as? String == "2026-07-03")
        #expect(Self.closures(back)?.first?["date"] as? String == "2026-07-02")
        // 8 days before Monday 07-13 is Sunday 07-05, which runs back past Saturday 07-04 to Friday 07-03, and to
        // Thursday 07-02 if the courts closed.
        #expect(
            Self.closures(try Self.deadline(["--from", "2026-07-13", "--days", "8", "--before"]))?.first?["date"]
                as? String == "2026-07-02")
        // 3 days before Monday 07-13 is Friday 07-10: the count never reaches 07-03.
        #expect(Self.closures(try Self.deadline(["--from", "2026-07-13", "--days", "3", "--before"])) == nil)
        // 15 days before Friday 07-17 is Thursday 07-02 (day 14 is 07-03): the count passes 07-03 and ends on a
        // court day, so a closure there changes nothing.
        #expect(Self.closures(try Self.deadline(["--from", "2026-07-17", "--days", "15", "--before"])) == nil)
    }

    @Test func aCountOfCourtDaysThatPassesTheDayEndsOneCourtDayLater() throws {
        // 2 court days after Thursday 2026-07-02: Friday 07-03 is the first, Monday 07-06 the second. Were the
        // courts closed on 07-03, Monday 07-06 is the first and Tuesday 07-07 the second.
        let forward = try Self.deadline(["--from", "2026-07-02", "--days", "2", "--court-days"])
        #expect(forward["date"] as? String == "2026-07-06")
        #expect(Self.closures(forward)?.first?["date"] as? String == "2026-07-07")
        // 1 court day before Monday 2026-07-06: Sunday and Saturday are skipped, Friday 07-03 is the first; were
        // it closed, Thursday 07-02.
        let backward = try Self.deadline(["--from", "2026-07-06", "--days", "1", "--court-days", "--before"])
        #expect(backward["date"] as? String == "2026-07-03")
        #expect(Self.closures(backward)?.first?["date"] as? String == "2026-07-02")
        // 2 court days after Monday 07-06 (Tuesday 07-07, Wednesday 07-08) never look at 07-03.
        #expect(Self.closures(try Self.deadline(["--from", "2026-07-06", "--days", "2", "--court-days"])) == nil)
    }

    @Test func aPeriodInHoursKeepsItsTime() throws {
        // 24 hours from 10:00 on Thursday 2026-07-02 end at 10:00 on Friday 07-03; were the courts closed that
        // day, the period would run to the next court day, Monday 07-06, at 10:00.
        let hours = try Self.deadline(["--from", "2026-07-02", "--hours", "24", "--at", "10:00"])
        #expect(hours["date"] as? String == "2026-07-03")
        let closure = try #require(Self.closures(hours)?.first)
        #expect(closure["date"] as? String == "2026-07-06" && closure["time"] as? String == "10:00")
        #expect(closure["warning"] as? String == Self.july3 + "Monday 2026-07-06 at 10:00.")
    }

    /// A respondent served Friday 2026-06-12: the response is due Friday 07-03 (worked out above), and the
    /// disclosures 06-12 + 42 = Friday 07-24, a count that passes 07-03 without ending there.
    static let matter = """
        id: CO-CLOSURE
        jurisdiction: us-co
        type: dissolution-respondent
        as-of: 2026-06-15
        facts:
          {children: 0, issues: [], respondent-joined: false, served-out-of-state: false, served-by-publication: false}
        events:
          - {event: service-of-petition, date: 2026-06-12, method: personal}
          - {event: jurisdiction-over-respondent, date: 2026-06-12}
        """

    @Test func theAuditShowsTheWarningOnTheDeadlineAndItsTimelineEntry() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matter.yaml")
        try Self.matter.write(to: file, atomically: true, encoding: .utf8)
        let sentence = Self.july3 + "Monday 2026-07-06."
        let text = try CLI.run(["audit", file.path])
        #expect(text.stdout.contains("    Caution: " + sentence))
        #expect(text.stdout.components(separatedBy: "Caution: If the courts").count == 2)
        let json = try CLI.json(try CLI.run(["audit", file.path, "--format", "json"]).stdout)
        let report = try #require((json["matters"] as? [[String: Any]])?.first)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let warned = findings.filter { $0["unconfirmed-closures"] != nil }
        #expect(warned.map { $0["deadline"] as? String } == ["dissolution-response"])
        #expect((warned.first?["unconfirmed-closures"] as? [[String: Any]])?.first?["warning"] as? String == sentence)
        let timeline = try #require(report["timeline"] as? [[String: Any]])
        let entries = timeline.filter { $0["unconfirmed-closures"] != nil }
        #expect(entries.map { $0["date"] as? String } == ["2026-07-03"])
        let html = try CLI.run(["audit", file.path, "--format", "html"]).stdout
        #expect(html.components(separatedBy: "<strong>Caution:</strong> If the courts were closed").count == 3)
        let ics = try CLI.run(["audit", file.path, "--format", "ics"]).stdout
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("Caution: If the courts were closed"))
    }
}
