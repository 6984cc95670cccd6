/// The pack files shipped with Bailiwick, compiled in by the EmbedPacksPlugin build step.
public enum EmbeddedPacks {
    /// Each shipped pack file, by its path relative to the repository root
    /// (`Rules/actions.yaml`, `Jurisdictions/us-wa/scope.yaml`, …), in path order.
    public static var all: [(path: String, text: String)] { files.filter { !$0.path.hasPrefix(examplesFolder) } }

    /// The example matter files (`Examples/wa-dissolution-clean.yaml`, …), in path order.
    public static var examples: [(path: String, text: String)] { files.filter { $0.path.hasPrefix(examplesFolder) } }

    private static let examplesFolder = "Examples/"
}
