import Foundation
import Testing

/// `holidays` and `deadlines`, run as a user runs them.
struct TimelineCommandTests {
    @Test func holidaysListsObservedDates() throws {
        let result = try CLI.run(["holidays", "--jurisdiction", "us-wa", "--year", "2026"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  Fri 2026-07-03  Independence Day (observed; falls on Saturday 2026-07-04)"))
        #expect(result.stdout.contains("  Fri 2026-11-27  Native American Heritage Day"))
        let json = try CLI.json(try CLI.run(["holidays", "-j", "us-co", "--year", "2020", "--format", "json"]).stdout)
        let holidays = try #require(json["holidays"] as? [[String: Any]])
        #expect(holidays.contains { $0["observed"] as? String == "2020-10-05" })
        #expect(try CLI.run(["holidays", "-j", "us-wq", "--year", "2026"]).stderr.contains("did you mean 'us-wa'?"))
        #expect(try CLI.run(["holidays", "-j", "us-wa", "--year", "12"]).status == 2)
    }

    @Test func aNamedDeadlineShowsItsDateTraceAndAlternatives() throws {
        let result = try CLI.run([
            "deadlines", "--jurisdiction", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Due: Monday 2026-03-30"))
        #expect(
            result.stdout.contains(
                "3. Day 20, Saturday 2026-03-28, is not a court day; nor is Sunday 2026-03-29: moved to the next court "
                    + "day, Monday 2026-03-30.  [CR 6(a), 6(e)]"
            ))
        #expect(result.stdout.contains("If served-out-of-state: Thursday 2026-05-07"))
        let decided = try CLI.run([
            "deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08",
            "--fact", "served-out-of-state=true", "--format", "json",
        ])
        let json = try CLI.json(decided.stdout)
        let deadline = try #require((json["deadlines"] as? [[String: Any]])?.first)
        #expect(deadline["date"] as? String == "2026-05-07")
        #expect((deadline["citation"] as? [String: Any])?["text"] as? String == "RCW 4.28.180; CR 12(a)(3)")
        #expect((deadline["trace"] as? [[String: Any]])?.count == 2)
    }

    @Test func adHocPeriodsWithServiceAndBackwardCounting() throws {
        let mail = try CLI.run([
            "deadlines", "-j", "us", "--from", "2026-01-09", "--days", "21", "--service", "mail", "--format", "json",
        ])
        let deadline = try #require((try CLI.json(mail.stdout)["deadlines"] as? [[String: Any]])?.first)
        #expect(deadline["date"] as? String == "2026-02-02")
        let before = try CLI.run(["deadlines", "-j", "us", "--from", "2026-03-15", "--days", "14", "--before"])
        #expect(before.stdout.contains("Due: Friday 2026-02-27"))
        let courtDays = try CLI.run(["deadlines", "-j", "us-ut", "--from", "2026-07-23", "--days", "3", "--court-days"])
        #expect(courtDays.stdout.contains("Due: Wednesday 2026-07-29"))
        let hours = try CLI.run(["deadlines", "-j", "us", "--from", "2026-01-08", "--hours", "48", "--at", "10:00"])
        #expect(hours.stdout.contains("Due: Monday 2026-01-12 at 10:00"))
    }

    @Test func badInputExitsTwoWithAClearMessage() throws {
        let both = try CLI.run([
            "deadlines", "-j", "us", "--from", "2026-01-09", "--days", "21", "--rule", "answer-to-complaint",
        ])
        #expect(both.status == 2 && both.stderr.contains("give exactly one of --rule, --days or --hours"))
        let rule = try CLI.run(["deadlines", "-j", "us-wa", "--from", "2026-01-09", "--rule", "answer-to-complain"])
        #expect(rule.status == 2 && rule.stderr.contains("did you mean 'answer-to-complaint'?"))
        let hours = try CLI.run(["deadlines", "-j", "us", "--from", "2026-01-09", "--hours", "48"])
        #expect(hours.status == 2 && hours.stderr.contains("--hours needs --at"))
        let date = try CLI.run(["deadlines", "-j", "us", "--from", "2026-02-29", "--days", "3"])
        #expect(date.status == 2)
        #expect(
            date.stderr.hasPrefix(
                "Error: The value '2026-02-29' is invalid for '--from <date>': there is no such day\n"))
        #expect(date.stderr.contains("--from <date>  The date of the trigger event"))
        let service = try CLI.run([
            "deadlines", "-j", "us", "--from", "2026-01-09", "--days", "3",
            "--service", "pigeon",
        ])
        #expect(service.status == 2)
        #expect(
            service.stderr.hasPrefix(
                "Error: The value 'pigeon' is invalid for '--service <service>'. "
                    + "Please provide one of 'personal', 'mail', 'electronic', 'clerk' or "
                    + "'consented'.\n"))
    }

    @Test func icsIsAValidCalendarFile() throws {
        let result = try CLI.run([
            "deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08", "--format", "ics",
        ])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for line in lines { #expect(line.utf8.count <= 75, "line longer than 75 octets: \(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260330\r\n"))
        #expect(unfolded.contains("DTEND;VALUE=DATE:20260331\r\n"))
        #expect(unfolded.contains("SUMMARY:Due: Answer to a complaint (us-wa)\r\n"))
        // Commas and semicolons in text are escaped.
        #expect(unfolded.contains("Rule: answer-to-complaint - CR 4(a)(2)\\; CR 12(a)(1)"))
        // Served out of state is not given: the 60-day variant may apply, so the date is a possible one.
        #expect(unfolded.contains("STATUS:TENTATIVE\r\n"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1 && lines.filter { $0 == "END:VEVENT" }.count == 1)
    }

    @Test func resultsDoNotDependOnTheTimeZoneOrLocale() throws {
        let commands = [
            ["deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08", "--format", "json"],
            ["deadlines", "-j", "us", "--from", "2026-12-31", "--hours", "30", "--at", "23:30"],
            ["holidays", "-j", "us-ut", "--year", "2027", "--format", "json"],
            ["check", "-j", "us-wa", "-l", "lllt", "-a", "negotiate", "--on", "2026-03-01", "--format", "json"],
        ]
        let settings = [
            ["TZ": "UTC"], ["TZ": "Pacific/Kiritimati"], ["TZ": "America/Adak"],
            ["TZ": "Asia/Kathmandu", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"],
        ]
        for command in commands {
            let outputs = try settings.map { try CLI.run(command, environment: $0).stdout }
            #expect(Set(outputs).count == 1, "\(command) differs across time zones")
        }
    }
}
