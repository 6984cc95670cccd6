import Bailiwick
import BailiwickLoading
import BailiwickReports
import BailiwickServer
import Foundation
import Testing

/// The matter editor's fields, found as a user finds them: an event's row by the event, a filing's
/// by the form, a fact's control by the fact.
enum EditorFields {
    static func type(_ jurisdiction: String, _ id: String) -> MatterType {
        Server.packs.matterType(id, in: jurisdiction)!
    }

    static func event(_ event: String, of type: MatterType) -> String {
        let row = MatterTemplate.events(of: type, in: Server.packs).firstIndex { $0.event == event }!
        return "event-\(row + 1)"
    }

    static func filing(_ code: String, of type: MatterType) -> String {
        "filing-\(type.forms.firstIndex { $0.code == code }! + 1)-date"
    }

    static func fact(_ id: String) -> String { "fact.\(id)" }

    /// A Washington dissolution petition filed 2026-01-20 and served in person 2026-02-10; the decree
    /// entered 2026-05-01 comes before the 90 days after service of RCW 26.09.030 have run: 18 days
    /// to 2026-02-28, 31 in March (49), 30 in April (79), 11 in May: day 90 is 2026-05-11.
    static var washingtonDissolution: [(String, String)] {
        let type = type("us-wa", "dissolution")
        return [
            ("mode", "editor"), ("matter-type", "us-wa/dissolution"), ("id", "WEB-7"), ("as-of", "2026-05-22"),
            ("person-1-name", "Jordan Reyes"), ("person-1-role", "technician"), ("person-1-license", "lllt"),
            ("person-1-licensed-from", "2021-06-01"), ("person-3-name", "Sam Doe"), ("person-3-role", "client"),
            (event("petition-filed", of: type) + "-date", "2026-01-20"),
            (event("service-of-petition", of: type) + "-date", "2026-02-10"),
            (event("service-of-petition", of: type) + "-method", "personal"),
            (event("decree-entered", of: type) + "-date", "2026-05-01"),
            ("action-1-by", "1"), ("action-1-action", "complete-forms"), ("action-1-date", "2026-01-10"),
            (filing("FL Divorce 201", of: type), "2026-01-20"),
            (fact("children"), "0"), (fact("written-contract"), "true"), (fact("issues"), "none"),
        ]
    }
}

/// The web matter editor (issue 18, item 5): every shipped matter type gets its form; the form is
/// audited as a file is; the YAML it offers loads and audits to the same findings.
@Suite struct MatterEditorPageTests {
    static let types = Server.packs.matterTypes.map { "\($0.jurisdiction)/\($0.id)" }

