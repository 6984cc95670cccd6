import BailiwickServer
import Foundation
import Hummingbird
import Testing

/// Whole answers of the API and the pages, pinned by golden files in `Tests/GoldenAPI/`: the status,
/// the headers and the body of a fixed list of requests, every endpoint in every format with its errors.
///
/// Every date is given (`on`, `from`, `year`, the matter's `as-of`) and every quiz has its seed, so no
/// answer depends on today. When an answer changes on purpose, re-record with
/// `BAILIWICK_RECORD_GOLDEN=1 swift test --filter APIGolden` and review `git diff Tests/GoldenAPI`.
@Suite struct APIGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GoldenAPI")
    static let recording = ProcessInfo.processInfo.environment["BAILIWICK_RECORD_GOLDEN"] == "1"

    struct Case: CustomTestStringConvertible, Sendable {
        enum Body: Sendable {
            case none
            /// A file of the repository, sent as it is.
            case file(String)
            case text(String)
            /// A browser's form post; a field whose value starts with `@` is sent with that repository file's text.
            case form([(String, String)])
        }

        let name: String
        var method: HTTPRequest.Method = .get
        let uri: String
        var body: Body = .none
        /// A request body limit, for the 413 answers; the default configuration otherwise.
        var maxBodyBytes: Int?
        /// Served with the example caseload and a broken file (CaseloadFixture), as of 2026-05-01.
        var caseload = false
        var testDescription: String { name }
    }

    static let problems = "Examples/wa-dissolution-problems.yaml"
    static let negotiate =
        "jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"
        + "&fact=written-consent-to-negotiate=true&fact=written-contract=true&fact=client.pro-se=true"
        + "&fact=represents-other-party=false&fact=issues="
    static let prohibited = "jurisdiction=us-wa&license=lllt&action=appear-in-court&on=2026-03-01&area=family"
    /// A Utah debt case one dollar over the small-claims limit in force on the date ($20,000).
    static let overLimit =
        "jurisdiction=us-ut&license=lpp&action=file-document&area=debt-collection&on=2026-03-01"
        + "&fact=amount-in-controversy=20001&fact=client.natural-person=true"
        + "&fact=client.represented-by-unaffiliated-lawyer=false&fact=written-contract=true"
    static let named = "jurisdiction=us-wa&from=2026-03-08&rule=answer-to-complaint"
    static let mail = "jurisdiction=us&from=2026-01-09&days=21&service=mail"
    static let quiz = "jurisdiction=us-ut&license=lpp&count=6&seed=42&as-of=2026-11-22"
    /// A matter file the loader refuses: a date that is not one, next to a client's name.
    static let unreadable = "id: A-1\njurisdiction: us-wa\ntype: dissolution\nas-of: 31/12/2026 Secret Client\n"

    static let cases: [Case] = [
        // The API: packs.
        Case(name: "v1-packs.http", uri: "/v1/packs"),
        Case(name: "v1-packs-us-wa.http", uri: "/v1/packs/us-wa"),
        Case(name: "v1-packs-unknown-404.http", uri: "/v1/packs/us-wq"),
        // check: each kind of decision and each kind of bad request.
        Case(name: "v1-check-permitted.http", uri: "/v1/check?" + negotiate),
        Case(name: "v1-check-prohibited.http", uri: "/v1/check?" + prohibited),
        Case(name: "v1-check-parameter.http", uri: "/v1/check?" + overLimit),
        Case(
            name: "v1-check-undetermined.http",
            uri: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"),
        Case(
            name: "v1-check-unknown-action-400.http",
            uri: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotaite&on=2026-03-01"),
        Case(name: "v1-check-missing-action-400.http", uri: "/v1/check?jurisdiction=us-wa&license=lllt"),
        Case(
            name: "v1-check-bad-date-400.http",
            uri: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-02-30"),
        Case(
            name: "v1-check-bad-fact-400.http",
            uri: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01&fact=children=two"),
        Case(name: "v1-check-post-405.http", method: .post, uri: "/v1/check?" + prohibited),
        // deadlines: JSON and iCalendar, and the errors.
        Case(name: "v1-deadlines-named.http", uri: "/v1/deadlines?" + named),
        Case(name: "v1-deadlines-named-ics.http", uri: "/v1/deadlines?" + named + "&format=ics"),
        Case(name: "v1-deadlines-days-mail.http", uri: "/v1/deadlines?" + mail),
        Case(
            name: "v1-deadlines-hours.http",
            uri: "/v1/deadlines?jurisdiction=us&from=2026-01-08&hours=48&at=10:00"),
        Case(
            name: "v1-deadlines-days-and-hours-400.http",
            uri: "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&hours=5"),
        Case(
            name: "v1-deadlines-hours-without-time-400.http",
            uri: "/v1/deadlines?jurisdiction=us&from=2026-01-09&hours=48"),
        Case(name: "v1-deadlines-missing-from-400.http", uri: "/v1/deadlines?jurisdiction=us&days=21"),
        Case(name: "v1-deadlines-bad-format-400.http", uri: "/v1/deadlines?" + mail + "&format=pdf"),
        // holidays.
        Case(name: "v1-holidays.http", uri: "/v1/holidays?jurisdiction=us-wa&year=2026"),
        Case(name: "v1-holidays-unknown-400.http", uri: "/v1/holidays?jurisdiction=wa&year=2026"),
        Case(name: "v1-holidays-bad-year-400.http", uri: "/v1/holidays?jurisdiction=us-wa&year=12"),
        // quiz.
        Case(name: "v1-quiz.http", uri: "/v1/quiz?" + quiz),
        Case(name: "v1-quiz-gift.http", uri: "/v1/quiz?format=gift&" + quiz),
        Case(name: "v1-quiz-bad-topic-400.http", uri: "/v1/quiz?topic=law&seed=1"),
        Case(name: "v1-quiz-bad-seed-400.http", uri: "/v1/quiz?seed=9223372036854775808"),
        // audit: every format, and every way a matter is refused.
        Case(name: "v1-audit.http", method: .post, uri: "/v1/audit", body: .file(problems)),
        Case(name: "v1-audit-html.http", method: .post, uri: "/v1/audit?format=html", body: .file(problems)),
        Case(name: "v1-audit-ics.http", method: .post, uri: "/v1/audit?format=ics", body: .file(problems)),
        Case(name: "v1-audit-text.http", method: .post, uri: "/v1/audit?format=text", body: .file(problems)),
        Case(
            name: "v1-audit-as-of.http", method: .post, uri: "/v1/audit?as-of=2026-06-15&horizon=30&redact=true",
            body: .file(problems)),
        Case(name: "v1-audit-bad-format-400.http", method: .post, uri: "/v1/audit?format=pdf", body: .file(problems)),
        Case(name: "v1-audit-unreadable-422.http", method: .post, uri: "/v1/audit", body: .text(unreadable)),
        Case(
            name: "v1-audit-too-large-413.http", method: .post, uri: "/v1/audit",
            body: .text(String(repeating: "# padding\n", count: 200)), maxBodyBytes: 1_000),
        Case(name: "v1-audit-get-405.http", uri: "/v1/audit"),
        Case(name: "v1-nothing-404.http", uri: "/v1/nothing"),
        Case(name: "openapi.http", uri: "/openapi.json"),
        // The pages, whole.
        Case(name: "page-home.http", uri: "/"),
        Case(name: "page-check-form.http", uri: "/check"),
        Case(name: "page-check-prohibited.http", uri: "/check?" + prohibited),
        Case(name: "page-check-permitted.http", uri: "/check?" + negotiate),
        Case(name: "page-check-parameter.http", uri: "/check?" + overLimit),
        Case(
            name: "page-check-unknown-action.http",
            uri: "/check?jurisdiction=us-wa&license=lllt&action=negociate&on=2026-03-01"),
        Case(name: "page-deadlines-form.http", uri: "/deadlines"),
        Case(name: "page-deadlines-days-mail.http", uri: "/deadlines?" + mail),
        Case(name: "page-deadlines-named.http", uri: "/deadlines?" + named),
        Case(
            name: "page-deadlines-days-and-hours.http",
            uri: "/deadlines?jurisdiction=us&from=2026-01-09&days=21&hours=5"),
        Case(name: "page-holidays.http", uri: "/holidays?jurisdiction=us-wa&year=2026"),
        Case(name: "page-quiz-form.http", uri: "/quiz?seed=42"),
        Case(name: "page-quiz.http", uri: "/quiz?start=1&" + quiz),
        Case(
            name: "page-quiz-graded.http", method: .post, uri: "/quiz",
            body: .form([
                ("jurisdiction", "us-ut"), ("license", "lpp"), ("count", "6"), ("seed", "42"), ("as-of", "2026-11-22"),
            ])),
        Case(name: "page-audit-form.http", uri: "/audit"),
        Case(
            name: "page-audit-file.http", method: .post, uri: "/audit",
            body: .form([("mode", "file"), ("matter", "@" + problems)])),
        Case(
            name: "page-audit-file-download.http", method: .post, uri: "/audit",
            body: .form([("mode", "file"), ("matter", "@" + problems), ("format", "json")])),
        // The matter editor: the empty form of one type, and that form filled in and audited.
        Case(name: "page-audit-editor.http", uri: "/audit/new?matter-type=us-wa/dissolution"),
        Case(
            name: "page-audit-editor-audited.http", method: .post, uri: "/audit",
            body: .form(EditorFields.washingtonDissolution)),
        Case(
            name: "page-audit-unreadable-422.http", method: .post, uri: "/audit",
            body: .form([("mode", "file"), ("matter", unreadable)])),
        Case(
            name: "page-audit-too-large-413.http", method: .post, uri: "/audit",
            body: .form([("mode", "file"), ("matter", String(repeating: "# padding\n", count: 200))]),
            maxBodyBytes: 1_000),
        Case(name: "page-packs.http", uri: "/packs"),
        Case(name: "page-packs-us-wa.http", uri: "/packs/us-wa"),
        Case(name: "page-packs-unknown-404.http", uri: "/packs/us-wq"),
        Case(name: "page-nothing-404.http", uri: "/nothing"),
        Case(name: "page-check-post-405.http", method: .post, uri: "/check"),
        // The supervisor's desk (serve --caseload).
        Case(name: "page-caseload.http", uri: "/caseload", caseload: true),
        Case(name: "page-caseload-lawyer.http", uri: "/caseload?group=lawyer&jurisdiction=us-mn", caseload: true),
        Case(name: "page-caseload-bad-filter-400.http", uri: "/caseload?severity=fatal", caseload: true),
        Case(name: "page-caseload-matter.http", uri: "/caseload/matter/OR-2026-0214", caseload: true),
        Case(name: "caseload-calendar.http", uri: "/caseload/calendar.ics", caseload: true),
    ]

    /// What a golden file holds: the request, then the status and headers, then the body as sent.
    static func transcript(_ golden: Case, _ answer: Server.Answer) -> String {
        var lines = ["\(golden.method) \(golden.uri)", "status: \(answer.status.code)"]
        for field in answer.headers {
            lines.append("\(field.name.canonicalName): \(field.value)")
        }
        return lines.joined(separator: "\n") + "\n\n" + answer.body
    }

    static func send(_ golden: Case) async throws -> Server.Answer {
        if golden.caseload {
            let fixture = try CaseloadFixture(broken: true)
            defer { fixture.remove() }
            await fixture.desk.refresh()
            return try await fixture.request(golden.uri)
        }
        var configuration = ServerConfiguration()
        if let limit = golden.maxBodyBytes { configuration.maxBodyBytes = limit }
        switch golden.body {
        case .none:
            return try await Server.request(golden.uri, method: golden.method, configuration: configuration)
        case .file(let path):
            return try await Server.request(
                golden.uri, method: golden.method, body: Server.repositoryFile(path),
                configuration: configuration)
        case .text(let text):
            return try await Server.request(
                golden.uri, method: golden.method, body: text,
                configuration: configuration)
        case .form(let fields):
            let form = try fields.map { name, value in
                (name, value.hasPrefix("@") ? try Server.repositoryFile(String(value.dropFirst())) : value)
            }
            return try await Server.post(golden.uri, form: form, configuration: configuration)
        }
    }

    @Test(arguments: cases)
    func answerMatchesItsGoldenFile(_ golden: Case) async throws {
        let actual = Self.transcript(golden, try await Self.send(golden))
        let file = Self.folder.appendingPathComponent(golden.name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(golden.name); record it with BAILIWICK_RECORD_GOLDEN=1")
            return
        }
        if actual != expected {
            Issue.record("\(golden.name) differs from its golden file:\n\(Self.firstDifference(expected, actual))")
        }
    }

    /// Every golden file belongs to a case, so a renamed case cannot leave a stale file that nothing checks.
    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(files == Self.cases.map(\.name).sorted())
    }

    /// The first line that differs, with its neighbours, so a failure says where without a diff tool.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        func line(_ lines: [String], _ at: Int) -> String { at < lines.count ? lines[at] : "(end of output)" }
        return "line \(index + 1)\n  expected: \(line(old, index))\n  actual:   \(line(new, index))"
    }
}
