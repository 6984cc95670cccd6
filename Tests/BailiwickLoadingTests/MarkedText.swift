import Testing

/// Inline YAML with markers (`1️⃣` … `9️⃣`) where a diagnostic must point, after swift-format's
/// `MarkedText`: the markers are taken out of the text the loader reads, and each marker's place
/// in what is left becomes the `line:column` a test expects, so no position is counted by hand.
/// Columns count Unicode scalars, as `SourceLocation` does.
struct MarkedText {
    /// The text without its markers: what the loader reads.
    let text: String
    private let places: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var places: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let marker = Self.marker(in: scalars, at: index) {
                if places[marker] != nil { Issue.record("the marker \(marker) appears twice") }
                places[marker] = (line, column)
                index += 3
                continue
            }
            let scalar = scalars[index]
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = String(text)
        self.places = places
    }

    /// A keycap marker: a digit, the emoji variation selector and the combining keycap.
    private static func marker(in scalars: [Unicode.Scalar], at index: Int) -> String? {
        guard index + 2 < scalars.count, ("1"..."9").contains(scalars[index]),
            scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}"
        else { return nil }
        return String(String.UnicodeScalarView(scalars[index...(index + 2)]))
    }

    /// Where `marker` stood, as `line:column`; a marker missing from the text fails the test.
    subscript(marker: String) -> String {
        guard let place = places[marker] else {
            Issue.record("the marker \(marker) is not in the text")
            return "?:?"
        }
        return "\(place.line):\(place.column)"
    }

    /// Every marker the text holds, so a test can check that it expects a diagnostic at each.
    var markers: [String] { places.keys.sorted() }
}
