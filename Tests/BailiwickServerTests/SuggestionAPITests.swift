import Foundation
import Testing

/// The API's errors carry the valid ids and values as data (issue 18, item 2), and its
/// parameters read values as every other input does (item 6).
struct SuggestionAPITests {
    static let check = "/v1/check?jurisdiction=us-wa&license=paralegal&action=consult&area=landlord-tenant"

    @Test func anUnknownIdCarriesEveryKnownOne() async throws {
        let answer = try await Server.request("/v1/check?jurisdiction=us-wa&license=lllt&action=mediation-xyz")
        #expect(answer.errorCode == "unknown_id")
        let known = try #require(answer.error["known"] as? [String])
        #expect(known.contains("attend-mediation") && known.contains("negotiate"))
        #expect(known == known.sorted())
        // The message names at most 10 of them, and no command line.
        #expect(answer.errorMessage?.contains(" more)") == true)
        #expect(answer.errorMessage?.contains("bailiwick list") == false)
    }

    @Test func aFactValueNotAllowedCarriesTheAllowedValuesAndTheClosest() async throws {
        let answer = try await Server.request(Self.check + "&fact=client-role%3Dtennant")
        #expect(answer.status == .badRequest)
        #expect(answer.error["field"] as? String == "fact")
        #expect(answer.error["suggestion"] as? String == "tenant")
        #expect(answer.error["known"] as? [String] == ["tenant", "landlord", "other"])
    }

    @Test func aRepeatedFactMustAgreeAndYesMeansTrue() async throws {
        let conflict = try await Server.request(
            Self.check + "&fact=supervised-by-lawyer%3Dtrue&fact=supervised-by-lawyer%3Dno")
        #expect(conflict.status == .badRequest)
        #expect(conflict.errorMessage?.contains("supervised-by-lawyer is given twice") == true)
        let words = try await Server.request(Self.check + "&fact=supervised-by-lawyer%3DYes")
        let booleans = try await Server.request(Self.check + "&fact=supervised-by-lawyer%3Dtrue")
        #expect(words.status == .ok)
        #expect(words.body == booleans.body)
    }

    @Test func aUSStyleDateParameterIsToldTheISOForm() async throws {
        let answer = try await Server.request(Self.check + "&on=12/01/2026")
        #expect(answer.status == .badRequest)
        #expect(
            answer.errorMessage
                == "'on' must be a date written YYYY-MM-DD, not '12/01/2026': write 2026-12-01 if the month comes "
                + "first, 2026-01-12 if the day does")
    }
}
