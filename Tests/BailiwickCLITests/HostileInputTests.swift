import Foundation
import Testing

/// Malformed and hostile input: each is refused with a located error and exit status 2,
/// never a crash, a hang or a silent pass.
struct HostileInputTests {
    /// Validates `text` as a Washington pack file; returns the exit status and the output.
    func validate(_ bytes: Data, environment: [String: String] = [:]) throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/hostile.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        let result = try CLI.run(["validate", file.path], environment: environment)
        return CLI.Result(
            status: result.status, stdout: result.stdout.replacingOccurrences(of: file.path, with: "hostile.yaml"),
            stderr: result.stderr)
    }

    func validate(_ text: String, environment: [String: String] = [:]) throws -> CLI.Result {
        try validate(Data(text.utf8), environment: environment)
    }

    @Test func aliasBombsAreRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let result = try validate(yaml)
        #expect(result.status == 2)
        #expect(result.stdout.contains("hostile.yaml:6:10: error: the document expands to more than 200000 nodes"))
    }

    @Test func anAliasToItselfOrToNothingIsAnError() throws {
        let cycle = try validate("rules: &a [*a]\n")
        #expect(cycle.status == 2 && cycle.stdout.contains("hostile.yaml:1:"))
        let undefined = try validate("rules: [*nothing]\n")
        #expect(undefined.status == 2 && undefined.stdout.contains("found undefined alias"))
    }

    @Test func deepNestingIsRefused() throws {
        let result = try validate(
            "rules: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n")
        #expect(result.status == 2)
        #expect(result.stdout.contains("Maximum nesting level reached"))
    }

    @Test func hugeValuesAndFilesAreRefusedWithConfigurableLimits() throws {
        let long = "rules:\n  - id: " + String(repeating: "a", count: 70_000) + "\n"
        let result = try validate(long)
        #expect(
            result.status == 2
                && result.stdout.contains("hostile.yaml:2:9: error: a value is longer than the limit of 65536 bytes"))
        let small = try validate(
            "rules: []\n# " + String(repeating: "x", count: 2_000) + "\n",
            environment: ["BAILIWICK_MAX_FILE_BYTES": "1000"])
        #expect(
            small.status == 2
                && small.stdout.contains("more than the limit of 1000 (set BAILIWICK_MAX_FILE_BYTES to raise it)"))
        // The largest limit that can be set reads the file as any other: no count past it is made.
        let unbounded = try validate(
            "rules: []\n# " + String(repeating: "x", count: 70_000) + "\n",
            environment: ["BAILIWICK_MAX_FILE_BYTES": "\(Int.max)"])
        #expect(unbounded.status == 0, "\(unbounded.stdout)")
    }

    @Test func invalidUTF8IsAnError() throws {
        var bytes = Data("rules: []\n# ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF, 0x0A])
        let result = try validate(bytes)
        #expect(
            result.status == 2 && result.stdout.contains("hostile.yaml:1:1: error: the file is not valid UTF-8 text"))
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(contentsOf: Data("rules: []\n".utf8))
        #expect(try validate(bytes).status == 0)
    }

    @Test func tabsDuplicateKeysAndSeveralDocumentsAreErrors() throws {
        #expect(try validate("rules:\n\t- id: x\n").stdout.contains("hostile.yaml:2:1: error: invalid YAML"))
        #expect(try validate("rules: []\nrules: []\n").stdout.contains("duplicate key 'rules'"))
        let documents = try validate("rules: []\n---\nrules: []\n")
        #expect(documents.status == 2 && documents.stdout.contains("hostile.yaml:2:1: error: invalid YAML"))
    }

    @Test func overflowingNumbersAndImpossibleDatesAreErrors() throws {
        let overflow = try validate(
            "rules:\n  - {id: wa-x, summary: s, effect: permit, licenses: [lllt], actions: all, when: 'children > "
                + "99999999999999999999', citation: c, source: official-summary}\n"
        )
        #expect(overflow.status == 2 && overflow.stdout.contains("is not a whole number in range"))
        #expect(
            try validate(
                "rules:\n  - {id: wa-x, summary: s, effect: permit, licenses: [lllt], actions: all, from: 0000-01-01, "
                    + "citation: c, source: official-summary}\n"
            )
            .stdout.contains("'0000-01-01' is not a real calendar date"))
    }

    @Test func wrongTypesAreErrors() throws {
        let result = try validate(
            "rules:\n  - {id: wa-x, summary: [a], effect: permit, licenses: lllt, actions: {a: b}, citation: c, "
                + "source: official-summary}\n"
        )
        #expect(result.status == 2)
        #expect(result.stdout.contains("'summary' must be a single value, not a list"))
        #expect(result.stdout.contains("'actions' must be a list"))
    }
}
