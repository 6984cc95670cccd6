import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

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
        let result = try CLI.run(["-qec", "\(CLI.binary.path) quiz \(options)", "/dev/null"],
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
        #expect(huge.stderr.contains(
            "--seed must be a whole number from 0 to 9007199254740991, not '18446744073709551615'"))
    }

    @Test func aFileOfAnswersIsGraded() throws {
        let questions = try quizJSON(["--seed", "3", "--count", "4"])
        var answers: [String: String] = [:]
        for (index, question) in questions.enumerated() {
            answers[question["id"] as! String] = index == 0 ? "certainly not" : question["answer"] as? String
        }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: ["answers": answers]).write(to: file)
        let result = try CLI.run(["quiz", "--seed", "3", "--count", "4", "--answers", file.path])
        #expect(result.status == 0)
        let topic = questions[0]["topic"] as! String
        #expect(result.stdout.hasSuffix("Score: 3 of 4\nTopics to review: \(topic) (1 missed)\n"))
        #expect(result.stdout.contains("wrong  \(questions[0]["id"] as! String)"))
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
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
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
