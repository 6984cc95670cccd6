import Foundation
import Testing

/// `bailiwick schema matter` (issue 18, item 3): the schema accepts every shipped example and
/// refuses what the loader refuses.
struct SchemaCommandTests {
    static let examples: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" } ?? []
        return files.sorted { $0.path < $1.path }
    }()

    static func schema(_ jurisdiction: String?) throws -> SchemaValidator {
        let result = try CLI.run(["schema", "matter"] + (jurisdiction.map { ["--jurisdiction", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
        return try SchemaValidator(json: result.stdout)
    }

    static func jurisdiction(of text: String) -> String {
        let line = text.split(separator: "\n").first { $0.hasPrefix("jurisdiction:") } ?? ""
        return line.dropFirst("jurisdiction:".count).trimmingCharacters(in: .whitespaces)
    }

    @Test func everyExampleValidatesAgainstItsJurisdictionsSchemaAndTheGeneralOne() throws {
        #expect(Self.examples.count >= 10)
        let general = try Self.schema(nil)
        var schemas: [String: SchemaValidator] = [:]
        for file in Self.examples {
            let text = try String(contentsOf: file, encoding: .utf8)
            let jurisdiction = Self.jurisdiction(of: text)
            if schemas[jurisdiction] == nil { schemas[jurisdiction] = try Self.schema(jurisdiction) }
            #expect(try general.problems(yaml: text) == [], "\(file.lastPathComponent)")
            #expect(try schemas[jurisdiction]!.problems(yaml: text) == [], "\(file.lastPathComponent)")
        }
    }

    /// For each part of a matter file, a key the loader does not know: the loader refuses the file
    /// (exit 2, "unknown key") and the schema does too.
    @Test func aKeyTheLoaderRefusesTheSchemaRefuses() throws {
        let base = try String(
            contentsOf: Self.examples.first { $0.lastPathComponent == "wa-dissolution-clean.yaml" }!, encoding: .utf8)
        let schema = try Self.schema("us-wa")
        #expect(try schema.problems(yaml: base) == [])
        let variants = [
            ("top", base + "\ncolour: blue\n"),
            (
                "person",
                base.replacingOccurrences(of: "    role: technician", with: "    role: technician\n    colour: blue")
            ),
            ("facts", base.replacingOccurrences(of: "\nfacts:\n", with: "\nfacts:\n  colour: blue\n")),
            (
                "event",
                base.replacingOccurrences(of: "{event: petition-filed,", with: "{colour: blue, event: petition-filed,")
            ),
            ("action", base.replacingOccurrences(of: "    action: ", with: "    colour: blue\n    action: ")),
            ("filing", base.replacingOccurrences(of: "{form: ", with: "{colour: blue, form: ")),
        ]
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (part, text) in variants {
            #expect(text != base, "\(part): the example has no such part to change")
            let file = folder.appendingPathComponent("\(part).yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let loaded = try CLI.run(["audit", file.path])
            #expect(loaded.status == 2, "\(part)")
            #expect(loaded.stdout.contains("unknown key 'colour'"), "\(part): \(loaded.stdout)")
            #expect(try schema.problems(yaml: text).contains { $0.contains("key 'colour' is not allowed") }, "\(part)")
        }
    }

    @Test func valuesAreReadAsTheLoaderReadsThem() throws {
        let schema = try Self.schema("us-ut")
        let matter = """
            id: 12
            jurisdiction: us-ut
            area: family
            facts:
              written-contract: yes
              client.natural-person: TRUE
            """
        #expect(try schema.problems(yaml: matter) == [])
        #expect(try schema.problems(yaml: matter.replacingOccurrences(of: "yes", with: "maybe")) != [])
        #expect(try schema.problems(yaml: "id: x\njurisdiction: us-ut\n") != [], "type or area is needed")
        #expect(try schema.problems(yaml: "id: x\njurisdiction: us-wa\narea: family\n") != [], "the wrong jurisdiction")
    }
}
