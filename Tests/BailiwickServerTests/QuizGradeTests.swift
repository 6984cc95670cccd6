import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// One grading for the answer file, the terminal session and the quiz page.
struct QuizGradeTests {
    static let questions = try! QuizRequest(jurisdiction: nil, license: nil, topics: [], count: 12, seed: 7)
        .questions(in: Server.packs)

    /// Wrong answers for the questions at `wrong`, nothing for those at `unanswered`, right for the rest.
    static func answers(wrong: Set<Int>, unanswered: Set<Int> = []) -> [String?] {
        questions.indices.map { index in
            unanswered.contains(index) ? nil : wrong.contains(index) ? "not an answer" : questions[index].answerText
        }
    }

    @Test func topicsToReviewAreSortedByMissesThenByName() throws {
        let wrong: Set<Int> = [0, 2, 5, 7, 11]
        let grade = QuizGrade(Self.questions, answers: Self.answers(wrong: wrong, unanswered: [3]))
        #expect(grade.asked == 12 && grade.right == 6)
        #expect(grade.results.map(\.correct) == Self.questions.indices.map { !wrong.contains($0) && $0 != 3 })
        // Counted by hand from the questions' topics, independently of the grade.
        var missed: [String: Int] = [:]
        for index in wrong.union([3]) { missed[Self.questions[index].topic.rawValue, default: 0] += 1 }
        let expected = missed.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        #expect(grade.topicsToReview.map(\.topic.rawValue) == expected.map(\.key))
        #expect(grade.topicsToReview.map(\.missed) == expected.map(\.value))
        #expect(grade.review == expected.map { "\($0.key) (\($0.value) missed)" }.joined(separator: ", "))
        #expect(QuizGrade(Self.questions, answers: Self.answers(wrong: [])).review.isEmpty)
    }

    /// The answer file's report and the page end with the same topics to review.
    @Test func theAnswerFileAndThePageReviewTheSameTopics() async throws {
        let answers = Self.answers(wrong: [1, 4, 6])
        let review = QuizGrade(Self.questions, answers: answers).review
        let byID = Dictionary(uniqueKeysWithValues: zip(Self.questions.map(\.id), answers.map { $0! }))
        #expect(QuizReport.grade(Self.questions, answers: byID).hasSuffix("Topics to review: \(review)\n"))
        var form = [("count", "12"), ("seed", "7")]
        for (index, answer) in answers.enumerated() { form.append(("q\(index + 1)", answer!)) }
        let page = try await Server.post("/quiz", form: form)
        #expect(page.body.contains("Score: 9 of 12"))
        #expect(page.body.contains("<p>Topics to review: \(review).</p>"))
    }
}
