import BailiwickServer
import Foundation
import Logging
import ServiceLifecycle
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What only a real connection shows: the server's deadlines on idle and dripping clients, and
/// requests the test client cannot send. Each runs `bailiwick serve`'s application on a free
/// port with timeouts of a second or so, so the tests stay short.
@Suite struct ConnectionTests {
    static let long = Duration.seconds(30)

    /// Runs the application on a free loopback port for the length of `body`.
    static func withServer(
        _ timeouts: ConnectionTimeouts, token: String? = nil,
        _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        let (addresses, announce) = AsyncStream.makeStream(of: String.self)
        let app = try BailiwickServer.application(
            packs: Server.packs, configuration: ServerConfiguration(port: 0, token: token, timeouts: timeouts)
        ) { announce.yield($0) }
        let services = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await services.run() }
            var port = 0
            for await address in addresses {
                port = Int(address.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
                break
            }
            do {
                try await body(port)
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeoutEvenWithAToken() async throws {
        let timeouts = ConnectionTimeouts(head: .seconds(1), body: Self.long, idle: Self.long)
        try await Self.withServer(timeouts, token: AccessTests.token) { port in
            let connection = try RawConnection(port: port)
            #expect(await connection.closes(within: 10))
        }
    }

    @Test func aHeadThatDripsInIsClosedAfterTheHeaderTimeout() async throws {
        try await Self.withServer(.init(head: .seconds(1), body: Self.long, idle: Self.long)) { port in
            let connection = try RawConnection(port: port)
            let head = "GET /v1/packs HTTP/1.1\r\nHost: localhost\r\n"
            #expect(await connection.drips(head, then: "X-Drip: 1\r\n", closedWithin: 10))
        }
    }

    @Test func aBodyThatDripsInIsClosedAfterTheBodyTimeout() async throws {
        try await Self.withServer(.init(head: Self.long, body: .seconds(1), idle: Self.long)) { port in
            let connection = try RawConnection(port: port)
            let head = "POST /v1/audit HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n"
            #expect(await connection.drips(head, then: "a", closedWithin: 10))
        }
    }

    @Test func aKeptAliveConnectionIsClosedAfterTheIdleTimeoutNotTheHeaderTimeout() async throws {
        try await Self.withServer(.init(head: .milliseconds(500), body: Self.long, idle: Self.long)) { port in
            let connection = try RawConnection(port: port)
            let request = "GET /v1/packs HTTP/1.1\r\nHost: localhost\r\n\r\n"
            #expect(connection.send(request))
            #expect(await connection.response(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
            // Idle between requests for longer than the head may take: still open.
            try await Task.sleep(for: .milliseconds(1500))
            #expect(connection.send(request))
            #expect(await connection.response(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
        }
        try await Self.withServer(.init(head: Self.long, body: Self.long, idle: .seconds(1))) { port in
            let connection = try RawConnection(port: port)
            #expect(connection.send("GET /v1/packs HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            #expect(await connection.response(within: 10)?.hasPrefix("HTTP/1.1 200") == true)
            #expect(await connection.closes(within: 10))
        }
    }

    @Test func aRequestWithoutAHostHeaderIs400() async throws {
        try await Self.withServer(ConnectionTimeouts()) { port in
            for request in ["GET /v1/packs HTTP/1.0\r\n\r\n", "GET /check HTTP/1.1\r\n\r\n"] {
                let connection = try RawConnection(port: port)
                #expect(connection.send(request))
                let response = await connection.response(within: 10)
                #expect(response?.hasPrefix("HTTP/1.1 400") == true, "\(request)")
                #expect(response?.contains("Host header") == true)
            }
        }
    }
}

/// A TCP connection to the server, read without blocking the test's thread (the server's
/// handlers share the pool).
final class RawConnection: Sendable {
    struct Failure: Error {}

    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else { throw Failure() }
    }

    deinit { close(descriptor) }

    /// False when the server has closed the connection.
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return sent == bytes.count
    }

    /// What has arrived: nil if nothing yet, empty at the end of the stream.
    private func available() -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? Array(buffer[..<count]) : []
    }

    /// Whether the server closes the connection within `seconds` (anything it sends is skipped).
    func closes(within seconds: Double) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if let bytes = available() {
                if bytes.isEmpty { return true }
                continue
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Sends `head`, then `drip` every 100 ms; whether the server closes the connection within `seconds`.
    func drips(_ head: String, then drip: String, closedWithin seconds: Double) async -> Bool {
        guard send(head) else { return true }
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if available()?.isEmpty == true || !send(drip) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// One whole response (head and a body of its Content-Length), as text.
    func response(within seconds: Double) async -> String? {
        let end = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        while Date() < end {
            if let bytes = available() {
                if bytes.isEmpty { break }
                received += bytes
                let text = String(decoding: received, as: UTF8.self)
                if let split = text.range(of: "\r\n\r\n") {
                    let length =
                        text[..<split.lowerBound].split(separator: "\r\n")
                        .first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                    if text[split.upperBound...].utf8.count >= length { return text }
                }
                continue
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return received.isEmpty ? nil : String(decoding: received, as: UTF8.self)
    }
}
