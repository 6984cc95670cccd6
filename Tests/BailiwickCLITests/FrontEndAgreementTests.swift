import BailiwickLoading
import BailiwickPacks
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The command line and the API answer the same request with the same JSON: they map their
/// syntax onto one request each, and the same reporter writes the answer.
struct FrontEndAgreementTests {
    static let packs = try! PackSetLoader.load(PackFiles.needed(for: nil, from: PackFiles.shipped))
    static let repository = PackVerbTests.repository
    static let matter = "Examples/wa-dissolution-problems.yaml"

    /// The API's status and body for one request, from the app in process.
    static func api(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil) async throws
        -> (status: Int, body: String)
    {
        let app = Application(router: BailiwickServer.router(packs: packs, configuration: ServerConfiguration()))
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: method, body: body.map { ByteBuffer(string: $0) }) { response in
                (Int(response.status.code), String(buffer: response.body))
            }
        }
    }

    /// The JSON with its keys sorted and its layout made uniform, so that equal documents compare equal.
    static func canonical(_ text: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func error(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return try #require(object?["error"] as? [String: Any])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let uri: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "check",
            arguments: [
                "check", "-j", "us-wa", "-l", "lllt", "-a", "negotiate", "--on", "2026-03-01",
                "--fact", "written-consent-to-negotiate=true", "--fact", "written-contract=true", "--fact", "issues=",
            ],
            uri: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"
                + "&fact=written-consent-to-negotiate=true&fact=written-contract=true&fact=issues="),
        Case(
            name: "check, an area not held",
            arguments: [
                "check", "-j", "us-ut", "-l", "lpp", "-a", "legal-research", "--area", "landlord-tenant",
                "--holds", "family,debt-collection", "--on", "2026-03-01",
            ],
            uri: "/v1/check?jurisdiction=us-ut&license=lpp&action=legal-research&area=landlord-tenant"
                + "&holds=family,debt-collection&on=2026-03-01"),
        Case(
            name: "deadline, ad hoc",
            arguments: [
                "deadlines", "-j", "us", "--from", "2026-01-09", "--days", "21", "--service", "mail",
            ], uri: "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&service=mail"),
        Case(
            name: "deadline, named",
            arguments: [
                "deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08",
                "--fact", "served-out-of-state=true",
            ],
            uri: "/v1/deadlines?jurisdiction=us-wa&rule=answer-to-complaint&from=2026-03-08"
                + "&fact=served-out-of-state=true"),
        Case(
            name: "holidays", arguments: ["holidays", "-j", "us-wa", "--year", "2026"],
            uri: "/v1/holidays?jurisdiction=us-wa&year=2026"),
        Case(
            name: "quiz", arguments: ["quiz", "-j", "us-ut", "--count", "5", "--seed", "42", "--as-of", "2026-11-22"],
            uri: "/v1/quiz?jurisdiction=us-ut&count=5&seed=42&as-of=2026-11-22"),
    ]

    @Test(arguments: cases) func theSameRequestGivesTheSameJSON(_ item: Case) async throws {
        let cli = try CLI.run(item.arguments + ["--format", "json"], directory: Self.repository)
        #expect(cli.status == 0 || cli.status == 1, "\(cli.stderr)")
        let api = try await Self.api(item.uri)
        #expect(api.status == 200, "\(api.body)")
        #expect(try Self.canonical(cli.stdout) == Self.canonical(api.body))
    }

    /// The same matter file audited by both: only the file's name differs, since the API has no path.
    /// Without an as-of date, both audit as of the file's own and leave the report's at null.
    @Test(arguments: [
        (["--as-of", "2026-04-01", "--horizon", "30", "--redact"], "as-of=2026-04-01&horizon=30&redact=true"),
        ([], ""),
    ])
    func anAuditOfTheSameMatterGivesTheSameJSON(_ options: [String], _ query: String) async throws {
        let cli = try CLI.run(["audit", Self.matter, "--format", "json"] + options, directory: Self.repository)
        let text = try String(contentsOf: Self.repository.appendingPathComponent(Self.matter), encoding: .utf8)
        let api = try await Self.api("/v1/audit?format=json&" + query, method: .post, body: text)
        #expect(api.status == 200)
        let named = cli.stdout.replacingOccurrences(of: "\"\(Self.matter)\"", with: "\"matter\"")
        #expect(try Self.canonical(named) == Self.canonical(api.body))
    }

    /// An error has one message; only the way a field is named differs (`--days`, `'days'`).
    @Test func theSameMistakeGetsTheSameMessage() async throws {
        let cli = try CLI.run(["check", "-j", "us-wx", "-l", "lllt", "-a", "negotiate", "--on", "2026-03-01"])
        let api = try await Self.api("/v1/check?jurisdiction=us-wx&license=lllt&action=negotiate&on=2026-03-01")
        let error = try Self.error(api.body)
        let message = try #require(error["message"] as? String)
        #expect(message == "unknown jurisdiction 'us-wx'; did you mean 'us-wa'?")
        #expect(cli.status == 2 && api.status == 400 && error["code"] as? String == "unknown_id")
        #expect(cli.stderr == "error: \(message)\n")
        let days = try CLI.run(["deadlines", "-j", "us", "--from", "2026-01-09", "--days", "5000"])
        let apiDays = try await Self.api("/v1/deadlines?jurisdiction=us&from=2026-01-09&days=5000")
        let daysError = try Self.error(apiDays.body)
        let daysMessage = try #require(daysError["message"] as? String)
        #expect(daysMessage == "'days' must be a whole number from 1 to 3650, not '5000'")
        #expect(days.status == 2 && apiDays.status == 400)
        #expect(days.stderr.contains(daysMessage.replacingOccurrences(of: "'days'", with: "--days")))
    }

    /// An area the licence does not offer, named in `holds`: the same refusal from both.
    @Test func anAreaTheLicenceDoesNotOfferIsRefusedAlike() async throws {
        let cli = try CLI.run([
            "check", "-j", "us-ut", "-l", "lpp", "-a", "legal-research", "--holds", "family,criminal-limited",
            "--on", "2026-03-01",
        ])
        let api = try await Self.api(
            "/v1/check?jurisdiction=us-ut&license=lpp&action=legal-research&holds=family,criminal-limited"
                + "&on=2026-03-01")
        let error = try Self.error(api.body)
        let message = try #require(error["message"] as? String)
        #expect(
            message
                == "'holds' names 'criminal-limited', an area the lpp licence does not offer "
                + "(it offers family, landlord-tenant, debt-collection)")
        #expect(
            api.status == 400 && error["code"] as? String == "invalid_parameter" && error["field"] as? String == "holds"
        )
        #expect(cli.status == 2)
        #expect(cli.stderr == "error: \(message.replacingOccurrences(of: "'holds'", with: "--holds"))\n")
    }
}
