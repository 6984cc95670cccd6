import Foundation
import Testing

/// `check --holds`: a licence held in some of its program's areas (Utah's LPP is licensed per area).
struct HoldsCommandTests {
    func check(area: String, holds: [String], format: String = "text") throws -> CLI.Result {
        try CLI.run(
            [
                "check", "-j", "us-ut", "-l", "lpp", "-a", "legal-research", "--area", area, "--on", "2026-03-01",
                "--format", format,
            ] + holds.flatMap { ["--holds", $0] })
    }

    @Test func anAreaNotHeldIsNotAuthorizedWithTheReason() throws {
        let result = try check(area: "landlord-tenant", holds: ["family"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("NOT AUTHORIZED"))
        #expect(
            result.stdout.contains("The person holds the licence but not its 'landlord-tenant' area (holds family)."))
        let json = try check(area: "landlord-tenant", holds: ["family", "debt-collection"], format: "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["decision"] as? String == "not-authorized")
        let finding = try #require(object["license-finding"] as? [String: Any])
        #expect(finding["kind"] as? String == "area-not-held")
        #expect(finding["held"] as? [String] == ["family", "debt-collection"])
        let query = try #require(object["query"] as? [String: Any])
        #expect(query["holds"] as? [String] == ["family", "debt-collection"])
    }

    @Test func theAreaHeldOrNoAreasNamedLeaveTheDecisionToTheRules() throws {
        for holds in [["landlord-tenant"], ["family,landlord-tenant"], []] {
            let json = try check(area: "landlord-tenant", holds: holds, format: "json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(object["decision"] as? String != "not-authorized", "holds \(holds)")
            #expect(object["license-finding"] is NSNull, "holds \(holds)")
        }
    }

    @Test func anAreaNotOfferedIsBadInput() throws {
        let result = try check(area: "family", holds: ["famly"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --holds names 'famly', an area the lpp licence does not offer "
                + "(it offers family, landlord-tenant, debt-collection)\n")
    }
}
