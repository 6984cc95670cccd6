import Foundation
import Testing

/// `list <kind> --jurisdiction J` keeps what applies in J, worked out here from the unfiltered
/// listings (never from counts written down): rules of the licences that exist in J, the facts
/// their conditions read, the areas a question there can be about.
struct ListFilterTests {
    typealias Item = [String: Any]

    static func items(_ kind: String, in jurisdiction: String? = nil) throws -> [Item] {
        let result = try CLI.run(["list", kind, "--format", "json"] + (jurisdiction.map { ["-j", $0] } ?? []))
        #expect(result.status == 0, "list \(kind): \(result.stderr)")
        return try #require(try CLI.json(result.stdout)[kind] as? [Item], "list \(kind)")
    }

    static func ids(_ items: [Item]) -> [String] { items.compactMap { $0["id"] as? String } }

    static func strings(_ value: Any?) -> [String] { value as? [String] ?? [] }

    /// The words of a condition that could be fact ids.
    static func words(_ condition: String?) -> Set<String> {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
        return Set((condition ?? "").components(separatedBy: allowed.inverted).filter { !$0.isEmpty })
    }

    /// Per jurisdiction: its country and the ids of the licences that exist there.
    static func places() throws -> [(id: String, country: String, licenses: [Item])] {
        try items("jurisdictions").map { place in
            let id = try #require(place["id"] as? String)
            return (id, place["country"] as? String ?? "", try items("licenses", in: id))
        }
    }

    @Test func rulesInAJurisdictionAreThoseOfTheLicencesThatExistThere() throws {
        let all = try Self.items("rules")
        for place in try Self.places() {
            let licenses = Set(Self.ids(place.licenses))
            let here = all.filter { rule in
                [nil, place.id].contains(rule["jurisdiction"] as? String)
            }
            let expected = here.filter { !licenses.isDisjoint(with: Self.strings($0["licenses"])) }
            let listed = try Self.items("rules", in: place.id)
            #expect(Self.ids(listed) == Self.ids(expected), "\(place.id)")
            #expect(!listed.isEmpty, "\(place.id)")
        }
    }

    @Test func ontarioHasNoRuleOfALicenceThatDoesNotExistThere() throws {
        let licenses = Set(Self.ids(try Self.items("licenses", in: "ca-on")))
        let listed = try Self.items("rules", in: "ca-on")
        #expect(!listed.isEmpty)
        let strays = listed.filter { licenses.isDisjoint(with: Self.strings($0["licenses"])) }
        #expect(Self.ids(strays) == [])
        // The shared rules of a licence Ontario does not have (the US paralegal's) are left out.
        let shared = try Self.items("rules").filter { $0["jurisdiction"] is NSNull }
        let foreign = shared.filter { licenses.isDisjoint(with: Self.strings($0["licenses"])) }
        #expect(!foreign.isEmpty)
        #expect(Set(Self.ids(listed)).isDisjoint(with: Self.ids(foreign)))
        // And a rule of a licence that does exist there is listed.
        let own = try Self.items("rules").filter { $0["jurisdiction"] as? String == "ca-on" }
        #expect(!own.isEmpty)
        #expect(Set(Self.ids(own)).isSubset(of: Self.ids(listed)))
    }

    @Test func factsInAJurisdictionAreThoseItsConditionsRead() throws {
        let all = Self.ids(try Self.items("facts"))
        for place in try Self.places() {
            var read = Set<String>()
            for rule in try Self.items("rules", in: place.id) {
                read.formUnion(Self.words(rule["when"] as? String))
                for requirement in rule["requires"] as? [Item] ?? [] {
                    read.formUnion(Self.words(requirement["condition"] as? String))
                }
            }
            for deadline in try Self.items("deadlines", in: place.id) {
                for variant in Self.strings(deadline["variants"]) { read.formUnion(Self.words(variant)) }
            }
            let listed = Self.ids(try Self.items("facts", in: place.id))
            let expected = all.filter(read.contains)
            if try Self.items("matter-types", in: place.id).isEmpty {
                #expect(listed == expected, "\(place.id)")
            } else {
                // Matter types' conditions are not listed: what the rules and deadlines read is a part.
                #expect(Set(expected).isSubset(of: listed), "\(place.id)")
                #expect(listed == all.filter(Set(listed).contains), "\(place.id): in pack order")
            }
        }
        let ontario = Self.ids(try Self.items("facts", in: "ca-on"))
        #expect(!ontario.isEmpty && ontario.count < all.count)
    }

    @Test func areasInAJurisdictionAreThoseItsPacksNameOrAnyAreaLicenceCovers() throws {
        let all = Self.ids(try Self.items("areas"))
        let places = try Self.places()
        var named: [String: Set<String>] = [:]
        for place in places {
            var areas = Set<String>()
            for license in place.licenses { areas.formUnion(Self.strings(license["areas"])) }
            for rule in try Self.items("rules", in: place.id) { areas.formUnion(Self.strings(rule["areas"])) }
            for type in try Self.items("matter-types", in: place.id) {
                if let area = type["area"] as? String { areas.insert(area) }
            }
            named[place.id] = areas
        }
        for place in places {
            var expected = named[place.id] ?? []
            if place.licenses.contains(where: { $0["areas"] as? String == "any" }) {
                let home = places.filter { $0.country == place.country }.map { named[$0.id] ?? [] }
                let abroad = places.filter { $0.country != place.country }.map { named[$0.id] ?? [] }
                expected.formUnion(
                    all.filter { area in
                        home.contains { $0.contains(area) } || !abroad.contains { $0.contains(area) }
                    })
            }
            let listed = Self.ids(try Self.items("areas", in: place.id))
            #expect(listed == all.filter(expected.contains), "\(place.id)")
        }
        // Ontario lists only its licence's areas, and a US jurisdiction none that only Ontario names.
        let ontario = Self.ids(try Self.items("areas", in: "ca-on"))
        let canada = try #require(places.first { $0.id == "ca-on" })
        let p1 = try #require(canada.licenses.first)
        #expect(ontario == all.filter(Set(Self.strings(p1["areas"])).contains))
        let onlyOntario = (named["ca-on"] ?? []).subtracting(
            places.filter { $0.country != canada.country }
                .flatMap { named[$0.id] ?? [] })
        #expect(!onlyOntario.isEmpty)
        #expect(Set(Self.ids(try Self.items("areas", in: "us-wa"))).isDisjoint(with: onlyOntario))
    }
}
