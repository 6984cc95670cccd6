import Foundation
import Testing

/// `bailiwick list forms --jurisdiction J [--type T]` and the capabilities `list jurisdictions` shows.
struct ListFormsCommandTests {
    typealias Item = [String: Any]

    static func listed(_ arguments: [String], kind: String) throws -> [Item] {
        let result = try CLI.run(["list"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try CLI.json(result.stdout)[kind] as? [Item], "\(arguments)")
    }

    @Test func theFormsOfAMatterTypeAreTheOnesItLists() throws {
        let types = try Self.listed(["matter-types", "-j", "us-wa"], kind: "matter-types")
        #expect(!types.isEmpty)
        for type in types {
            let id = try #require(type["id"] as? String)
            let forms = try Self.listed(["forms", "-j", "us-wa", "--type", id], kind: "forms")
            #expect(forms.allSatisfy { $0["matter-type"] as? String == id && $0["jurisdiction"] as? String == "us-wa" })
            #expect(forms.compactMap { $0["code"] as? String } == type["forms"] as? [String], "\(id)")
        }
        // Without --type, every type's forms in pack order.
        let all = try Self.listed(["forms", "-j", "us-wa"], kind: "forms")
        #expect(all.count == types.reduce(0) { $0 + (($1["forms"] as? [String])?.count ?? 0) })
    }

    @Test func theTextListingNamesTheTypeTheCodeAndWhenItIsRequired() throws {
        let result = try CLI.run(["list", "forms", "-j", "us-wa", "--type", "dissolution"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("dissolution") })
        #expect(lines.contains { $0.contains("required if ") })
    }

    @Test func listFormsRefusesWhatItCannotAnswer() throws {
        let nowhere = try CLI.run(["list", "forms"])
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("'list forms' needs --jurisdiction"))
        let typo = try CLI.run(["list", "forms", "-j", "us-wa", "--type", "disolution"])
        #expect(typo.status == 2)
        #expect(
            typo.stderr.contains("unknown matter type 'disolution' in us-wa") && typo.stderr.contains("dissolution"))
        let misplaced = try CLI.run(["list", "rules", "--type", "dissolution"])
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("use it with 'list forms'"))
        let unknown = try CLI.run(["list", "forms", "-j", "us-wq"])
        #expect(unknown.status == 2)
    }

    /// Each capability is worked out here from the other listings and `holidays`, never written down.
    @Test func listJurisdictionsSaysWhatEachCanCheck() throws {
        for place in try Self.listed(["jurisdictions"], kind: "jurisdictions") {
            let id = try #require(place["id"] as? String)
            let rules = try Self.listed(["rules", "-j", id], kind: "rules")
            let forms = try Self.listed(["forms", "-j", id], kind: "forms")
            let deadlines = try Self.listed(["deadlines", "-j", id], kind: "deadlines")
            let holidays = try CLI.run(["holidays", "-j", id, "--year", "2026"])
            let expected = [
                ("scope", !rules.isEmpty), ("forms", !forms.isEmpty), ("deadlines", !deadlines.isEmpty),
                ("calendar", holidays.status == 0),
            ].filter(\.1).map(\.0)
            #expect(place["capabilities"] as? [String] == expected, "\(id)")
        }
    }

    @Test func anUntypedMatterIsAuditedAndSaysSoInText() throws {
        let result = try CLI.run([
            "audit", AuditCommandTests.examples.appendingPathComponent("ut-no-matter-type.yaml").path,
        ])
        #expect(result.stdout.contains("no matter type"))
        #expect(result.stdout.contains("MATTER-TYPE-NOT-GIVEN"))
        #expect(result.stdout.contains("SCOPE-PROHIBITED"))
        #expect(result.status == 1)
    }
}
