/// Text wrapped at word boundaries for a terminal: a word never breaks, unless it is longer than a line.
public enum TextWrap {
    /// Each line of `text` broken into lines of at most `width` visible characters (colour codes do not
    /// count); a continued line keeps the first line's indent.
    public static func wrap(_ text: String, width: Int) -> String {
        let width = max(width, 20)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = String(line.prefix { $0 == " " })
            var output: [String] = []
            var current = ""
            var visible = 0
            for word in line.dropFirst(indent.count).split(separator: " ") {
                let length = visibleLength(word)
                if visible > 0, visible + 1 + length > width {
                    output.append(current)
                    current = indent
                    visible = indent.count
                } else if visible > 0 {
                    current += " "
                    visible += 1
                } else {
                    current = indent
                    visible = indent.count
                }
                current += word
                visible += length
            }
            output.append(current)
            return output.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Characters shown, leaving out ANSI escape sequences (ESC, '[', parameters, a final letter).
    static func visibleLength(_ text: Substring) -> Int {
        var count = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if ("@"..."~").contains(scalar) && scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
