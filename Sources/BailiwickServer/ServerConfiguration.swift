import Foundation
import BailiwickLoading

/// Where `bailiwick serve` listens and who may use it.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The access token every request must carry (`BAILIWICK_TOKEN`); required off loopback.
    public var token: String?
    /// The largest request body accepted: a matter file at its size limit, with room for a form's encoding.
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                maxBodyBytes: Int = InputLimits.fileBytes * 3 + 65_536) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
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
        guard (0...65_535).contains(port) else { throw ConfigurationError("--port must be from 0 (any free port) to 65535") }
        if !isLoopback && token == nil {
            throw ConfigurationError("""
                refusing to listen on \(host) without an access token: anyone who can reach this machine \
                could use it. Set BAILIWICK_TOKEN to a long random secret (for example: \
                export BAILIWICK_TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')), or listen on 127.0.0.1.
                """)
        }
        if let token, token.count < 16 {
            throw ConfigurationError("BAILIWICK_TOKEN is too short: use at least 16 characters")
        }
        // It travels in a header, a cookie and a query string: only characters safe in all three.
        if let token, !token.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._~".unicodeScalars.contains($0)) }) {
            throw ConfigurationError("BAILIWICK_TOKEN may hold only letters A-Z and a-z, digits and - . _ ~")
        }
    }
}

/// A setting `bailiwick serve` cannot start with.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
