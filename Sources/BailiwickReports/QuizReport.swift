import Bailiwick

/// The quiz as text, as JSON with its answer key, and graded.
public enum QuizReport {
    public static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }

    public static func options(_ question: QuizQuestion) -> [TerminalText] {
        switch question.answer {
        case .choice(let options, _): options.enumerated().map { "   \(letter($0)). \($1)" }
        case .trueFalse: ["   true or false?"]
        case .date: ["   (a date, YYYY-MM-DD)"]
        }
    }

    /// The right answer as a trainee reads it: with its letter, for a multiple choice.
    public static func answerWithLetter(_ question: QuizQuestion) -> String {
        guard case .choice(_, let correct) = question.answer else { return question.answerText }
        return "\(letter(correct)). \(question.answerText)"
    }

    public static func hint(_ question: QuizQuestion) -> String {
        switch question.answer {
        case .choice(let options, _): "a letter, A to \(letter(options.count - 1))"
        case .trueFalse: "true or false"
        case .date: "a date, YYYY-MM-DD"
        }
    }

    public static func text(_ questions: [QuizQuestion], seed: UInt64) -> String {
        var lines: [TerminalText] = ["Bailiwick quiz: \(questions.count) questions (seed \(seed))"]
        for (number, question) in questions.enumerated() {
            lines.append("")
            lines.append("\(number + 1). [\(question.topic.rawValue), \(question.jurisdiction)] \(question.prompt)")
            lines += options(question)
        }
        lines.append("")
        lines.append("Answer key")
        for (number, question) in questions.enumerated() {
            lines.append("  \(number + 1). \(question.answerText) · \(question.citation.text)")
        }
        return lines.joined(separator: "\n").rendered + "\n"
    }

    public static func json(_ questions: [QuizQuestion], seed: UInt64) -> String {
        JSONValue.object([
            ("schema-version", 1),
            ("seed", .number(Int(clamping: seed))),
            (
                "questions",
                .array(
                    questions.map { question in
                        let kind: String
                        var options: JSONValue = .null
                        switch question.answer {
                        case .choice(let list, _):
                            kind = "multiple-choice"
                            options = .strings(list)
                        case .trueFalse: kind = "true-false"
                        case .date: kind = "date"
                        }
                        return .object([
                            ("id", .string(question.id)), ("topic", .string(question.topic.rawValue)),
                            ("jurisdiction", .string(question.jurisdiction)), ("kind", .string(kind)),
                            ("prompt", .string(question.prompt)),
                            ("options", options), ("answer", .string(question.answerText)),
                            ("explanation", .string(question.explanation)),
                            ("citation", PackJSON.citation(question.citation)),
                        ])
                    })
            ),
            ("disclaimer", .string(DecisionText.disclaimer)),
        ]).rendered()
    }

    public static func grade(_ questions: [QuizQuestion], answers: [String: String]) -> String {
        let grade = QuizGrade(questions, answers: questions.map { answers[$0.id] })
        var lines: [TerminalText] = grade.results.map { result in
            let verdict: TerminalText = result.correct ? "right" : result.given == nil ? "missing" : "wrong"
            let detail: TerminalText =
                result.correct
                ? ""
                : "  (answer: \(result.question.answerText); given: \(result.given ?? "none"))"
            return "\(verdict)  \(result.question.id)\(detail)"
        }
        let unknown = Set(answers.keys).subtracting(questions.map(\.id))
        for id in unknown.sorted() { lines.append("ignored  \(id)  (not a question of this quiz)") }
        lines.append("Score: \(grade.right) of \(grade.asked)")
        if !grade.review.isEmpty { lines.append("Topics to review: \(grade.review)") }
        return lines.joined(separator: "\n").rendered + "\n"
    }
}

/// Question banks for learning systems.
public enum QuizExport {
    /// The forms a quiz is served in: its JSON with the answer key, and the two banks.
    public enum Format: String, Sendable, CaseIterable {
        case json, gift
        case moodleXML = "moodle-xml"

