import Hummingbird
import Testing

@testable import BailiwickServer

/// Who may use the app: loopback by default, a token everywhere else.
@Suite struct AccessTests {
    static let token = "correct-horse-battery-staple"
    static let guarded = ServerConfiguration(host: "0.0.0.0", token: token)

    @Test func offLoopbackTheServerRefusesToStartWithoutAToken() throws {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(host: "0.0.0.0").validate() }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(host: "192.168.1.20", token: "").validate() }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(host: "0.0.0.0", token: "short").validate() }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration(host: "0.0.0.0", token: "long enough; but a=cookie").validate()
        }
        try ServerConfiguration(host: "0.0.0.0", token: Self.token).validate()
        try ServerConfiguration().validate()
        try ServerConfiguration(host: "::1").validate()
    }

    @Test func loopbackAddressesAreRecognised() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"] {
            #expect(ServerConfiguration.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "10.0.0.1", "::", "example.com", "127.0.0.1.example.com", "127.0.0.256"] {
            #expect(!ServerConfiguration.isLoopback(host), "\(host)")
        }
    }

    @Test func withATokenARequestWithoutItGets401() async throws {
        let bare = try await Server.request("/v1/packs", configuration: Self.guarded)
        #expect(bare.status == .unauthorized)
        #expect(bare.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let wrong = try await Server.request(
            "/v1/packs", headers: [.authorization: "Bearer not-the-token-at-all"], configuration: Self.guarded)
        #expect(wrong.status == .unauthorized)
        let page = try await Server.request("/check", configuration: Self.guarded)
        #expect(page.status == .unauthorized)
        let right = try await Server.request(
            "/v1/packs", headers: [.authorization: "Bearer \(Self.token)"], configuration: Self.guarded)
        #expect(right.status == .ok)
    }

    @Test func aBrowserOpensThePageOnceWithTheTokenAndKeepsItInACookie() async throws {
        let opened = try await Server.request(
            "/check?jurisdiction=us-wa&token=\(Self.token)", configuration: Self.guarded)
        #expect(opened.status == .seeOther)
        #expect(opened.header("Location") == "/check?jurisdiction=us-wa")
        let cookie = try #require(opened.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        #expect(cookie.hasPrefix("bailiwick-token-80="))
        let next = try await Server.request(
            "/check", headers: [.cookie: "bailiwick-token-80=\(Self.token)"], configuration: Self.guarded)
        #expect(next.status == .ok)
        let guessed = try await Server.request("/check?token=guess", configuration: Self.guarded)
        #expect(guessed.status == .unauthorized)
        // The redirect stays on this server.
        let elsewhere = try await Server.request("//attacker.example/?token=\(Self.token)", configuration: Self.guarded)
        #expect(elsewhere.header("Location") == "/")
    }

    /// The test client always addresses "localhost", so the rule is tested here and, over a real
    /// connection with a foreign Host header, by the browser tests (Tests/BrowserTests).
    @Test func onLoopbackOnlyRequestsAddressedToThisMachineAreServed() {
        typealias Guard = AccessControl<BasicRequestContext>
        for authority in ["localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
            #expect(Guard.isLocalAuthority(authority))
        }
        for authority in ["attacker.example", "attacker.example:8080", "localhost.attacker.example"] {
            #expect(!Guard.isLocalAuthority(authority))
        }
    }
}
