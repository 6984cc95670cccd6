import Bailiwick
import Foundation
import BailiwickLoading
import BailiwickReports
import Hummingbird

/// The JSON API under `/v1`, described by `/openapi.json`. Every answer is computed by the same
/// engine and written by the same reporters as the command line's `--format json`.
struct API: Sendable {
    let service: Service

    func register(on routes: inout Routes) {
        routes.get("/v1/packs") { _, _ in Reply.json(service.packsJSON()) }
        routes.get("/v1/packs/{jurisdiction}") { request, context in
            let id = context.parameters.get("jurisdiction") ?? ""
            guard let document = service.jurisdictionJSON(id) else {
                return Reply.error(QueryError(.jurisdiction, id, candidates: service.packs.jurisdictions.map(\.id)).description,
                                   status: .notFound)
            }
            return Reply.json(document)
        }
        routes.get("/v1/check") { request, _ in
            answer { () throws(InputError) in
                Reply.json(DecisionJSONReport.render(try service.check(query(request)), packs: service.packs))
            }
        }
        routes.get("/v1/deadlines") { request, _ in
            answer { () throws(InputError) in
                let parameters = query(request)
                let item = try service.deadline(parameters)
                switch parameters["format"] ?? "json" {
                case "json": return Reply.json(DeadlineJSON.render([item]))
                case "ics": return Reply.text(ICalendar.render([item]), type: "text/calendar; charset=utf-8", download: "deadline.ics")
                case let other: throw InputError("'format' must be json or ics, not '\(other)'")
                }
            }
        }
        routes.get("/v1/holidays") { request, _ in
            answer { () throws(InputError) in
                Reply.json(try service.holidays(query(request)).json)
            }
        }
        routes.get("/v1/quiz") { request, _ in
            answer { () throws(InputError) in
                let quiz = try service.quiz(query(request))
                return Reply.json(QuizReport.json(quiz.questions, seed: quiz.seed))
            }
        }
        routes.post("/v1/audit") { request, _ in
            let parameters = query(request)
            let limit = min(service.configuration.maxMatterBytes, service.configuration.maxBodyBytes)
            do {
                let read = { () async throws -> ByteBuffer in try await Upload.read(request, limit: limit) }
                let response = try await service.audits.perform(reading: read) { body in
                    answer { () throws(InputError) in
                        let format = try AuditFormat(parameters["format"] ?? "json")
                        switch try service.audit(String(buffer: body), parameters: parameters) {
                        case .report(let report):
                            return format.response(for: report)
                        case .unreadable(let problems):
                            return Reply.json(Service.problemsJSON(problems), status: .unprocessableContent)
                        }
                    }
                }
                return response ?? Reply.busy(page: false)
            } catch is Upload.TooLarge {
                return Reply.error(Upload.TooLarge.message(limit: limit), status: .contentTooLarge)
            }
        }
        routes.get("/openapi.json") { _, _ in Reply.json(OpenAPIDocument.json) }
    }

    /// A request's query string.
    private func query(_ request: Request) -> Parameters {
        Parameters(urlEncoded: Substring(request.uri.query ?? ""))
    }

    /// The response, or 400 with the input error.
    private func answer(_ body: () throws(InputError) -> Response) -> Response {
        do {
            return try body()
        } catch {
            return Reply.error(error.description, status: .badRequest)
        }
    }
}

/// The formats an audit report is served in.
enum AuditFormat: String, CaseIterable {
    case json, html, ics, text

    init(_ name: String) throws(InputError) {
        guard let format = AuditFormat(rawValue: name) else {
            throw InputError("'format' must be one of \(AuditFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
        }
        self = format
    }

    /// The report in this format: its text, media type and a file name for downloading it.
    func document(for report: AuditReport) -> (text: String, type: String, file: String) {
        // ASCII letters, digits and hyphens only, and short: the name goes into a header.
        let name = "audit-" + String(report.matter.id.unicodeScalars.filter {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-")
        }.prefix(64).map(Character.init))
        switch self {
        case .json:
            return (AuditJSON().document(of: report),
                    "application/json; charset=utf-8", "\(name).json")
        case .html:
            return (AuditHTML().document(of: report),
                    "text/html; charset=utf-8", "\(name).html")
        case .text:
            return (AuditText(style: .plain).document(of: report),
                    "text/plain; charset=utf-8", "\(name).txt")
        case .ics:
            return (ICalendar.render(report), "text/calendar; charset=utf-8", "\(name).ics")
        }
    }

    func response(for report: AuditReport, download: Bool = false) -> Response {
        let document = document(for: report)
        switch self {
        case .html where !download: return Reply.html(document.text)
        case .json where !download: return Reply.json(document.text)
        case .text where !download: return Reply.text(document.text, type: document.type)
        default: return Reply.text(document.text, type: document.type, download: document.file)
        }
    }
}
