import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation
import Hummingbird

/// The JSON API under `/v1`, described by `/openapi.json`. Every answer is computed by the same
/// engine and written by the same reporters as the command line's `--format json`.
struct API: Sendable {
    let service: Service

    func register(on routes: inout Routes) {
        routes.get("/v1/packs") { _, _ in Reply.json(service.packsJSON()) }
        routes.get("/v1/packs/{jurisdiction}") { request, context in
            answer { () throws(RequestError) in
                Reply.json(try service.jurisdictionJSON(context.parameters.get("jurisdiction") ?? ""))
            }
        }
        routes.get("/v1/check") { request, _ in
            answer { () throws(RequestError) in
                Reply.json(bytes: service.checkAnswers.document(for: try service.check(query(request))))
            }
        }
        routes.get("/v1/deadlines") { request, _ in
            answer { () throws(RequestError) in
                let parameters = query(request)
                let item = try service.deadline(parameters)
                switch parameters[.format] ?? "json" {
                case "json": return Reply.json(DeadlineJSON.render([item]))
                case "ics":
                    return Reply.text(
                        ICalendar.render([item]), type: "text/calendar; charset=utf-8",
                        download: "deadline.ics")
                case let other: throw .invalid(.format, .notOneOf(["json", "ics"], given: other))
                }
            }
        }
        routes.get("/v1/holidays") { request, _ in
            answer { () throws(RequestError) in
                Reply.json(try service.holidays(query(request)).json)
            }
        }
        routes.get("/v1/quiz") { request, _ in
            answer { () throws(RequestError) in
                let parameters = query(request)
                let format = try QuizExport.Format(parameters[.format] ?? QuizExport.Format.json.rawValue)
                let quiz = try service.quiz(parameters)
                let text = format.document(quiz.questions, seed: quiz.seed)
                if format == .json { return Reply.json(text) }
                return Reply.text(text, type: format.mediaType, download: "quiz-\(quiz.seed).\(format.fileExtension)")
            }
        }
        routes.post("/v1/audit") { request, _ in
            let parameters = query(request)
            let limit = min(service.configuration.maxMatterBytes, service.configuration.maxBodyBytes)
            do {
                let read = { () async throws -> ByteBuffer in try await Upload.read(request, limit: limit) }
                let bytes = Upload.reservation(request, limit: limit)
                let answer = try await service.audits.perform(reading: read, reserving: bytes) { body in
                    do throws(RequestError) {
                        let format = try AuditFormat(served: parameters[.format] ?? "json")
                        let audited = try service.audit(String(buffer: body), parameters: parameters, via: .api)
                        return JournalledResponse(response: format.response(for: audited), entry: audited.entry)
                    } catch {
                        return JournalledResponse(response: Reply.error(error), entry: nil)
                    }
                }
                guard let answer else { return Reply.busy(page: false) }
                return await service.send(answer, page: false)
            } catch is Upload.TooLarge {
                return Reply.error(.tooLarge(.matter, limit: limit, raisedBy: Upload.setting))
            }
        }
        routes.get("/openapi.json") { _, _ in Reply.json(OpenAPIDocument.json) }
    }

    /// A request's query string.
    private func query(_ request: Request) -> Parameters {
        Parameters(urlEncoded: Substring(request.uri.query ?? ""))
    }

    /// The response, or the request's error with the status its code has.
    private func answer(_ body: () throws(RequestError) -> Response) -> Response {
        do {
            return try body()
        } catch {
            return Reply.error(error)
        }
    }
}

extension AuditFormat {
    /// A format the server offers, by name.
    init(served name: String) throws(RequestError) {
        try self.init(name, among: AuditFormat.served)
    }

    /// The report in this format: its text, media type and a file name for downloading it.
    func document(for audited: Service.AuditedMatter) -> (text: String, type: String, file: String) {
        let report = audited.report
        let name = Self.fileName("audit", report.matter.id, fileExtension)
        return (
            document(
                of: report, for: audited.request, packs: audited.packs, parts: self == .json ? audited.parts.value : nil
            ),
            mediaType, name
        )
    }

    /// A download's file name from a matter's id: ASCII letters, digits and hyphens only, and
    /// short, since the name goes into a header.
    static func fileName(_ kind: String, _ id: String, _ fileExtension: String) -> String {
        let kept = id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        return "\(kind)-\(String(kept.prefix(64).map(Character.init))).\(fileExtension)"
    }

    func response(for audited: Service.AuditedMatter, download: Bool = false) -> Response {
        if self == .json && !download {
            return Reply.json(
                bytes: AuditFormat.jsonBytes(of: audited.report, for: audited.request, parts: audited.parts.value))
        }
        let document = document(for: audited)
        switch self {
        case .html where !download: return Reply.html(document.text)
        case .text where !download: return Reply.text(document.text, type: document.type)
        default: return Reply.text(document.text, type: document.type, download: document.file)
        }
    }
}
