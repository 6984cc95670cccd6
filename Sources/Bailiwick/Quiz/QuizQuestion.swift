/// A training question generated from the packs, with its answer computed by the same engine
/// the checker uses, so training can never disagree with the tool.
public struct QuizQuestion: Sendable {
    public enum Topic: String, Sendable, CaseIterable {
        case scope, conditions, forms, deadlines, citations
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
