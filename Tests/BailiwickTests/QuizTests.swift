import Bailiwick
import Testing

/// Quizzes come from the packs: every answer must agree with what the checker and the deadline
/// engine say for the same inputs.
struct QuizTests {
    let packs: PackSet
    let generator: QuizGenerator

    init() throws {
        packs = try TestPacks.shipped
        generator = QuizGenerator(packs: packs)
    }

    @Test func everyAnswerAgreesWithTheEngineForEveryShippedPack() throws {
        let all = Set(QuizQuestion.Topic.allCases)
        let questions = generator.questions(jurisdiction: nil, license: nil, topics: all)
        #expect(questions.count > 200)
        for question in questions {
            switch question.basis {
            case .scope(let query):
                let decision = packs.decide(query)
                let expected = try #require(QuizGenerator.option(for: decision.kind))
                #expect(question.answer == .choice(options: QuizGenerator.decisionOptions, correct: expected), "\(question.id)")
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
            }
        }
    }

    @Test func aSeedAlwaysGivesTheSameQuizWithoutRepeats() {
        for seed in UInt64(1)...40 {
            let first = generator.quiz(jurisdiction: nil, license: nil, topics: Set(QuizQuestion.Topic.allCases), count: 25, seed: seed)
            let second = generator.quiz(jurisdiction: nil, license: nil, topics: Set(QuizQuestion.Topic.allCases), count: 25, seed: seed)
            #expect(first.map(\.id) == second.map(\.id))
            #expect(Set(first.map(\.id)).count == first.count)
            #expect(first.count == 25)
        }
        let one = generator.quiz(jurisdiction: "us-ut", license: "lpp", topics: [.scope], count: 10, seed: 1).map(\.id)
        let other = generator.quiz(jurisdiction: "us-ut", license: "lpp", topics: [.scope], count: 10, seed: 2).map(\.id)
        #expect(one != other)
    }

    @Test func filtersAreRespected() {
        let questions = generator.quiz(jurisdiction: "us-wa", license: "lllt", topics: [.scope, .deadlines], count: 30, seed: 3)
        #expect(!questions.isEmpty)
        #expect(questions.allSatisfy { $0.jurisdiction == "us-wa" && [.scope, .deadlines].contains($0.topic) })
    }

    @Test func effectiveDateBoundariesAreAsked() {
        // Utah: the in-court role began 2021-11-01; a question is asked the day before and the day itself.
        let ids = Set(generator.questions(jurisdiction: "us-ut", license: "lpp", topics: [.scope]).map(\.id))
        #expect(ids.contains("scope:us-ut:lpp:accompany-at-hearing:2021-10-31"))
        #expect(ids.contains("scope:us-ut:lpp:accompany-at-hearing:2021-11-01"))
    }

    @Test func deadlineQuestionsAreChosenSoTheRollMatters() throws {
        for question in generator.questions(jurisdiction: nil, license: nil, topics: [.deadlines]) {
            guard case .deadline(let rule, let trigger, _) = question.basis, case .days(let days) = rule.period else { continue }
            let naive = try trigger.adding(days: rule.direction == .after ? days : -days)
            #expect(!question.isCorrect(naive.description), "\(question.id): the date without the roll should be wrong")
        }
    }

    @Test func answersAreMatchedLeniently() {
        let question = QuizQuestion(id: "x", topic: .forms, jurisdiction: "us-wa", prompt: "?", answer: .trueFalse(false), explanation: "",
                                    citation: Citation(text: "c", status: .primary), basis: .citation(rule: "r"))
        #expect(question.isCorrect(" No ") && question.isCorrect("false") && !question.isCorrect("yes") && !question.isCorrect(""))
        let choice = QuizQuestion(id: "y", topic: .scope, jurisdiction: "us-wa", prompt: "?", answer: .choice(options: ["a", "b", "c"], correct: 1),
                                  explanation: "", citation: Citation(text: "c", status: .primary), basis: .citation(rule: "r"))
        #expect(choice.isCorrect("B") && choice.isCorrect("b") && choice.isCorrect(" b ") && !choice.isCorrect("A"))
    }
}
