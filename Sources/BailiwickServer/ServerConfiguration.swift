import BailiwickLoading
import Foundation

/// Where `bailiwick serve` listens and who may use it.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The access token every request must carry (`BAILIWICK_TOKEN`); required off loopback.
    public var token: String?
    /// The largest request body accepted: a matter file at its size limit, with room for a form's encoding.
    public var maxBodyBytes: Int
    /// The largest matter file accepted, uploaded or pasted: the same limit as on the command line.
    public var maxMatterBytes: Int
    /// The connection's deadlines, enforced below the routes (so before the token check).
    public var timeouts: ConnectionTimeouts
    /// Whether `X-Forwarded-Proto` is believed: only behind a proxy that sets it and strips clients' own.
    public var trustProxy: Bool
    /// Audits at once, and those admitted to wait for a turn; beyond them, 503.
    public var audits: AuditLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
        maxBodyBytes: Int = InputLimits.fileBytes * 3 + 65_536, maxMatterBytes: Int = InputLimits.fileBytes,
        timeouts: ConnectionTimeouts = ConnectionTimeouts(), trustProxy: Bool = false,
        audits: AuditLimits? = nil
    ) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.maxMatterBytes = maxMatterBytes
        self.timeouts = timeouts
        self.trustProxy = trustProxy
        self.audits = audits ?? AuditLimits(matterBytes: maxMatterBytes)
    }

    /// Whether the address is reachable only from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public var isLoopback: Bool { Self.isLoopback(host) }

    /// The host without the brackets an IPv6 address may be written in.
    var bindHost: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Refuses a configuration that would expose matter data to the network without a token.
    public func validate() throws(ConfigurationError) {
        guard (0...65_535).contains(port) else {
            throw ConfigurationError("--port must be from 0 (any free port) to 65535")
        }
        if !isLoopback && token == nil {
            throw ConfigurationError(
                """
                refusing to listen on \(host) without an access token: anyone who can reach this machine \
                could use it. Set BAILIWICK_TOKEN to a long random secret (for example: \
                export BAILIWICK_TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')), or listen on 127.0.0.1.
                """)
        }
        if let token, token.count < 16 {
            throw ConfigurationError("BAILIWICK_TOKEN is too short: use at least 16 characters")
        }
        // It travels in a header, a cookie and a query string: only characters safe in all three.
        if let token,
            !token.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._~".unicodeScalars.contains($0))
            })
        {
            throw ConfigurationError("BAILIWICK_TOKEN may hold only letters A-Z and a-z, digits and - . _ ~")
        }
    }
}

/// How many audits the server takes at once: a few run, more wait their turn with their bodies read,
/// and the rest are answered 503 before their bodies are read.
public struct AuditLimits: Sendable, Equatable {
    /// Audits computed at once.
    public var running: Int
    /// Audits admitted to wait for a turn.
    public var waiting: Int
    /// The bytes the bodies of every admitted audit may hold together, each counted at its declared
    /// length (at its limit when it declares none).
    public var bytes: Int

    public init(running: Int, waiting: Int, bytes: Int) {
        self.running = running
        self.waiting = waiting
        self.bytes = bytes
    }

    /// One audit per core (their threads yield to those answering other requests); 64 waiting, so that
    /// many clients' small files queue for a moment instead of being refused; and together no more
    /// bytes of bodies than one audit per core but one and four waiting at the matter file's limit, the
    /// bound before audits queued.
    public init(matterBytes: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        running = max(1, cores)
        waiting = 64
        bytes = (max(1, cores - 1) + 4) * matterBytes
    }
}

/// A setting `bailiwick serve` cannot start with.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// How long a connection may take over each part of a request, and stay open between requests.
/// Without these, idle or dripping connections would be kept forever and could lock others out.
public struct ConnectionTimeouts: Sendable, Equatable {
    /// From connecting, or from the first byte of a later request, to the end of the request head.
    public var head: Duration
    /// From the end of the head to the end of the body.
    public var body: Duration
    /// A kept-alive connection with no request under way.
    public var idle: Duration

    public init(head: Duration = .seconds(10), body: Duration = .seconds(60), idle: Duration = .seconds(60)) {
        self.head = head
        self.body = body
        self.idle = idle
    }

    /// Timeouts in seconds, as `serve --header-timeout`, `--body-timeout` and `--idle-timeout` give them.
    public init(seconds: (head: Double, body: Double, idle: Double)) throws(ConfigurationError) {
        func duration(_ value: Double, _ option: String) throws(ConfigurationError) -> Duration {
            guard (0.1...86_400).contains(value) else {
                throw ConfigurationError("\(option) must be from 0.1 to 86400 seconds")
            }
            return .milliseconds(Int64((value * 1000).rounded()))
        }
        self.init(
            head: try duration(seconds.head, "--header-timeout"),
            body: try duration(seconds.body, "--body-timeout"),
            idle: try duration(seconds.idle, "--idle-timeout"))
    }
}
