/// A digest of a pack set's files (FNV-1a, 64 bits, in hex), over every file's path and text in path
/// order: it ties a compiled form to the texts it was made from. Not the journal's identity, which
/// is a SHA-256 (BailiwickJournal/ContentHash.swift).
public enum PackDigest {
    public static func of(_ files: [PackFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files.sorted(by: { $0.packPath < $1.packPath }) {
            for part in [file.packPath, file.text] {
                for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
