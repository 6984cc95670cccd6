import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// Errors keep their type to the wire: one body with a stable code, the field and a suggestion,
/// the status the code implies, and no command-line syntax on the API or a page.
struct ErrorBodyTests {
    /// docs/error-codes.md's table: code and status of each row.
    static func documentedCodes() throws -> [(code: String, status: Int)] {
        try Server.repositoryFile("docs/error-codes.md").split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[0].hasPrefix("`"), let status = Int(cells[1]) else { return nil }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), status)
        }
    }

    @Test func theDocumentListsExactlyTheCodesWithTheirStatuses() throws {
        let documented = try Self.documentedCodes()
        #expect(documented.map(\.code) == ErrorCode.allCases.map(\.rawValue))
        #expect(documented.map(\.status) == ErrorCode.allCases.map(\.status))
    }

    @Test func anUnknownIDHasItsCodeFieldAndSuggestion() async throws {
        let answer = try await Server.request("/v1/check?jurisdiction=us-wa&license=llt&action=negotiate")
        #expect(answer.status == .badRequest)
        #expect(answer.errorCode == "unknown_id")
        #expect(answer.error["field"] as? String == "license")
        #expect(answer.error["suggestion"] as? String == "lllt")
        #expect(answer.errorMessage == "unknown licence 'llt' in us-wa; did you mean 'lllt'?")
        // Every key is there: absent ones are null.
        let missing = try await Server.request("/v1/check?jurisdiction=us-wa&license=lllt")
        #expect(missing.errorCode == "invalid_parameter" && missing.error["field"] as? String == "action")
        #expect(missing.error["suggestion"] is NSNull)
    }

    @Test func eachKindOfErrorHasTheStatusOfItsCode() async throws {
        let both = "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&rule=answer-to-complaint"
        let cases: [(uri: String, status: Int, code: String, field: String?)] = [
            (both, 400, "invalid_parameter", nil),
            ("/v1/deadlines?jurisdiction=us&from=2026-01-09&days=5000", 400, "invalid_parameter", "days"),
            ("/v1/deadlines?jurisdiction=us&from=2026-01-09&hours=48", 400, "invalid_parameter", "hours"),
            ("/v1/deadlines?jurisdiction=us&from=9999-12-20&days=30", 422, "not_computable", nil),
            ("/v1/deadlines?jurisdiction=us&from=2026-01-09&days=3&format=pdf", 400, "invalid_parameter", "format"),
            ("/v1/holidays?jurisdiction=us-wx", 400, "unknown_id", "jurisdiction"),
            ("/v1/quiz?count=501", 400, "invalid_parameter", "count"),
            ("/v1/packs/nowhere", 404, "not_found", "jurisdiction"),
            ("/v1/nothing-here", 404, "not_found", nil),
        ]
        for item in cases {
            let answer = try await Server.request(item.uri)
            #expect(Int(answer.status.code) == item.status, "\(item.uri)")
            #expect(answer.errorCode == item.code, "\(item.uri)")
            #expect(answer.error["field"] as? String == item.field, "\(item.uri)")
            #expect(ErrorCode(rawValue: item.code)?.status == item.status, "\(item.uri)")
        }
        let unreadable = try await Server.request("/v1/audit", method: .post, body: "id: [")
        #expect(unreadable.status == .unprocessableContent && unreadable.errorCode == "unreadable_matter")
        #expect(unreadable.json["problems"] is [Any])
    }

    /// Requests the API and the pages refuse; none of their messages may name an option.
    static let refused = [
        "deadlines?jurisdiction=us&from=2026-01-09&days=21&rule=answer-to-complaint",
        "deadlines?jurisdiction=us&from=2026-01-09&hours=48",
        "deadlines?jurisdiction=us-wa&from=2026-01-09&rule=answer-to-complaint&before=true",
        "deadlines?jurisdiction=us&from=2026-01-09&court-days=true&hours=3&at=10:00",
        "deadlines?jurisdiction=us&from=2026-01-09&days=5000",
        "holidays?jurisdiction=us&year=1200",
        "quiz?start=1&count=0",
        "check?jurisdiction=us-wa&license=lllt&action=negotiate&facts=children%3Dtwo",
    ]

    @Test func noAPIErrorOrPageNamesACommandLineOption() async throws {
        let option = /--[a-z]/
        for path in Self.refused {
            let api = try await Server.request("/v1/" + path)
            let message = try #require(api.errorMessage, "\(path)")
            #expect(message.firstMatch(of: option) == nil, "\(path): \(message)")
            let page = try await Server.request("/" + path)
            let box = page.body.firstMatch(of: /<div class="alert"[^>]*>(.*?)<\/div>/)?.output.1
            let alert = try #require(box, "\(path)")
            #expect(alert.firstMatch(of: option) == nil, "\(path): \(alert)")
        }
    }

    @Test func aPageWordsTheErrorAsASentenceNamingTheFieldsLabels() async throws {
        let both = try await Server.request(
            "/deadlines?jurisdiction=us&from=2026-01-09&days=21&rule=answer-to-complaint")
        #expect(
            both.body.contains(
                "<strong>Cannot answer:</strong> Give exactly one of “Named deadline”, "
                    + "“Or a period in days” or “Or a period in hours”."))
        let long = try await Server.request("/deadlines?jurisdiction=us&from=2026-01-09&days=5000")
        #expect(
            long.body.contains(
                "<strong>Cannot answer:</strong> “Or a period in days” must be a whole number from 1 to 3650, not "
                    + "&apos;5000&apos;."
            ))
    }

    /// The document and the forms state the limits the requests enforce.
    @Test func theOpenAPIDocumentAndTheFormsReadTheRequestsLimits() async throws {
        let document = try await OpenAPITests.document()
        let paths = try #require(document["paths"] as? [String: Any])
        func schema(_ path: String, _ name: String) -> [String: Any]? {
            let get =
                (paths[path] as? [String: Any])?["get"] as? [String: Any]
                ?? (paths[path] as? [String: Any])?["post"] as? [String: Any]
            let parameter = (get?["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == name }
            return parameter?["schema"] as? [String: Any]
        }
        let limits: [(String, String, ClosedRange<Int>)] = [
            ("/v1/deadlines", "days", DeadlineRequest.days), ("/v1/deadlines", "hours", DeadlineRequest.hours),
            ("/v1/holidays", "year", HolidaysRequest.years), ("/v1/quiz", "count", QuizRequest.counts),
            ("/v1/quiz", "seed", QuizRequest.seeds), ("/v1/audit", "horizon", AuditRequest.horizons),
        ]
        for (path, name, range) in limits {
            #expect(schema(path, name)?["minimum"] as? Int == range.lowerBound, "\(path) \(name)")
            #expect(schema(path, name)?["maximum"] as? Int == range.upperBound, "\(path) \(name)")
        }
        #expect(schema("/v1/audit", "horizon")?["default"] as? Int == AuditRequest.defaultHorizon)
        #expect(schema("/v1/quiz", "count")?["default"] as? Int == QuizRequest.defaultCount)
        let deadlines = try await Server.request("/deadlines")
        let days = "name=\"days\" type=\"number\" value=\"\" min=\"1\" max=\"\(Period.longestDays)\""
        #expect(deadlines.body.contains(days))
        let quiz = try await Server.request("/quiz")
        #expect(quiz.body.contains("min=\"\(QuizRequest.counts.lowerBound)\" max=\"\(QuizRequest.counts.upperBound)\""))
    }

    /// The shared deadline report names no command-line option: what it says about facts not
    /// given reads the same in any front end (the CLI passes its own hints, pinned by its golden file).
    @Test func theDeadlineReportNamesNoOption() throws {
        var request = DeadlineRequest(jurisdiction: "us-wa", from: CivilDate(year: 2026, month: 3, day: 8)!)
        request.rule = "answer-to-complaint"
        let item = try request.compute(in: Server.packs)
        #expect(!item.alternatives.isEmpty)
        let text = DeadlineText(item: item, packs: Server.packs, style: .plain).render()
        #expect(!text.contains("--"))
        #expect(text.contains("    (give served-out-of-state to decide)\n"))
    }
}
