import Bailiwick
import Testing

/// `TerminalEscape.mayNeedEscaping` looks at eight bytes at once while they are plain ASCII: its verdict
/// must be the byte-at-a-time scan's for every byte, in every place of a word, after any neighbour.
@Suite struct EscapeScanTests {
    /// The scan a byte at a time over the whole text, as the reports made it before words were read.
    private static func byteAtATime(_ bytes: [UInt8], extra: UInt8) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        return bytes.withUnsafeBufferPointer { TerminalEscape.mayNeedEscaping($0, orHolds: extra, after: &previous) }
    }

    private static func scanned(_ bytes: [UInt8], extra: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { TerminalEscape.mayNeedEscaping($0, orHolds: extra) }
    }

    @Test func everyByteInEveryPlaceIsJudgedAsOneAtATime() {
        var compared = 0
        var flagged = 0
        for extra: UInt8 in [0x5C, 0x22] {
            for length in [1, 7, 8, 9, 15, 16, 17, 24] {
                for place in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = Array("The quick brown fox jumps over".utf8.prefix(length))
                        bytes[place] = byte
                        let expected = Self.byteAtATime(bytes, extra: extra)
                        #expect(Self.scanned(bytes, extra: extra) == expected, "\(byte) at \(place) of \(length)")
                        compared += 1
                        if expected { flagged += 1 }
                    }
                }
            }
        }
        #expect(compared > 40_000 && flagged > 1_000)
    }

    /// The sequences to escape (C1 controls, line separators, bidirectional controls) and their near
    /// misses, starting at every place across a word's end.
    @Test func multiByteSequencesAcrossWordsAreJudgedAsOneAtATime() {
        let sequences: [[UInt8]] = [
            [0xC2, 0x80], [0xC2, 0x9F], [0xC2, 0xA0], [0xC2, 0xA7], [0xE2, 0x80, 0xA7], [0xE2, 0x80, 0xA8],
            [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAF], [0xE2, 0x81, 0xA5], [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA9],
            [0xE2, 0x81, 0xAA], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80],
        ]
        var flagged = 0
        for sequence in sequences {
            for start in 0..<20 {
                var bytes = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8.prefix(24))
                bytes.replaceSubrange(start..<min(start + sequence.count, bytes.count), with: sequence)
                let expected = Self.byteAtATime(bytes, extra: 0x22)
                #expect(Self.scanned(bytes, extra: 0x22) == expected, "\(sequence) at \(start)")
                if expected { flagged += 1 }
            }
        }
        #expect(flagged == 6 * 20)
        #expect(!Self.scanned([], extra: 0x22))
    }
}
