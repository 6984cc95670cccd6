import Foundation
import Testing

/// Deadlines in force only for a period (`from`/`until`, `dated-by`), as `list deadlines`, `deadlines`, `validate`
/// and `audit` show them. Minnesota's 14-day notice (Minn. Stat. 504B.321, subd. 1a) is in force for evictions filed
/// from 2024-01-01.
struct DatedDeadlineCommandTests {
    @Test func listDeadlinesShowsThePeriodInForce() throws {
        let text = try CLI.run(["list", "deadlines", "-j", "us-mn"])
        #expect(text.status == 0)
        #expect(
            text.stdout.contains(
                "14 days after eviction-pre-filing-notice-delivered (in force where eviction-filed is dated from "
                    + "2024-01-01)"))
        let json = try CLI.run(["list", "deadlines", "-j", "us-mn", "--format", "json"])
        let items = try #require(try CLI.json(json.stdout)["deadlines"] as? [[String: Any]])
        let notice = try #require(items.first { $0["id"] as? String == "mn-eviction-pre-filing-notice" })
        #expect((notice["in-force"] as? [String: Any])?["from"] as? String == "2024-01-01")
        #expect(notice["dated-by"] as? String == "eviction-filed")
        let latest = try #require(items.first { $0["id"] as? String == "mn-eviction-hearing-latest" })
        #expect((latest["in-force"] as? [String: Any])?["from"] is NSNull)
    }

    @Test func deadlinesStatesThePeriodOfARuleDatedByAnotherEvent() throws {
        // The date given is the notice's; the filing that dates the rule is not known, so the date is computed
        // (Wednesday 2023-12-20 + 14 = Wednesday 2024-01-03) and the period is stated.
        let text = try CLI.run([
            "deadlines", "-j", "us-mn", "--rule", "mn-eviction-pre-filing-notice", "--from", "2023-12-20",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Not before: Wednesday 2024-01-03"))
        #expect(text.stdout.contains("  The rule is in force where eviction-filed is dated from 2024-01-01.\n"))
        let json = try CLI.run([
            "deadlines", "-j", "us-mn", "--rule", "mn-eviction-pre-filing-notice", "--from", "2023-12-20",
            "--format", "json",
        ])
        let deadlines = try #require(try CLI.json(json.stdout)["deadlines"] as? [[String: Any]])
        #expect((deadlines.first?["in-force"] as? [String: Any])?["from"] as? String == "2024-01-01")
        let adHoc = try CLI.run(["deadlines", "-j", "us-mn", "--from", "2023-12-20", "--days", "3", "--format", "json"])
        let periods = try #require(try CLI.json(adHoc.stdout)["deadlines"] as? [[String: Any]])
        #expect(periods.first?["in-force"] is NSNull)
    }

    /// A copy of the shipped packs with one more file in us-mn.
    func packs(adding text: String) throws -> (folder: URL, file: URL) {
        let folder = try CLI.temporaryFolder()
        for top in ["Rules", "Jurisdictions"] {
            try FileManager.default.copyItem(
                at: PackVerbTests.repository.appendingPathComponent(top), to: folder.appendingPathComponent(top))
        }
        let file = folder.appendingPathComponent("Jurisdictions/us-mn/dated.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    @Test func aRuleOutOfForceOnTheTriggerDateIsAClearError() throws {
        let (folder, _) = try packs(
            adding: """
                deadlines:
                  - {id: old-notice, name: Old notice, trigger: eviction-notice-served, period: {days: 10}, \
                until: 2023-03-28, citation: Old law, source: secondary}

                """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.run([
            "deadlines", "--packs", folder.path, "-j", "us-mn", "--rule", "old-notice", "--from", "2023-03-28",
        ])
        // 2023-03-28, the last day in force (a Tuesday) + 10 = Friday 2023-04-07.
        #expect(before.status == 0)
        #expect(before.stdout.contains("Due: Friday 2023-04-07"))
        #expect(before.stdout.contains("The rule is in force for triggers dated until 2023-03-28."))
        let after = try CLI.run([
            "deadlines", "--packs", folder.path, "-j", "us-mn", "--rule", "old-notice", "--from", "2023-03-29",
        ])
        #expect(after.status != 0)
        #expect(
            after.stderr.contains(
                "deadline 'old-notice' was not in force on 2023-03-29, the date of eviction-notice-served: it "
                    + "applies only where that date is until 2023-03-28"))
    }

    @Test func badPeriodsAreLocatedErrorsOfThePack() throws {
        let (folder, file) = try packs(
            adding: """
                deadlines:
                  - id: backwards
                    name: Backwards
                    trigger: eviction-notice-served
                    period: {days: 10}
                    from: 2024-01-01
                    until: 2023-12-31
                    citation: c
                    source: secondary
                  - id: undated
                    name: Undated
                    trigger: eviction-notice-served
                    period: {days: 10}
                    dated-by: eviction-filed
                    citation: c
                    source: secondary
                  - id: impossible
                    name: Impossible
                    trigger: eviction-notice-served
                    period: {days: 10}
                    from: 2023-02-30
                    citation: c
                    source: secondary
                    variants:
                      - {when: week-to-week-tenancy, period: {days: 3}, from: 2024-01-02, until: 2024-01-01}

                """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["validate", folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(file.path):7:12: error: 'until' 2023-12-31 is before 'from' 2024-01-01"))
        #expect(
            result.stdout.contains(
                "\(file.path):14:15: error: 'dated-by' names the event that dates 'from' or 'until': give one of "
                    + "them too"))
        #expect(result.stdout.contains("\(file.path):21:11: error: '2023-02-30' is not a real calendar date"))
        #expect(result.stdout.contains("\(file.path):25:82: error: 'until' 2024-01-01 is before 'from' 2024-01-02"))
    }
}
