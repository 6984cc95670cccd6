import Foundation
import PackagePlugin

/// Compiles the shipped packs (`Rules/` and `Jurisdictions/`) into the `BailiwickPacks` target,
/// so that an installed `bailiwick` needs no files beside it; with them, the example matters at the
/// top of `Examples/`, which the web matter editor offers to start from.
@main
struct EmbedPacksPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        // The examples at the top of Examples/ only: a caseload folder below it is not one matter.
        let examples =
            (try? FileManager.default.contentsOfDirectory(
                at: root.appending(path: "Examples"), includingPropertiesForKeys: nil)) ?? []
        let packFiles =
            ["Rules", "Jurisdictions"].flatMap { yamlFiles(under: root.appending(path: $0)) }
            + examples.filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPackFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(packFiles.count) pack files",
                executable: try context.tool(named: "PackEmbedder").url,
                arguments: [root.path(percentEncoded: false), output.path(percentEncoded: false)]
                    + packFiles.map { $0.path(percentEncoded: false) },
                inputFiles: packFiles,
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
