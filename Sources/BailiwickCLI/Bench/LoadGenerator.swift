import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 load generator for the benchmark: `connections` kept-alive connections on
/// loopback, each sending one request after another for `seconds`, so the figure is what the server
/// does with that many clients waiting on it. The generator shares the cores with the server, so it
/// is made cheap: one thread waits on every connection at once (`poll`), each connection reads into
/// a buffer of its own that is kept between answers, and an answer's head is scanned once, for its
/// status and length only.
struct LoadGenerator {
    struct Result {
        /// Answered with 200.
        let requests: Int
        /// Answered 503: the server was busy (every audit it admits under way or waiting).
        let busy: Int
        /// Answered with another status, or not answered (the connection failed or timed out).
        let failures: Int
        let seconds: Double
        /// Each request answered with 200: its time from sending to the end of the answer, in nanoseconds, sorted.
        let latencies: [Double]

        var perSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count - 1)).rounded()))]
        }
    }

    let port: UInt16
    let request: [UInt8]

    /// A request for `path`; with a body, a POST of it as `contentType`.
    init(port: UInt16, path: String, body: String? = nil, contentType: String = "application/yaml") {
        self.port = port
        var head = "\(body == nil ? "GET" : "POST") \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let body { head += "Content-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n" }
        request = Array((head + "\r\n" + (body ?? "")).utf8)
    }

    /// A request the server does not answer within this is counted as failed and its connection replaced.
    static let timeout: UInt64 = 5_000_000_000

    func run(connections: Int, seconds: Double) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        var tally = Tally()
        tally.latencies.reserveCapacity(Int(seconds * 20_000))
        var clients: [Connection] = []
        for _ in 0..<connections {
            let client = Connection(port: port)
            if client.send(request) { clients.append(client) } else { tally.failures += 1 }
        }
        var polled = [pollfd](repeating: pollfd(), count: clients.count)
        while !clients.isEmpty {
            for (index, client) in clients.enumerated() {
                polled[index] = pollfd(fd: client.socket, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&polled, nfds_t(clients.count), 100)
            let now = DispatchTime.now().uptimeNanoseconds
            var index = clients.count - 1
            while index >= 0 {
                defer { index -= 1 }
                let client = clients[index]
                let outcome: Connection.Outcome
                if ready > 0, polled[index].revents != 0 {
                    outcome = client.receive()
                } else if now > client.sentAt + Self.timeout {
                    outcome = .failed
                } else {
                    continue
                }
                let finished = DispatchTime.now().uptimeNanoseconds
                switch outcome {
                case .pending: continue
                case .answered(200): tally.latencies.append(Double(finished - client.sentAt))
                case .answered(503): tally.busy += 1
                case .answered: tally.failures += 1
                case .failed:
                    tally.failures += 1
                    client.reconnect()
                }
                // Each connection sends until the time is up; its last answer is waited for.
                if finished >= end || !client.send(request) {
                    client.close()
                    clients.remove(at: index)
                    polled.removeLast()
                }
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(
            requests: tally.latencies.count, busy: tally.busy, failures: tally.failures, seconds: elapsed,
            latencies: tally.latencies.sorted())
    }

    private struct Tally {
        var latencies: [Double] = []
        var busy = 0
        var failures = 0
    }

    /// One kept-alive connection and the answer it is reading.
    private final class Connection {
        enum Outcome {
            case pending
            case answered(Int)
            /// The connection closed, failed, timed out or sent what is not one whole answer.
            case failed
        }

        let port: UInt16
        private(set) var socket: Int32
        private(set) var sentAt: UInt64 = 0
        private var buffer = [UInt8](repeating: 0, count: 65_536)
        private var filled = 0
        /// Where the search for the head's end resumes, and the answer's size once its head is read.
        private var scanned = 0
        private var status = 0
        private var total: Int?

        init(port: UInt16) {
            self.port = port
            socket = Self.connect(port)
        }

        func reconnect() {
            close()
            socket = Self.connect(port)
        }

        func close() {
            if socket >= 0 { Glibc.close(socket) }
            socket = -1
        }

        /// Sends the request whole; false when the connection cannot take it.
        func send(_ request: [UInt8]) -> Bool {
            guard socket >= 0 else { return false }
            filled = 0
            scanned = 0
            total = nil
            sentAt = DispatchTime.now().uptimeNanoseconds
            var sent = 0
            while sent < request.count {
                let count = request.withUnsafeBytes {
                    Glibc.send(socket, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        /// Reads what has arrived; the answer's status once it is whole.
        func receive() -> Outcome {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes {
                recv(socket, $0.baseAddress! + filled, $0.count - filled, Int32(MSG_DONTWAIT))
            }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .pending }
            guard count > 0 else { return .failed }
            filled += count
            if total == nil {
                guard let headEnd = findHeadEnd() else { return .pending }
                guard let answer = Self.parseHead(buffer[0..<headEnd]) else { return .failed }
                status = answer.status
                total = headEnd + answer.length
            }
            guard let total, filled >= total else { return .pending }
            return filled == total ? .answered(status) : .failed
        }

        /// The end of the head (after its blank line), looking only at bytes not looked at before.
        private func findHeadEnd() -> Int? {
            var index = max(scanned, 3)
            while index < filled {
                if buffer[index] == 10, buffer[index - 1] == 13, buffer[index - 2] == 10, buffer[index - 3] == 13 {
                    return index + 1
                }
                index += 1
            }
            scanned = filled
            return nil
        }

        /// The status and the body's length of a head: `HTTP/1.1 NNN` and its `Content-Length`.
        private static let statusLine = Array("HTTP/1.1 ".utf8)
        private static let lengthName = Array("content-length:".utf8)

        private static func parseHead(_ head: ArraySlice<UInt8>) -> (status: Int, length: Int)? {
            let prefix = statusLine
            guard head.count > prefix.count + 3, head.starts(with: prefix) else { return nil }
            let digits = head.dropFirst(prefix.count).prefix(3)
            guard digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
            let status = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
            // Only a line that starts with a C or c is compared with the name.
            let name = lengthName
            var index = head.startIndex
            while let lineEnd = head[index...].firstIndex(of: 10) {
                index = lineEnd + 1
                guard index + name.count <= head.endIndex, head[index] | 0x20 == name[0] else { continue }
                var matches = true
                for offset in 1..<name.count where lowercased(head[index + offset]) != name[offset] {
                    matches = false
                    break
                }
                guard matches else { continue }
                var length = 0
                var seen = false
                for byte in head[(index + name.count)...] {
                    if byte == 32 || byte == 9 { if seen { break } else { continue } }
                    guard (48...57).contains(byte) else { break }
                    length = length * 10 + Int(byte - 48)
                    seen = true
                }
                return seen ? (status, length) : nil
            }
            return nil
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (65...90).contains(byte) ? byte | 0x20 : byte
        }

        private static func connect(_ port: UInt16) -> Int32 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { return -1 }
            var yes: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                Glibc.close(socket)
                return -1
            }
            return socket
        }
    }
}
