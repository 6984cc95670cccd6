import Bailiwick
import Foundation
import Testing

/// What each jurisdiction can check, and the forms of its matter types, where a user looks: the home
/// page, the packs page, `/v1/packs`, and an audit of a matter without a type.
struct DiscoverabilityTests {
    @Test func theHomePageSaysWhatEachJurisdictionCanCheck() async throws {
        let home = try await Server.request("/")
        #expect(home.status == .ok)
        for place in Server.packs.jurisdictions {
            let can = Server.packs.capabilities(of: place.id).names
            let cell = "<td>\(place.id)</td>"
            let rest = try #require(home.body.components(separatedBy: cell).dropFirst().first, "\(place.id)")
            let row = rest.components(separatedBy: "</tr>")[0]
            let checks = can.isEmpty ? "-" : can.joined(separator: ", ")
            #expect(row.contains("</td><td>\(checks)</td>"), "\(place.id): \(checks)")
        }
        // Washington has all four; a capability is never claimed where its part of the packs is empty.
        #expect(Server.packs.capabilities(of: "us-wa").names == ["scope", "forms", "deadlines", "calendar"])
        for place in Server.packs.jurisdictions {
            let can = Server.packs.capabilities(of: place.id)
            #expect(can.forms == !Server.packs.forms(in: place.id).isEmpty, "\(place.id)")
            #expect(can.deadlines == !Server.packs.deadlines(in: place.id).isEmpty, "\(place.id)")
        }
    }

    @Test func theListingOfJurisdictionsCarriesTheSameCapabilities() async throws {
        let packs = try await Server.request("/v1/packs")
        let places = try #require(packs.json["jurisdictions"] as? [[String: Any]])
        for place in places {
            let id = try #require(place["id"] as? String)
            #expect(place["capabilities"] as? [String] == Server.packs.capabilities(of: id).names, "\(id)")
        }
    }

    @Test func thePacksPageListsEveryFormOfTheJurisdictionsMatterTypes() async throws {
        let page = try await Server.request("/packs/us-wa")
        #expect(page.body.contains("<table id=\"form-table\">"))
        let forms = Server.packs.forms(in: "us-wa")
        #expect(!forms.isEmpty)
        for item in forms {
            #expect(page.body.contains("<code>\(item.form.code)</code>"), "\(item.form.code)")
        }
        // A pack with no matter types has no forms table.
        for place in Server.packs.jurisdictions where Server.packs.forms(in: place.id).isEmpty {
            let other = try await Server.request("/packs/\(place.id)")
            #expect(!other.body.contains("form-table"), "\(place.id)")
        }
    }

    @Test func aPacksFormsAreEachTypesFormsWithTheirConditions() async throws {
        let pack = try await Server.request("/v1/packs/us-wa")
        let forms = try #require(pack.json["forms"] as? [[String: Any]])
        let types = try #require(pack.json["matter-types"] as? [[String: Any]])
        for type in types {
            let id = try #require(type["id"] as? String)
            let codes = forms.filter { $0["matter-type"] as? String == id }.compactMap { $0["code"] as? String }
            #expect(codes == type["forms"] as? [String], "\(id)")
        }
        let conditional = try #require(forms.first { $0["when"] is String })
        #expect(conditional["required"] as? Bool == true)
    }

    @Test func anAuditOfAMatterWithoutATypeSaysFormsAndDeadlinesWereNotChecked() async throws {
        let text = try Server.repositoryFile("Examples/ut-no-matter-type.yaml")
        let answer = try await Server.request("/v1/audit", method: .post, body: text)
        #expect(answer.status == .ok)
        let matter = try #require((answer.json["matters"] as? [[String: Any]])?.first)
        #expect(matter["type"] is NSNull)
        let findings = try #require(matter["findings"] as? [[String: Any]])
        let notice = try #require(findings.first { $0["code"] as? String == "MATTER-TYPE-NOT-GIVEN" })
        #expect(notice["category"] as? String == "coverage" && notice["severity"] as? String == "warning")
        #expect((notice["message"] as? String)?.contains("not checked because no matter type was given") == true)
        #expect((notice["detail"] as? [String: Any])?["jurisdiction"] as? String == "us-ut")
        // The scope errors are still found.
        #expect(findings.contains { $0["code"] as? String == "SCOPE-PROHIBITED" })
        let html = try await Server.request("/v1/audit?format=html", method: .post, body: text)
        #expect(html.body.contains("no matter type") && html.body.contains("MATTER-TYPE-NOT-GIVEN"))
    }
}
