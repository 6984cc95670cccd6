import Bailiwick
import Testing

/// A quiz is fair: where the right answer sits tells nothing, no distractor is also right, a key that is
/// no answer is not graded, and prompts speak in the facts' own words about the day the quiz is set on.
struct QuizFairnessTests {
    let packs: PackSet
    let day = CivilDate(year: 2026, month: 12, day: 1)!

    init() throws {
        packs = try TestPacks.shipped
    }

    /// Over many seeds, each position holds the right answer about as often as any other: between 60% and
    /// 140% of an even share, for each number of options. (Before, 93 of 93 three-option answers were B.)
    @Test func answerPositionsAreSpreadEvenlyOverManySeeds() {
        let generator = QuizGenerator(packs: packs, asOf: day)
        var positions: [Int: [Int]] = [:]
        for seed in UInt64(1)...150 {
            for question in generator.quiz(
                jurisdiction: nil, license: nil, topics: Set(QuizQuestion.Topic.allCases), count: 40, seed: seed)
            {
                guard case .choice(let options, let correct) = question.answer else { continue }
                positions[options.count, default: Array(repeating: 0, count: options.count)][correct] += 1
            }
        }
        #expect(positions[4].map { $0.reduce(0, +) } ?? 0 > 1000)
        for (count, tally) in positions where tally.reduce(0, +) >= 200 {
            let even = Double(tally.reduce(0, +)) / Double(count)
            for times in tally {
                #expect(Double(times) > 0.6 * even && Double(times) < 1.4 * even, "\(count) options: \(tally)")
            }
        }
    }

    /// The same seed puts the options in the same order; over seeds, one question's answer moves.
    @Test func theOrderOfTheOptionsComesFromTheSeed() throws {
        let generator = QuizGenerator(packs: packs, asOf: day)
        func positions(_ seed: UInt64) -> [String: Int] {
            var found: [String: Int] = [:]
            for question in generator.quiz(
                jurisdiction: "us-ut", license: "lpp", topics: [.scope], count: 500, seed: seed)
            {
                if case .choice(_, let correct) = question.answer { found[question.id] = correct }
            }
            return found
        }
        #expect(positions(3) == positions(3))
        let id = try #require(positions(3).keys.sorted().first)
        let seen = Set((UInt64(1)...30).compactMap { positions($0)[id] })
        #expect(seen.count == 4, "\(id) had its answer at \(seen.sorted()) over 30 seeds")
    }

