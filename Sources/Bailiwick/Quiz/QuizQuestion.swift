/// A training question generated from the packs, with its answer computed by the same engine
/// the checker uses, so training can never disagree with the tool.
public struct QuizQuestion: Sendable {
    public enum Topic: String, Sendable, CaseIterable {
        case scope, conditions, forms, deadlines, citations, procedure
    }

    public enum Answer: Sendable, Equatable {
        /// Multiple choice: the options, and the position of the right one.
        case choice(options: [String], correct: Int)
        case trueFalse(Bool)
        /// A date to type, YYYY-MM-DD.
        case date(CivilDate)
    }

    /// What the answer was computed from, so a test can ask the checker the same question.
    public enum Basis: Sendable {
        case scope(ScopeQuery)
        case deadline(rule: DeadlineRule, trigger: CivilDate, facts: FactValues)
        case form(matterType: MatterType, code: String, facts: FactValues)
        case requirements(rule: String)
        case citation(rule: String)
        /// A question on a matter of a type, answered by auditing the matter the case describes.
        case procedure(ProcedureCase)
    }

    /// Stable across runs with the same packs.
    public let id: String
    public let topic: Topic
    public let jurisdiction: String
    public let prompt: String
    public let answer: Answer
    /// Why that is the answer, in plain words.
    public let explanation: String
    public let citation: Citation
    public let basis: Basis

    public init(
        id: String, topic: Topic, jurisdiction: String, prompt: String, answer: Answer, explanation: String,
        citation: Citation, basis: Basis
    ) {
        self.id = id
        self.topic = topic
        self.jurisdiction = jurisdiction
        self.prompt = prompt
        self.answer = answer
        self.explanation = explanation
        self.citation = citation
        self.basis = basis
    }

    /// The right answer as text: the option, `true`/`false`, or the date.
    public var answerText: String {
        switch answer {
        case .choice(let options, let correct): options[correct]
        case .trueFalse(let value): value ? "true" : "false"
        case .date(let date): date.description
        }
    }

    /// The question with its options in an order drawn from `random`: the quiz shuffles every multiple choice,
    /// so the right answer's position tells nothing.
    package func shuffled(using random: inout SeededRandom) -> QuizQuestion {
        guard case .choice(let options, let correct) = answer else { return self }
        let order = random.shuffled(Array(options.indices))
        return QuizQuestion(
            id: id, topic: topic, jurisdiction: jurisdiction, prompt: prompt,
            answer: .choice(options: order.map { options[$0] }, correct: order.firstIndex(of: correct)!),
            explanation: explanation, citation: citation, basis: basis)
    }

    /// The id without the date the quiz was set on, so that a question missed one day is found again on
    /// another: the same licence, action or rule.
    public var lesson: String { Self.lesson(of: id) }

    public static func lesson(of id: String) -> String {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 2, let last = parts.last, CivilDate(String(last)) != nil else { return id }
        return parts.dropLast().joined(separator: ":")
    }

    /// The question with more said after its explanation.
    public func explained(adding words: String) -> QuizQuestion {
        QuizQuestion(
            id: id, topic: topic, jurisdiction: jurisdiction, prompt: prompt, answer: answer,
            explanation: explanation + " " + words, citation: citation, basis: basis)
    }

    /// Whether a typed answer is one this question takes (a letter of one of its options, an option's
    /// text, true/false, a date), right or wrong: anything else is asked again, not graded.
    public func accepts(_ response: String) -> Bool {
        let typed = response.trimmingSpaces.lowercased()
        switch answer {
        case .choice(let options, _):
            if typed.unicodeScalars.count == 1, let letter = typed.unicodeScalars.first {
                let index = Int(letter.value) - Int(UnicodeScalar("a").value)
                return options.indices.contains(index)
            }
            return options.contains { $0.lowercased() == typed }
                || (CivilDate(typed) != nil
                    && options.contains { CivilDate($0) != nil })
        case .trueFalse:
            return ["true", "t", "yes", "y", "false", "f", "no", "n"].contains(typed)
        case .date:
            return CivilDate(typed) != nil
        }
    }

    /// Whether a typed answer is right: an option's letter (A, B…) or its text, true/false
    /// (yes/no), or a date.
    public func isCorrect(_ response: String) -> Bool {
        let typed = response.trimmingSpaces.lowercased()
        switch answer {
        case .choice(let options, let correct):
            if let date = CivilDate(typed), let right = CivilDate(options[correct]) { return date == right }
            if typed.unicodeScalars.count == 1, let letter = typed.unicodeScalars.first, ("a"..."z").contains(letter) {
                return Int(letter.value) - Int(UnicodeScalar("a").value) == correct
            }
            return typed == options[correct].lowercased()
        case .trueFalse(let value):
            if ["true", "t", "yes", "y"].contains(typed) { return value }
            if ["false", "f", "no", "n"].contains(typed) { return !value }
            return false
        case .date(let date):
            return CivilDate(typed) == date
        }
    }
}
