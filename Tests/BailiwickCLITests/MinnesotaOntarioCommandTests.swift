import Foundation
import Testing

/// `holidays`, `deadlines` and `audit` for Minnesota and Ontario, run as a user runs them; every date was
/// worked out by hand from the rule texts (see the pack notes and the examples' headers).
struct MinnesotaOntarioCommandTests {
    func example(_ name: String) -> String { AuditCommandTests.examples.appendingPathComponent(name).path }

    /// `CODE` of each error and warning, from the JSON report, sorted.
    func findings(_ name: String) throws -> [String] {
        let result = try CLI.run(["audit", example(name), "--format", "json"])
        let matters = try #require(try CLI.json(result.stdout)["matters"] as? [[String: Any]])
        return matters.flatMap { matter in
            (matter["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String != "info" }
                .map { $0["code"] as! String }
        }.sorted()
    }

    @Test func holidaysAnswerForMinnesotaAndOntario() throws {
        let minnesota = try CLI.run(["holidays", "-j", "us-mn", "--year", "2026"])
        #expect(minnesota.status == 0)
        // 645.44 subd. 5: July 4, 2026 is a Saturday, so the preceding day is the holiday.
        #expect(
            minnesota.stdout.contains("  Fri 2026-07-03  Independence Day (observed; falls on Saturday 2026-07-04)"))
        #expect(minnesota.stdout.contains("  Mon 2026-10-12  Indigenous Peoples Day (Christopher Columbus Day)"))
        let ontario = try CLI.run(["holidays", "-j", "ca-on", "--year", "2026", "--format", "json"])
        let holidays = try #require(try CLI.json(ontario.stdout)["holidays"] as? [[String: Any]])
        // r. 1.02: Christmas on a Friday makes the following Monday a holiday (Boxing Day falls on Saturday 12-26).
        #expect(holidays.contains { $0["observed"] as? String == "2026-12-28" })
        #expect(holidays.contains { $0["observed"] as? String == "2026-04-06" })
    }

    @Test func adHocPeriodsUseEachJurisdictionsTimeRule() throws {
        // Rule 6.01: 10 days from Friday 2026-10-02 = Monday 10-12, Indigenous Peoples Day → Tuesday 2026-10-13.
        let ten = try CLI.run(["deadlines", "-j", "us-mn", "--from", "2026-10-02", "--days", "10"])
        #expect(ten.stdout.contains("Due: Tuesday 2026-10-13"))
        // Rule 6.05: served by mail, 10 + 3 = 13 days = Thursday 2026-10-15.
        let mail = try CLI.run([
            "deadlines", "-j", "us-mn", "--from", "2026-10-02", "--days", "10", "--service", "mail",
        ])
        #expect(mail.stdout.contains("Due: Thursday 2026-10-15"))
        // Ontario r. 3.01 (Small Claims), the default: 5 days from Wednesday 2026-04-01 = Monday 04-06, Easter
        // Monday → Tuesday 2026-04-07.
        let small = try CLI.run(["deadlines", "-j", "ca-on", "--from", "2026-04-01", "--days", "5"])
        #expect(small.stdout.contains("Due: Tuesday 2026-04-07"))
        // Rules of Civil Procedure r. 3.01(1)(b): a 5-day period skips holidays: April 2 is day 1; Good Friday,
        // the weekend and Easter Monday are skipped; April 7-10 are days 2-5 → Friday 2026-04-10.
        let civil = try CLI.run([
            "deadlines", "-j", "ca-on", "--from", "2026-04-01", "--days", "5", "--time-rule", "on-rcp-3",
        ])
        #expect(civil.stdout.contains("Due: Friday 2026-04-10"))
    }

    @Test func eachNewExampleShowsTheFindingsItsHeaderPromises() throws {
        #expect(try findings("mn-eviction-tenant-clean.yaml") == [])
        #expect(
            try findings("mn-eviction-tenant-problems.yaml") == [
                "DEADLINE-LATE", "DEADLINE-LATE", "SCOPE-CONDITION-UNMET", "WAITING-PERIOD-VIOLATED",
            ])
        #expect(try findings("on-small-claims-defence-clean.yaml") == [])
        #expect(
            try findings("on-small-claims-defence-problems.yaml") == ["DEADLINE-LATE", "FORM-LATE", "FORM-MISSING"])
        #expect(try findings("on-ltb-n4-clean.yaml") == [])
        #expect(
            try findings("on-ltb-n4-problems.yaml") == ["WAITING-PERIOD-VIOLATED", "WAITING-PERIOD-VIOLATED"])
        #expect(try CLI.run(["audit", example("mn-eviction-tenant-clean.yaml")]).status == 0)
        #expect(try CLI.run(["audit", example("mn-eviction-tenant-problems.yaml")]).status == 1)
    }
}
