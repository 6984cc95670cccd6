import Bailiwick
import BailiwickReports
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// One GET counting past 0001-01-01 once ended `bailiwick serve`: it is refused as not computable
/// now (422, `not_computable`), and the same server goes on answering.
struct CalendarEdgeServerTests {
    static let pastTheStart = "jurisdiction=us&from=0001-01-01&days=400&before=true"

    @Test func aCountPastTheCalendarIsNotComputableAndTheServerGoesOn() async throws {
        let app = Application(router: BailiwickServer.router(packs: Server.packs, configuration: ServerConfiguration()))
        try await app.test(.router) { client in
            for query in [
                Self.pastTheStart, "jurisdiction=us-wa&from=0001-03-01&days=400&court-days=true&before=true",
                "jurisdiction=us&from=0001-01-01&hours=8760&at=00:00&before=true",
                "jurisdiction=us&from=9999-12-20&days=10&service=mail",
            ] {
                try await client.execute(uri: "/v1/deadlines?\(query)", method: .get) { response in
                    #expect(response.status == .unprocessableContent, "\(query)")
                    let text = String(buffer: response.body)
                    let body = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                    let error = body?["error"] as? [String: Any]
                    #expect(error?["code"] as? String == "not_computable")
                    #expect(error?["message"] as? String == "the period ends outside the years 1 to 9999")
                }
            }
            try await client.execute(uri: "/deadlines?\(Self.pastTheStart)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    String(buffer: response.body).contains(
                        "<strong>Cannot answer:</strong> The period ends outside the years 1 to 9999."))
            }
            let usual = "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21"
            try await client.execute(uri: usual, method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"date\": \"2026-01-30\""))
            }
        }
    }

    /// The holiday request the command line and the server share: `Int.max` once overflowed at the next year.
    @Test func aHolidayRequestOutsideTheCalendarIsRefused() throws {
        for year in [Int.min, 0, 1582, 10000, Int.max] {
            let error = #expect(throws: RequestError.self) {
                try HolidaysRequest(jurisdiction: "us", year: year).holidays(in: Server.packs)
            }
            #expect(error?.code == .invalidParameter && error?.field == .year)
            #expect(error?.description == "'year' must be a whole number from 1583 to 9999, not '\(year)'")
        }
        // The last year has eleven; New Year's Day of 10000, a Saturday, would be observed on 9999-12-31.
        let last = try HolidaysRequest(jurisdiction: "us", year: 9999).holidays(in: Server.packs).observed
        #expect(last.count == 11 && last.last?.observed.description == "9999-12-24")
    }
}
