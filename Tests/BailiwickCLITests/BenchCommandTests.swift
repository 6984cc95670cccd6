import Foundation
import Testing

/// `bailiwick bench`: runs and reports every figure. Times are never asserted.
struct BenchCommandTests {
    @Test func theBenchmarkReportsEveryFigure() throws {
        let result = try CLI.run(["bench", "--iterations", "2", "--format", "json"])
        #expect(result.status == 0)
        let measurements = try #require(try CLI.json(result.stdout)["measurements"] as? [[String: Any]])
        let names = measurements.compactMap { $0["operation"] as? String }
        for expected in [
            "load and validate all packs", "load and validate us-wa", "scope decision", "deadline computation",
            "audit of a typical matter", "read a matter file and audit it",
        ] {
            #expect(names.contains { $0.hasPrefix(expected) }, "missing \(expected)")
        }
        for measurement in measurements {
            for key in ["median-ns", "p90-ns", "p99-ns", "per-second"] { #expect(measurement[key] is Int, "\(key)") }
        }
    }

    @Test func theSyntheticCaseloadIsReproducibleAndReadable() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a")
        let second = folder.appendingPathComponent("b")
        #expect(
            try CLI.run(["bench", "--generate-caseload", first.path, "--matters", "40", "--seed", "7"]).status == 0)
        #expect(
            try CLI.run(["bench", "--generate-caseload", second.path, "--matters", "40", "--seed", "7"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names.count == 40)
        for name in names {
            #expect(
                FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(name).path))
        }
        let audit = try CLI.run(["audit", first.path, "--format", "json", "--fail-on", "never"])
        #expect(audit.status == 0, "a generated matter could not be read: \(audit.stdout.prefix(400))")
        let summary = try #require(try CLI.json(audit.stdout)["summary"] as? [String: Int])
        #expect(summary["matters"] == 40 && summary["unreadable"] == 0)
        #expect((summary["errors"] ?? 0) > 0, "the caseload should hold some faulty matters")
    }
}
