import Foundation
import Testing

/// The API and the deadlines page show what a deadline's date would be if the courts were closed on an
/// unconfirmed closure day, and say nothing where no such day matters.
@Suite struct UnconfirmedClosureAPITests {
    @Test func theDeadlineAnswerCarriesTheOtherDate() async throws {
        // C.R.C.P. 12(a) and 6(a)(1): served Friday 2026-06-12 + 21 days = Friday 2026-07-03, an unconfirmed
        // closure; were the courts closed, Monday 2026-07-06 (Saturday 07-04 and Sunday 07-05 are not court days).
        let answer = try await Server.request(
            "/v1/deadlines?jurisdiction=us-co&rule=dissolution-response&from=2026-06-12")
        #expect(answer.status == .ok)
        let deadline = try #require((answer.json["deadlines"] as? [[String: Any]])?.first)
        #expect(deadline["date"] as? String == "2026-07-03")
        let closures = try #require(deadline["unconfirmed-closures"] as? [[String: Any]])
        #expect(closures.map { $0["closed"] as? String } == ["2026-07-03"])
        #expect(closures.first?["date"] as? String == "2026-07-06")
        // Served Monday 2026-06-01: due Monday 06-22, before the closure; the member is absent.
        let clear = try await Server.request(
            "/v1/deadlines?jurisdiction=us-co&rule=dissolution-response&from=2026-06-01")
        let plain = try #require((clear.json["deadlines"] as? [[String: Any]])?.first)
        #expect(plain["date"] as? String == "2026-06-22")
        #expect(plain["unconfirmed-closures"] == nil)
    }

    @Test func theDeadlinesPageShowsTheWarning() async throws {
        let page = try await Server.request("/deadlines?jurisdiction=us-co&rule=dissolution-response&from=2026-06-12")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h3>Depends on court closures not confirmed</h3>"))
        #expect(page.body.contains("the last day is Monday 2026-07-06."))
        let clear = try await Server.request("/deadlines?jurisdiction=us-co&rule=dissolution-response&from=2026-06-01")
        #expect(!clear.body.contains("court closures not confirmed"))
    }
}
