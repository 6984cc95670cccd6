import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// docs/json-output.md and the OpenAPI document name exactly the members each pack entity's
/// writer emits, in the order it emits them (the doc) or as a set (the schema, a JSON object).
struct PackEntityDocumentationTests {
    /// Each entity of the doc's "Pack entities", written for every instance the shipped packs hold.
    static var written: [String: [JSONValue]] {
        let packs = Server.packs
        let problem = Diagnostic(at: SourceLocation(file: "matter", line: 3, column: 5), "an unknown key 'x'")
        return [
            "jurisdiction": packs.jurisdictions.map { PackJSON.jurisdiction($0, packs: packs) },
            "source": packs.jurisdictions.flatMap(\.sources).map(PackJSON.source),
            "license": packs.licenses.map(PackJSON.license),
            "action": packs.actions.map(PackJSON.action),
            "area": packs.areas.map(PackJSON.area),
            "fact": packs.facts.map(PackJSON.fact),
            "event": packs.events.map(PackJSON.event),
            "rule": packs.rules.map { PackJSON.rule($0, packs: packs) },
            "deadline": packs.deadlines.map(PackJSON.deadline),
            "matter-type": packs.matterTypes.map(PackJSON.matterType),
            "form": packs.jurisdictions.flatMap { packs.forms(in: $0.id) }.map(PackJSON.form),
            "diagnostic": [problem, Diagnostic(.warning, at: problem.location, "an id with an invisible character")]
                .map(PackJSON.diagnostic),
            "citation": packs.rules.map { PackJSON.citation($0.citation) },
            "period": (packs.rules.map(\.period) + packs.licenses.map(\.validity)).map(PackJSON.period),
        ]
    }

    /// The schema in the OpenAPI document for each entity.
    static let schemas = [
        "jurisdiction": "JurisdictionSummary", "source": "Source", "license": "License", "action": "Action",
        "area": "Area", "fact": "Fact", "event": "Event", "rule": "Rule", "deadline": "Deadline",
        "matter-type": "MatterType", "form": "Form", "diagnostic": "Diagnostic", "citation": "Citation",
        "period": "Period",
    ]

    /// The members every instance of an entity has; an instance with other members fails the test.
    static func members(of entity: String) -> [String] {
        let keys = (written[entity] ?? []).map { value -> [String] in
            guard case .object(let members) = value else { return [] }
            return members.map(\.0)
        }
        #expect(!keys.isEmpty, "no \(entity) to write")
        #expect(Set(keys.map { $0.joined(separator: ",") }).count == 1, "\(entity)s differ in their members")
        return keys.first ?? []
    }

    /// The members each `### entity` table of the doc's "Pack entities" names in its first column.
    static func documented() throws -> [String: [String]] {
        let text = try Server.repositoryFile("docs/json-output.md")
        let section = try #require(text.components(separatedBy: "\n## Pack entities\n").dropFirst().first)
        var tables: [String: [String]] = [:]
        var entity: String?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("### ") {
                entity = String(line.dropFirst(4))
                tables[entity!] = []
            } else if let entity, line.hasPrefix("| `") {
                let cell = line.split(separator: "|").first ?? ""
                tables[entity]! += cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
        }
        return tables
    }

    @Test func theDocNamesExactlyTheMembersEachWriterEmits() throws {
        let documented = try Self.documented()
        #expect(Set(documented.keys) == Set(Self.written.keys))
        for entity in Self.written.keys.sorted() {
            #expect(documented[entity] == Self.members(of: entity), "\(entity)")
        }
    }

    @Test func theOpenAPISchemasNameExactlyTheMembersEachWriterEmits() async throws {
        let document = try await Server.request("/openapi.json").json
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        for (entity, name) in Self.schemas.sorted(by: { $0.key < $1.key }) {
            let schema = try #require(schemas[name], "\(name)")
            let members = Set(Self.members(of: entity))
            #expect(Set((schema["properties"] as? [String: Any] ?? [:]).keys) == members, "\(name)")
            // Every writer emits every member, null where the pack leaves it out.
            #expect(Set(schema["required"] as? [String] ?? []) == members, "\(name)")
        }
        #expect(Set(Self.schemas.keys) == Set(Self.written.keys))
    }
}
