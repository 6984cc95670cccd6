import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// One grading for the answer file, the terminal session and the quiz page.
struct QuizGradeTests {
    static let questions = try! QuizRequest(
        jurisdiction: nil, license: nil, topics: [], count: 12, seed: 7,
        asOf: CivilDate(year: 2026, month: 11, day: 22)!
    )
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

    /// On the graded page a question left blank is marked as not answered, not as wrong.
    @Test func anUnansweredQuestionIsMarkedUnanswered() async throws {
        var form = [("count", "12"), ("seed", "7"), ("as-of", "2026-11-22")]
        let answers = Self.answers(wrong: [1], unanswered: [2, 3])
        for (index, answer) in answers.enumerated() { form.append(("q\(index + 1)", answer ?? "")) }
        let page = try await Server.post("/quiz", form: form)
        #expect(page.body.contains("Score: 9 of 12 (2 not answered)"))
        let blocks = page.body.components(separatedBy: "<fieldset class=\"question").dropFirst()
        #expect(blocks.count == 12)
        for (index, block) in blocks.enumerated() {
            let expected = [2, 3].contains(index) ? " unanswered" : index == 1 ? " wrong" : " right"
            #expect(block.hasPrefix(expected + "\""), "question \(index + 1)")
            #expect(block.contains("Not answered.") == [2, 3].contains(index), "question \(index + 1)")
            #expect(block.contains("Not quite.") == (index == 1), "question \(index + 1)")
        }
    }

    /// The page offers the quiz it shows as GIFT and Moodle XML: the same questions, from the same settings.
    @Test func theQuizPageExportsTheQuizItShows() async throws {
        let page = try await Server.request("/quiz?start=1&jurisdiction=us-ut&count=5&seed=11&as-of=2026-11-22")
        let links = page.body.matches(of: /href="(\/v1\/quiz\?[^"]+)" download>/).map {
            String($0.1).replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(links.count == 2)
        let shown = QuizRequest(
            jurisdiction: "us-ut", license: nil, topics: [], count: 5, seed: 11,
            asOf: CivilDate(year: 2026, month: 11, day: 22)!)
        let ids = try shown.questions(in: Server.packs).map(\.id)
        let gift = try await Server.request(try #require(links.first { $0.contains("format=gift") }))
        #expect(gift.status == .ok && gift.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(gift.header("Content-Disposition") == "attachment; filename=\"quiz-11.gift.txt\"")
        #expect(gift.body == QuizExport.gift(try shown.questions(in: Server.packs)))
        #expect(ids.allSatisfy { gift.body.contains("::\(QuizExport.escapeGIFT($0))::") })
        let moodle = try await Server.request(try #require(links.first { $0.contains("format=moodle-xml") }))
        #expect(moodle.header("Content-Type") == "application/xml; charset=utf-8")
        #expect(moodle.body.contains("<shuffleanswers>1</shuffleanswers>"))
        #expect(!moodle.body.contains("<shuffleanswers>0</shuffleanswers>"))
        let bad = try await Server.request("/v1/quiz?format=pdf&seed=1")
        #expect(bad.status == .badRequest)
    }

    /// The answer file's report and the page end with the same topics to review.
    @Test func theAnswerFileAndThePageReviewTheSameTopics() async throws {
        let answers = Self.answers(wrong: [1, 4, 6])
        let review = QuizGrade(Self.questions, answers: answers).review
        let byID = Dictionary(uniqueKeysWithValues: zip(Self.questions.map(\.id), answers.map { $0! }))
        #expect(QuizReport.grade(Self.questions, answers: byID).hasSuffix("Topics to review: \(review)\n"))
        var form = [("count", "12"), ("seed", "7"), ("as-of", "2026-11-22")]
        for (index, answer) in answers.enumerated() { form.append(("q\(index + 1)", answer!)) }
        let page = try await Server.post("/quiz", form: form)
        #expect(page.body.contains("Score: 9 of 12"))
        #expect(page.body.contains("<p>Topics to review: \(review).</p>"))
    }

    /// The misses to review are those not since answered right, by their oldest miss.
    @Test func theMissesToReviewAreThoseNotPutRight() {
        let day = CivilDate(year: 2026, month: 12, day: 1)!
        func entry(_ id: String, _ right: Bool) -> QuizProgress.Entry {
            QuizProgress.Entry(question: id, lesson: id, topic: "scope", jurisdiction: "us-wa", right: right, on: day)
        }
        let entries = [
            entry("a", false), entry("b", false), entry("c", true), entry("a", false), entry("b", true),
            entry("d", false), entry("c", false),
        ]
        #expect(QuizProgress.missed(entries) == ["a", "d", "c"])
        let lines = QuizProgress.lines([entry("a", false)])
        #expect(
            lines
                == "{\"question\":\"a\",\"lesson\":\"a\",\"topic\":\"scope\",\"jurisdiction\":\"us-wa\","
                + "\"right\":false,\"on\":\"2026-12-01\"}\n")
    }
}
