import Foundation
import Testing

/// `bailiwick diff OLD NEW`: exit statuses and bad input (the reports themselves are golden files).
struct DiffCommandTests {
    static let changed = PackVerbTests.repository.appendingPathComponent(
        "Tests/GoldenInputs/packs-one-period-changed"
    ).path

    @Test func exitsZeroOnlyWhenNothingChanges() throws {
        let root = PackVerbTests.repository.path
        #expect(try CLI.run(["diff", "shipped", root]).status == 0)
        #expect(try CLI.run(["diff", "shipped", Self.changed]).status == 1)
        // A caseload the change does not touch: the packs differ, but nothing changes for it.
        let untouched = AuditCommandTests.examples.appendingPathComponent("us-federal-answer.yaml").path
        #expect(try CLI.run(["diff", "shipped", Self.changed, "--caseload", untouched]).status == 0)
        let caseload = AuditCommandTests.examples.appendingPathComponent("caseload").path
        #expect(
            try CLI.run(["diff", "shipped", Self.changed, "--caseload", caseload, "--as-of", "2026-04-01"]).status
                == 1)
    }

    @Test func thePackDiffNamesTheFieldWithItsOldAndNewValue() throws {
        let result = try CLI.run(["diff", Self.changed, "shipped", "--format", "json"])
        let entries = try #require(try CLI.json(result.stdout)["packs"] as? [[String: Any]])
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["section"] as? String == "deadline")
        #expect(entry["id"] as? String == "us-wa/dissolution-response")
        let fields = try #require(entry["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["period"])
        #expect(fields.first?["old"] as? String == "days(21)")
        #expect(fields.first?["new"] as? String == "days(20)")
    }

    @Test func aFolderThatIsNotAPackSetIsExitTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["diff", "shipped", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a pack set"))
        #expect(try CLI.run(["diff", "shipped", "shipped", "--format", "ics"]).status == 2)
    }
}

extension DiffCommandTests {
    @Test func aMatterThatCannotBeReadIsExitTwoWithItsProblems() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.yaml").path
        try "id: X\njurisdiction: us-wa\ntype: no-such-type\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["diff", "shipped", "shipped", "--caseload", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):3:7: error: unknown matter type 'no-such-type'"))
        #expect(result.stderr.contains("error: 1 matter file cannot be read with the packs shipped"))
        let since = try CLI.run(["audit", path, "--since", path])
        #expect(since.status == 2)
    }
}
