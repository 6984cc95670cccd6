import Bailiwick
import BailiwickLoading
import BailiwickReports
import BailiwickServer
import Foundation
import Hummingbird
import Testing

/// The JSON API gives the engine's answers, in the command line's JSON, with clear errors.
@Suite struct APITests {
    @Test func checkAnswersWithTheEnginesDecision() async throws {
        let answer = try await Server.request(
            "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"
                + "&fact=written-consent-to-negotiate=true&fact=written-contract=true&fact=client.pro-se=true"
                + "&fact=represents-other-party=false&fact=issues=")
        #expect(answer.status == .ok)
        #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
        let request = CheckRequest(
            jurisdiction: "us-wa", license: "lllt", action: "negotiate", area: nil,
            date: CivilDate(year: 2026, month: 3, day: 1)!,
            facts: [
                ("written-consent-to-negotiate", "true"), ("written-contract", "true"), ("client.pro-se", "true"),
                ("represents-other-party", "false"), ("issues", ""),
            ])
        let decision = try request.decide(in: Server.packs)
        #expect(answer.body == DecisionJSONReport.render(decision, packs: Server.packs))
        #expect(answer.json["decision"] as? String == "permitted")
    }

    @Test func theSameQuestionWithoutConsentIsUnmet() async throws {
        let answer = try await Server.request(
            "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"
                + "&fact=written-consent-to-negotiate=false&fact=written-contract=true&fact=client.pro-se=true"
                + "&fact=represents-other-party=false&fact=issues=")
        #expect(answer.json["decision"] as? String == "conditional")
        #expect(answer.json["out-of-scope"] as? Bool == true)
    }

    @Test func aQueryIsReadAsFormsEncodeIt() async throws {
        let plain = try await Server.request(
            "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01&area=family"
                + "&fact=written-consent-to-negotiate=true&fact=issues=")
        #expect(plain.status == .ok)
        // Escaped bytes, `+` for a space (the spaces around a value are dropped), empty fields, a name
        // without a value (empty: the next non-empty `area` is read), and `=` inside a value: the same question.
        let encoded = try await Server.request(
            "/v1/check?jurisdiction=us%2Dwa&&license=lll%74&action=negotiate&&on=2026-03-01&area&area=+family+"
                + "&fact=written-consent-to-negotiate%3Dtrue&fact=issues=&")
        #expect(encoded.status == .ok)
        #expect(encoded.body == plain.body)
        #expect(plain.json["query"].flatMap { ($0 as? [String: Any])?["area"] as? String } == "family")
    }

    @Test func mistypedIDsAndMissingParametersAreBadRequestsWithSuggestions() async throws {
        let license = try await Server.request("/v1/check?jurisdiction=us-wa&license=llt&action=negotiate")
        #expect(license.status == .badRequest)
        #expect((license.errorMessage)?.contains("lllt") == true)
        let missing = try await Server.request("/v1/check?jurisdiction=us-wa&license=lllt")
        #expect(missing.status == .badRequest)
        #expect(missing.errorMessage == "'action' is required")
        let date = try await Server.request("/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-02-30")
        #expect(date.status == .badRequest)
        let fact = try await Server.request(
            "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&fact=children=two")
        #expect(fact.status == .badRequest)
        #expect((fact.errorMessage)?.contains("whole number") == true)
    }

    @Test func deadlinesAreComputedWithTheirTraceAndAsACalendar() async throws {
        // FRCP 6: 21 days after Friday 2026-01-09 is Friday 2026-01-30; mail service adds 3 days
        // after the period, Monday 2026-02-02.
        let answer = try await Server.request("/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&service=mail")
        #expect(answer.status == .ok)
        let deadline = try #require((answer.json["deadlines"] as? [[String: Any]])?.first)
        #expect(deadline["date"] as? String == "2026-02-02")
        #expect((deadline["trace"] as? [Any])?.isEmpty == false)
        let calendar = try await Server.request(
            "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&service=mail&format=ics")
        #expect(calendar.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(calendar.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(calendar.body.contains("DTSTART;VALUE=DATE:20260202"))
        let both = try await Server.request("/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&hours=5")
        #expect(both.status == .badRequest)
    }

