import BailiwickJournal
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Two `bailiwick serve` processes behind one PostgreSQL journal (the scale-out path), under a
/// bounded concurrent load on loopback: every audit answered is recorded, once.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["BAILIWICK_TEST_POSTGRES_URL"] != nil,
        "needs BAILIWICK_TEST_POSTGRES_URL: .ci/postgres starts a PostgreSQL server and sets it"))
struct JournalSharedByServersTests {
    /// A running `bailiwick serve`, stopped when the test ends.
    final class Server {
        let process = Process()
        let address: URL

        init(journal: String) throws {
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0", "--journal", journal]
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "BAILIWICK_TOKEN")
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // The address is the first line it prints; reads end when it exits.
            var printed = ""
            while !printed.contains("Stop with"), case let data = output.fileHandleForReading.availableData,
                !data.isEmpty
            {
                printed += String(decoding: data, as: UTF8.self)
            }
            guard let range = printed.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression),
                let url = URL(string: String(printed[range]))
            else {
                process.terminate()
                throw ServerDidNotStart(output: printed)
            }
            address = url
        }

        func stop() {
            process.interrupt()
            process.waitUntilExit()
        }
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let output: String
        var description: String { "the server did not start: \(output)" }
    }

    @Test func twoServersLoseNoRecordUnderConcurrentAudits() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["BAILIWICK_TEST_POSTGRES_URL"])
        let id = "LOAD-\(UUID().uuidString)"
        let text = try String(
            contentsOf: AuditJournalCommandTests.examples.appendingPathComponent("wa-dissolution-problems.yaml"),
            encoding: .utf8
        ).replacingOccurrences(of: "id: WA-2026-0153", with: "id: \(id)")
        let servers = [try Server(journal: url), try Server(journal: url)]
        defer { for server in servers { server.stop() } }

        // 2 servers x 40 audits, 8 in flight at a time: bounded in count, on loopback only.
        let perServer = 40
        let inFlight = 8
        let session = URLSession(configuration: .ephemeral)
        let requests = (0..<(perServer * servers.count)).map { index in
            var request = URLRequest(url: servers[index % servers.count].address.appendingPathComponent("v1/audit"))
            request.httpMethod = "POST"
            request.httpBody = Data(text.utf8)
            request.timeoutInterval = 120
            return request
        }
        var statuses: [Int] = []
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0
            func add() {
                let request = requests[next]
                next += 1
                group.addTask {
                    let (_, response) = try await session.data(for: request)
                    return (response as? HTTPURLResponse)?.statusCode ?? 0
                }
            }
            while next < min(inFlight, requests.count) { add() }
            while let status = try await group.next() {
                statuses.append(status)
                if next < requests.count { add() }
            }
        }
        // 503 is the server's answer when it is auditing as many matters as it admits: not recorded, not served.
        let served = statuses.filter { $0 == 200 }.count
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        #expect(served > 0)

        let journal = try await Journals.open(url)
        let history = try await journal.history(of: id)
        await journal.close()
        #expect(history.count == served)
        #expect(Set(history.map(\.sequence)).count == served)
        #expect(history.allSatisfy { $0.entry.source == "api" && !$0.entry.findings.isEmpty })
    }
}
