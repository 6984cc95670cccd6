import Foundation
import Testing

/// The build step that compiles the shipped packs: a pack error fails the build with the loader's diagnostic.
struct PackEmbedderTests {
    static var embedder: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("PackEmbedder") }

    /// Runs the embedder on one `Rules/actions.yaml` holding `yaml`; the generated source, if any.
    static func embed(_ yaml: String) throws -> (result: CLI.Result, source: String?) {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let file = rules.appendingPathComponent("actions.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("EmbeddedPackFiles.swift")
        let result = try CLI.run([folder.path, output.path, file.path], executable: embedder)
        return (result, try? String(contentsOf: output, encoding: .utf8))
    }

    @Test func aPackErrorFailsTheBuildWithItsDiagnostic() throws {
        let (result, source) = try Self.embed("actions:\n  - id: negotiate\n    title: Negotiate\n    colour: blue\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Rules/actions.yaml:4:5: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("the build cannot embed them"))
        #expect(source == nil, "nothing is written for broken packs")
    }

    @Test func soundPacksAreWrittenWithTheirCompiledForms() throws {
        let (result, source) = try Self.embed(
            "actions:\n  - id: negotiate\n    title: Negotiate\n    description: Bargain.\n")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(source)
        #expect(text.contains("(path: #\"Rules/actions.yaml\"#"))
        #expect(text.contains("case nil: return \"BWKP"))
        #expect(text.contains("static let compiledDigest = \""))
    }
}