        public init(_ name: String) throws(RequestError) {
            guard let format = Format(rawValue: name) else {
                throw .invalid(.format, .notOneOf(Format.allCases.map(\.rawValue), given: name))
            }
            self = format
        }

        public var mediaType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .gift: "text/plain; charset=utf-8"
            case .moodleXML: "application/xml; charset=utf-8"
            }
        }

        public var fileExtension: String {
            switch self {
            case .json: "json"
            case .gift: "gift.txt"
            case .moodleXML: "moodle.xml"
            }
        }

        public func document(_ questions: [QuizQuestion], seed: UInt64) -> String {
            switch self {
            case .json: QuizReport.json(questions, seed: seed)
            case .gift: QuizExport.gift(questions)
            case .moodleXML: QuizExport.moodleXML(questions)
            }
        }
    }

    /// GIFT, as Moodle imports it: special characters in text are escaped with a backslash.
    public static func gift(_ questions: [QuizQuestion]) -> String {
        var blocks: [String] = []
        for question in questions {
            var block =
                "// \(question.topic.rawValue) · \(question.jurisdiction) · "
                + "\(question.citation.text.replacingOccurrences(of: "\n", with: " "))\n"
            block += "::\(escapeGIFT(question.id))::\(escapeGIFT(question.prompt)) {\n"
            let feedback = "#\(escapeGIFT(question.explanation))"
            switch question.answer {
            case .choice(let options, let correct):
                for (index, option) in options.enumerated() {
                    block +=
                        (index == correct ? "=" : "~") + escapeGIFT(option) + (index == correct ? feedback : "") + "\n"
                }
            case .trueFalse(let value):
                block += (value ? "TRUE" : "FALSE") + feedback + "\n"
            case .date(let date):
                block += "=\(escapeGIFT(date.description))\(feedback)\n"
            }
            block += "}\n"
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
    }

    public static func escapeGIFT(_ text: String) -> String {
        var output = ""
        for character in text {
            if "~=#{}:\\".contains(character) { output.append("\\") }
            output.append(character == "\n" ? " " : character)
        }
        return output
    }

    /// Moodle XML.
    public static func moodleXML(_ questions: [QuizQuestion]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>"]
        for topic in QuizQuestion.Topic.allCases where questions.contains(where: { $0.topic == topic }) {
            lines.append(
                "  <question type=\"category\"><category><text>$course$/Bailiwick/\(topic.rawValue)</text></category>"
                    + "</question>"
            )
            for question in questions where question.topic == topic {
                let type: String
                var answers: [(fraction: Int, text: String)] = []
                switch question.answer {
                case .choice(let options, let correct):
                    type = "multichoice"
                    answers = options.enumerated().map { ($0 == correct ? 100 : 0, $1) }
                case .trueFalse(let value):
                    type = "truefalse"
                    answers = [(value ? 100 : 0, "true"), (value ? 0 : 100, "false")]
                case .date(let date):
                    type = "shortanswer"
                    answers = [(100, date.description)]
                }
                lines.append("  <question type=\"\(type)\">")
                lines.append("    <name><text>\(AuditJUnit.xml(question.id))</text></name>")
                lines.append(
                    "    <questiontext format=\"plain_text\"><text>\(AuditJUnit.xml(question.prompt))</text>"
                        + "</questiontext>"
                )
                lines.append(
                    "    <generalfeedback format=\"plain_text\"><text>"
                        + "\(AuditJUnit.xml(question.explanation + " (" + question.citation.text + ")"))</text>"
                        + "</generalfeedback>"
                )
                if type == "multichoice" {
                    lines.append(
                        "    <single>true</single>\n    <shuffleanswers>1</shuffleanswers>\n    "
                            + "<answernumbering>abc</answernumbering>"
                    )
                }
                for answer in answers {
                    lines.append(
                        "    <answer fraction=\"\(answer.fraction)\" "
                            + "format=\"plain_text\"><text>\(AuditJUnit.xml(answer.text))</text></answer>"
                    )
                }
                lines.append("  </question>")
            }
        }
        lines.append("</quiz>")
        return lines.joined(separator: "\n") + "\n"
    }
}
