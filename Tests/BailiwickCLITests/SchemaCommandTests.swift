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
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" && !$0.path.contains("/import/") } ?? []
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

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every shipped pack file with the jurisdiction of its folder (nil under Rules/).
    static func packFiles() -> [(file: URL, jurisdiction: String?)] {
        let files =
            FileManager.default.enumerator(
                at: repository.appendingPathComponent("Rules"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }.map { ($0, String?.none) } ?? []
        let jurisdictions = repository.appendingPathComponent("Jurisdictions")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: jurisdictions.path)) ?? []
        let perJurisdiction = folders.sorted().flatMap { folder in
            let url = jurisdictions.appendingPathComponent(folder)
            return (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted()
                .filter { $0.hasSuffix(".yaml") }.map { (url.appendingPathComponent($0), Optional(folder)) } ?? []
        }
        return files.sorted { $0.0.path < $1.0.path } + perJurisdiction
    }

    static func packSchema(_ jurisdiction: String?) throws -> SchemaValidator {
        let result = try CLI.run(["schema", "pack"] + (jurisdiction.map { ["--jurisdiction", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
        return try SchemaValidator(json: result.stdout)
    }

    @Test func everyShippedPackFileValidatesAgainstThePackSchema() throws {
        let files = Self.packFiles()
        #expect(files.count >= 20)
        var schemas: [String: SchemaValidator] = [:]
        for (file, jurisdiction) in files {
            let key = jurisdiction ?? ""
            if schemas[key] == nil { schemas[key] = try Self.packSchema(jurisdiction) }
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(try schemas[key]!.problems(yaml: text) == [], "\(file.path)")
        }
    }

    /// In a copy of the shipped packs, an unknown key in the first entry of each section of a
    /// file: `bailiwick validate` refuses it, and so does the schema.
    @Test func aPackKeyTheLoaderRefusesTheSchemaRefuses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Rules", "Jurisdictions"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let cases: [(path: String, jurisdiction: String?, after: String)] = [
            ("Rules/actions.yaml", nil, "\n  - id: "),
            ("Jurisdictions/us-wa/deadlines.yaml", "us-wa", "\n  - id: "),
            ("Jurisdictions/us-wa/jurisdiction.yaml", "us-wa", "\n  id: "),
        ]
        for item in cases {
            let file = folder.appendingPathComponent(item.path)
            guard let original = try? String(contentsOf: file, encoding: .utf8),
                let range = original.range(of: item.after)
            else {
                Issue.record("\(item.path) has no '\(item.after)' to add a key beside")
                continue
            }
            let indent = item.after.hasPrefix("\n  - ") ? "\n    " : "\n  "
            let changed = original.replacingCharacters(
                in: range,
                with: item.after.replacingOccurrences(
                    of: "id: ", with: "colour: blue" + indent + "id: "))
            try changed.write(to: file, atomically: true, encoding: .utf8)
            let validated = try CLI.run(["validate", "--packs", folder.path])
            #expect(validated.status == 2, "\(item.path)")
            #expect((validated.stdout + validated.stderr).contains("unknown key 'colour'"), "\(item.path)")
            #expect(
                try Self.packSchema(item.jurisdiction).problems(yaml: changed).contains { $0.contains("'colour'") },
                "\(item.path)")
            try original.write(to: file, atomically: true, encoding: .utf8)
        }
        let shared = try Self.packSchema(nil)
        #expect(try shared.problems(yaml: "calendar: {name: x}\n") != [], "a jurisdiction's section in Rules/")
    }
}
