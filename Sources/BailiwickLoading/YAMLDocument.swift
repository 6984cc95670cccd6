import Bailiwick

/// A parsed YAML file: its root node, and what is needed to point at places in it.
struct YAMLDocument {
    let file: String
    let root: Node

    /// Parses `text`, or reports why it cannot be read as one YAML document. More nodes than
    /// `InputLimits.nodes` (counting every alias expansion) are refused while parsing, so an alias
    /// bomb or a long flat list cannot exhaust memory or time.
    static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLDocument {
        var body = text
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        guard let root = try YAMLComposer.compose(body, file: file, budget: InputLimits.nodes) else {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file holds no YAML document")
        }
        return YAMLDocument(file: file, root: root)
    }

    static func location(ofByteOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }
}
