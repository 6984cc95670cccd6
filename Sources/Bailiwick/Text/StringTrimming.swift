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

    /// The text without one final full stop (an ellipsis is kept), to end a sentence of our own after it.
    package var withoutFinalStop: String {
        hasSuffix(".") && !hasSuffix("..") ? String(dropLast()) : self
    }
}
