import Testing

/// The API refuses a fact outside its bounds with 400, as the command line does.
struct FactBoundsAPITests {
    @Test func aFactOutsideItsBoundsIsABadRequest() async throws {
        let check = "/v1/check?jurisdiction=us-wa&license=lllt&action=complete-forms&on=2026-03-01"
        let negative = try await Server.request(check + "&fact=children=-5")
        #expect(negative.status == .badRequest)
        #expect(
            negative.errorMessage
                == "'-5' is not a value for children: it takes a whole number of 0 or more")
        let zero = try await Server.request(check + "&fact=children=0")
        #expect(zero.status == .ok)
    }
}
