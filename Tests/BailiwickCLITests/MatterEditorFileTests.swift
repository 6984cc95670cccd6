import Bailiwick
import BailiwickReports
import Foundation
import Hummingbird
import Testing

/// The matter file the web editor downloads (issue 18, item 5) is a matter file like any other:
/// for every shipped matter type, filled in throughout, it validates against `bailiwick schema
/// matter --jurisdiction J` and `bailiwick audit` reads it without a complaint about its shape.
struct MatterEditorFileTests {
    static let packs = FrontEndAgreementTests.packs
    static let types = packs.matterTypes.map { "\($0.jurisdiction)/\($0.id)" }

    /// Every part of the form filled in: a technician with the jurisdiction's first licence, a
    /// client, each event and filing dated, one action, and each fact given a value of its type.
    static func form(_ type: MatterType) -> [(String, String)] {
        let license = packs.licenses(in: type.jurisdiction).first!.key.id
        var form = [
            ("mode", "editor"), ("matter-type", "\(type.jurisdiction)/\(type.id)"), ("id", "2026-0001 \"Q\""),
            ("as-of", "2026-06-30"), ("person-1-name", "Ana O'Neil: #1"), ("person-1-role", "technician"),
            ("person-1-license", license), ("person-1-licensed-from", "2020-01-02"),
            ("person-2-name", "yes"), ("person-2-role", "client"),
            ("action-1-by", "1"), ("action-1-action", "consult"), ("action-1-date", "2026-02-01"),
        ]
        for index in MatterTemplate.events(of: type, in: packs).indices {
            form.append(("event-\(index + 1)-date", "2026-01-\(String(format: "%02d", index % 28 + 1))"))
        }
        for index in type.forms.indices { form.append(("filing-\(index + 1)-date", "2026-03-01")) }
        for fact in MatterTemplate.facts(of: type, in: packs) {
            let value =
                switch fact.type {
                case .boolean: "yes"
                case .integer: String(fact.minimum ?? 0)
                case .date: "2026-01-15"
                case .string: fact.allowedValues?.first ?? "text"
                case .list: fact.allowedValues?.first ?? "none"
                }
            form.append(("fact.\(fact.id)", value))
        }
        return form
    }

    static func post(_ form: [(String, String)]) async throws -> (status: Int, body: String) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + "\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await FrontEndAgreementTests.api("/audit", method: .post, body: body)
    }

    @Test func everyTypesFileValidatesAndAuditsWithoutShapeFindings() async throws {
        var schemas: [String: SchemaValidator] = [:]
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for type in Self.packs.matterTypes {
            let name = "\(type.jurisdiction)/\(type.id)"
            let download = try await Self.post(Self.form(type) + [("format", "yaml")])
            #expect(download.status == 200, "\(name): \(download.body)")
            if schemas[type.jurisdiction] == nil {
                schemas[type.jurisdiction] = try SchemaCommandTests.schema(type.jurisdiction)
            }
            #expect(try schemas[type.jurisdiction]!.problems(yaml: download.body) == [], "\(name)\n\(download.body)")
            let file = folder.appendingPathComponent("\(type.jurisdiction)-\(type.id).yaml")
            try download.body.write(to: file, atomically: true, encoding: .utf8)
            let audit = try CLI.run(["audit", "--format", "json", file.path])
            #expect(audit.status != 2, "\(name): \(audit.stderr)")
            // The names and the reference read back exactly as typed.
            let matter = try #require(
                (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["matters"]
                    as? [[String: Any]]
            ).first
            #expect(matter?["id"] as? String == "2026-0001 \"Q\"", "\(name)")
        }
    }
}
