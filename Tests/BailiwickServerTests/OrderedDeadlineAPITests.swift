import Foundation
import Hummingbird
import Testing

/// A date set by order, through the API: the calendar holds the date set and says so.
struct OrderedDeadlineAPITests {
    @Test func theCalendarHoldsTheOrderedDateAndTheComputedOneBesideIt() async throws {
        // The Washington response is due 20 days after service on 2026-03-02, 2026-03-22, a Sunday, so
        // Monday 2026-03-23 (CR 4(a)(2), CR 12(a), CR 6(a)); the order set Monday 2026-03-30.
        let text =
            try Server.repositoryFile("Examples/wa-dissolution-response-late.yaml")
            + "\ndeadlines:\n  - {rule: dissolution-response, due: 2026-03-30, by: order, on: 2026-03-20, "
            + "note: Client in hospital}\n"
        let calendar = try await Server.request("/v1/audit?format=ics", method: .post, body: text)
        #expect(calendar.status == .ok)
        let unfolded = calendar.body.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260330"))
        #expect(unfolded.contains("Date set by court order of 2026-03-20\\; the rule alone gives Monday 2026-03-23."))
        #expect(!unfolded.contains("hospital"))
        let json = try await Server.request("/v1/audit", method: .post, body: text)
        #expect(json.body.contains("\"set-by\": {"))
        #expect(!json.body.contains("hospital"))
    }
}
