import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 load generator for the benchmark: `connections` kept-alive connections on
/// loopback, each on its own thread sending one request after another for `seconds`, so the figure
/// is what the server does with that many clients waiting on it (the load generator shares the cores).
struct LoadGenerator {
    struct Result {
        let requests: Int
        let failures: Int
        let seconds: Double
        /// Each answered request's time from sending to the end of the answer, in nanoseconds, sorted.
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

    func run(connections: Int, seconds: Double) -> Result {
        let clients = (0..<connections).map { _ in Client() }
        let done = DispatchSemaphore(value: 0)
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        for client in clients {
            let thread = Thread { [port, request] in
                client.run(port: port, request: request, until: end)
                done.signal()
            }
            thread.start()
        }
        for _ in clients { done.wait() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let latencies = clients.flatMap(\.latencies).sorted()
        return Result(
            requests: latencies.count, failures: clients.map(\.failures).reduce(0, +), seconds: elapsed,
            latencies: latencies)
    }

    /// One connection's state: written only by its own thread, read after the thread is done.
    private final class Client: @unchecked Sendable {
        var latencies: [Double] = []
        var failures = 0
        private var buffer = [UInt8](repeating: 0, count: 65_536)

        func run(port: UInt16, request: [UInt8], until end: UInt64) {
            var socket = connect(port)
            while DispatchTime.now().uptimeNanoseconds < end {
                guard socket >= 0 else {
                    failures += 1
                    return
                }
                let start = DispatchTime.now().uptimeNanoseconds
                switch exchange(socket, request) {
                case 200?: latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start))
                // An answer other than 200 (503 when every audit turn is taken) keeps the connection.
                case _?: failures += 1
                case nil:
                    failures += 1
                    close(socket)
                    socket = connect(port)
                }
            }
            if socket >= 0 { close(socket) }
        }

        private func connect(_ port: UInt16) -> Int32 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { return -1 }
            var yes: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            // A server that stops answering fails the request after 5 s instead of hanging the benchmark.
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
                close(socket)
                return -1
            }
            return socket
        }

        /// Sends the request and reads one whole answer (with a Content-Length): its status, or nil when the
        /// connection failed or the answer could not be read.
        private func exchange(_ socket: Int32, _ request: [UInt8]) -> Int? {
            var sent = 0
            while sent < request.count {
                let count = request.withUnsafeBytes { send(socket, $0.baseAddress! + sent, request.count - sent, 0) }
                guard count > 0 else { return nil }
                sent += count
            }
            var received: [UInt8] = []
            var bodyStart: Int?
            var length = 0
            var status = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
                guard count > 0 else { return nil }
                received += buffer[0..<count]
                if bodyStart == nil, let end = Self.headEnd(received) {
                    bodyStart = end
                    let head = String(decoding: received[0..<end], as: UTF8.self).lowercased()
                    guard head.hasPrefix("http/1.1 "), let code = Int(head.dropFirst(9).prefix(3)),
                        let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                        let value = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                    else { return nil }
                    status = code
                    length = value
                }
                if let bodyStart, received.count >= bodyStart + length {
                    return received.count == bodyStart + length ? status : nil
                }
            }
        }

        private static func headEnd(_ bytes: [UInt8]) -> Int? {
            guard bytes.count >= 4 else { return nil }
            for index in 3..<bytes.count
            where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
                return index + 1
            }
            return nil
        }
    }
}
