import BailiwickLoading
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import BailiwickServer

/// Requests a hostile page, client or proxy could send, answered in process.
@Suite struct HardeningTests {
    static let names = ["Marcus Bell", "Dana Whitfield", "Adaeze", "Simon Hale"]

    static func problems() throws -> String { try Server.repositoryFile("Examples/wa-dissolution-problems.yaml") }

    @Test func aFlagThatIsNotAClearYesOrNoIsRefusedNeverReadAsNo() async throws {
        let text = try Self.problems()
        for value in ["maybe", "ture", "2", "redact", "true,false"] {
            let answer = try await Server.request("/v1/audit?format=html&redact=\(value)", method: .post, body: text)
            #expect(answer.status == .badRequest, "\(value)")
            #expect((answer.errorMessage)?.contains("'redact'") == true, "\(value)")
            for name in Self.names { #expect(!answer.body.contains(name), "\(value) shows \(name)") }
        }
        let conflicting = try await Server.request("/v1/audit?redact=true&redact=false", method: .post, body: text)
        #expect(conflicting.status == .badRequest)
        for value in ["TRUE", "Yes", "on", "1"] {
            let answer = try await Server.request("/v1/audit?format=html&redact=\(value)", method: .post, body: text)
            #expect(answer.status == .ok, "\(value)")
            for name in Self.names { #expect(!answer.body.contains(name), "\(value) shows \(name)") }
        }
        let plain = try await Server.request("/v1/audit?format=html&redact=no", method: .post, body: text)
        #expect(plain.status == .ok && plain.body.contains("Marcus Bell"))
        let deadlines = "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=10"
        for flag in ["court-days", "before"] {
            let answer = try await Server.request("\(deadlines)&\(flag)=sometimes")
            #expect(answer.status == .badRequest, "\(flag)")
            #expect((answer.errorMessage)?.contains("'\(flag)'") == true, "\(flag)")
            let page = try await Server.request("/deadlines?jurisdiction=us&from=2026-01-09&days=10&\(flag)=sometimes")
            #expect(page.body.contains("role=\"alert\"") && page.body.contains("must be true or false"), "\(flag)")
        }
        // The page: a redaction asked for in a way the server cannot read is refused, with no name on the page.
        let page = try await Server.post("/audit", form: [("mode", "file"), ("matter", text), ("redact", "maybe")])
        #expect(page.status == .badRequest)
        for name in Self.names { #expect(!page.body.contains(name), "the page shows \(name)") }
    }

    @Test func theRedactedAuditPageCarriesNoNameInItsFormsOrDownloads() async throws {
        let text = try Self.problems()
        let page = try await Server.post("/audit", form: [("mode", "file"), ("matter", text), ("redact", "on")])
        #expect(page.status == .ok)
        #expect(page.body.contains("id=\"report\""))
        for name in Self.names { #expect(!page.body.contains(name), "the page shows \(name)") }
        // The downloads are the redacted report itself.
        let links = page.body.components(separatedBy: "base64,").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links.count == 3)
        for link in links {
            let document = try #require(Data(base64Encoded: String(link)).flatMap { String(data: $0, encoding: .utf8) })
            #expect(document.contains("WA-"))
            for name in Self.names { #expect(!document.contains(name), "a download shows \(name)") }
        }
        let unredacted = try await Server.post("/audit", form: [("mode", "file"), ("matter", text)])
        #expect(unredacted.body.contains("Marcus Bell"))
    }

    @Test func anUploadOverTheFileLimitIs413BeforeItIsParsed() async throws {
        let small = ServerConfiguration(maxMatterBytes: 2_000)
        // Not a matter file at all: were it parsed, the answer would be 422.
        let oversized = String(repeating: "[", count: 2_001)
        let api = try await Server.request("/v1/audit", method: .post, body: oversized, configuration: small)
        #expect(api.status == .contentTooLarge)
        #expect(api.header("Content-Type")?.hasPrefix("application/json") == true)
        let message = try #require(api.errorMessage)
        #expect(message.contains("2000 bytes") && message.contains("BAILIWICK_MAX_FILE_BYTES"))
        let fits = try await Server.request(
            "/v1/audit", method: .post, body: String(oversized.dropLast()),
            configuration: small)
        #expect(fits.status == .unprocessableContent)
        let page = try await Server.post(
            "/audit", form: [("mode", "file"), ("matter", oversized)],
            configuration: small)
        #expect(page.status == .contentTooLarge)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true && page.body.contains("<nav"))
        // The shipped limit is the command line's.
        #expect(ServerConfiguration().maxMatterBytes == InputLimits.fileBytes)
    }

    @Test func aWrongMethodIs405WithAllowAndEveryErrorHasABody() async throws {
        let delete = try await Server.request("/v1/check?jurisdiction=us-wa", method: .delete)
        #expect(delete.status == .methodNotAllowed)
        #expect(delete.header("Allow") == "GET, HEAD")
        #expect(delete.errorMessage != nil)
        let get = try await Server.request("/v1/audit")
        #expect(get.status == .methodNotAllowed)
        #expect(get.header("Allow") == "POST")
        let put = try await Server.request("/v1/packs/us-wa", method: .put)
        #expect(put.status == .methodNotAllowed && put.header("Allow") == "GET, HEAD")
        let page = try await Server.request("/check", method: .post, body: "")
        #expect(page.status == .methodNotAllowed)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true && page.body.contains("<nav"))
        let missing = try await Server.request("/v1/nothing-here")
        #expect(missing.status == .notFound && missing.errorMessage != nil)
        let missingPage = try await Server.request("/nothing-here")
        #expect(missingPage.status == .notFound && missingPage.body.contains("<nav"))
        // A handler's own 404 keeps its message.
        let unknown = try await Server.request("/v1/packs/nowhere")
        #expect(unknown.status == .notFound && (unknown.errorMessage)?.contains("nowhere") == true)
    }

    @Test func headIsAnsweredWhereverGetIs() async throws {
        for path in ["/v1/packs", "/openapi.json", "/", "/check", "/packs/us-wa", "/assets/app.css"] {
            let get = try await Server.request(path)
            let head = try await Server.request(path, method: .head)
            #expect(head.status == get.status, "\(path)")
            #expect(head.header("Content-Type") == get.header("Content-Type"), "\(path)")
            #expect(head.body.isEmpty, "\(path)")
        }
        let wrong = try await Server.request("/v1/audit", method: .head)
        #expect(wrong.status == .methodNotAllowed && wrong.body.isEmpty)
    }

    @Test func aRequestWithTwoHostHeadersIs400() async throws {
        // The test client addresses localhost; a second Host is one the loopback check could not trust.
        let answer = try await Server.request("/v1/packs", headers: [HTTPField.Name("Host")!: "attacker.example"])
        #expect(answer.status == .badRequest)
        #expect((answer.errorMessage)?.contains("Host") == true)
        let guarded = ServerConfiguration(host: "0.0.0.0", token: AccessTests.token)
        let off = try await Server.request(
            "/v1/packs",
            headers: [
                HTTPField.Name("Host")!: "a.example",
                .authorization: "Bearer \(AccessTests.token)",
            ],
            configuration: guarded)
        #expect(off.status == .badRequest)
    }

    @Test func aPostFromAnotherSiteIsRefused() async throws {
        let text = try Server.repositoryFile("Examples/wa-dissolution-clean.yaml")
        let origin = HTTPField.Name("Origin")!
        let site = HTTPField.Name("Sec-Fetch-Site")!
        let refused: [HTTPFields] = [
            [site: "cross-site"], [origin: "http://attacker.example"], [origin: "null"],
            [origin: "https://localhost"], [origin: "http://localhost:9999"],
            [origin: "http://localhost", site: "cross-site"], [site: "same-site"],
            [origin: "null", site: "none"],
            [origin: "http://attacker.example", site: "same-origin"],
        ]
        for headers in refused {
            let api = try await Server.request("/v1/audit", method: .post, body: text, headers: headers)
            #expect(api.status == .forbidden, "\(headers)")
            #expect(api.errorMessage != nil)
            let page = try await Server.request("/audit", method: .post, body: "mode=file&matter=x", headers: headers)
            #expect(page.status == .forbidden && page.body.contains("<nav"), "\(headers)")
        }
        let accepted: [HTTPFields] = [
            [:], [origin: "http://localhost"], [origin: "http://LOCALHOST:80"],
            [site: "same-origin"], [site: "none"],
            [origin: "http://localhost", site: "same-origin"],
            // What a browser sends for the app's own form (its pages ask for no referrer).
            [origin: "null", site: "same-origin"],
        ]
        for headers in accepted {
            let api = try await Server.request("/v1/audit", method: .post, body: text, headers: headers)
            #expect(api.status == .ok, "\(headers)")
        }
        // GETs change nothing and may be linked to from anywhere.
        let linked = try await Server.request(
            "/check",
            headers: [site: "cross-site", origin: "http://attacker.example"])
        #expect(linked.status == .ok)
    }

    @Test func theTokenCookieIsSecureOnlyWhenATrustedProxySaysTheRequestCameOverTLS() async throws {
        let proto = HTTPField.Name("X-Forwarded-Proto")!
        func cookie(trust: Bool, _ headers: HTTPFields) async throws -> String {
            let configuration = ServerConfiguration(host: "0.0.0.0", token: AccessTests.token, trustProxy: trust)
            let answer = try await Server.request(
                "/check?token=\(AccessTests.token)", headers: headers,
                configuration: configuration)
            return try #require(answer.header("Set-Cookie"))
        }
        #expect(try await cookie(trust: true, [proto: "https"]).hasSuffix("; Secure"))
        #expect(try await cookie(trust: true, [proto: "HTTPS, http"]).hasSuffix("; Secure"))
        #expect(try await !cookie(trust: true, [proto: "http"]).contains("Secure"))
        #expect(try await !cookie(trust: true, [:]).contains("Secure"))
        // Without --trust-proxy a client could claim anything: the header is ignored.
        #expect(try await !cookie(trust: false, [proto: "https"]).contains("Secure"))
    }

    @Test func auditsBeyondThoseAdmittedAreRefusedBeforeTheirBodyIsRead() async throws {
        let turns = AuditTurns(running: 1, waiting: 0)
        let (started, starting) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        async let first = turns.perform(
            reading: { () async -> Int in
                starting.yield()
                for await _ in release { break }
                return 1
            }, then: { $0 + 1 })
        for await _ in started { break }
        var read = false
        let second = try await turns.perform(
            reading: { () async -> Int in
                read = true
                return 1
            }, then: { $0 })
        #expect(second == nil && !read)
        releasing.yield()
        #expect(try await first == 2)
        // Its turn over, the next is admitted.
        #expect(try await turns.perform(reading: { 5 }, then: { $0 * 2 }) == 10)
    }

    @Test func auditsBeyondThoseRunningWaitTheirTurnUpToTheQueuesBound() async throws {
        let turns = AuditTurns(running: 1, waiting: 2)
        let (events, event) = AsyncStream.makeStream(of: String.self)
        let gate = DispatchSemaphore(value: 0)
        // The first holds the only turn until the gate opens.
        async let first = turns.perform(
            reading: { 1 },
            then: { value in
                event.yield("running")
                gate.wait()
                return value
            })
        var seen = events.makeAsyncIterator()
        #expect(await seen.next() == "running")
        async let second = turns.perform(
            reading: { () async -> Int in
                event.yield("read")
                return 2
            }, then: { $0 })
        async let third = turns.perform(
            reading: { () async -> Int in
                event.yield("read")
                return 3
            }, then: { $0 })
        #expect(await seen.next() == "read")
        #expect(await seen.next() == "read")
        // Both wait, their bodies read; a fourth finds the queue full and is refused before its body is read.
        #expect(try await Self.isRefusedUnread(turns))
        gate.signal()
        #expect(try await [first, second, third] == [1, 2, 3])
        #expect(try await turns.perform(reading: { 5 }, then: { $0 }) == 5)
    }

    @Test func theAdmittedAuditsBodiesAreBoundedInBytesTogether() async throws {
        let turns = AuditTurns(running: 1, waiting: 8, bytes: 100)
        let (events, event) = AsyncStream.makeStream(of: String.self)
        let gate = DispatchSemaphore(value: 0)
        async let first = turns.perform(
            reading: { 1 }, reserving: 60,
            then: { value in
                event.yield("running")
                gate.wait()
                return value
            })
        var seen = events.makeAsyncIterator()
        #expect(await seen.next() == "running")
        // 60 + 50 is over the 100 bytes: refused, though the queue has room; 60 + 40 is not.
        #expect(try await Self.isRefusedUnread(turns, reserving: 50))
        async let third = turns.perform(
            reading: { () async -> Int in
                event.yield("read")
                return 3
            }, reserving: 40, then: { $0 })
        #expect(await seen.next() == "read")
        // Now 100 bytes are held: even one more is refused.
        #expect(try await Self.isRefusedUnread(turns, reserving: 1))
        gate.signal()
        #expect(try await first == 1)
        #expect(try await third == 3)
        // With none admitted, one larger than the whole budget still has its turn.
        #expect(try await turns.perform(reading: { 5 }, reserving: 500, then: { $0 }) == 5)
    }

    /// Whether an audit is refused (nil) without its body being read.
    static func isRefusedUnread(_ turns: AuditTurns, reserving bytes: Int = 0) async throws -> Bool {
        var read = false
        let answer = try await turns.perform(
            reading: { () async -> Int in
                read = true
                return 1
            }, reserving: bytes, then: { $0 })
        return answer == nil && !read
    }
}
