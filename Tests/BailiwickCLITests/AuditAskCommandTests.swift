import Foundation
import Testing

/// `bailiwick audit --ask FILE` (issue 18, item 4): the facts the audit lacks are asked one at a
/// time and written into the matter file's `facts:` by editing its text, then the file is audited.
struct AuditAskCommandTests {
    static let example = PackVerbTests.repository.appendingPathComponent("Examples/wa-dissolution-problems.yaml")

    /// A copy of `text` as a matter file in a fresh folder, and the folder to remove.
    func copy(_ text: String) throws -> (folder: URL, file: URL) {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("matter.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    /// The example leaves out support-at-issue on purpose (FORM-MAY-BE-REQUIRED for FL All Family 131);
    /// answering it adds one line at the end of the facts block and changes nothing else in the file.
    @Test func anAnswerIsWrittenIntoTheFactsBlockKeepingEverythingElse() throws {
        let original = try String(contentsOf: Self.example, encoding: .utf8)
        let (folder, file) = try copy(original)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.run(["audit", file.path])
        #expect(before.stdout.contains("FORM-MAY-BE-REQUIRED"))
        let result = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: "yes\n")
        #expect(result.stderr.contains("[support-at-issue] (yes or no): "), "\(result.stderr)")
        let edited = try String(contentsOf: file, encoding: .utf8)
        let expected = original.replacingOccurrences(
            of: "  issues: []\n\nevents:", with: "  issues: []\n  support-at-issue: true\n\nevents:")
        #expect(expected != original)
        #expect(edited == expected)
        // The audit that follows reads the answer: the form is no longer "may be required".
        #expect(!result.stdout.contains("FORM-MAY-BE-REQUIRED"), "\(result.stdout)")
        #expect(result.stdout.contains("FL All Family 131"))
        #expect(result.stderr.contains("wrote 1 answer to \(file.path)"))
    }

    /// A file `bailiwick new` wrote has each fact as an empty key with its comment: the answer fills
    /// that key in place, keeping the comment, and the file keeps its number of lines.
    @Test func anEmptyKeyIsFilledInPlaceKeepingItsComment() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matter.yaml")
        let made = try CLI.run([
            "new", "--jurisdiction", "us-wa", "--type", "dissolution", "--as-of", "2026-05-22", "--output", file.path,
        ])
        #expect(made.status != 2, "\(made.stderr)")
        let written = try String(contentsOf: file, encoding: .utf8)
        // An empty answer stops at once: the question shows which fact comes first, and nothing is written.
        let looked = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: "\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == written)
        #expect(!looked.stderr.contains("wrote"))
        let prompt = try #require(looked.stderr.firstMatch(of: #/\[([a-z0-9.-]+)\] \(yes or no\): /#))
        let id = String(prompt.1)
        let line = try #require(written.split(separator: "\n").first { $0.hasPrefix("  \(id):") })
        let comment = try #require(line.firstRange(of: "#").map { String(line[$0.lowerBound...]) })
        // A word that is not yes or no is refused and asked again; then "no" is written.
        let answered = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: "maybe\nno\n\n")
        #expect(answered.stderr.contains("'maybe' is not a value for \(id)"), "\(answered.stderr)")
        let edited = try String(contentsOf: file, encoding: .utf8)
        #expect(edited == written.replacingOccurrences(of: line + "\n", with: "  \(id): false  \(comment)\n"))
        #expect(
            edited.split(separator: "\n", omittingEmptySubsequences: false).count
                == written.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    /// Input that is not a terminal is never taken as answers unless --ask-stdin says so.
    @Test func answersFromAPipeAreRefusedWithoutAskStdin() throws {
        let original = try String(contentsOf: Self.example, encoding: .utf8)
        let (folder, file) = try copy(original)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["audit", "--ask", file.path], input: "yes\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--ask-stdin"))
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test func aCaseloadFolderIsRefused() throws {
        let result = try CLI.run(
            ["audit", "--ask", "--ask-stdin", PackVerbTests.repository.appendingPathComponent("Examples").path],
            input: "yes\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a caseload folder"), "\(result.stderr)")
    }

    /// A matter whose facts are a one-line flow mapping gets the pair inside the braces; a matter
    /// without `facts:` gets the mapping at its end.
    @Test func flowAndMissingFactsMappingsAreEditedInTheirOwnStyle() throws {
        let original = try String(contentsOf: Self.example, encoding: .utf8)
        let start = try #require(original.range(of: "facts:\n"))
        let end = try #require(original.range(of: "\nevents:"))
        let block = String(original[start.lowerBound..<end.lowerBound])
        let entries = block.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("  #") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let flow = original.replacingCharacters(
            in: start.lowerBound..<end.lowerBound, with: "facts: {\(entries.joined(separator: ", "))}\n")
        let (folder, file) = try copy(flow)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: "no\n")
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == flow.replacingOccurrences(of: "issues: []}", with: "issues: [], support-at-issue: false}"))

        let without = original.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        try without.write(to: file, atomically: true, encoding: .utf8)
        // The first fact asked here is the number of children (FL All Family 140 turns on it); an empty
        // answer to the next one stops.
        let asked = try CLI.run(["audit", "--ask", "--ask-stdin", file.path], input: "2\n\n")
        #expect(asked.stderr.contains("[children] (a whole number of 0 or more): 2"), "\(asked.stderr)")
        let edited = try String(contentsOf: file, encoding: .utf8)
        #expect(edited == without + "\nfacts:\n  children: 2\n")
    }
}
