import Foundation
import Testing

/// `bailiwick test`: the packs' own tests and rule coverage.
struct PackTestCommandTests {
    @Test func theShippedPackTestsPassAndCoverEveryRule() throws {
        let result = try CLI.run(["test", "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Every rule is exercised by at least one test."))
        #expect(result.stdout.hasSuffix(" 0 failed\n"))
    }

    @Test func aBrokenTestShowsExpectedAgainstActualAndExitsOne() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/broken-tests.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
        tests:
          - name: Wrongly expects an LLLT may appear in court
            license: lllt
            action: appear-in-court
            on: 2026-03-01
            facts: {written-contract: true, client.pro-se: true, represents-other-party: false, issues: []}
            expect: permitted
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["test", file.path, "--jurisdiction", "us-wa"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL Wrongly expects an LLLT may appear in court  \(file.path):2:5"))
        #expect(
            result.stdout.contains(
                "    expected: permitted\n    actual:   prohibited by [wa-lllt-no-court-representation]"))
        let junit = try CLI.run(["test", file.path, "--jurisdiction", "us-wa", "--format", "junit"])
        #expect(
            junit.stdout.contains(
                "<failure message=\"expected permitted, got prohibited by [wa-lllt-no-court-representation]\">"))
    }

    @Test func anUntestedRuleIsReportedAndFailsWithStrict() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/extra.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try
            ("rules:\n  - {id: wa-lllt-untested, summary: s, effect: permit, licenses: [lllt], actions: "
            + "[take-deposition], from: 2099-01-01, citation: c, source: unverified, note: test}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let lenient = try CLI.run(["test", file.path, "--jurisdiction", "us-wa"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("Rules no test exercises (1):\n  wa-lllt-untested  \(file.path):2:10"))
        #expect(try CLI.run(["test", file.path, "--jurisdiction", "us-wa", "--strict"]).status == 1)
    }

    @Test func aMalformedTestIsAnInvalidPack() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/bad-tests.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "tests:\n  - {name: x, license: lllt, action: apear-in-court, on: 2026-03-01, expect: prohibited}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["test", file.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "\(file.path):2:38: error: unknown action 'apear-in-court'; did you mean 'appear-in-court'?"))
        #expect(try CLI.run(["validate", file.path]).status == 2)
    }
}