    /// No option of any question is equivalent to its answer: dates differ, two citations of one rule are one
    /// answer (so only one is offered), and a condition question offers none of the rule's own requirements as
    /// a distractor. Distractors come from the same jurisdiction and licence.
    @Test func noDistractorIsEquivalentToTheAnswer() throws {
        let generator = QuizGenerator(packs: packs, asOf: day)
        let questions = generator.questions(
            jurisdiction: nil, license: nil, topics: Set(QuizQuestion.Topic.allCases))
        #expect(questions.count > 150)
        for question in questions {
            guard case .choice(let options, let correct) = question.answer else { continue }
            #expect(Set(options).count == options.count, "\(question.id): \(options)")
            let distractors = options.enumerated().filter { $0.offset != correct }.map(\.element)
            switch question.basis {
            case .citation(let id):
                let rule = try #require(packs.rule(id))
                for option in distractors {
                    #expect(!QuizGenerator.citeTheSameRule(option, rule.citation.text), "\(question.id): \(option)")
                    let cited = packs.rules.filter { $0.citation.text == option }
                    #expect(
                        cited.contains { other in
                            other.licenses.contains { rule.licenses.contains($0) }
                                && (other.jurisdiction == nil || other.jurisdiction == question.jurisdiction)
                        }, "\(question.id): '\(option)' is from another licence or jurisdiction")
                }
            case .requirements(let id):
                let rule = try #require(packs.rule(id))
                for option in distractors {
                    #expect(!rule.requires.map(\.label).contains(option), "\(question.id): \(option)")
                    // Nor a requirement worded otherwise with the same condition as one of the rule's.
                    let conditions = Set(rule.requires.map(\.condition.text))
                    #expect(
                        !packs.rules.flatMap(\.requires).contains {
                            $0.label == option && conditions.contains($0.condition.text)
                        }, "\(question.id): '\(option)' states one of the rule's own conditions")
                    let from = packs.rules.filter { $0.requires.contains { $0.label == option } }
                    #expect(
                        from.contains { other in
                            other.licenses.contains { rule.licenses.contains($0) }
                                && (other.jurisdiction == nil || other.jurisdiction == question.jurisdiction)
                        }, "\(question.id): '\(option)' is from another licence or jurisdiction")
                }
            case .deadline:
                #expect(Set(options.compactMap(CivilDate.init)).count == options.count, "\(question.id)")
            default: break
            }
        }
    }

    @Test func citationsOfOneRuleAreOneAnswer() {
        #expect(
            QuizGenerator.citeTheSameRule(
                "Utah Sup. Ct. R. Prof. Practice 14-802(c)", "Utah Sup. Ct. R. Prof. Practice 14-802(c)(1), (c)(1)(A)"))
        #expect(QuizGenerator.citeTheSameRule("LLLT RPC 1.5", "LLLT RPC 1.5 (fees)"))
        #expect(!QuizGenerator.citeTheSameRule("LLLT RPC 1.5", "LLLT RPC 1.50"))
        #expect(!QuizGenerator.citeTheSameRule("APR 28(F)", "APR 28(H)"))
    }

    /// A key that is no option is not an answer at all (the session asks again); a wrong option is.
    @Test func aKeyThatIsNoOptionIsNotAnAnswer() {
        let question = QuizQuestion(
            id: "y", topic: .scope, jurisdiction: "us-wa", prompt: "?",
            answer: .choice(options: ["a", "b", "c", "d"], correct: 1), explanation: "",
            citation: Citation(text: "c", status: .primary), basis: .citation(rule: "r"))
        #expect(!question.accepts("Z") && !question.accepts("e") && !question.accepts("maybe"))
        #expect(question.accepts("a") && question.accepts(" D ") && question.accepts("c"))
        let date = QuizQuestion(
            id: "z", topic: .deadlines, jurisdiction: "us-wa", prompt: "?",
            answer: .date(day), explanation: "", citation: Citation(text: "c", status: .primary),
            basis: .citation(rule: "r"))
        #expect(date.accepts("2026-12-01") && !date.accepts("Z") && !date.accepts("2026-13-01"))
    }

    /// Prompts state facts in their descriptions' words, never their ids, and only facts that bear on the
    /// answer: taking any one away changes the decision. A Utah family-law question names no small-claims fact.
    @Test func promptsStateOnlyTheFactsThatMatterInPlainWords() throws {
        let questions = QuizGenerator(packs: packs, asOf: day).questions(
            jurisdiction: nil, license: nil, topics: [.scope])
        #expect(questions.contains { $0.prompt.contains("Facts: ") })
        for question in questions {
            guard case .scope(let query) = question.basis else { continue }
            let decision = packs.decide(query)
            for slot in query.facts.givenSlots {
                let fact = packs.facts[slot]
                #expect(
                    !question.prompt.contains(fact.id) || fact.description.contains(fact.id),
                    "\(question.id): \(question.prompt)")
                var fewer = query.facts
                fewer[slot] = nil
                let other = packs.decide(
                    try ScopeQuery(
                        in: packs, jurisdiction: query.jurisdiction.id, license: query.license.key.id,
                        action: query.action.id, area: query.area?.id, date: query.date, facts: fewer))
                #expect(
                    other.kind != decision.kind
                        || other.requirements.map(\.requirement.label)
                            != decision.requirements.map(\.requirement.label),
                    "\(question.id): \(fact.id) does not bear on the answer")
            }
            if question.jurisdiction == "us-ut", query.area?.id == "family" {
                #expect(!question.prompt.lowercased().contains("small claims"), "\(question.prompt)")
            }
        }
    }

    /// Scope questions are asked on the day the quiz is set on, unless about a change over time, and then
    /// the prompt says so.
    @Test func questionsAreAskedOnTheQuizDayUnlessAboutAChange() {
        let questions = QuizGenerator(packs: packs, asOf: day).questions(
            jurisdiction: nil, license: nil, topics: [.scope])
        for question in questions {
            guard case .scope(let query) = question.basis else { continue }
            let onTheDay = query.date == day || query.license.validity.from.map { $0 > day } == true
            #expect(onTheDay || question.prompt.hasPrefix("A change over time: "), "\(question.id)")
            if question.prompt.hasPrefix("A change over time: ") {
                #expect(question.prompt.contains("took effect"), "\(question.id)")
            }
        }
        #expect(questions.contains { $0.prompt.hasPrefix("A change over time: ") })
    }

    /// A review asks only what was missed, and the oldest misses first most often: over many seeds the
    /// oldest of five misses opens the review more often than the newest (weights 5 to 1: a third against
    /// a fifteenth of the draws).
    @Test func aReviewAsksTheMissesTheOldestMostOften() {
        let generator = QuizGenerator(packs: packs, asOf: day)
        let pool = generator.questions(jurisdiction: "us-wa", license: "lllt", topics: [.scope])
        let missed = Array(pool.prefix(5).map(\.id))
        var first: [String: Int] = [:]
        for seed in UInt64(1)...300 {
            let review = generator.review(
                missed: missed, jurisdiction: "us-wa", license: "lllt", topics: [.scope], count: 3, seed: seed)
            #expect(review.count == 3 && review.allSatisfy { missed.contains($0.id) })
            first[review[0].id, default: 0] += 1
        }
        #expect(first[missed[0], default: 0] > 2 * first[missed[4], default: 0], "\(first)")
        #expect(first[missed[0], default: 0] > 60 && first[missed[0], default: 0] < 140, "\(first)")
        // A question missed on another day is found again by its lesson.
        let yesterday = missed[0].split(separator: ":").dropLast().joined(separator: ":") + ":2026-11-30"
        let again = generator.review(
            missed: [yesterday], jurisdiction: "us-wa", license: "lllt", topics: [.scope], count: 3, seed: 1)
        #expect(again.map(\.lesson) == [pool[0].lesson])
    }
}
