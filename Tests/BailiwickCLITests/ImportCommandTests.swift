import Foundation
import Testing

/// `bailiwick import` run as a supervisor runs it (issue 19, items 1 and 2), on the fixtures in
/// Examples/import made from the documented Clio shapes (research section 1).
struct ImportCommandTests {
    static let examples = PackVerbTests.repository.appendingPathComponent("Examples/import")
    static let mapping = examples.appendingPathComponent("firm-mapping.yaml").path
    static let clio = examples.appendingPathComponent("clio").path

    static func importClio(into folder: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(
            ["import", "clio", clio, "--mapping", mapping, "--output", folder.path, "--as-of", "2026-04-01"] + extra)
    }

    /// The findings of the one matter of an audit's JSON report.
    static func findings(_ report: [String: Any]) -> [[String: Any]] {
        ((report["matters"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
    }

    @Test func theClioFixturesImportIntoMatterFilesThatAuditWithTheExpectedFindings() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.importClio(into: folder)
        // A court-rule date differs and one matter (Estate Planning) has no mapping: exit 1.
        #expect(result.status == 1, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["WA-2026-0301.yaml", "WA-2026-0302.yaml"])
        let file = folder.appendingPathComponent("WA-2026-0301.yaml").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=bailiwick-matter-us-wa.schema.json\n"))
        // The written file validates against `bailiwick schema matter`.
        let schema = try SchemaValidator(json: try CLI.run(["schema", "matter", "--jurisdiction", "us-wa"]).stdout)
        #expect(try schema.problems(yaml: text) == [])
        // Audited as `bailiwick audit` does: the paralegal's billed court attendance (A109, 2026-03-24)
        // is out of scope; her billed drafting (A103) waits on the lawyer's review, a fact not given.
        let audit = try CLI.run(["audit", file, "--as-of", "2026-04-01", "--format", "json"])
        #expect(audit.status == 1)
        let findings = Self.findings(try CLI.json(audit.stdout))
        let codes = findings.compactMap { $0["code"] as? String }
        #expect(codes.contains("SCOPE-PROHIBITED"))
        #expect(codes.contains("SCOPE-CONDITION-UNKNOWN"))
        let prohibited = findings.first { $0["code"] as? String == "SCOPE-PROHIBITED" }
        #expect(prohibited?["date"] as? String == "2026-03-24")
        // The report: the response date Clio left on a Sunday (see ImportClioTests for the count).
        #expect(
            result.stdout.contains(
                "calendar entry 9002, Response to a divorce petition (dissolution-response): "
                    + "DIFFERS: Clio has 2026-03-22, Bailiwick 2026-03-23"))
        #expect(result.stdout.contains("Earliest") == false, "the entry's own words are the client's system's")
        #expect(result.stdout.contains("SCOPE-PROHIBITED at line"))
        #expect(result.stdout.contains("Not imported:\n  Clio matter 1003: no matter-type mapping matches"))
    }

    @Test func clientNamesAndNotesAreWithheldUnlessAsked() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try Self.importClio(into: folder, ["--dry-run"])
        for secret in ["Elena", "Marsh dissolution", "A neighbour", "First meeting", "elena@example.com"] {
            #expect(!plain.stdout.contains(secret), "\(secret) in the report")
            #expect(!plain.stderr.contains(secret))
        }
        #expect(plain.stdout.contains("Referral source: (text withheld; --names shows it)"))
        let named = try Self.importClio(into: folder, ["--dry-run", "--names", "--format", "json"])
        #expect(named.stdout.contains("A neighbour"))
        // --dry-run writes nothing.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aReimportKeepsHandEditsAndRefusesAnEditedBlock() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.importClio(into: folder)
        let file = folder.appendingPathComponent("WA-2026-0301.yaml")
        let written = try String(contentsOf: file, encoding: .utf8)
        let hand = written.replacingOccurrences(
            of: "  # bailiwick-import end facts\n", with: "  # bailiwick-import end facts\n  lawyer-review: true\n")
        try hand.write(to: file, atomically: true, encoding: .utf8)
        let again = try Self.importClio(into: folder)
        #expect(again.stdout.contains("WA-2026-0301 (source id 1001): unchanged"), "\(again.stdout)")
        #expect(try String(contentsOf: file, encoding: .utf8) == hand)
        // The hand fact is audited: the drafting is reviewed now.
        let audit = try CLI.run(["audit", file.path, "--as-of", "2026-04-01", "--format", "json"])
        let codes = Self.findings(try CLI.json(audit.stdout)).compactMap { $0["code"] }
        #expect(!codes.contains { $0 as? String == "SCOPE-CONDITION-UNKNOWN" })
        // An edit inside a block: that file is refused (exit 2) and left as it is.
        let edited = hand.replacingOccurrences(of: "  children: 2\n", with: "  children: 4\n")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let refused = try Self.importClio(into: folder)
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("\(file.path):"))
        #expect(refused.stdout.contains("were edited"))
        #expect(try String(contentsOf: file, encoding: .utf8) == edited)
    }

    @Test func aDryRunReadsTheFilesBeforeAndAnUnreadableOneIsNeverOverwritten() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.importClio(into: folder)
        let dry = try Self.importClio(into: folder, ["--dry-run"])
        #expect(dry.stdout.contains("WA-2026-0301 (source id 1001): unchanged"), "\(dry.stdout)")
        // Not UTF-8: the file cannot be read, so the import must not take it for a new one.
        let file = folder.appendingPathComponent("WA-2026-0301.yaml")
        let bytes = Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])
        try bytes.write(to: file)
        let refused = try Self.importClio(into: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("WA-2026-0301.yaml"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: file) == bytes)
    }

    @Test func aMappingErrorIsLocatedAndExitsTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("firm.yaml")
        try "jurisdiction: us-wa\nfacts:\n  - {field: Kids, fact: childern}\n".write(
            to: broken, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "clio", Self.clio, "--mapping", broken.path, "--dry-run"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(broken.path):3:25: error: unknown fact 'childern'"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theClioMattersCSVExportImports() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = Self.examples.appendingPathComponent("clio-matters.csv").path
        let result = try CLI.run(
            ["import", "clio", csv, "--mapping", Self.mapping, "--output", folder.path, "--as-of", "2026-04-01"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("WA-2026-0311.yaml"), encoding: .utf8)
        // The byte order mark and CRLF are read; the quoted client name with a comma is kept whole.
        #expect(text.contains("{id: kim-ortiz, role: technician, name: 'Kim Ortiz', license: paralegal}"))
        #expect(text.contains("  children: 1\n"))
        let other = try String(contentsOf: folder.appendingPathComponent("WA-2026-0312.yaml"), encoding: .utf8)
        #expect(other.contains("name: 'Omar Said, Jr.'"))
        // The note (with its embedded line break and quotes) is client data: withheld.
        #expect(result.stdout.contains("Note: (text withheld; --names shows it) (not read by the import)"))
        #expect(!result.stdout.contains("no calls"))
    }

    @Test func aGenericCSVImportsByTheMappingsColumns() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run([
            "import", "csv", Self.examples.appendingPathComponent("mycase-events.csv").path, "--mapping",
            Self.examples.appendingPathComponent("csv-mapping.yaml").path, "--output", folder.path,
            "--as-of", "2026-04-01",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("MC-88.yaml"), encoding: .utf8)
        #expect(text.contains("  - {event: petition-filed, date: 2026-03-06}\n"))
        #expect(text.contains("  - {event: service-of-petition, date: 2026-03-10}\n"))
        #expect(result.stdout.contains("calendar entry"))
    }
}
