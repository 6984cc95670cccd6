import Foundation
import Testing

/// The build step that compiles the shipped packs: a pack error fails the build with the loader's diagnostic.
struct PackEmbedderTests {
    static var embedder: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("PackEmbedder") }

    @Test func aPackErrorFailsTheBuildWithItsDiagnostic() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let file = rules.appendingPathComponent("actions.yaml")
        try "actions:\n  - id: negotiate\n    title: Negotiate\n    colour: blue\n".write(
            to: file, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("EmbeddedPackFiles.swift")
        let result = try CLI.run([folder.path, output.path, file.path], executable: Self.embedder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Rules/actions.yaml:4:5: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("the build cannot embed them"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written for broken packs")
    }

    @Test func soundPacksAreWrittenWithTheirCompiledForms() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let file = rules.appendingPathComponent("actions.yaml")
        try "actions:\n  - id: negotiate\n    title: Negotiate\n    description: Bargain.\n".write(
            to: file, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("EmbeddedPackFiles.swift")
        let result = try CLI.run([folder.path, output.path, file.path], executable: Self.embedder)
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOf: output, encoding: .utf8)
        #expect(source.contains("(path: #\"Rules/actions.yaml\"#"))
        #expect(source.contains("case nil: return \"BWKP"))
        #expect(source.contains("static let compiledDigest = \""))
    }
}
