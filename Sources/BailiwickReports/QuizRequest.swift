import Bailiwick

/// A quiz as a user asks for it: shared by `bailiwick quiz` and the web app.
public struct QuizRequest: Sendable {
    public var jurisdiction: String?
    public var license: String?
    /// Empty: every topic.
    public var topics: Set<QuizQuestion.Topic>
    public var count: Int
    public var seed: UInt64

    public init(jurisdiction: String?, license: String?, topics: Set<QuizQuestion.Topic>, count: Int, seed: UInt64) {
        self.jurisdiction = jurisdiction
        self.license = license
        self.topics = topics
        self.count = count
        self.seed = seed
    }

    /// The questions, or what is wrong with the choices.
    public func questions(in packs: PackSet) throws(InputError) -> [QuizQuestion] {
        if let jurisdiction, packs.jurisdiction(jurisdiction) == nil {
            throw InputError(QueryError(.jurisdiction, jurisdiction, candidates: packs.jurisdictions.map(\.id)).description)
        }
        if let license, !packs.licenses.contains(where: { $0.key.id == license }) {
            throw InputError(QueryError(.license, license, candidates: Array(Set(packs.licenses.map(\.key.id))).sorted()).description)
        }
        let questions = QuizGenerator(packs: packs).quiz(jurisdiction: jurisdiction, license: license,
                                                         topics: topics.isEmpty ? Set(QuizQuestion.Topic.allCases) : topics,
                                                         count: count, seed: seed)
        guard !questions.isEmpty else {
            throw InputError("the packs give no question for these choices; choose another topic, jurisdiction or licence")
        }
        return questions
    }
}
