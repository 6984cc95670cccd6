import Bailiwick

/// A quiz as a user asks for it: shared by `bailiwick quiz` and the web app.
public struct QuizRequest: Sendable {
    public var jurisdiction: String?
    public var license: String?
    /// Empty: every topic.
    public var topics: Set<QuizQuestion.Topic>
    public var count: Int
    public var seed: UInt64
    /// The day the quiz is set on: the user's today, or a day they choose. Questions are asked on it, unless
    /// about a change over time (which they say).
    public var asOf: CivilDate
    /// For a review: the question ids missed, oldest miss first (`QuizProgress.missed`). Only these are asked.
    public var missed: [String]?
    /// For practice from the firm's audits: their findings. Only questions on these are asked.
    public var findings: [QuizFinding]?

    /// The most questions in one quiz: enough for a question bank exported to a learning system,
    /// and still a fast, bounded answer from the server (generating is linear and pure).
    public static let counts = 1...500
    public static let defaultCount = 10
    public static let seeds = 0...QuizGenerator.largestSeed

    /// A seed for a quiz asked for without one: small, so that it is easy to type again.
    public static func newSeed() -> UInt64 { UInt64.random(in: 0..<1_000_000) }

    public init(
        jurisdiction: String?, license: String?, topics: Set<QuizQuestion.Topic>, count: Int = defaultCount,
        seed: UInt64, asOf: CivilDate
    ) {
        self.asOf = asOf
        self.jurisdiction = jurisdiction
        self.license = license
        self.topics = topics
        self.count = count
        self.seed = seed
    }

    /// A topic as typed.
    public static func topic(_ text: String) throws(RequestError) -> QuizQuestion.Topic {
        guard let topic = QuizQuestion.Topic(rawValue: text) else {
            throw .invalid(.topic, .notOneOf(QuizQuestion.Topic.allCases.map(\.rawValue), given: text))
        }
        return topic
    }

    public func validate() throws(RequestError) {
        guard Self.counts.contains(count) else {
            throw .invalid(.count, .outOfRange(Self.counts, given: String(count)))
        }
        guard seed <= UInt64(Self.seeds.upperBound) else {
            throw .invalid(.seed, .outOfRange(Self.seeds, given: String(seed)))
        }
    }

    /// The questions, or what is wrong with the choices.
    public func questions(in packs: PackSet) throws(RequestError) -> [QuizQuestion] {
        try validate()
        do {
            if let jurisdiction { _ = try packs.resolveJurisdiction(jurisdiction) }
            if let license { _ = try packs.resolveLicenseID(license) }
        } catch {
            throw .unknown(error)
        }
        let generator = QuizGenerator(packs: packs, asOf: asOf)
        let topics = topics.isEmpty ? Set(QuizQuestion.Topic.allCases) : topics
        let questions: [QuizQuestion]
        if let missed {
            questions = generator.review(
                missed: missed, jurisdiction: jurisdiction, license: license, topics: topics, count: count, seed: seed)
            guard !questions.isEmpty else { throw .notComputable(.nothingToReview) }
        } else if let findings {
            questions = generator.questions(findings: findings, count: count, seed: seed)
            guard !questions.isEmpty else { throw .notComputable(.nothingFromTheAudit) }
        } else {
            questions = generator.quiz(
                jurisdiction: jurisdiction, license: license, topics: topics, count: count, seed: seed)
        }
        guard !questions.isEmpty else { throw .notComputable(.noQuestions) }
        return questions
    }
}
