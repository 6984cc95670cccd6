/// The pack files shipped with Bailiwick, compiled in by the EmbedPacksPlugin build step.
public enum EmbeddedPacks {
    /// Each shipped pack file, by its path relative to the repository root
    /// (`Rules/actions.yaml`, `Jurisdictions/us-wa/scope.yaml`, …), in path order.
    public static let all: [(path: String, text: String)] = files.filter { !$0.path.hasPrefix(examplesFolder) }

    /// The example matter files (`Examples/wa-dissolution-clean.yaml`, …), in path order.
    public static let examples: [(path: String, text: String)] = files.filter { $0.path.hasPrefix(examplesFolder) }

    private static let examplesFolder = "Examples/"

    /// The digest (FNV-1a, 64 bits, in hex) of every file's path and text that the compiled forms were
    /// made from: `PackDigest.of(PackFiles.shipped)` when the build is consistent.
    public static var compiledFrom: String { compiledDigest }

    /// The loaded pack set in the compact form (BailiwickLoading/CompiledPackSet.swift), for one jurisdiction
    /// folder with the shared `Rules/` (as `PackFiles.needed(for:from:)` chooses them), or for every pack when
    /// `jurisdiction` is nil; nil for a jurisdiction the packs do not have.
    public static func compiled(for jurisdiction: String?) -> StaticString? { compiledForm(jurisdiction) }
}
