import Bailiwick
import Testing

/// Quizzes come from the packs: every answer must agree with what the checker and the deadline
/// engine say for the same inputs, and with answers worked out by hand from the pack text.
struct QuizTests {
    let packs: PackSet
    let generator: QuizGenerator

    init() throws {
        packs = try TestPacks.shipped
        generator = QuizGenerator(packs: packs)
    }

    /// The generator is wired to its basis: each answer is what the engine gives for the question's inputs.
    /// (The engine is its own oracle here; `answersWorkedOutByHandFromThePacks` checks the engine too.)
    @Test func everyAnswerAgreesWithTheEngineForEveryShippedPack() throws {
        let all = Set(QuizQuestion.Topic.allCases)
        let questions = generator.questions(jurisdiction: nil, license: nil, topics: all)
        #expect(questions.count > 200)
        for question in questions {
            switch question.basis {
            case .scope(let query):
                let decision = packs.decide(query)
                let expected = try #require(QuizGenerator.option(for: decision.kind))
                #expect(
                    question.answer == .choice(options: QuizGenerator.decisionOptions, correct: expected),
                    "\(question.id)")
            case .deadline(let rule, let trigger, let facts):
                let result = try #require(try packs.computeDeadline(rule, triggerDate: { _ in trigger }, facts: facts))
                #expect(question.isCorrect(result.computed.date.description), "\(question.id)")
            case .form(let type, let code, let facts):
                let form = try #require(type.form(code))
                #expect(question.answer == .trueFalse((form.when?.evaluate(facts) ?? .true) == .true), "\(question.id)")
            case .requirements(let id):
                let rule = try #require(packs.rule(id))
                #expect(question.answerText == rule.requires.map(\.label).joined(separator: " AND "), "\(question.id)")
            case .citation(let id):
                #expect(question.answerText == packs.rule(id)?.citation.text, "\(question.id)")
            case .procedure:
                // Checked against the audit engine on matters built apart from the generator: ProcedureQuizTests.
                break
            }
        }
    }

    /// A question and its answer as worked out by hand from the pack text, not by the engine.
    struct KnownAnswer {
        let id: String
        /// For a scope question, the facts it states, which the answer was worked from.
        var facts: String?
        let answer: String
    }

    /// An oracle that does not share the engine's code: the generator and the engine could agree and both
    /// be wrong, but not against these. The quiz is set on 2026-11-22, so the ids stay as long as the rules do.
    static let knownAnswers: [KnownAnswer] = [
        // Utah LPP, accompanying a client at a hearing, in a family matter. ut-lpp-accompany-at-hearing grants
        // it from 2021-11-01 on a written contract (given); before that nothing grants it, and the forbids of
        // every action apply only to an organisation client, a client an unaffiliated lawyer represents, or debt
        // collection outside the small-claims limit: none is so here.
        KnownAnswer(
            id: "scope:us-ut:lpp:accompany-at-hearing:2021-10-31", facts: "",
            answer: "No: nothing in the licence grants it"),
        KnownAnswer(
            id: "scope:us-ut:lpp:accompany-at-hearing:2021-11-01", facts: utahFacts,
            answer: "Yes: it is within the licence"),
        // Utah LPP, negotiating. ut-lpp-negotiation-only-in-mediation forbids it until 2023-01-04, that day
        // included; ut-lpp-negotiate-settlement grants it from 2023-01-05 on a written contract.
        KnownAnswer(id: "scope:us-ut:lpp:negotiate:2023-01-04", facts: "", answer: "No: a rule forbids it"),
        KnownAnswer(
            id: "scope:us-ut:lpp:negotiate:2023-01-05", facts: utahFacts,
            answer: "Yes: it is within the licence"),
        // Utah LPP, appearing in court: ut-lpp-no-court-representation forbids it, with no condition or end.
        KnownAnswer(
            id: "scope:us-ut:lpp:appear-in-court:2026-11-22",
            facts: "",
            answer: "No: a rule forbids it"),
        // Washington LLLT, negotiating in a family matter: wa-lllt-no-negotiation forbids it from 2012-09-01;
        // wa-lllt-negotiate-with-consent, an exception to it from 2019-06-04 (the 2019 amendments' effective date in
        // APR 28's history), grants it on written consent to
        // the negotiation, a written contract and a client acting pro se (all given).
        KnownAnswer(
            id: "scope:us-wa:lllt:negotiate:2019-06-03", facts: "",
            answer: "No: a rule forbids it"),
        KnownAnswer(
            id: "scope:us-wa:lllt:negotiate:2019-06-04", facts: washingtonFacts,
            answer: "Yes: it is within the licence"),
        // Deadlines. Each period below is 7 days or more, so it counts calendar days, leaving out the trigger
        // day, and a last day on a weekend or legal holiday moves to the next court day (Fed. R. Civ. P. 6(a)(1),
        // Wash. CR 6(a), Ariz. R. Civ. P. 6(a)).
        // Fed. R. Civ. P. 12(a)(1)(A)(i), 21 days after Sunday 2026-11-22: November 30 is day 8, so day 21 is
        // Sunday December 13: Monday 2026-12-14.
        KnownAnswer(id: "deadlines:us:answer-to-complaint:2026-11-22", answer: "2026-12-14"),
        // Fed. R. App. P. 4(a)(1)(A), 30 days after Friday 2026-11-27: November 30 is day 3, so day 30 is Sunday
        // December 27: Monday 2026-12-28 (Christmas, inside the period, is counted).
        KnownAnswer(id: "deadlines:us:notice-of-appeal:2026-11-27", answer: "2026-12-28"),
        // CR 12(a)(1), 20 days after Sunday 2026-11-22: November 30 is day 8, so day 20 is Saturday December 12,
        // and Sunday follows: Monday 2026-12-14.
        KnownAnswer(id: "deadlines:us-wa:answer-to-complaint:2026-11-22", answer: "2026-12-14"),
        // CR 59(b), 10 days after Wednesday 2026-12-02: day 10 is Saturday December 12: Monday 2026-12-14.
        KnownAnswer(id: "deadlines:us-wa:post-judgment-motion:2026-12-02", answer: "2026-12-14"),
        // Ariz. R. Fam. Law P. 49(b)(1), 40 days after Sunday 2026-11-22: November 30 is day 8 and December 31
        // day 39, so day 40 is Friday 2027-01-01, New Year's Day; then a Saturday and a Sunday: Monday 2027-01-04.
        KnownAnswer(id: "deadlines:us-az:initial-disclosure:2026-11-22", answer: "2027-01-04"),
    ]
    /// The facts a question states are those that bear on its answer (a forbidding rule with no condition
    /// needs none: "" above), in the words of the facts' descriptions.
    static let utahFacts =
        "Facts: the client is an individual person, not a business or other organisation: yes; "
        + "a written contract with the client was signed before any services were provided: yes; "
        + "a lawyer who is not affiliated with the technician (for example one outside the technician's firm) "
        + "represents the client in the matter: no."
    static let washingtonFacts =
        "Facts: the client represents themselves in the matter and has no lawyer acting for them: yes; "
        + "a written contract with the client was signed before any services were provided: yes; "
        + "the client gave written consent to negotiation that sets out how far the negotiation may go: yes; "
        + "the technician also acts, or has acted, for another party in the same matter: no; "
        + "every special issue the matter raises: none."

    @Test func answersWorkedOutByHandFromThePacks() throws {
        let day = try #require(CivilDate(year: 2026, month: 11, day: 22))
        let questions = QuizGenerator(packs: packs, asOf: day)
            .questions(jurisdiction: nil, license: nil, topics: [.scope, .deadlines])
        for known in Self.knownAnswers {
            let question = try #require(questions.first { $0.id == known.id }, "no question \(known.id)")
            #expect(question.answerText == known.answer, "\(known.id)")
            if let facts = known.facts, facts.isEmpty {
                #expect(!question.prompt.contains("Facts:"), "\(known.id): \(question.prompt)")
            } else if let facts = known.facts {
                #expect(question.prompt.hasSuffix(" " + facts), "\(known.id): \(question.prompt)")
            }
        }
    }

    @Test func aSeedAlwaysGivesTheSameQuizWithoutRepeats() {
        for seed in UInt64(1)...40 {
            let all = Set(QuizQuestion.Topic.allCases)
            let first = generator.quiz(jurisdiction: nil, license: nil, topics: all, count: 25, seed: seed)
            let second = generator.quiz(jurisdiction: nil, license: nil, topics: all, count: 25, seed: seed)
            #expect(first.map(\.id) == second.map(\.id))
            #expect(Set(first.map(\.id)).count == first.count)
            #expect(first.count == 25)
        }
        let one = generator.quiz(jurisdiction: "us-ut", license: "lpp", topics: [.scope], count: 10, seed: 1)
        let other = generator.quiz(jurisdiction: "us-ut", license: "lpp", topics: [.scope], count: 10, seed: 2)
        #expect(one.map(\.id) != other.map(\.id))
    }

    @Test func filtersAreRespected() throws {
        let topics: Set<QuizQuestion.Topic> = [.scope, .deadlines]
        let questions = generator.quiz(jurisdiction: "us-wa", license: "lllt", topics: topics, count: 30, seed: 3)
        #expect(!questions.isEmpty)
        #expect(questions.allSatisfy { $0.jurisdiction == "us-wa" && topics.contains($0.topic) })
        // Every scope question is about the licence asked for: Washington's LLLT, not the shared paralegal
        // licence that the same jurisdiction also has.
        let licences = questions.compactMap { question -> LicenseKey? in
            guard case .scope(let query) = question.basis else { return nil }
            return query.license.key
        }
        #expect(!licences.isEmpty)
        #expect(licences.allSatisfy { $0 == LicenseKey(jurisdiction: "us-wa", id: "lllt") })
        let unfiltered = generator.quiz(jurisdiction: "us-wa", license: nil, topics: [.scope], count: 200, seed: 3)
        #expect(
            unfiltered.contains { question in
                guard case .scope(let query) = question.basis else { return false }
                return query.license.key.id == "paralegal"
            }, "without the filter the same quiz asks about other licences too, so the check above can fail")
        // Questions on a licence's rules ask only about rules of that licence.
        let rules = generator.quiz(
            jurisdiction: "us-wa", license: "lllt", topics: [.conditions, .citations], count: 30,
            seed: 3)
        #expect(!rules.isEmpty)
        for question in rules {
            switch question.basis {
            case .requirements(let id), .citation(let id):
                let rule = try #require(packs.rule(id))
                #expect(rule.licenses.contains(LicenseKey(jurisdiction: "us-wa", id: "lllt")), "\(question.id)")
            default:
                Issue.record("\(question.id) is not a question on a rule")
            }
        }
    }

    /// A pack of its own (as with `--packs DIR`) with its own fact names: a scope question's clean matter
    /// leaves out exactly the facts the pack marks as a `problem`, whatever they are called.
    @Test func theCleanMatterLeavesOutTheFactsThePackMarksAsProblems() throws {
        func question(problem: Bool) throws -> QuizQuestion? {
            let jurisdiction =
                TestPacks.jurisdiction + """

                    facts:
                      - {id: conflicted, type: boolean, problem: \(problem), description: The technician has a \
                    conflict.}
                    """
            let packs = try TestPacks.load(
                rules: """
                      - id: may-advise
                        summary: A technician without a conflict may advise.
                        effect: permit
                        licenses: [tech]
                        actions: [advise]
                        when: not conflicted
                        requires: [written-consent]
                        citation: Rule 2
                        source: official-summary
                    """, jurisdiction: jurisdiction)
            // The pack was reviewed on 2026-01-01, after the licence began (2012-09-01): the question is asked then.
            return QuizGenerator(packs: packs).questions(jurisdiction: "xx", license: "tech", topics: [.scope])
                .first { $0.id == "scope:xx:tech:advise:2026-01-01" }
        }
        let marked = try #require(try question(problem: true))
        #expect(marked.answerText == "Yes: it is within the licence")
        #expect(
            marked.prompt.hasSuffix("Facts: the technician has a conflict: no; the client consented in writing: yes."))
        let unmarked = try #require(try question(problem: false))
        #expect(unmarked.answerText == "No: nothing in the licence grants it")
        // The consent bears on nothing once the rule does not apply, so it is not stated.
        #expect(unmarked.prompt.hasSuffix("Facts: the technician has a conflict: yes."))
    }

    /// The facts the generator once listed by name are the shipped packs' problems, and no others.
    @Test func theShippedPacksMarkTheirProblemFacts() {
        #expect(
            packs.facts.filter(\.isProblem).map(\.id).sorted() == [
                "abuse-allegations", "catastrophic-impairment", "chips-petition-filed",
                "client.represented-by-unaffiliated-lawyer", "jail-possible", "paid-for-immigration-help",
                "represents-other-party", "youth-justice-court",
            ])
    }

    /// Questions are asked on the day the quiz is set on, by default the day the jurisdiction's pack was
    /// reviewed; deadline questions find their trigger from that day on.
    @Test func questionsAreAskedOnTheDayTheQuizIsSetOn() throws {
        let reviewed = try #require(packs.jurisdiction("us-wa")).reviewed
        let day = try #require(CivilDate(year: 2026, month: 6, day: 1))
        let setOnADay = QuizGenerator(packs: packs, asOf: day)
        // No rule on appearing in court for an LLLT has a start date, so the question is asked on the day itself.
        #expect(
            setOnADay.questions(jurisdiction: "us-wa", license: "lllt", topics: [.scope]).map(\.id)
                .contains("scope:us-wa:lllt:appear-in-court:2026-06-01"))
        #expect(
            generator.questions(jurisdiction: "us-wa", license: "lllt", topics: [.scope]).map(\.id)
                .contains("scope:us-wa:lllt:appear-in-court:\(reviewed)"))
        for (quiz, start) in [(setOnADay, day), (generator, reviewed)] {
            let triggers = quiz.questions(jurisdiction: "us-wa", license: nil, topics: [.deadlines]).compactMap {
                question -> CivilDate? in
                guard case .deadline(_, let trigger, _) = question.basis else { return nil }
                return trigger
            }
            #expect(!triggers.isEmpty)
            #expect(triggers.allSatisfy { $0 >= start }, "\(triggers) from \(start)")
        }
    }

    @Test func effectiveDateBoundariesAreAsked() {
        // Utah: the in-court role began 2021-11-01; a question is asked the day before and the day itself.
        let ids = Set(generator.questions(jurisdiction: "us-ut", license: "lpp", topics: [.scope]).map(\.id))
        #expect(ids.contains("scope:us-ut:lpp:accompany-at-hearing:2021-10-31"))
        #expect(ids.contains("scope:us-ut:lpp:accompany-at-hearing:2021-11-01"))
    }

    @Test func deadlineQuestionsAreChosenSoTheRollMatters() throws {
        for question in generator.questions(jurisdiction: nil, license: nil, topics: [.deadlines]) {
            guard case .deadline(let rule, let trigger, _) = question.basis, case .days(let days) = rule.period else {
                continue
            }
            let naive = try trigger.adding(days: rule.direction == .after ? days : -days)
            #expect(!question.isCorrect(naive.description), "\(question.id): the date without the roll should be wrong")
        }
    }

    @Test func answersAreMatchedLeniently() {
        let question = QuizQuestion(
            id: "x", topic: .forms, jurisdiction: "us-wa", prompt: "?",
            answer: .trueFalse(false), explanation: "", citation: Citation(text: "c", status: .primary),
            basis: .citation(rule: "r"))
        #expect(question.isCorrect(" No ") && question.isCorrect("false"))
        #expect(!question.isCorrect("yes") && !question.isCorrect(""))
        let choice = QuizQuestion(
            id: "y", topic: .scope, jurisdiction: "us-wa", prompt: "?",
            answer: .choice(options: ["a", "b", "c"], correct: 1), explanation: "",
            citation: Citation(text: "c", status: .primary), basis: .citation(rule: "r"))
        #expect(choice.isCorrect("B") && choice.isCorrect("b") && choice.isCorrect(" b ") && !choice.isCorrect("A"))
    }
}
