import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `bailiwick quiz`, driven as a trainee and a trainer would.
struct QuizCommandTests {
    func quizJSON(_ extra: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(["quiz", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CLI.json(result.stdout)["questions"] as? [[String: Any]])
    }

    /// Runs the interactive quiz with `input` typed on standard input.
    func session(_ input: String, _ extra: [String]) throws -> String {
        let result = try CLI.run(["quiz", "--interactive"] + extra, input: input)
        #expect(result.status == 0)
        return result.stdout
    }

    @Test func theInteractiveSessionGivesFeedbackAndAScore() throws {
        let options = ["--jurisdiction", "us-wa", "--topic", "forms", "--count", "3", "--seed", "5"]
        let questions = try quizJSON(options)
        let answers = questions.map { $0["answer"] as! String }
        // Right, then an empty line and a wrong answer, then end of input before the third.
        let wrong = answers[1] == "true" ? "false" : "true"
        let output = try session("\(answers[0])\n\n\(wrong)\n", options)
        #expect(output.contains("Bailiwick quiz: 3 questions (seed 5"))
        #expect(output.contains("Right."))
        #expect(output.contains("Please type an answer (true or false), or press Ctrl-D to stop."))
        #expect(output.contains("Not quite. The answer is: \(answers[1])."))
        #expect(output.contains("Score: 1 of 2 (stopped after 2 of 3)"))
        #expect(output.contains("Topics to review: forms (1 missed)"))
    }

    @Test func onARealTerminalTheQuizIsInteractive() throws {
        // util-linux `script` gives the quiz a pseudo-terminal, as a trainee's terminal would.
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let options = "--jurisdiction us-wa --topic forms --count 2 --seed 5"
        let questions = try quizJSON(options.split(separator: " ").map(String.init))
        let input = "\(questions[0]["answer"] as! String)\n\(questions[1]["answer"] as! String)\n"
        let result = try CLI.run(
            ["-qec", "\(CLI.binary.path) quiz \(options)", "/dev/null"],
            executable: URL(fileURLWithPath: script), input: input)
        let text = result.stdout
        #expect(text.contains("Score: 2 of 2"), "\(text)")
    }

    @Test func theSameSeedGivesTheSameQuiz() throws {
        let first = try quizJSON(["--seed", "11", "--count", "12"]).map { $0["id"] as! String }
        let second = try quizJSON(["--seed", "11", "--count", "12"]).map { $0["id"] as! String }
        #expect(first == second && first.count == 12 && Set(first).count == 12)
        // A seed JSON cannot carry exactly is refused, not a crash.
        let huge = try CLI.run(["quiz", "--seed", "18446744073709551615", "--format", "json"])
        #expect(huge.status == 2)
        #expect(
            huge.stderr.contains(
                "--seed must be a whole number from 0 to 9007199254740991, not '18446744073709551615'"))
    }

