import Bailiwick

/// A quiz graded: the one grading that the answer file, the terminal session and the quiz page share.
public struct QuizGrade: Sendable {
    public struct Result: Sendable {
        public let question: QuizQuestion
        /// Nil: not answered.
        public let given: String?
        public let correct: Bool
    }

    public let results: [Result]

    /// `answers` by position; a missing or nil answer is wrong.
    public init(_ questions: [QuizQuestion], answers: [String?]) {
        results = questions.enumerated().map { index, question in
            let given = index < answers.count ? answers[index] : nil
            return Result(question: question, given: given, correct: given.map(question.isCorrect) ?? false)
        }
    }

    public var right: Int { results.filter(\.correct).count }
    public var asked: Int { results.count }

    /// The topics of the missed questions: most missed first, then by name.
    public var topicsToReview: [(topic: QuizQuestion.Topic, missed: Int)] {
        var missed: [QuizQuestion.Topic: Int] = [:]
        for result in results where !result.correct { missed[result.question.topic, default: 0] += 1 }
        return missed.map { (topic: $0.key, missed: $0.value) }
            .sorted { ($1.missed, $0.topic.rawValue) < ($0.missed, $1.topic.rawValue) }
    }

    /// "scope (2 missed), forms (1 missed)"; empty when every answer is right.
    public var review: String {
        topicsToReview.map { "\($0.topic.rawValue) (\($0.missed) missed)" }.joined(separator: ", ")
    }
}
