import Foundation
import Testing

/// Counting past 0001-01-01 or 9999-12-31 is bad input: exit 2 and one line saying why.
struct CalendarEdgeCommandTests {
    /// Each of these once stopped the process with "Negative value is not representable" (exit 132).
    @Test(arguments: [
        ["-j", "us", "--from", "0001-01-01", "--days", "400", "--before"],
        ["-j", "us-wa", "--from", "0001-03-01", "--days", "3650", "--before"],
        ["-j", "us", "--from", "0001-01-01", "--days", "400", "--court-days", "--before"],
        ["-j", "us-ut", "--from", "0001-01-01", "--hours", "8760", "--at", "00:00", "--before"],
        ["-j", "us", "--from", "0001-01-01", "--days", "1", "--before"],
        ["-j", "us", "--from", "9999-12-20", "--days", "10", "--service", "mail"],
        ["-j", "us-wa", "--from", "9999-12-30", "--days", "3650", "--court-days"],
        ["-j", "us", "--from", "9999-12-31", "--hours", "24", "--at", "00:00"],
    ])
    func aCountPastEitherEndOfTheCalendarExitsTwo(arguments: [String]) throws {
        let result = try CLI.run(["deadlines"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr == "error: the period ends outside the years 1 to 9999\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func theFirstAndLastDaysCanStillBeReached() throws {
        let first = try CLI.run([
            "deadlines", "-j", "us", "--from", "0001-01-03", "--days", "1", "--before",
            "--format", "json",
        ])
        #expect(first.status == 0 && first.stdout.contains("\"date\": \"0001-01-02\""))
        // Due Friday 9999-12-31: the calendar file's event has no day after it to end on, so it lasts one day.
        let last = try CLI.run(["deadlines", "-j", "us", "--from", "9999-12-30", "--days", "1", "--format", "ics"])
        #expect(last.status == 0)
        #expect(last.stdout.contains("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n"))
        #expect(!last.stdout.contains("DTEND"))
    }

    /// The audit reports a deadline it cannot count as an error at the event, and fails.
    @Test func anAuditOfDatesAtTheEndOfTheCalendarFails() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = folder.appendingPathComponent("end.yaml")
        try """
        id: END-2
        jurisdiction: us
        type: federal-civil-answer
        as-of: 9999-12-31
        facts: {waiver-of-service: false, united-states-party: false}
        events:
          - {event: service-of-summons, date: 9999-12-20, method: personal}

        """.write(to: matter, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", matter.path, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let matters = try CLI.json(result.stdout)["matters"] as? [[String: Any]]
        let findings = try #require(matters?.first?["findings"] as? [[String: Any]])
        let answer = try #require(findings.first { $0["code"] as? String == "DEADLINE-NOT-COMPUTABLE" })
        #expect(answer["severity"] as? String == "error")
        #expect(answer["line"] as? Int == 7 && answer["column"] as? Int == 5)
    }
}