    @Test func holidaysComeFromTheCalendarRules() async throws {
        let answer = try await Server.request("/v1/holidays?jurisdiction=us-wa&year=2026")
        #expect(answer.status == .ok)
        let holidays = try #require(answer.json["holidays"] as? [[String: Any]])
        // Thanksgiving: the fourth Thursday of November 2026.
        #expect(
            holidays.contains { $0["id"] as? String == "thanksgiving-day" && $0["observed"] as? String == "2026-11-26" }
        )
        let unknown = try await Server.request("/v1/holidays?jurisdiction=wa")
        #expect(unknown.status == .badRequest)
    }

    @Test func aQuizIsTheSameForTheSameSeed() async throws {
        let first = try await Server.request("/v1/quiz?jurisdiction=us-ut&topic=scope&topic=deadlines&count=5&seed=42")
        let second = try await Server.request("/v1/quiz?jurisdiction=us-ut&topic=scope&topic=deadlines&count=5&seed=42")
        #expect(first.status == .ok)
        #expect(first.body == second.body)
        let questions = try #require(first.json["questions"] as? [[String: Any]])
        #expect(questions.count == 5)
        #expect(questions.allSatisfy { ["scope", "deadlines"].contains($0["topic"] as? String) })
        let topic = try await Server.request("/v1/quiz?topic=law")
        #expect(topic.status == .badRequest)
        // A seed past 2^53 - 1 is refused, not a crash.
        let huge = try await Server.request("/v1/quiz?seed=9223372036854775808")
        #expect(huge.status == .badRequest)
    }

    @Test func anAuditGivesTheEnginesFindingsInEveryFormat() async throws {
        let text = try Server.repositoryFile("Examples/wa-dissolution-problems.yaml")
        let answer = try await Server.request("/v1/audit", method: .post, body: text)
        #expect(answer.status == .ok)
        let matter = try MatterLoader.load(text: text, file: "matter", packs: Server.packs)
        let report = Server.packs.audit(matter, asOf: matter.asOf!)
        let matters = try #require(answer.json["matters"] as? [[String: Any]])
        let codes = (matters.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes == report.findings.map(\.code.rawValue))
        #expect(codes.contains("SCOPE-PROHIBITED") && codes.contains("WAITING-PERIOD-VIOLATED"))

        let html = try await Server.request("/v1/audit?format=html", method: .post, body: text)
        #expect(html.header("Content-Type") == "text/html; charset=utf-8")
        #expect(html.body.contains("<svg"))
        let calendar = try await Server.request("/v1/audit?format=ics", method: .post, body: text)
        #expect(calendar.body.hasPrefix("BEGIN:VCALENDAR"))
        #expect(calendar.body.contains("DTSTART;VALUE=DATE:20260601")) // notice of appeal, rolled to Monday
        let plain = try await Server.request("/v1/audit?format=text", method: .post, body: text)
        #expect(plain.body.contains("SCOPE-PROHIBITED"))
        let unknown = try await Server.request("/v1/audit?format=pdf", method: .post, body: text)
        #expect(unknown.status == .badRequest)
    }

    @Test func aMatterCannotAddLinesToTheCalendar() async throws {
        let text = try Server.repositoryFile("Examples/wa-dissolution-problems.yaml")
            .replacingOccurrences(of: "id: WA-2026-0153", with: "id: \"WA-1\\r\\nATTENDEE:mailto:someone@example.com\"")
        let calendar = try await Server.request("/v1/audit?format=ics", method: .post, body: text)
        #expect(calendar.status == .ok)
        let lines = calendar.body.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") })
        #expect(lines.contains { $0.hasPrefix("UID:WA-1--ATTENDEE-mailto-someone-example-com-") })
        #expect(!calendar.body.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test func redactionRemovesNamesFromTheReport() async throws {
        let text = try Server.repositoryFile("Examples/wa-dissolution-problems.yaml")
        let plain = try await Server.request("/v1/audit?format=html", method: .post, body: text)
        #expect(plain.body.contains("Marcus Bell"))
        for format in ["json", "html", "text", "ics"] {
            let redacted = try await Server.request("/v1/audit?format=\(format)&redact=true", method: .post, body: text)
            #expect(redacted.status == .ok)
            for name in ["Marcus Bell", "Dana Whitfield", "Adaeze", "Simon Hale"] {
                #expect(!redacted.body.contains(name), "\(format) shows \(name)")
            }
        }
    }

    @Test func anUnreadableMatterNamesThePlaceButNeverTheClientsData() async throws {
        let text = """
            id: X-1
            jurisdiction: us-wa
            type: dissolution
            people:
              - {id: client, role: client, name: Jane Confidential}
            facts:
              children: Jane Confidential's three children
            """
        let answer = try await Server.request("/v1/audit", method: .post, body: text)
        #expect(answer.status == .unprocessableContent)
        let problems = try #require(answer.json["problems"] as? [[String: Any]])
        #expect(
            problems.contains { $0["line"] as? Int == 7 && ($0["message"] as? String)?.contains("children") == true })
        #expect(!answer.body.contains("Confidential"))
    }

    @Test func aBodyOverTheLimitIsRefused() async throws {
        let small = ServerConfiguration(maxBodyBytes: 1_000)
        let answer = try await Server.request(
            "/v1/audit", method: .post, body: String(repeating: "# padding\n", count: 200),
            configuration: small)
        #expect(answer.status.code == 413)
    }

    @Test func packsAreListedWithCitationsAndSourceStatus() async throws {
        let packs = try await Server.request("/v1/packs")
        let jurisdictions = try #require(packs.json["jurisdictions"] as? [[String: Any]])
        #expect(jurisdictions.map { $0["id"] as? String } == Server.packs.jurisdictions.map(\.id))
        let washington = try await Server.request("/v1/packs/us-wa")
        let rules = try #require(washington.json["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "wa-lllt-no-court-representation" })
        #expect(
            rules.allSatisfy {
                (($0["citation"] as? [String: Any])?["source"] as? String).map(
                    ["primary", "official-summary", "secondary", "unverified"].contains) == true
            })
        let nowhere = try await Server.request("/v1/packs/us-xx")
        #expect(nowhere.status == .notFound)
    }
}
