import Bailiwick

/// A parsed YAML file in its flat form (see `YAMLEntry`): every node an entry, in the order the file
/// writes them, its root the first; every scalar's bytes in one buffer. Nodes are read through it.
final class YAMLDocument {
    let file: String
    let entries: [YAMLEntry]
    /// The scalars' bytes, one after another, as libyaml decoded them (quotes and escapes resolved).
    let texts: [UInt8]

    init(file: String, entries: [YAMLEntry], texts: [UInt8]) {
        self.file = file
        self.entries = entries
        self.texts = texts
    }

    var root: Node { Node(position: 0) }

    /// Parses `text`, or reports why it cannot be read as one YAML document. More nodes than
    /// `InputLimits.nodes` (counting every alias expansion) are refused while parsing, so an alias
    /// bomb or a long flat list cannot exhaust memory or time.
    static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLDocument {
        guard let document = try YAMLComposer.compose(text, file: file, budget: InputLimits.nodes) else {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file holds no YAML document")
        }
        return document
    }

    /// The place of a byte of UTF-8 `bytes`: lines and columns counted in characters, from 1.
    static func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String)
        -> SourceLocation
    {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
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
        let entry = entries[node.position]
        return SourceLocation(file: file, line: Int(entry.line), column: Int(entry.column))
    }

    func shape(of node: Node) -> Node.Shape {
        switch entries[node.position].shape {
        case .scalar, .alias: .scalar
        case .mapping: .mapping
        case .sequence: .sequence
        }
    }

    func isScalar(_ node: Node) -> Bool { entries[node.position].shape == .scalar }

    /// The scalar at `node`, its text made now; nil for a collection.
    func scalar(_ node: Node) -> Node.Scalar? {
        let entry = entries[node.position]
        guard entry.shape == .scalar else { return nil }
        return Node.Scalar(node: node, string: string(at: node.position), style: entry.style, kind: entry.kind)
    }

    /// The items of the list at `node`; nil for a scalar or a mapping.
    func items(of node: Node) -> [Node]? {
        let entry = entries[node.position]
        guard entry.shape == .sequence else { return nil }
        var items: [Node] = []
        items.reserveCapacity(entry.childCount)
        var child = node.position + 1
        for _ in 0..<entry.childCount {
            items.append(self.node(at: child))
            child = end(of: child)
        }
        return items
    }

    func kindName(of node: Node) -> String {
        switch shape(of: node) {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        }
    }

    // Reading by position, for the readers of this module: a child at `position` may be an alias.

    /// The node an entry stands for: an alias's target, or the entry's own.
    func node(at position: Int) -> Node { entries[position].node(at: position) }

    /// The position after the subtree of the child at `position`: its next sibling's.
    func end(of position: Int) -> Int { entries[position].end(at: position) }

    /// The scalar's text, as written (untrimmed).
    func string(at position: Int) -> String {
        String(decoding: texts[entries[position].textRange], as: UTF8.self)
    }

    /// The scalar's text without its surrounding white space, made from the bytes it keeps (no untrimmed
    /// copy first, but where a character other than ASCII is at an end).
    func trimmedString(at position: Int) -> String {
        let range = entries[position].textRange
        let kept = texts.withUnsafeBufferPointer { texts in
            String.rangeTrimmingSpaces(of: UnsafeBufferPointer(rebasing: texts[range]))
        }
        guard let kept else { return string(at: position).trimmingSpaces }
        return String(
            decoding: texts[(range.lowerBound + kept.lowerBound)..<(range.lowerBound + kept.upperBound)], as: UTF8.self)
    }

    /// The scalar's date, when its trimmed text is one written `YYYY-MM-DD`, read from its bytes.
    func date(at position: Int) -> CivilDate? {
        let range = entries[position].textRange
        return texts.withUnsafeBufferPointer { texts in
            let text = UnsafeBufferPointer(rebasing: texts[range])
            guard let kept = String.rangeTrimmingSpaces(of: text) else { return nil }
            return CivilDate(utf8: UnsafeBufferPointer(rebasing: text[kept]))
        }
    }

    /// Whether the scalar at `position` (not an alias) is written as nothing, `~` or `null` (untagged),
    /// or tagged `!!null`.
    func isNull(at position: Int) -> Bool {
        let entry = entries[position]
        guard entry.shape == .scalar else { return false }
        if entry.kind == .null { return true }
        guard entry.kind == .untyped else { return false }
        let range = entry.textRange
        switch range.count {
        case 0: return true
        case 1: return texts[range.lowerBound] == UInt8(ascii: "~")
        case 4: return texts[range].elementsEqual("null".utf8)
        default: return false
        }
    }

    /// The positions of the key and the value (aliases read as the nodes they repeat) of the entry of
    /// the mapping at `mapping` whose scalar key reads as `key` (compared as strings are: the composer
    /// refused a mapping with two such keys); nil when there is none. Keys are compared by their
    /// bytes; a `String` is made only where a key of other bytes could still be equal, canonically,
    /// which takes a character other than ASCII.
    func pair(_ key: String, inMappingAt mapping: Int) -> (key: Int, value: Int)? {
        var keysASCII = true
        let found: (key: Int, value: Int)?? = key.utf8.withContiguousStorageIfAvailable { wanted in
            texts.withUnsafeBufferPointer { texts in
                firstPair(inMappingAt: mapping) { entry in
                    keysASCII = keysASCII && entry.isASCII
                    return Self.equal(UnsafeBufferPointer(rebasing: texts[entry.textRange]), wanted)
                }
            }
        }
        if let found, found != nil || (keysASCII && Self.withBytes(of: key, Self.isASCII)) { return found }
        return firstPair(inMappingAt: mapping) { String(decoding: texts[$0.textRange], as: UTF8.self) == key }
    }

    /// Whether the scalar at `position` (not an alias) reads as one of `words`, compared as strings are.
    func scalar(at position: Int, isOneOf words: [String]) -> Bool {
        let range = entries[position].textRange
        let found = texts.withUnsafeBufferPointer { texts in
            let text = UnsafeBufferPointer(rebasing: texts[range])
            for index in words.indices where words[index].utf8.count == text.count {
                if Self.withBytes(of: words[index], { Self.equal(text, $0) }) { return true }
            }
            return false
        }
        // Not one of them byte for byte: the rare text that is, canonically, is found as a string.
        return found || words.contains(string(at: position))
    }

    /// The key and value of each entry of the mapping at `mapping`, in the file's order, aliases read
    /// as the nodes they repeat, until `body` returns false.
    func forEachPair(inMappingAt mapping: Int, _ body: (_ key: Node, _ value: Node) -> Bool) {
        entries.withUnsafeBufferPointer { entries in
            var child = mapping + 1
            for _ in 0..<entries[mapping].childCount / 2 {
                let value = entries[child].end(at: child)
                guard body(entries[child].node(at: child), entries[value].node(at: value)) else { return }
                child = entries[value].end(at: value)
            }
        }
    }

    /// The key and value positions (aliases read as the nodes they repeat) of the first entry of the
    /// mapping at `mapping` whose key is a scalar whose entry `matches`.
    private func firstPair(inMappingAt mapping: Int, where matches: (YAMLEntry) -> Bool) -> (key: Int, value: Int)? {
        var found: (key: Int, value: Int)?
        forEachPair(inMappingAt: mapping) { key, value in
            let entry = entries[key.position]
            guard entry.shape == .scalar, matches(entry) else { return true }
            found = (key.position, value.position)
            return false
        }
        return found
    }

    /// Whether two scalars (neither an alias) read as the same text, as strings compare.
    static func sameText(_ one: YAMLEntry, _ other: YAMLEntry, in texts: [UInt8]) -> Bool {
        let same = texts.withUnsafeBufferPointer { texts in
            equal(
                UnsafeBufferPointer(rebasing: texts[one.textRange]),
                UnsafeBufferPointer(rebasing: texts[other.textRange]))
        }
        if same { return true }
        if one.isASCII && other.isASCII { return false }
        return String(decoding: texts[one.textRange], as: UTF8.self)
            == String(decoding: texts[other.textRange], as: UTF8.self)
    }

    /// Runs `body` on the UTF-8 bytes of `string`, in place where they are contiguous (every native string).
    static func withBytes<Result>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }

    static func equal(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard one.count == other.count else { return false }
        var index = 0
        while index < one.count {
            if one[index] != other[index] { return false }
            index += 1
        }
        return true
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
