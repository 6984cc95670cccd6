extension String {
    /// The text without leading and trailing white space (Foundation's trimming, without Foundation).
    package var trimmingSpaces: String {
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
