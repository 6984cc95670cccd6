import BailiwickJournal
import BailiwickReports
import BailiwickServer
import Foundation
import Hummingbird
import Testing

/// A page that is only an error still has the app's navigation and a way home; the API answers
/// the same errors with its JSON body, as before.
@Suite struct ErrorPageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        var maxBodyBytes: Int? = nil
        let status: Int
        let title: String
        /// The same error from the API: its path and the code of its JSON error.
        let api: (path: String, code: String)

        var testDescription: String { "\(method) \(path)" }
    }

    static let cases: [Case] = [
        Case(method: .get, path: "/nothing", status: 404, title: "Page not found", api: ("/v1/nothing", "not_found")),
        Case(
            method: .get, path: "/packs/us-wq", status: 404, title: "No such rule pack",
            api: ("/v1/packs/us-wq", "not_found")),
        Case(
            method: .post, path: "/check", status: 405, title: "Not available this way",
            api: ("/v1/check", "method_not_allowed")),
        Case(
            method: .post, path: "/audit", maxBodyBytes: 1_000, status: 413, title: "Too large",
            api: ("/v1/audit", "too_large")),
    ]

    /// The six tools of the navigation, each a link on every page.
    static let navigation = ["/check", "/audit", "/deadlines", "/holidays", "/quiz", "/packs"]

    static func expectErrorPage(_ page: Server.Answer, status: Int, title: String) {
        #expect(page.status.code == status)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.body.contains("<nav aria-label=\"Main\">"))
        for path in navigation { #expect(page.body.contains("<a href=\"\(path)\""), "no link to \(path)") }
        #expect(page.body.contains("<h1>\(title)</h1>"))
        #expect(page.body.contains("<a href=\"/\">Go to the home page</a>"))
        // The message is a sentence of its own, not a form's "Cannot answer".
        let alert = page.body.firstMatch(of: /<div class="alert" role="alert"><p>([A-Z][^<]*[.?!])<\/p><\/div>/)
        #expect(alert != nil, "\(page.body)")
    }

    @Test(arguments: cases)
    func anErrorPageHasTheNavigationAndAWayHome(_ error: Case) async throws {
        var configuration = ServerConfiguration()
        if let limit = error.maxBodyBytes { configuration.maxBodyBytes = limit }
        let body = error.method == .post ? "matter=" + String(repeating: "x", count: 2_000) : nil
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let page = try await Server.request(
            error.path, method: error.method, body: body, headers: form, configuration: configuration)
        Self.expectErrorPage(page, status: error.status, title: error.title)
        let api = try await Server.request(
            error.api.path, method: error.method, body: body, headers: form, configuration: configuration)
        #expect(api.status.code == error.status)
        #expect(api.header("Content-Type") == "application/json; charset=utf-8")
        #expect(api.errorCode == error.api.code)
    }

    @Test func anUnknownPacksAddressLeadsBackToTheListOfPacks() async throws {
        let page = try await Server.request("/packs/us-wq")
        #expect(
            page.body.contains("<a href=\"/packs\">See every rule pack</a> · <a href=\"/\">Go to the home page</a>"))
        #expect(page.body.contains("<a href=\"/packs\" aria-current=\"page\">"))
    }

    /// A server failure on the audit page (the journal cannot record the audit) is a 500 page, not a blank one.
    @Test func aFailureOnAPageIsAServerErrorPage() async throws {
        try await ServerJournalTests.withJournal { journal in
            await journal.close()
            let recorder = ServerJournal(journal: journal, packs: ServerJournalTests.packs, names: false)
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            let text = try ServerJournalTests.matter(id: "SRV-500")
            let form = "matter=\(text.addingPercentEncoding(withAllowedCharacters: allowed)!)&as-of=2026-05-22"
            let page = try await ServerJournalTests.post(
                "/audit", body: form, type: "application/x-www-form-urlencoded", journal: recorder)
            Self.expectErrorPage(page, status: 500, title: "Not recorded")
            #expect(!page.body.contains("FORM-MISSING"))
        }
    }
}
