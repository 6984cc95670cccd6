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

    /// The letter of a question's right answer, from its JSON.
    func letter(_ question: [String: Any]) throws -> String {
        let options = try #require(question["options"] as? [String])
        let index = try #require(options.firstIndex(of: question["answer"] as! String))
        return String(UnicodeScalar(UInt8(65 + index)))
    }

    /// On a real terminal, a key that is none of the options (a typo) is asked again and costs nothing.
    @Test func aMistypedKeyIsAskedAgainOnARealTerminal() throws {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let options = "-j us-ut -l lpp --topic scope --count 1 --seed 5 --as-of 2026-12-01"
        let question = try #require(try quizJSON(options.split(separator: " ").map(String.init)).first)
        let result = try CLI.run(
            ["-qec", "\(CLI.binary.path) quiz \(options)", "/dev/null"],
            executable: URL(fileURLWithPath: script), input: "Z\n\(try letter(question))\n")
        #expect(result.stdout.contains("That is not one of the answers: type a letter, A to D"), "\(result.stdout)")
        #expect(result.stdout.contains("Score: 1 of 1"), "\(result.stdout)")
    }

    /// Text is wrapped at word boundaries to COLUMNS (else 80 off a terminal): no line is longer, and every
    /// word of every prompt is whole in the output.
    @Test func textIsWrappedAtWordBoundaries() throws {
        let options = ["-j", "us-wa", "--topic", "scope", "--count", "4", "--seed", "2", "--as-of", "2026-12-01"]
        let questions = try quizJSON(options)
        for (columns, environment) in [(44, ["COLUMNS": "44"]), (80, [:])] {
            let result = try CLI.run(
                ["quiz", "--interactive"] + options, environment: environment, input: "A\nA\nA\nA\n")
            // Off a terminal the typed answer is not echoed, so the "> " of the prompt starts the next line.
            let lines = result.stdout.split(separator: "\n").map { $0.hasPrefix("> ") ? $0.dropFirst(2) : $0 }
            // Only a word longer than a line (a rule id) may stand alone past the edge.
            let long = lines.filter { $0.count > columns && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
            #expect(long.isEmpty, "\(long)")
            let words = Set(result.stdout.split { $0 == " " || $0 == "\n" })
            for question in questions {
                for word in (question["prompt"] as! String).split(separator: " ") {
                    #expect(words.contains(word), "'\(word)' was broken at \(columns) columns")
                }
            }
        }
    }

    /// `--results` keeps each answer, `--review` asks again only what was missed, and `--report` sums a
    /// group's files up by topic.
    @Test func progressIsKeptReviewedAndReported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("dana.jsonl").path
        let options = ["-j", "us-wa", "--topic", "forms", "--count", "3", "--seed", "5", "--as-of", "2026-12-01"]
        let questions = try quizJSON(options)
        let answers = questions.map { $0["answer"] as! String }
        // The first right, the other two wrong.
        let typed = [answers[0], answers[1] == "true" ? "false" : "true", answers[2] == "true" ? "false" : "true"]
        _ = try session(typed.joined(separator: "\n") + "\n", options + ["--results", results])
        let kept = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 3)
        #expect(kept[0].contains("\"right\":true") && kept[1].contains("\"right\":false"))
        #expect(kept.allSatisfy { $0.contains("\"topic\":\"forms\"") && $0.contains("\"on\":\"2026-12-01\"") })
        // Appended, not overwritten.
        _ = try session(typed.joined(separator: "\n") + "\n", options + ["--results", results])
        #expect(try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n").count == 6)
        let missed = Set(questions.dropFirst().map { $0["id"] as! String })
        let review = try quizJSON([
            "--review", "--results", results, "--count", "5", "--seed", "1", "--as-of", "2026-12-01",
        ])
        #expect(Set(review.map { $0["id"] as! String }) == missed)
        // A second trainee who got everything right.
        let other = folder.appendingPathComponent("lee.jsonl").path
        _ = try session(answers.joined(separator: "\n") + "\n", options + ["--results", other])
        let report = try CLI.run(["quiz", "--report", results, other])
        #expect(report.status == 0, "\(report.stderr)")
        // 9 answers on forms, 4 missed (two in each of the first trainee's two sessions): 44%.
        #expect(report.stdout.contains("Quiz results: 2 files, 9 answers, 4 missed"), "\(report.stdout)")
        #expect(report.stdout.contains("  forms  9        4       44%"), "\(report.stdout)")
        #expect(report.stdout.contains("2 of 3  \(questions[1]["id"] as! String)"), "\(report.stdout)")
        // A line that is not an answer is named by file and line.
        try "{\"question\": 1}\n".write(toFile: other, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["quiz", "--report", other])
        #expect(bad.status == 2 && bad.stderr.contains("lee.jsonl:1: expected a quiz answer"))
        let nothing = try CLI.run(["quiz", "--review", "--results", folder.appendingPathComponent("new").path])
        #expect(nothing.status == 2 && nothing.stderr.contains("no missed question"), "\(nothing.stderr)")
    }

    /// An audit's findings become questions on the rules, forms and deadlines broken, explained with the
    /// citation and what to do; nothing about the matter (its id, title, people) appears.
    @Test func questionsFromTheFirmsAudits() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = try CLI.run(["audit", "Examples/wa-dissolution-problems.yaml", "--format", "json"])
        let report = folder.appendingPathComponent("audit.json")
        try audit.stdout.write(to: report, atomically: true, encoding: .utf8)
        let questions = try quizJSON([
            "--from-audit", report.path, "--count", "20", "--seed", "3", "--as-of", "2026-05-22",
        ])
        #expect(!questions.isEmpty)
        for question in questions {
            let text = "\(question["prompt"]!) \(question["explanation"]!) \(question["options"]!)"
            #expect(text.contains("Your firm's audits found this"))
            for own in ["WA-2026-0153", "Okonkwo", "Hale", "Dana", "Whitfield", "wa-dissolution-problems"] {
                #expect(!text.contains(own), "\(own) in \(question["id"]!)")
            }
        }
        // The missing parenting plan (FORM-MISSING) is asked about, with the remedy.
        #expect(
            questions.contains {
                ($0["prompt"] as! String).contains("FL All Family 140")
                    && ($0["explanation"] as! String).contains("What to do: Prepare and file it now")
            })
        try "{}".write(to: report, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["quiz", "--from-audit", report.path])
        #expect(bad.status == 2 && bad.stderr.contains("expected an audit report"))
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
    /// the tool cannot score the right answers. The answers are the options' text: their letters move with
    /// the seed.
    @Test func aFileOfAnswersIsGraded() throws {
        let options = [
            "quiz", "-j", "us-ut", "-l", "lpp", "--topic", "scope", "--count", "4", "--seed", "30", "--as-of",
            "2026-12-01",
        ]
        let answers = [
            // ut-lpp-no-contingency-fee forbids it; "only on conditions" is given.
            "scope:us-ut:lpp:charge-contingency-fee:2026-12-01": "Only if certain conditions are met",
            // ut-lpp-negotiation-only-in-mediation forbids direct negotiation until 2023-01-04.
            "scope:us-ut:lpp:negotiate:2023-01-04": "No: a rule forbids it",
            // ut-lpp-negotiate-settlement grants it from 2023-01-05, on the written contract the question gives.
            "scope:us-ut:lpp:negotiate:2026-12-01": "Yes: it is within the licence",
            // ut-lpp-no-court-representation forbids it.
            "scope:us-ut:lpp:appear-in-court:2026-12-01": "No: a rule forbids it",
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
                "--count", "500", "--seed", "1", "--as-of", "2026-12-01",
            ])
            let id = "scope:us-wa:lllt:accept-client:2026-12-01"
            let question = try #require(questions.first { $0["id"] as? String == id })
            return (question["prompt"] as! String, question["answer"] as! String)
        }
        try rewrite { $0.replacingOccurrences(of: "represents-other-party", with: "acts-for-other-side") }
        let marked = try question()
        #expect(marked.answer == "Yes: it is within the licence")
        let otherParty = "the technician also acts, or has acted, for another party in the same matter"
        #expect(marked.prompt.contains("\(otherParty): no"), "\(marked.prompt)")
        // Unmarked, it is set true like any other fact, and wa-lllt-one-party-only forbids the action.
        try rewrite {
            $0.replacingOccurrences(
                of: "id: acts-for-other-side\n    type: boolean\n    problem: true\n",
                with: "id: acts-for-other-side\n    type: boolean\n")
        }
        let unmarked = try question()
        #expect(unmarked.answer == "No: a rule forbids it")
        #expect(unmarked.prompt.contains("\(otherParty): yes"), "\(unmarked.prompt)")
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
