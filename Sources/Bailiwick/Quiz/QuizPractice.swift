/// A finding of one of the firm's audits, as much of it as a question needs: which rule, form or deadline
/// was broken, and where. Nothing about the client (no matter id, name, title, date or message) is kept.
public struct QuizFinding: Sendable, Equatable {
    public let jurisdiction: String
    public let matterType: String?
    /// The finding's code, as in the audit report (`FORM-MISSING`).
    public let code: String
    public let rules: [String]
    public let form: String?
    public let deadline: String?
    /// What to do about it, when the audit's words for it come from the packs or are fixed text.
    public let remedy: String?
    /// The citation of the rule broken, as the audit gave it.
    public let citation: String?

    public init(
        jurisdiction: String, matterType: String?, code: String, rules: [String], form: String?, deadline: String?,
        remedy: String?, citation: String? = nil
    ) {
        self.citation = citation
        self.jurisdiction = jurisdiction
        self.matterType = matterType
        self.code = code
        self.rules = rules
        self.form = form
        self.deadline = deadline
        self.remedy = remedy
    }
}

/// Practice built from a trainee's own misses and from the firm's own findings.
extension QuizGenerator {
    /// Questions again on what was missed, `missed` being question ids oldest miss first: each draw picks
    /// among the misses left with weights n, n-1, … 1, so the oldest misses come up first most often. A
    /// question is found by its id, else by its lesson (the same question set on another day).
    public func review(
        missed: [String], jurisdiction: String?, license: String?, topics: Set<QuizQuestion.Topic>, count: Int,
        seed: UInt64
    ) -> [QuizQuestion] {
        var random = SeededRandom(seed: seed)
        let pool = questions(jurisdiction: jurisdiction, license: license, topics: topics)
        var byID: [String: QuizQuestion] = [:]
        var byLesson: [String: QuizQuestion] = [:]
        for question in pool {
            byID[question.id] = byID[question.id] ?? question
            byLesson[question.lesson] = byLesson[question.lesson] ?? question
        }
        var left: [QuizQuestion] = []
        var seen = Set<String>()
        for id in missed {
            let lesson = QuizQuestion.lesson(of: id)
            guard let question = byID[id] ?? byLesson[lesson], seen.insert(question.lesson).inserted else { continue }
            left.append(question)
        }
        var chosen: [QuizQuestion] = []
        while chosen.count < count, !left.isEmpty {
            let total = left.count * (left.count + 1) / 2
            var ticket = random.below(total)
            var index = 0
            while ticket >= left.count - index {
                ticket -= left.count - index
                index += 1
            }
            chosen.append(left.remove(at: index).shuffled(using: &random))
        }
        return chosen
    }

    /// Questions on the rules, forms and deadlines the findings name, most often broken first (then in the
    /// order found), each explained with the citation and what to do about it.
    public func questions(findings: [QuizFinding], count: Int, seed: UInt64) -> [QuizQuestion] {
        var random = SeededRandom(seed: seed)
        var tally: [String: (count: Int, first: Int, finding: QuizFinding)] = [:]
        for (position, finding) in findings.enumerated() {
            let key = [
                finding.jurisdiction, finding.matterType ?? "", finding.code, finding.rules.joined(separator: ","),
                finding.form ?? "", finding.deadline ?? "",
            ].joined(separator: "|")
            let old = tally[key]
            tally[key] = ((old?.count ?? 0) + 1, old?.first ?? position, finding)
        }
        let ranked = tally.values.sorted { ($1.count, $0.first) < ($0.count, $1.first) }
        var chosen: [QuizQuestion] = []
        var seen = Set<String>()
        var pools: [String: [QuizQuestion]] = [:]
        for entry in ranked where chosen.count < count {
            let finding = entry.finding
            if pools[finding.jurisdiction] == nil {
                pools[finding.jurisdiction] = questions(
                    jurisdiction: finding.jurisdiction, license: nil, topics: Set(QuizQuestion.Topic.allCases))
            }
            let matching = pools[finding.jurisdiction, default: []].filter { self.question($0, isAbout: finding) }
            for question in random.shuffled(matching).prefix(2) where chosen.count < count {
                guard seen.insert(question.id).inserted else { continue }
                let times = entry.count == 1 ? "once" : "\(entry.count) times"
                let cited = finding.citation ?? question.citation.text
                var words = "Your firm's audits found this \(times) (\(finding.code)): \(cited)."
                if let remedy = finding.remedy { words += " What to do: \(remedy)" }
                chosen.append(question.explained(adding: words).shuffled(using: &random))
            }
        }
        return chosen
    }

    private func question(_ question: QuizQuestion, isAbout finding: QuizFinding) -> Bool {
        guard question.jurisdiction == finding.jurisdiction else { return false }
        switch question.basis {
        case .requirements(let rule), .citation(let rule): return finding.rules.contains(rule)
        case .scope(let query):
            return !finding.rules.isEmpty
                && packs.decide(query).decisiveRules.contains { finding.rules.contains($0.rule.id) }
        case .form(let type, let code, _):
            return code == finding.form && (finding.matterType == nil || finding.matterType == type.id)
        case .deadline(let rule, _, _):
            return rule.id == finding.deadline
        case .procedure(let procedure):
            guard finding.matterType == nil || finding.matterType == procedure.matterType.id else { return false }
            switch procedure.ask {
            // About the finding when its form or deadline is the answer, not one of the distractors.
            case .requiredForm(let codes): return finding.form != nil && codes.first == finding.form
            case .dueFirst(let rules), .startedBy(_, let rules):
                return finding.deadline != nil && rules.first == finding.deadline
            case .waitingPeriodEnds(let rule), .missedRemedy(let rule, _): return finding.deadline == rule
            }
        }
    }
}
