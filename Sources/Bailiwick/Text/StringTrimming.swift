extension String {
    /// The text without leading and trailing white space (Foundation's trimming, without Foundation).
    package var trimmingSpaces: String {
        // Nearly every value starts and ends with a visible ASCII character: then there is nothing to trim,
        // and no character is decoded.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The part of UTF-8 `bytes` that `trimmingSpaces` keeps, when the ASCII at its ends tells it
    /// without decoding a character; nil when a character other than ASCII is at an end, for the
    /// caller to trim the decoded text. (An ASCII space followed by ASCII is a whole character, and
    /// any other ASCII starts one that is not white space.)
    package static func rangeTrimmingSpaces(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var low = 0
        var high = bytes.count
        while low < high && bytes[low] < 0x80 && isSpace(bytes[low]) {
            guard low + 1 == high || bytes[low + 1] < 0x80 else { return nil }
            low += 1
        }
        while low < high && bytes[high - 1] < 0x80 && isSpace(bytes[high - 1]) {
            guard high - 1 == low || bytes[high - 2] < 0x80 else { return nil }
            high -= 1
        }
        guard low == high || (bytes[low] < 0x80 && bytes[high - 1] < 0x80) else { return nil }
        return low..<high
    }

    /// The text without one final full stop (an ellipsis is kept), to end a sentence of our own after it.
    package var withoutFinalStop: String {
        hasSuffix(".") && !hasSuffix("..") ? String(dropLast()) : self
    }
}
