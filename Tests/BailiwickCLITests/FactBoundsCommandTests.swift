import Foundation
import Testing

/// Impossible fact values (a negative number of children) are refused wherever facts are given.
struct FactBoundsCommandTests {
    func check(_ facts: [String]) throws -> CLI.Result {
        let request = [
            "check", "--jurisdiction", "us-wa", "--license", "lllt", "--action", "complete-forms",
            "--on", "2026-03-01",
        ]
        return try CLI.run(request + CheckCommandTests.cleanFacts + facts.flatMap { ["--fact", $0] })
    }

    @Test func aFactOutsideItsBoundsIsAnInputError() throws {
        let negative = try check(["children=-5"])
        #expect(negative.status == 2)
        let output = negative.stdout + negative.stderr
        #expect(output.contains("'-5' is not a value for children: it takes a whole number of 0 or more"))
        let district = try check(["court-judicial-district=0"])
        #expect(district.status == 2)
        let message = "'0' is not a value for court-judicial-district: it takes a whole number of 1 or more"
        #expect((district.stdout + district.stderr).contains(message))
        #expect(try check(["children=0"]).status == 0)
        #expect(try check(["amount-in-controversy=0"]).status == 0)
    }

    @Test func aMatterFileWithAnImpossibleCountCannotBeRead() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = AuditCommandTests.examples.appendingPathComponent("wa-dissolution-clean.yaml")
        let original = try String(contentsOf: example, encoding: .utf8)
        try #require(original.contains("\n  children: 2\n"))
        let file = folder.appendingPathComponent("matter.yaml")
        let impossible = original.replacingOccurrences(of: "\n  children: 2\n", with: "\n  children: -2\n")
        try impossible.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("matter.yaml:43:13: error: 'children' must be a whole number of 0 or more"))
        #expect(!result.stdout.contains(": -2"))
    }
}
