import Foundation

/// The figures measured on whole processes: this program runs its own verbs as children.
struct ProcessFigures {
    /// The `bailiwick` whose processes are measured: this one, or another build (`--binary`).
    let executable: String
    let packsOption: String?
    let quick: Bool
    let matters: Int
    let seed: UInt64
    let seconds: Double

    private var packArguments: [String] { packsOption.map { ["--packs", $0] } ?? [] }

    /// `check` from process start to exit against `--version`, runs alternating, medians compared.
    func startUp() throws -> [BenchFigure] {
        let check =
            ["check", "--jurisdiction", "us-wa", "--license", "lllt", "--action", "negotiate", "--on", "2026-03-01"]
            + packArguments
        var version: [Double] = []
        var checks: [Double] = []
        let runs = quick ? 5 : 40
        for run in 0..<(runs + 2) {
            let plain = try ChildProcess.run(["--version"], executable: executable)
            let checked = try ChildProcess.run(check, executable: executable)
            guard plain.status == 0, checked.status == 0 else {
                throw ChildProcess.Failed(description: "bailiwick check or --version failed as a child process")
            }
            // The first two runs warm the file cache.
            if run >= 2 {
                version.append(plain.seconds)
                checks.append(checked.seconds)
            }
        }
        let versionTime = Self.median(version)
        let checkTime = Self.median(checks)
        return [
            BenchFigure(
                id: "check-vs-version", name: "'check' as a process, against '--version'",
                value: checkTime / versionTime,
                unit: .ratio, target: 1.4, atMost: true,
                detail: String(
                    format: "%.1f ms against %.1f ms, medians of %d", checkTime * 1e3, versionTime * 1e3, runs))
        ]
    }

    /// `audit` over a generated caseload, text and JSON, as a process: matters per second and peak memory.
    func caseload() throws -> [BenchFigure] {
        try Self.inTemporaryFolder { folder in try caseload(in: folder) }
    }

    private func caseload(in folder: URL) throws -> [BenchFigure] {
        let caseload = folder.appendingPathComponent("caseload").path
        let generated = try ChildProcess.run(
            ["bench", "--generate-caseload", caseload, "--matters", String(matters), "--seed", String(seed)])
        guard generated.status == 0 else { throw ChildProcess.Failed(description: "cannot write the caseload") }
        var figures: [BenchFigure] = []
        var peak = 0
        // One run of a caseload moves by a fifth from the next on this machine kind: the median of
        // three, the formats alternating, each report written afresh.
        let runs = quick ? 1 : 3
        var seconds: [String: [Double]] = [:]
        for _ in 0..<runs {
            for format in ["text", "json"] {
                let report = folder.appendingPathComponent("report.\(format)").path
                try? FileManager.default.removeItem(atPath: report)
                let exit = try ChildProcess.run(
                    ["audit", caseload, "--format", format, "--output", report, "--fail-on", "never"] + packArguments,
                    executable: executable)
                guard exit.status == 0 else { throw ChildProcess.Failed(description: "the caseload audit failed") }
                peak = max(peak, exit.peakMemory)
                seconds[format, default: []].append(exit.seconds)
            }
        }
        for format in ["text", "json"] {
            figures.append(
                BenchFigure(
                    id: "caseload-\(format)", name: "caseload audit, \(format) report",
                    value: Double(matters) / Self.median(seconds[format] ?? []), unit: .perSecond, target: 10_000,
                    atMost: false, detail: "\(matters) matters, median of \(runs)"))
        }
        figures.append(
            BenchFigure(
                id: "caseload-peak-memory", name: "caseload audit, peak memory", value: Double(peak) / 1_048_576,
                unit: .megabytes, target: 100, atMost: true))
        return figures
    }

    /// `serve` on loopback, loaded by 16 kept-alive connections: checks and audits per second, p99 of checks.
    func server() throws -> [BenchFigure] {
        try Self.inTemporaryFolder { folder in try server(in: folder) }
    }

    private func server(in folder: URL) throws -> [BenchFigure] {
        let log = folder.appendingPathComponent("serve.out").path
        let server = try ChildProcess.start(
            ["serve", "--host", "127.0.0.1", "--port", "0"] + packArguments, executable: executable, output: log)
        defer {
            server.terminate()
            _ = try? server.wait()
        }
        let port = try Self.port(from: log)
        let connections = 16
        let check = LoadGenerator(
            port: port, path: "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01")
        _ = check.run(connections: connections, seconds: min(0.5, seconds)) // warm-up
        let checks = check.run(connections: connections, seconds: seconds)
        var generator = CaseloadGenerator(seed: seed)
        let audit = LoadGenerator(port: port, path: "/v1/audit", body: generator.dissolution(0))
        let audits = audit.run(connections: connections, seconds: seconds)
        guard checks.requests > 0, audits.requests > 0 else {
            throw ChildProcess.Failed(description: "the server answered no request")
        }
        return [
            BenchFigure(
                id: "server-checks", name: "server, /v1/check with \(connections) connections",
                value: checks.perSecond, unit: .perSecond, target: 15_000, atMost: false,
                detail: Self.unanswered(checks)),
            BenchFigure(
                id: "server-check-p99", name: "server, /v1/check p99", value: checks.percentile(0.99) / 1e6,
                unit: .milliseconds, target: 10, atMost: true,
                detail: String(format: "p50 %.2f ms", checks.percentile(0.5) / 1e6)),
            BenchFigure(
                id: "server-audits", name: "server, /v1/audit with \(connections) connections",
                value: audits.perSecond, unit: .perSecond, target: 4_000, atMost: false,
                detail: String(format: "p99 %.2f ms", audits.percentile(0.99) / 1e6)
                    + (Self.unanswered(audits).map { "; " + $0 } ?? "")),
        ]
    }

    /// The requests not answered with 200, when there are any: those answered 503 (busy), and the others.
    static func unanswered(_ result: LoadGenerator.Result) -> String? {
        var parts: [String] = []
        if result.busy > 0 { parts.append("\(result.busy) answered 503 (busy)") }
        if result.failures > 0 { parts.append("\(result.failures) failed or answered with another status") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The port the server printed (`Bailiwick is serving on http://127.0.0.1:PORT/`), waiting up to 30 s.
    static func port(from log: String) throws -> UInt16 {
        for _ in 0..<300 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), let range = text.range(of: "127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if text[range.upperBound...].dropFirst(digits.count).first == "/", let port = UInt16(digits) {
                    return port
                }
            }
            usleep(100_000)
        }
        throw ChildProcess.Failed(description: "the server did not start within 30 seconds")
    }

    /// Runs `body` with a fresh folder (the caseload, its reports, the server's output), removed after.
    static func inTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bailiwick-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
