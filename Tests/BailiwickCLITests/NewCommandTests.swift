import Foundation
import Testing

/// `bailiwick new` (issue 18, item 1): a matter file for every shipped matter type that loads as
/// written, says what is still to fill in, and once filled in has no finding about its own shape.
struct NewCommandTests {
    /// The findings that mean the file leaves something out, rather than something about the case.
    static let shapeCodes: Set<String> = [
        "FORM-MAY-BE-REQUIRED", "DEADLINE-DEPENDS-ON-FACT", "DEADLINE-NOT-TRIGGERED", "SCOPE-UNDETERMINED",
        "SCOPE-CONDITION-UNKNOWN", "MATTER-TYPE-NOT-GIVEN",
    ]

    /// Every shipped matter type, as `list matter-types` gives them, so types added later are covered.
    static func matterTypes() throws -> [(jurisdiction: String, id: String)] {
        let listed = try CLI.json(try CLI.run(["list", "matter-types", "--format", "json"]).stdout)
        let types = listed["matter-types"] as? [[String: Any]] ?? []
        return types.compactMap { type in
            guard let jurisdiction = type["jurisdiction"] as? String, let id = type["id"] as? String else { return nil }
            return (jurisdiction, id)
        }
    }

    /// The file filled in as a user would: the FILL IN values replaced, each fact given a value it
    /// takes (read from its comment), each event uncommented with a date.
    static func filledIn(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            if line.hasPrefix("id: FILL-IN") { return "id: TEST-1" }
            if line.hasPrefix("title: FILL IN") { return "title: A test matter" }
            if line.contains("licensed-from:") { return "    licensed-from: 2020-01-02" }
            if line.contains("FILL IN the") && line.contains("name") {
                return line.replacingOccurrences(
                    of: #"FILL IN the [a-z' ]+name"#, with: "Pat Doe", options: .regularExpression)
            }
            if line.hasPrefix("  # - {event: ") {
                return "  - "
                    + line.dropFirst(6).replacingOccurrences(
                        of: "YYYY-MM-DD", with: "2026-05-04")
            }
            // A fact: `  id:   # what it takes`, at the facts' own indentation.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  #"), !line.hasPrefix("  -"),
                let colon = line.firstIndex(of: ":"), let hash = line.range(of: "   # ")
            else { return line }
            let takes = line[hash.upperBound...]
            let value: String
            if takes.hasPrefix("true or false") {
                value = "false"
            } else if takes.hasPrefix("a whole number") {
                value = takes.split(separator: " ").first { Int($0) != nil }.map(String.init) ?? "1"
            } else if takes.hasPrefix("a date") {
                value = "2026-05-01"
            } else if takes.hasPrefix("one of: ") {
                value = String(takes.dropFirst("one of: ".count).split(separator: ",")[0])
            } else if takes.hasPrefix("a list") {
                value = "[]"
            } else {
                value = "some text"
            }
            return line[...colon] + " " + value
        }.joined(separator: "\n")
    }

    @Test func everyShippedMatterTypeFilledInHasNoFindingAboutItsShape() throws {
        let types = try Self.matterTypes()
        #expect(types.count >= 5)
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (jurisdiction, type) in types {
            let file = folder.appendingPathComponent("\(jurisdiction)-\(type).yaml")
            let written = try CLI.run([
                "new", "--jurisdiction", jurisdiction, "--type", type, "--output", file.path, "--as-of", "2026-06-01",
            ])
            #expect(written.status == 0, "\(jurisdiction)/\(type): \(written.stderr)")
            #expect(written.stdout.contains("Wrote \(file.path)"))
            #expect(
                !written.stdout.contains("cannot be read"), "\(jurisdiction)/\(type) as written:\n\(written.stdout)")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=bailiwick-matter-\(jurisdiction).schema.json\n"))
            try Self.filledIn(text).write(to: file, atomically: true, encoding: .utf8)
            let audited = try CLI.run(["audit", file.path, "--format", "json", "--as-of", "2026-06-01"])
            #expect(audited.status != 2, "\(jurisdiction)/\(type) filled in:\n\(audited.stdout)\(audited.stderr)")
            let report = try CLI.json(audited.stdout)
            let matters = report["matters"] as? [[String: Any]] ?? []
            #expect(matters.count == 1, "\(jurisdiction)/\(type): \(audited.stdout)")
            let codes = (matters.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(codes).isDisjoint(with: Self.shapeCodes), "\(jurisdiction)/\(type): \(codes)")
        }
    }

    @Test func asWrittenTheAuditNamesWhatIsStillToFillIn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("eviction.yaml")
        let written = try CLI.run([
            "new", "-j", "us-wa", "--type", "unlawful-detainer", "--output", file.path, "--as-of", "2026-06-01",
        ])
        #expect(written.status == 0)
        #expect(written.stdout.contains("DEADLINE-NOT-TRIGGERED"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("type: unlawful-detainer"))
        #expect(text.contains("  # - {event: eviction-notice-served, date: YYYY-MM-DD}"))
        #expect(text.contains("  client-role:   # one of: "))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(
                    "bailiwick-matter-us-wa.schema.json"
                ).path))
        // The folder audits as one matter: the schema written beside it is not read as a broken matter.
        let audit = try CLI.run(["audit", folder.path, "--format", "json", "--fail-on", "never"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let matters = try CLI.json(audit.stdout)["matters"] as? [[String: Any]] ?? []
        #expect(matters.count == 1)
        #expect(!audit.stdout.contains("schema.json"))
        // A JSON file that merely names a schema is still read as a matter, and refused as one.
        try #"{"$schema": "x", "id": "m"}"#.write(
            to: folder.appendingPathComponent("other.json"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["audit", folder.path, "--format", "json", "--fail-on", "never"])
        #expect(again.stdout.contains("other.json") || again.stderr.contains("other.json"))
    }

    @Test func anExistingFileIsNeverReplacedWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matter.yaml")
        try "id: mine\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["new", "-j", "us-ut", "--area", "family", "--output", file.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists: give --force to replace it"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "id: mine\n")
        let forced = try CLI.run(["new", "-j", "us-ut", "--area", "family", "--output", file.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("area: family"))
    }

    @Test func withoutATypeTheMatterIsForScopeOnly() throws {
        let result = try CLI.run(["new", "-j", "us-ut", "--area", "family", "--as-of", "2026-06-01"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\narea: family"))
        #expect(!result.stdout.contains("\ntype:"))
        #expect(result.stdout.contains("    license: lpp"))
    }

    @Test func anUnknownTypeIsListedOrSuggested() throws {
        let result = try CLI.run(["new", "-j", "us-wa", "--type", "eviction"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown matter type 'eviction' in us-wa (known: "))
        let close = try CLI.run(["new", "-j", "us-wa", "--type", "disolution"])
        #expect(close.stderr.contains("did you mean 'dissolution'?"))
    }
}
