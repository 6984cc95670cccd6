import Foundation
import Testing

/// A caseload's report is assembled from its spooled parts, read into one buffer and written in pieces:
/// the bytes must be the same whatever the output is (a pipe, a file written whole, standard output a
/// file written over or appended to) and wherever the spool keeps them (memory, a file, either).
struct CaseloadAssemblyTests {
    @Test func theReportIsTheSameToAPipeAFileAnAppendedFileAndFromAnotherFileSystem() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matters = folder.appendingPathComponent("matters")
        try FileManager.default.createDirectory(at: matters, withIntermediateDirectories: true)
        let examples = AuditCommandTests.examples
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name), to: matters.appendingPathComponent(name))
        }
        try "id: [\n".write(to: matters.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let shell = URL(fileURLWithPath: "/bin/sh")
        for format in ["text", "json"] {
            let arguments = ["audit", matters.path, "--format", format, "--as-of", "2026-06-01", "--fail-on", "never"]
            let piped = try CLI.run(arguments)
            #expect(piped.status == 2)
            #expect(piped.stdout.utf8.count > 50_000 && piped.stdout.contains("broken.yaml"))
            let report = folder.appendingPathComponent("report.\(format)")
            // Parts kept in memory (all of these), in the spool's file, and some in each.
            var outputs: [(String, [String: String])] = [
                ("file", [:]), ("file, parts spooled to disk", ["BAILIWICK_SPOOL_MEMORY": "0"]),
                ("file, some parts spooled to disk", ["BAILIWICK_SPOOL_MEMORY": "20000"]),
            ]
            if FileManager.default.fileExists(atPath: "/dev/shm") {
                outputs.append(("tmpfs spool", ["TMPDIR": "/dev/shm", "BAILIWICK_SPOOL_MEMORY": "0"]))
            }
            for (name, environment) in outputs {
                let written = try CLI.run(arguments + ["--output", report.path], environment: environment)
                #expect(written.status == 2)
                #expect(try String(contentsOf: report, encoding: .utf8) == piped.stdout, "\(format), \(name)")
            }
            // Standard output a file, written over and appended to.
            let redirected = folder.appendingPathComponent("redirected.\(format)")
            for (redirect, before) in [(">", ""), (">>", "before\n")] {
                try "before\n".write(to: redirected, atomically: true, encoding: .utf8)
                let command = "\"$0\" \"$@\" \(redirect) '\(redirected.path)'"
                let run = try CLI.run(["-c", command, CLI.binary.path] + arguments, executable: shell)
                #expect(run.status == 2)
                #expect(
                    try String(contentsOf: redirected, encoding: .utf8) == before + piped.stdout,
                    "\(format) \(redirect)")
            }
        }
    }

    /// A matter whose part is larger than the assembly's buffer (400 actions by a person with no licence, about
    /// 600 KB of JSON and 200 KB of text) is written whole, between the parts around it.
    @Test func aPartLargerThanTheBufferIsWrittenWhole() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let action = "  - {by: helper, action: consult, date: 2026-01-01}\n"
        let big =
            "id: BIG-1\njurisdiction: us-wa\ntype: dissolution\nas-of: 2026-06-01\npeople:\n"
            + "  - {id: helper, role: technician, name: Helper}\nactions:\n" + String(repeating: action, count: 400)
        try big.write(to: folder.appendingPathComponent("a-big.yaml"), atomically: true, encoding: .utf8)
        for name in ["wa-dissolution-problems.yaml", "wa-dissolution-clean.yaml"] {
            try FileManager.default.copyItem(
                at: AuditCommandTests.examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let report = folder.appendingPathComponent("report.json")
        let arguments = ["audit", folder.path, "--format", "json", "--as-of", "2026-06-01", "--fail-on", "never"]
        let piped = try CLI.run(arguments)
        #expect(piped.status == 0)
        #expect(piped.stdout.utf8.count > 256 << 10)
        for memory in ["0", "1000000", String(64 << 20)] {
            let written = try CLI.run(
                arguments + ["--output", report.path], environment: ["BAILIWICK_SPOOL_MEMORY": memory])
            #expect(written.status == 0)
            #expect(try String(contentsOf: report, encoding: .utf8) == piped.stdout, "spool memory \(memory)")
        }
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [String: Any])
        let matters = try #require(document["matters"] as? [[String: Any]])
        #expect(matters.count == 3)
        let findings = try #require(matters.first { $0["id"] as? String == "BIG-1" }?["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["code"] as? String == "LICENSE-NOT-VALID" }.count == 400)
        let text = try CLI.run(["audit", folder.path, "--as-of", "2026-06-01", "--fail-on", "never"])
        #expect(text.stdout.components(separatedBy: "[LICENSE-NOT-VALID]").count == 401)
        #expect(text.stdout.hasSuffix("confirm against the cited rules.\n"))
    }
}
