/// What input may not put on a terminal as it is, and how it is shown instead.
///
/// A value read from a matter file or a pack may hold escape sequences (colour, cursor movement,
/// line erase), carriage returns, backspaces, line separators or bidirectional overrides: printed
/// raw, they can hide or forge report lines, or make a line read differently from what it is.
/// Each such character is shown as a Swift-style escape (`\u{1B}`, `\r`, `\n`), which is visible,
/// names the exact character, and cannot be mistaken for text because a backslash in the value
/// is itself shown doubled (`\\`).
public enum TerminalEscape {
    /// `value` with every unsafe character escaped; the value itself when it has none (the common
    /// case, checked on its UTF-8 bytes without decoding).
    public static func escape(_ value: String) -> String {
        guard mayNeedEscaping(value) else { return value }
        var output = ""
        output.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isUnsafe(scalar): output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional
    /// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether an id holds a character that is not seen, or that changes how its neighbours are
    /// seen: controls, zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and bidirectional
    /// marks, overrides and isolates (all of Unicode's control and format categories).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// `U+200B`: how a character is named in a message.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A cheap first look, on the UTF-8 bytes: the characters to escape are a backslash, ASCII
    /// controls, and the two- and three-byte sequences of U+0080-U+009F, U+2028-U+202E and
    /// U+2066-U+2069 (and `extra`, for a format that escapes one more). Other text (a `§`, a `·`)
    /// is not decoded at all.
    package static func mayNeedEscaping(_ value: String, orHolds extra: UInt8 = 0x5C) -> Bool {
        // Scanned in place (a native string is not copied); the printable ASCII that makes up most
        // text costs a range check a byte.
        var value = value
        return value.withUTF8 { mayNeedEscaping($0, orHolds: extra) }
    }

    package static func mayNeedEscaping(_ bytes: UnsafeBufferPointer<UInt8>, orHolds extra: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var previous: (UInt8, UInt8) = (0, 0)
        var index = 0
        while index < bytes.count {
            // Eight bytes at once while they are all printable ASCII but the backslash and `extra`
            // (nearly all text); a word holding any other byte is looked at a byte at a time.
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPlain(word, extra: extra) {
                    previous = (UInt8(truncatingIfNeeded: word >> 48), UInt8(truncatingIfNeeded: word >> 56))
                    index += 8
                    continue
                }
            }
            let word = UnsafeBufferPointer(rebasing: bytes[index..<min(index + 8, bytes.count)])
            if mayNeedEscaping(word, orHolds: extra, after: &previous) { return true }
            index += 8
        }
        return false
    }

    /// The scan a byte at a time, `previous` holding the two bytes before (the first of a sequence to
    /// escape may be in the word before): for the words that are not all plain.
    package static func mayNeedEscaping(
        _ bytes: UnsafeBufferPointer<UInt8>, orHolds extra: UInt8, after previous: inout (UInt8, UInt8)
    ) -> Bool {
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F && byte != 0x5C && byte != extra {
                previous = (previous.1, byte)
                continue
            }
            switch byte {
            case 0x00..<0x20, 0x5C, 0x7F, extra: return true
            case 0x80...0x9F where previous.1 == 0xC2: return true
            case 0xA8...0xAE where previous == (0xE2, 0x80): return true
            case 0xA6...0xA9 where previous == (0xE2, 0x81): return true
            default: previous = (previous.1, byte)
            }
        }
        return false
    }

    /// Whether every byte of `word` is in 0x20-0x7E and is neither a backslash nor `extra`. Each test
    /// is the word-at-a-time one ("has a byte less than", "has a byte more than", "has a zero byte"):
    /// its flags may be wrong past the first byte that sets one, but whether any is set is exact.
    private static func isPlain(_ word: UInt64, extra: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let deleteOrHigh = (word &+ ones) | word
        let backslash = word ^ (ones &* 0x5C)
        let other = word ^ (ones &* UInt64(extra))
        let zero = ((backslash &- ones) & ~backslash) | ((other &- ones) & ~other)
        return (control | deleteOrHigh | zero) & highs == 0
    }
}