    /// Graded against a key written by hand from the Utah pack, not the key the quiz prints: a wrong key in
    /// the tool cannot score the right answers. The options of a scope question are A (within the licence),
    /// B (only on conditions), C (a rule forbids it) and D (nothing grants it).
    @Test func aFileOfAnswersIsGraded() throws {
        let options = ["quiz", "-j", "us-ut", "-l", "lpp", "--topic", "scope", "--count", "4", "--seed", "7"]
        let answers = [
            // ut-lpp-no-contingency-fee forbids it; the right answer is C, and B is given.
            "scope:us-ut:lpp:charge-contingency-fee:2026-12-01": "B",
            // ut-lpp-accompany-at-hearing grants it only from 2021-11-01, and nothing else does.
            "scope:us-ut:lpp:accompany-at-hearing:2021-10-31": "D",
            // ut-lpp-negotiate-settlement grants it from 2023-01-05, on the written contract the question gives.
            "scope:us-ut:lpp:negotiate:2026-12-01": "A",
            // ut-lpp-no-court-representation forbids it.
            "scope:us-ut:lpp:appear-in-court:2026-12-01": "C",
        ]
        let asked = try quizJSON(Array(options.dropFirst())).map { $0["id"] as! String }
        #expect(asked.sorted() == answers.keys.sorted(), "the seed gives other questions: work out their answers")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: ["answers": answers]).write(to: file)
        let result = try CLI.run(options + ["--answers", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("Score: 3 of 4\nTopics to review: scope (1 missed)\n"))
        #expect(result.stdout.contains("wrong  scope:us-ut:lpp:charge-contingency-fee:2026-12-01"))
        for id in answers.keys where !id.contains("contingency") {
            #expect(result.stdout.contains("right  \(id)\n"), "\(id)")
        }
    }

    /// A pack set of its own (`--packs DIR`) that names the conflict fact differently keeps the quiz's meaning:
    /// the fact the pack marks `problem: true` is the one a clean matter leaves out, whatever it is called.
    @Test func aPackSetOfItsOwnKeepsTheQuizMeaning() throws {
        let folder = try PackVerbTests().copyOfPacks()
        defer { try? FileManager.default.removeItem(at: folder) }
        func rewrite(_ change: (String) -> String) throws {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            for case let file as URL in files where file.pathExtension == "yaml" {
                let text = try String(contentsOf: file, encoding: .utf8)
                if change(text) != text { try change(text).write(to: file, atomically: true, encoding: .utf8) }
            }
        }
        func question() throws -> (prompt: String, answer: String) {
            let questions = try quizJSON([
                "--packs", folder.path, "-j", "us-wa", "-l", "lllt", "--topic", "scope",
                "--count", "500", "--seed", "1",
            ])
            let id = "scope:us-wa:lllt:accept-client:2026-12-01"
            let question = try #require(questions.first { $0["id"] as? String == id })
            return (question["prompt"] as! String, question["answer"] as! String)
        }
        try rewrite { $0.replacingOccurrences(of: "represents-other-party", with: "acts-for-other-side") }
        let marked = try question()
        #expect(marked.answer == "Yes: it is within the licence")
        #expect(
            marked.prompt.hasSuffix(
                "(Facts: client.pro-se; written-contract; not acts-for-other-side; "
                    + "no issues.)"))
        // Unmarked, it is set true like any other fact, and wa-lllt-one-party-only forbids the action.
        try rewrite {
            $0.replacingOccurrences(
                of: "id: acts-for-other-side\n    type: boolean\n    problem: true\n",
                with: "id: acts-for-other-side\n    type: boolean\n")
        }
        let unmarked = try question()
        #expect(unmarked.answer == "No: a rule forbids it")
        #expect(unmarked.prompt.hasSuffix("(Facts: client.pro-se; written-contract; acts-for-other-side; no issues.)"))
    }

    @Test func giftEscapesItsSpecialCharacters() throws {
        let result = try CLI.run(["quiz", "--seed", "9", "--count", "20", "--format", "gift"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("::scope\\:") || text.contains("::conditions\\:") || text.contains("::forms\\:"))
        // Every question block opens and closes its answers; no unescaped '{' or '}' inside the text.
        for block in text.components(separatedBy: "\n\n") where block.contains("::") {
            let body = block.split(separator: "\n").filter { !$0.hasPrefix("//") }.joined(separator: "\n")
            var unescapedOpen = 0
            var previous: Character = " "
            for character in body {
                if character == "{" && previous != "\\" { unescapedOpen += 1 }
                previous = character
            }
            #expect(unescapedOpen == 1, "\(block)")
            #expect(body.hasSuffix("}"))
        }
    }

    @Test func moodleXMLIsWellFormed() throws {
        let result = try CLI.run(["quiz", "--seed", "4", "--count", "20", "--format", "moodle-xml"])
        #expect(result.status == 0)
        final class Counter: NSObject, XMLParserDelegate {
            var questions = 0
            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if element == "question", attributes["type"] != "category" { questions += 1 }
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: Data(result.stdout.utf8))
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.questions == 20)
    }

    @Test func unknownFiltersAreUsageErrors() throws {
        #expect(try CLI.run(["quiz", "--jurisdiction", "us-wq"]).stderr.contains("did you mean 'us-wa'?"))
        #expect(try CLI.run(["quiz", "--topic", "history"]).status == 2)
        #expect(try CLI.run(["quiz", "--count", "0"]).status == 2)
    }
}
