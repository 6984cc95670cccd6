import Foundation
import Testing

/// `bailiwick audit --since PREVIOUS.json`: what is new, resolved and changed against an earlier report.
struct AuditSinceCommandTests {
    func example(_ name: String) -> String { AuditCommandTests.examples.appendingPathComponent(name).path }

    func previous(_ arguments: [String], in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("previous.json").path
        let result = try CLI.run(["audit"] + arguments + ["--format", "json"])
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func changes(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(["audit"] + arguments + ["--format", "json"])
        return try #require(try CLI.json(result.stdout)["matters"] as? [[String: Any]])
    }

    @Test func aDeadlinePassingIsAChangeOfOneFindingWithItsOldAndNewCode() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Served 2026-05-04, the federal answer is due 21 days later (FRCP 12(a)(1)(A)(i)): 2026-05-25 is
        // Memorial Day, so Tuesday 2026-05-26. Due soon on 2026-05-20; missed on 2026-05-27.
        let file = example("us-federal-answer.yaml")
        let before = try previous([file, "--as-of", "2026-05-20"], in: folder)
        let matters = try changes([file, "--as-of", "2026-05-27", "--since", before])
        let matter = try #require(matters.first)
        #expect(matters.count == 1)
        #expect(matter["status"] as? String == "compared")
        let changes = try #require(matter["changes"] as? [[String: Any]])
        let answer = try #require(changes.first { ($0["rule"] as? String)?.hasPrefix("deadline:") ?? false })
        #expect(answer["change"] as? String == "changed")
        #expect(answer["fields"] as? [String] == ["code", "severity"])
        #expect((answer["old"] as? [String: Any])?["code"] as? String == "DEADLINE-DUE-SOON")
        #expect((answer["new"] as? [String: Any])?["code"] as? String == "DEADLINE-MISSED")
        #expect((answer["new"] as? [String: Any])?["date"] as? String == "2026-05-26")
    }

    @Test func theSameAuditAgainHasNoChanges() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = example("wa-dissolution-problems.yaml")
        let before = try previous([file], in: folder)
        #expect(try changes([file, "--since", before]).isEmpty)
        let text = try CLI.run(["audit", file, "--since", before]).stdout
        #expect(text.contains("0 matters with changes, 1 without; findings: 0 new, 0 resolved, 0 changed"))
    }

    @Test func aMatterInOnlyOneAuditIsAddedOrRemovedNeverSkipped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = example("wa-dissolution-clean.yaml")
        let tenant = example("wa-eviction-tenant.yaml")
        let before = try previous([clean], in: folder)
        let matters = try changes([tenant, "--since", before])
        let statuses = Dictionary(
            uniqueKeysWithValues: matters.map { ($0["id"] as! String, $0["status"] as! String) })
        #expect(statuses == ["WA-2026-0118": "removed", "WA-2026-0478": "added"])
        for matter in matters {
            let kinds = Set((matter["changes"] as? [[String: Any]] ?? []).map { $0["change"] as! String })
            #expect(kinds == [matter["status"] as? String == "added" ? "added" : "removed"])
        }
    }

    @Test func aPreviousReportThatIsNotAnAuditJSONReportIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = example("wa-dissolution-clean.yaml")
        let cases: [(String, String)] = [
            ("not json", "is not JSON"),
            ("{\"schema-version\": 1, \"decision\": \"permitted\"}", "is not a Bailiwick audit JSON report"),
            (
                "{\"schema-version\": 2, \"horizon\": 14, \"summary\": {}, \"matters\": []}",
                "is an audit report of schema-version 2; this bailiwick compares schema-version 1"
            ),
            (
                "{\"schema-version\": 1, \"horizon\": 14, \"summary\": {}, \"matters\": [{\"id\": \"Secret Client\"}]}",
                "matters[0] lacks its 'id', 'file' or 'findings'"
            ),
        ]
        for (index, (content, message)) in cases.enumerated() {
            let path = folder.appendingPathComponent("previous-\(index).json").path
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try CLI.run(["audit", file, "--since", path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("error: \(path) \(message)"))
            #expect(!result.stderr.contains("Secret"))
            #expect(result.stdout.isEmpty)
        }
        let missing = try CLI.run(["audit", file, "--since", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        let html = try CLI.run(["audit", file, "--since", file, "--format", "html"])
        #expect(html.status == 2)
        #expect(html.stderr.contains("--since writes text or json, not html"))
    }
}