    @Test func theAuditPageAndTheNavigationLeadToTheEditor() async throws {
        let audit = try await Server.request("/audit")
        #expect(audit.body.contains("<form class=\"panel\" method=\"get\" action=\"/audit/new\""))
        #expect(audit.body.contains("<a href=\"/audit/new\">Build a matter</a>"))
        let picker = try await Server.request("/audit/new")
        #expect(picker.status == .ok)
        #expect(picker.body.contains("<a href=\"/audit/new\" aria-current=\"page\">Build a matter</a>"))
        #expect(!picker.body.contains("<a href=\"/audit\" aria-current=\"page\">"))
        // Every shipped type is offered, under its jurisdiction.
        for type in Self.types { #expect(picker.body.contains("value=\"\(type)\""), "\(type)") }
    }

    @Test(arguments: types)
    func everyMatterTypeHasItsFormAndAuditsEmpty(_ chosen: String) async throws {
        let parts = chosen.split(separator: "/").map(String.init)
        let type = EditorFields.type(parts[0], parts[1])
        let page = try await Server.request("/audit/new?matter-type=\(chosen)")
        #expect(page.status == .ok)
        for (index, _) in MatterTemplate.events(of: type, in: Server.packs).enumerated() {
            #expect(page.body.contains("name=\"event-\(index + 1)-date\" type=\"date\""))
        }
        for form in type.forms { #expect(page.body.contains(escapeHTML(form.code) + ":"), "\(form.code)") }
        for fact in MatterTemplate.facts(of: type, in: Server.packs) {
            #expect(page.body.contains("name=\"fact.\(fact.id)\""), "\(fact.id)")
            #expect(page.body.contains(escapeHTML(fact.description)), "\(fact.id)")
        }
        for license in Server.packs.licenses(in: type.jurisdiction) {
            #expect(page.body.contains("<option value=\"\(license.key.id)\""), "\(license.key.id)")
        }
        // Only a reference given: the matter loads and is audited, and its file loads as written.
        let form = [("mode", "editor"), ("matter-type", chosen), ("id", "EMPTY-1"), ("as-of", "2026-06-01")]
        let audited = try await Server.post("/audit", form: form)
        #expect(audited.status == .ok, "\(audited.body)")
        #expect(audited.body.contains("id=\"report\""))
        let yaml = try await Server.post("/audit", form: form + [("format", "yaml")])
        #expect(yaml.header("Content-Disposition") == "attachment; filename=\"matter-EMPTY-1.yaml\"")
        let matter = try MatterLoader.load(text: yaml.body, file: "matter", packs: Server.packs)
        #expect(matter.type?.id == type.id && matter.jurisdiction.id == type.jurisdiction)
    }

    @Test func aFilledFormAuditsToTheExpectedFindingsKeptFilledIn() async throws {
        let page = try await Server.post("/audit", form: EditorFields.washingtonDissolution)
        #expect(page.status == .ok)
        #expect(page.body.contains("WAITING-PERIOD-VIOLATED"))
        #expect(page.body.contains("FORM-MISSING"))
        // The form is shown again as it was filled in, beside the findings.
        #expect(page.body.contains("name=\"person-1-name\" type=\"text\" value=\"Jordan Reyes\""))
        #expect(page.body.contains("value=\"personal\" selected"))
        #expect(page.body.contains("name=\"fact.written-contract\" type=\"radio\" value=\"true\" checked"))
        #expect(page.body.contains("value=\"none\" checked"))
        #expect(page.body.contains("value=\"yaml\""))
        // The matter file the findings were made from is on the page.
        #expect(page.body.contains("children: 0"))
        #expect(page.body.contains("issues: []"))
        #expect(page.body.contains("{by: tech, action: complete-forms, date: 2026-01-10}"))
    }

    @Test func theDownloadedFileAuditsToThePagesFindings() async throws {
        let form = EditorFields.washingtonDissolution
        let yaml = try await Server.post("/audit", form: form + [("format", "yaml")])
        #expect(yaml.status == .ok)
        #expect(yaml.header("Content-Type") == "application/yaml; charset=utf-8")
        let matter = try MatterLoader.load(text: yaml.body, file: "matter", packs: Server.packs)
        #expect(matter.people.map(\.name) == ["Jordan Reyes", "Sam Doe"])
        #expect(matter.asOf?.description == "2026-05-22")
        // The page's report, as its JSON download, and the file's, audited as any file is.
        let shown = try await Server.post("/audit", form: form + [("format", "json")])
        let again = try await Server.request("/v1/audit?format=json", method: .post, body: yaml.body)
        #expect(again.status == .ok)
        let findings = { (answer: Server.Answer) -> NSArray? in
            ((answer.json["matters"] as? [[String: Any]])?.first?["findings"] as? [Any]).map { $0 as NSArray }
        }
        let pageFindings = try #require(findings(shown))
        #expect(pageFindings.count > 2)
        #expect(findings(again) == pageFindings)
        // The library, as `bailiwick audit` reads the file, gives the same codes.
        let report = AuditRequest().audit(matter, in: Server.packs, today: CivilDate(year: 2026, month: 5, day: 22)!)
        let codes = pageFindings.compactMap { ($0 as? [String: Any])?["code"] as? String }
        #expect(report.findings.map(\.code.rawValue) == codes)
    }

    @Test func anExampleOfTheTypeFillsTheForm() async throws {
        let page = try await Server.request("/audit/new?matter-type=us-wa/dissolution")
        #expect(page.body.contains("example=wa-dissolution-clean.yaml\">wa-dissolution-clean.yaml</a>"))
        #expect(!page.body.contains("or-fed-clean.yaml"))
        let filled = try await Server.request(
            "/audit/new?matter-type=us-wa/dissolution&example=wa-dissolution-clean.yaml")
        #expect(filled.status == .ok)
        let example = try MatterLoader.load(
            text: Server.repositoryFile("Examples/wa-dissolution-clean.yaml"), file: "example", packs: Server.packs)
        #expect(filled.body.contains("name=\"id\" type=\"text\" value=\"\(example.id)\""))
        for person in example.people { #expect(filled.body.contains("value=\"\(escapeHTML(person.name))\"")) }
        let wrongType = try await Server.request(
            "/audit/new?matter-type=us-wa/dissolution&example=or-fed-clean.yaml")
        #expect(wrongType.status == .notFound)
    }

    @Test func moreRowsAreAddedWithoutAuditing() async throws {
        let page = try await Server.post(
            "/audit", form: EditorFields.washingtonDissolution + [("person-rows", "4"), ("more", "people")])
        #expect(page.status == .ok)
        #expect(page.body.contains("name=\"person-6-name\""))
        #expect(!page.body.contains("name=\"person-7-name\""))
        #expect(!page.body.contains("id=\"report\""))
        #expect(page.body.contains("value=\"Jordan Reyes\""))
    }

    @Test func badInputIsAClearPageThatRepeatsNoClientData() async throws {
        let base = EditorFields.washingtonDissolution
        func without(_ name: String) -> [(String, String)] { base.filter { $0.0 != name } }
        let cases: [(form: [(String, String)], status: Int, says: String)] = [
            (without("person-1-name"), 400, "Row 1 of “People” needs a name."),
            (
                without("action-1-date") + [("action-1-date", "10/01/2026 Jordan")], 400,
                "Row 1 of “What the technician did” needs a date written YYYY-MM-DD."
            ),
            (
                without("fact.children") + [("fact.children", "two Jordan")], 400,
                "The answer for children must be a whole number of 0 or more."
            ),
            (base + [("person-41-name", "Jordan Reyes")], 400, "“People” has more than 40 rows"),
            (without("matter-type") + [("matter-type", "us-wa/divorce")], 400, "“Matter type” must be one of"),
            (
                without("action-1-action") + [("action-1-action", "negociate")], 400,
                "nknown action &apos;negociate&apos;"
            ),
            (without("id"), 400, "“Matter reference” is required."),
        ]
        for (form, status, says) in cases {
            let page = try await Server.post("/audit", form: form)
            #expect(Int(page.status.code) == status, "\(says)")
            let alert = try #require(
                page.body.firstRange(of: "<div class=\"alert\"").map { page.body[$0.lowerBound...] }, "\(says)")
            let message = alert.prefix(upTo: alert.firstRange(of: "</div>")!.lowerBound)
            #expect(message.contains(says), "\(message)")
            #expect(!message.contains("Jordan") && !message.contains("Sam Doe"), "\(message)")
        }
        // A form larger than the server takes is refused before it is read.
        let small = ServerConfiguration(maxBodyBytes: 1_000)
        let large = try await Server.post(
            "/audit", form: base + [("person-2-name", String(repeating: "x", count: 2_000))], configuration: small)
        #expect(large.status == .contentTooLarge)
        let unknown = try await Server.request("/audit/new?matter-type=us-wq/dissolution")
        #expect(unknown.status == .badRequest)
        #expect(unknown.body.contains("nknown jurisdiction &apos;us-wq&apos;"))
    }
}
