import Bailiwick
import BailiwickJournal
import BailiwickReports
import Hummingbird

/// The supervisor's desk, served with `serve --caseload DIR`: the caseload page, each matter's full
/// report, and the calendar feeds of the caseload and of each person.
struct CaseloadRoutes: Sendable {
    let desk: CaseloadDesk
    let service: Service

    func register(on routes: inout Routes) {
        routes.get("/assets/caseload.css") { _, _ in Reply.text(CaseloadAssets.css, type: "text/css; charset=utf-8") }
        routes.get("/caseload") { request, _ in
            let filters: CaseloadPage.Filters
            do throws(CaseloadPage.FilterError) {
                filters = try CaseloadPage.Filters(query(request))
            } catch {
                let page = Layout.page("Caseload", path: "/caseload", body: Layout.problem(error.message))
                return Reply.html(page, status: .badRequest)
            }
            let page = CaseloadPage(board: await desk.current(), fixedDate: desk.fixedDate != nil, feedToken: feedToken)
            return Reply.html(page.render(filters))
        }
        routes.get("/caseload/matter/{id}") { request, context in
            let id = context.parameters.get("id").map { $0.removingPercentEncoding ?? $0 } ?? ""
            let redact: Bool
            do throws(RequestError) {
                redact = try query(request).flag(.redact)
            } catch {
                return Reply.html(
                    Layout.page("Matter", path: "/caseload", body: Layout.problem(error)), status: .badRequest)
            }
            return matterPage(id, board: await desk.current(), redact: redact, request: request)
        }
        routes.get("/caseload/calendar.ics") { _, _ in
            let board = await desk.current()
            return feed(board.matters, date: board.date)
        }
        routes.get("/caseload/people/{person}/calendar.ics") { request, context in
            let board = await desk.current()
            guard let person = board.person(context.parameters.get("person") ?? "") else {
                return AppResponder.error(
                    for: request, status: .notFound, code: .notFound, "no one on the caseload has this id")
            }
            return feed(board.matters(of: person), date: board.date)
        }
    }

    private var feedToken: String? { service.configuration.token.map(CaseloadFeed.token) }

    private func query(_ request: Request) -> Parameters {
        Parameters(urlEncoded: Substring(request.uri.query ?? ""))
    }

    /// Every file that gives the id (two files may), each with the audit page's report.
    private func matterPage(_ id: String, board: CaseloadBoard, redact: Bool, request: Request) -> Response {
        let matching = board.matters.filter { $0.matter.id == id }
        guard !matching.isEmpty else {
            return AppResponder.error(
                for: request, status: .notFound, code: .notFound, "no matter of the caseload has this id")
        }
        let audit = AuditRequest(asOf: board.date, redact: redact)
        let sections = matching.map { matter in
            let report = redact ? audit.audit(matter.matter, in: service.packs, today: board.date) : matter.report
            return "<section class=\"report\" aria-label=\"Audit report\">"
                + AuditHTML().matter(report, in: false) + "</section>"
        }
        let twice =
            matching.count > 1
            ? "<p class=\"alert\" role=\"alert\">\(matching.count) files give this id: "
                + "\(matching.map { "<code>\(htmlText($0.file))</code>" }.joined(separator: ", ")).</p>"
            : ""
        let back = "<p><a href=\"/caseload\(redact ? "?redact=yes" : "")\">Back to the caseload</a></p>"
        return Reply.html(
            Layout.page("Matter \(id)", path: "/caseload", body: back + twice + sections.joined(separator: "\n")))
    }

    /// The matters' events, written by the audit's calendar writer with its default reminders and no names.
    private func feed(_ matters: [DeskMatter], date: CivilDate) -> Response {
        let reporter = AuditICalendar(options: CalendarOptions(), packs: service.packs)
        let summary = CaseloadSummary(
            rows: matters.map { CaseloadRow($0.report) },
            invalid: [],
            asOf: date, horizon: AuditRequest.defaultHorizon)
        let events = matters.map { reporter.matter($0.report, in: true) }.joined(separator: reporter.separator)
        return Reply.text(reporter.head(summary) + events + reporter.tail(summary), type: AuditFormat.ics.mediaType)
    }
}

/// The feeds' own token. Calendar apps cannot send a header or keep a cookie, so a feed's address
/// carries its token in the query; it is derived from `BAILIWICK_TOKEN`, so that an address kept by
/// a calendar service opens the feeds and nothing else, and a new server token revokes it.
enum CaseloadFeed {
    static func token(_ serverToken: String) -> String {
        String(ContentHash.sha256(Array("bailiwick-calendar-feed\0\(serverToken)".utf8)).prefix(32))
    }

    /// `/caseload/calendar.ics` and `/caseload/people/ID/calendar.ics`.
    static func isFeed(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return path == "/caseload/calendar.ics"
            || (parts.count == 5 && parts[1] == "caseload" && parts[2] == "people" && !parts[3].isEmpty
                && parts[4] == "calendar.ics")
    }
}
