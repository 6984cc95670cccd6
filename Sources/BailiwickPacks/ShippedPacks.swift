import Bailiwick
import BailiwickLoading
import Foundation

extension PackFiles {
    /// The packs compiled into the binary, as text (for `validate`, `test`, `diff` and the journal's digest).
    public static var shipped: [PackFile] {
        EmbeddedPacks.all.map { PackFile(displayPath: $0.path, packPath: $0.path, text: $0.text) }
    }

    /// The pack set to use: `--packs DIR` if given, else `$BAILIWICK_PACKS`, else the shipped one.
    public static func resolve(packsOption: String?) throws(DiagnosticList) -> [PackFile] {
        if let folder = packsOption ?? ProcessInfo.processInfo.environment[environmentVariable], !folder.isEmpty {
            return try packSet(at: folder)
        }
        return shipped
    }
}

/// The shipped pack set as the build loaded and checked it, decoded instead of parsed: what
/// `PackSetLoader.load(PackFiles.needed(for: jurisdiction, from: PackFiles.shipped))` returns, without the YAML.
public enum ShippedPacks {
    /// The packs for one jurisdiction with the shared `Rules/`, or every pack when `jurisdiction` is nil
    /// or not one of the shipped folders (so that an unknown id can be answered with the known ones).
    /// Nil only if the compiled form cannot be read, which the build's own tests rule out: callers load
    /// the YAML then.
    public static func load(jurisdiction: String?) -> PackSet? {
        guard let form = EmbeddedPacks.compiled(for: jurisdiction) ?? EmbeddedPacks.compiled(for: nil) else {
            return nil
        }
        return form.withUTF8Buffer { bytes in try? CompiledPackSet.decode(bytes) }
    }
}
