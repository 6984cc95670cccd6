import Foundation
import Testing

/// A list fact asked on the terminal (`check --interactive`, `audit --ask`) can be answered "none":
/// an empty line stops the questions, so `none` (or `-`) is the way to say that no item applies.
struct ListFactNoneTests {
    /// A Washington LLLT completing forms, every fact given but the special issues.
    static let check = [
        "check", "-j", "us-wa", "-l", "lllt", "-a", "complete-forms", "--area", "family", "--on", "2026-03-01",
        "--fact", "written-contract=true", "--fact", "client.pro-se=true", "--fact", "represents-other-party=false",
        "--interactive",
    ]

    @Test func onARealTerminalNoneAnswersAListFact() throws {
        // util-linux `script` gives the command a pseudo-terminal, as a technician's terminal would.
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let command = ([CLI.binary.path] + Self.check).joined(separator: " ")
        let result = try CLI.run(
            ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: script), input: "none\n")
        let text = result.stdout
        #expect(
            text.contains("[issues] (comma-separated, or none if none applies; of: real-estate-division"), "\(text)")
        #expect(text.contains("PERMITTED"), "\(text)")
        #expect(!text.contains("To confirm"), "\(text)")
    }

    @Test func anEmptyLineStillStopsAndADashIsNoneToo() throws {
        let stopped = try CLI.run(Self.check, input: "\n")
        #expect(stopped.stdout.contains("To confirm"), "\(stopped.stdout)")
        let dash = try CLI.run(Self.check, input: "-\n")
        #expect(dash.stdout.contains("PERMITTED"), "\(dash.stdout)\(dash.stderr)")
        #expect(dash.status == 0)
    }

    /// `audit --ask` writes "none" into the matter file as the empty list.
    @Test func auditAskWritesNoneAsAnEmptyList() throws {
        let example = PackVerbTests.repository.appendingPathComponent("Examples/wa-dissolution-problems.yaml")
        let original = try String(contentsOf: example, encoding: .utf8)
        let lacking = original.replacingOccurrences(of: "  issues: []\n", with: "")
        #expect(lacking != original)
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matter.yaml")
        try lacking.write(to: file, atomically: true, encoding: .utf8)
        // Each question answered: issues with "none", every yes-or-no with "yes".
        var answers = ""
        var asked: [String] = []
        for _ in 0..<6 {
            let result = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: answers + "\n")
            let prompts = result.stderr.matches(of: #/\[([a-z0-9.-]+)\] \(/#).map { String($0.1) }
            asked = prompts
            guard prompts.count > answers.split(separator: "\n", omittingEmptySubsequences: false).count - 1 else {
                break
            }
            answers += (prompts.last == "issues" ? "none" : "yes") + "\n"
            try lacking.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(asked.contains("issues"), "\(asked)")
        let edited = try String(contentsOf: file, encoding: .utf8)
        #expect(edited.contains("  issues: []\n"), "\(edited)")
    }
}
