import Foundation
import Testing

/// `validate`, `explain` and `list`: the pack author's verbs.
struct PackVerbTests {
    /// The repository's own pack set, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the shipped pack set in a temporary folder, to break on purpose.
    func copyOfPacks() throws -> URL {
        let folder = try CLI.temporaryFolder()
        for top in ["Rules", "Jurisdictions"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent(top),
                to: folder.appendingPathComponent(top))
        }
        return folder
    }

    @Test func theShippedPacksAreValid() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ok: "))
    }

    @Test func aBrokenPackSetIsReportedWithLineColumnAndCaret() throws {
        let folder = try copyOfPacks()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scope = folder.appendingPathComponent("Jurisdictions/us-wa/scope.yaml")
        var text = try String(contentsOf: scope, encoding: .utf8)
        text = text.replacingOccurrences(of: "actions: [negotiate]", with: "actions: [negotiat]")
        try text.write(to: scope, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("[negotiat]") }! + 1

        let result = try CLI.run(["validate", folder.path])
        #expect(result.status == 2)
        #expect(
            result.stdout.contains(
                "\(scope.path):\(line):15: error: unknown action 'negotiat'; did you mean 'negotiate'?\n        "
                    + "actions: [negotiat]\n"
            ))
        #expect(result.stdout.hasSuffix("errors\n") || result.stdout.hasSuffix("error\n"))

        // The same broken set given with --packs stops `check` with status 2.
        let check = try CLI.run(["check", "--packs", folder.path, "-j", "us-wa", "-l", "lllt", "-a", "advise"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("unknown action 'negotiat'"))

        let json = try CLI.json(try CLI.run(["validate", folder.path, "--format", "json"]).stdout)
        #expect(json["valid"] as? Bool == false)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["line"] as? Int == line && $0["column"] as? Int == 15 })
    }

    @Test func aSingleFileIsValidatedInPlaceOfItsCounterpart() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/extra.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try
            ("rules:\n  - id: wa-extra\n    summary: s\n    effect: permit\n    licenses: [lllt]\n"
            + "    actions: all\n    citation: c\n    source: secundary\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(
            result.stdout.contains(
                "\(file.path):8:13: error: 'source' must be one of primary, official-summary, secondary, unverified, "
                    + "not 'secundary'; did you mean 'secondary'?"
            ))
        let orphan = folder.appendingPathComponent("loose.yaml")
        try "rules: []\n".write(to: orphan, atomically: true, encoding: .utf8)
        let lost = try CLI.run(["validate", orphan.path])
        #expect(lost.status == 2)
        #expect(lost.stdout.contains("cannot tell which pack this file belongs to"))
    }

    @Test func packsComeFromTheEnvironmentVariableToo() throws {
        let folder = try copyOfPacks()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Jurisdictions/us-wa"))
        let result = try CLI.run(
            ["check", "-j", "us-wa", "-l", "lllt", "-a", "advise"], environment: ["BAILIWICK_PACKS": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown jurisdiction 'us-wa'"))
    }

    @Test func explainShowsTheRuleItsCitationAndItsExceptions() throws {
        let result = try CLI.run(["explain", "wa-lllt-no-negotiation"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Forbids:    negotiate"))
        #expect(result.stdout.contains("Exceptions:   wa-lllt-negotiate-with-consent"))
        #expect(result.stdout.contains("In force:   from 2012-09-01"))
        #expect(result.stdout.contains("Citation:   "))
        let exception = try CLI.run(["explain", "wa-lllt-negotiate-with-consent", "--format", "json"])
        let json = try CLI.json(exception.stdout)
        #expect(json["exception-to"] as? [String] == ["wa-lllt-no-negotiation"])
        #expect((json["citation"] as? [String: Any])?["source"] as? String == "primary")
        let typo = try CLI.run(["explain", "wa-lllt-no-negotiaton"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'wa-lllt-no-negotiation'?"))
    }

    @Test func listShowsWhatThePacksHold() throws {
        let actions = try CLI.run(["list", "actions"])
        #expect(actions.status == 0)
        #expect(actions.stdout.split(separator: "\n").count == 33)
        #expect(actions.stdout.contains("negotiate "))
        let licenses = try CLI.run(["list", "licenses", "--jurisdiction", "us-wa", "--format", "json"])
        let ids = try #require(try CLI.json(licenses.stdout)["licenses"] as? [[String: Any]]).map {
            $0["id"] as? String
        }
        #expect(ids == ["immigration-service-provider", "lllt", "paralegal"])
        let weak = try CLI.run(["list", "rules", "--unverified", "--format", "json"])
        let rules = try #require(try CLI.json(weak.stdout)["rules"] as? [[String: Any]])
        #expect(!rules.isEmpty)
        #expect(rules.allSatisfy { ($0["citation"] as? [String: Any])?["source"] as? String != "primary" })
        #expect(try CLI.run(["list", "rulez"]).status == 2)
    }
}
