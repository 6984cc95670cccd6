import BailiwickLoading
import BailiwickReports
import Crypto

/// The SHA-256 digests the journal records: of a matter file's bytes, and of a pack set.
public enum ContentHash {
    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// The pack set's identity: its version, and a digest of every file's path and text in path
    /// order, so the same packs give the same digest whatever folder or order they were read from.
    public static func packs(_ files: [PackFile], version: String) -> PackIdentity {
        var bytes: [UInt8] = []
        for file in files.sorted(by: { $0.packPath < $1.packPath }) {
            let text = Array(file.text.utf8)
            bytes += Array(file.packPath.utf8) + [0] + Array(String(text.count).utf8) + [0] + text
        }
        return PackIdentity(version: version, sha256: sha256(bytes))
    }
}
