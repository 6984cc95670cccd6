import Foundation
import Testing

/// `bailiwick list --format json` and `/v1/packs*` are two front ends on one listing: the same
/// question gets the same JSON from both, for every entity and every shipped jurisdiction.
struct ListingAgreementTests {
    static let jurisdictions = Server.packs.jurisdictions.map(\.id)
    /// The members of `/v1/packs/{jurisdiction}` that `list <kind> --jurisdiction` gives.
    static let applicable = ["licenses", "areas", "facts", "rules", "deadlines", "matter-types", "forms"]
    /// The members of `/v1/packs` that `list <kind>` gives, with or without a jurisdiction.
    static let catalogs = ["jurisdictions", "actions", "areas", "facts", "events"]

    /// Key order aside, byte for byte.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func listed(_ kind: String, jurisdiction: String? = nil) throws -> [Any] {
        let filter = jurisdiction.map { ["--jurisdiction", $0] } ?? []
        let result = try CLI.run(["list", kind, "--format", "json"] + filter)
        #expect(result.status == 0, "list \(kind): \(result.stderr)")
        return try #require(try CLI.json(result.stdout)[kind] as? [Any], "list \(kind)")
    }

    @Test(arguments: jurisdictions)
    func listInAJurisdictionGivesWhatItsPackServes(_ id: String) async throws {
        let pack = try await Server.request("/v1/packs/\(id)")
        #expect(pack.status == .ok)
        for kind in Self.applicable {
            let served = try #require(pack.json[kind] as? [Any], "\(kind) of /v1/packs/\(id)")
            #expect(
                try Self.canonical(Self.listed(kind, jurisdiction: id)) == Self.canonical(served),
                "list \(kind) -j \(id)")
        }
        // Every shipped jurisdiction has licences, and rules of them: the comparison is never of two empty lists.
        #expect((pack.json["licenses"] as? [Any])?.isEmpty == false)
        #expect((pack.json["rules"] as? [Any])?.isEmpty == false)
        // Actions and events are not filtered: the jurisdiction changes nothing.
        let catalogs = try await Server.request("/v1/packs").json
        for kind in ["actions", "events"] {
            let served = try #require(catalogs[kind] as? [Any])
            #expect(try Self.canonical(Self.listed(kind, jurisdiction: id)) == Self.canonical(served))
        }
    }

    @Test func listWithoutAJurisdictionGivesTheCatalogs() async throws {
        let catalogs = try await Server.request("/v1/packs").json
        for kind in Self.catalogs {
            let served = try #require(catalogs[kind] as? [Any], "\(kind)")
            #expect(!served.isEmpty, "\(kind)")
            #expect(try Self.canonical(Self.listed(kind)) == Self.canonical(served), "list \(kind)")
        }
    }
}
