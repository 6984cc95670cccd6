import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

/// `bailiwick quiz`: training questions from the same packs the checker uses.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract:
            "Practise scope, conditions, forms, deadlines, citations and procedure with questions generated from "
            + "the packs.",
        discussion: """
            On a terminal the quiz is interactive: one question at a time, your answer typed (a letter, \
            true/false, or a date), feedback with the explanation and citation, and a score with the topics \
            to review at the end. The same seed always gives the same quiz. --format json prints the quiz \
            with its answer key; --answers FILE grades a file of answers; --format gift and --format \
            moodle-xml export a question bank that Moodle and other learning systems import. Questions are \
            asked on today's date (UTC) or --as-of, and each multiple choice has its options in an order \
            drawn from the seed.

            Progress: --results FILE appends each answer to FILE, one JSON object a line ({"question", \
            "lesson", "topic", "jurisdiction", "right", "on"}; see the README); --review with --results asks \
            again what was missed and not since answered right, the oldest misses most often; --report \
            reads results files (a group's) and shows by topic what is missed. --from-audit REPORT.json \
            builds questions on the rules, forms and deadlines that an audit JSON report (bailiwick audit \
            --format json) found broken, with the citation and what to do; no matter id, name or date is used.

            Example: bailiwick quiz --jurisdiction us-ut --license lpp --topic scope --count 5 --seed 42
            """
    )

    @Option(name: [.customShort("j"), .long], help: "Only questions about this jurisdiction.")
    var jurisdiction: String?

    @Option(name: [.customShort("l"), .long], help: "Only questions about this licence.")
    var license: String?

    @Option(help: "Only this topic: scope, conditions, forms, deadlines, citations or procedure (repeatable).")
    var topic: [TopicArgument] = []

    @Option(help: "How many questions.")
    var count: Int = QuizRequest.defaultCount

    @Option(help: "The seed: the same seed gives the same quiz (default: a new one, printed).")
    var seed: UInt64?

    @Option(help: "Output format: text, json, gift or moodle-xml.")
    var format: QuizFormat = .text

    @Option(
        help: ArgumentHelp(
            "Grade a JSON file of answers: {\"answers\": {\"question id\": \"B\", …}}.", valueName: "file"))
    var answers: String?

    @Flag(help: "Ask the questions one at a time even when standard input is not a terminal.")
    var interactive = false

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Set the quiz on this date, YYYY-MM-DD (default: today in UTC).", valueName: "date"))
    var asOf: DateArgument?

    @Option(help: ArgumentHelp("Append each answer given to this results file (JSON Lines).", valueName: "file"))
    var results: String?

    @Flag(help: "Ask again the questions missed in the --results file, the oldest misses most often.")
    var review = false

    @Flag(help: "Summarise results files by topic (the files are the arguments), for a trainer.")
    var report = false

    @Option(
        name: .customLong("from-audit"),
        help: ArgumentHelp("Questions on what an audit JSON report found broken.", valueName: "report.json"))
    var fromAudit: String?

    @Argument(help: ArgumentHelp("With --report: the results files.", valueName: "results"))
    var resultFiles: [String] = []

    @OptionGroup var packOptions: PackOptions

    enum QuizFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, gift
        case moodleXML = "moodle-xml"
    }

    struct TopicArgument: ExpressibleByArgument {
        let topic: QuizQuestion.Topic
        init?(argument: String) {
            guard let topic = QuizQuestion.Topic(rawValue: argument) else { return nil }
            self.topic = topic
        }
        static var allValueStrings: [String] { QuizQuestion.Topic.allCases.map(\.rawValue) }
    }

    func request(seed: UInt64) -> QuizRequest {
        QuizRequest(
            jurisdiction: jurisdiction, license: license, topics: Set(topic.map(\.topic)), count: count,
            seed: seed, asOf: asOf?.date ?? .todayUTC)
    }

    func validate() throws {
        do throws(RequestError) {
            try request(seed: seed ?? 0).validate()
        } catch {
            throw error.validationError
        }
        if report && resultFiles.isEmpty { throw ValidationError("--report needs one or more results files.") }
        if !report && !resultFiles.isEmpty { throw ValidationError("Results files are read only with --report.") }
        if review && results == nil { throw ValidationError("--review needs --results FILE: the misses to ask.") }
        if review && fromAudit != nil { throw ValidationError("Give --review or --from-audit, not both.") }
    }

    func run() throws {
        if report {
            var entries: [QuizProgress.Entry] = []
            for file in resultFiles { entries += try QuizResultsFile.read(file) }
            try Console.print(QuizProgress.report(entries, files: resultFiles.count), terminator: "")
            return
        }
        let packs = try packOptions.load()
        let seed = self.seed ?? QuizRequest.newSeed()
        var request = request(seed: seed)
        if review, let results {
            request.missed = QuizProgress.missed(try QuizResultsFile.read(results, missingIsEmpty: true))
        }
        if let fromAudit { request.findings = try QuizAuditFile.findings(fromAudit, in: packs) }
        let questions: [QuizQuestion]
        do throws(RequestError) {
            questions = try request.questions(in: packs)
        } catch {
            throw Console.invalidInput(error)
        }
        if let answers {
            let given = try readAnswers(answers)
            try Console.print(QuizReport.grade(questions, answers: given), terminator: "")
            try keep(QuizGrade(questions, answers: questions.map { given[$0.id] }), on: request.asOf)
            return
        }
        switch format {
        case .json: try Console.print(QuizReport.json(questions, seed: seed), terminator: "")
        case .gift: try Console.print(QuizExport.gift(questions), terminator: "")
        case .moodleXML: try Console.print(QuizExport.moodleXML(questions), terminator: "")
        case .text:
            if interactive || isatty(STDIN_FILENO) == 1 {
                let grade = try QuizSession(
                    questions: questions, seed: seed, style: .standardOutput, width: TerminalWidth.current
                ).run()
                try keep(grade, on: request.asOf)
            } else {
                try Console.print(QuizReport.text(questions, seed: seed), terminator: "")
            }
        }
    }

    /// Appends the answers given to the results file, if one was named.
    private func keep(_ grade: QuizGrade, on day: CivilDate) throws {
        guard let results else { return }
        try QuizResultsFile.append(QuizProgress.entries(grade, on: day), to: results)
    }

    private func readAnswers(_ path: String) throws -> [String: String] {
        let data: Data
        do {
            data = Data(try InputFile.text(at: path).utf8)
        } catch {
            throw Console.invalidInput("\(error.location.file): \(error.message)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let answers = object["answers"] as? [String: Any]
        else {
            throw Console.invalidInput("\(path): expected {\"answers\": {\"question id\": \"answer\", …}}")
        }
        return answers.mapValues { "\($0)" }
    }
}

/// The interactive quiz on a terminal.
struct QuizSession {
    let questions: [QuizQuestion]
    let seed: UInt64
    let style: TextStyle
    /// The terminal's width: every line is wrapped to it at word boundaries.
    let width: Int

    @discardableResult
    func run() throws -> QuizGrade {
        try show(
            style.bold("Bailiwick quiz: \(questions.count) questions")
                + style.dim(" (seed \(seed); --seed \(seed) repeats it; Ctrl-D stops)"))
        var answers: [String?] = []
        questions: for (number, question) in questions.enumerated() {
            try Console.print("")
            try show(
                style.bold("\(number + 1). [\(question.topic.rawValue), \(question.jurisdiction)]")
                    + " \(question.prompt)")
            try show(QuizReport.options(question).joined(separator: "\n"))
            var answer: String?
            // Asked until the answer is one the question takes: a key that is no option costs nothing.
            while answer == nil {
                try Console.print("> ", terminator: "")
                guard let line = readLine() else {
                    try Console.print("")
                    break questions
                }
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    try show(
                        style.dim("Please type an answer (\(QuizReport.hint(question))), or press Ctrl-D to stop."))
                } else if !question.accepts(line) {
                    try show(
                        style.dim(
                            "That is not one of the answers: type \(QuizReport.hint(question)), "
                                + "or press Ctrl-D to stop."
                        ))
                } else {
                    answer = line
                }
            }
            answers.append(answer)
            if let answer, question.isCorrect(answer) {
                try show(style.green("Right.") + " \(question.explanation)")
            } else {
                try show(
                    style.red("Not quite.")
                        + " The answer is: \(QuizReport.answerWithLetter(question).withoutFinalStop). "
                        + "\(question.explanation)")
            }
            try show(style.dim("  \(question.citation.text) · source: \(question.citation.status.rawValue)"))
        }
        try Console.print("")
        let grade = QuizGrade(Array(questions.prefix(answers.count)), answers: answers)
        let stopped: TerminalText =
            grade.asked < questions.count
            ? " (stopped after \(grade.asked) of \(questions.count))" : ""
        try show(style.bold("Score: \(grade.right) of \(grade.asked)") + stopped)
        if !grade.review.isEmpty { try show("Topics to review: \(grade.review)") }
        try show(style.dim("\(DecisionText.disclaimer)"))
        return grade
    }

    /// Every line of the session goes through here: questions come from packs.
    private func show(_ text: TerminalText) throws {
        try Console.print(TextWrap.wrap(text.rendered, width: width))
    }
}
