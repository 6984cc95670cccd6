/// A node of a YAML document as the loader reads it: its position among the document's entries
/// (`YAMLDocument`), which say what it is and where it is written. The loader composes its own
/// flat form (see `YAMLComposer`) so that it can count nodes while parsing and keep what a value's
/// tag says, and so that reading a file makes no value per node.
struct Node: Equatable {
    /// The node's entry in `YAMLDocument.entries`; never an alias's (an alias is read as the node it repeats).
    let position: Int

    /// A place in the file: line and column, from 1.
    struct Mark {
        let line: Int
        let column: Int
    }

    enum Shape {
        case scalar, mapping, sequence
    }

    /// A scalar as a pack section reads it: its text is made when this is asked for.
    struct Scalar {
        enum Style {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// What the file says a value is. A plain value without a tag is `untyped`: the loader
        /// types it by what its key expects. A quoted value, or one tagged `!!str`, is text.
        enum Kind {
            case untyped, text, integer, boolean, null
        }

        let node: Node
        let string: String
        let style: Style
        let kind: Kind
    }
}

/// One node in a document's flat form: plain values only, so a document is one contiguous array of
/// them and one buffer of its scalars' bytes, and nothing is allocated or reference-counted per node.
/// A collection's children follow it, each with its own subtree; an alias is an entry of its own,
/// which points at the node it repeats.
struct YAMLEntry {
    enum Shape {
        case scalar, mapping, sequence, alias
    }

    /// A scalar's first byte in `YAMLDocument.texts`, a collection's number of children (a mapping's
    /// keys and values both), or an alias's target.
    private(set) var low: Int
    /// A scalar's end in `YAMLDocument.texts`, or the position after a collection's subtree.
    private(set) var high: Int
    let line: Int32
    let column: Int32
    let shape: Shape
    let style: Node.Scalar.Style
    let kind: Node.Scalar.Kind
    /// A scalar whose bytes are all ASCII: two such texts are equal as strings exactly when their
    /// bytes are, so no `String` is made to compare them.
    let isASCII: Bool

    static func scalar(
        bytes: Range<Int>, style: Node.Scalar.Style, kind: Node.Scalar.Kind, isASCII: Bool, at mark: Node.Mark
    ) -> YAMLEntry {
        YAMLEntry(
            low: bytes.lowerBound, high: bytes.upperBound, line: Int32(clamping: mark.line),
            column: Int32(clamping: mark.column), shape: .scalar, style: style, kind: kind, isASCII: isASCII)
    }

    /// A collection, its children and end filled in by `close` when it ends.
    static func collection(mapping: Bool, at mark: Node.Mark) -> YAMLEntry {
        YAMLEntry(
            low: 0, high: 0, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
            shape: mapping ? .mapping : .sequence, style: .plain, kind: .untyped, isASCII: false)
    }

    /// An alias of the node at `target`, written at `mark`: it is read as that node, with that node's place.
    static func alias(of target: Int, at mark: Node.Mark) -> YAMLEntry {
        YAMLEntry(
            low: target, high: 0, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
            shape: .alias, style: .plain, kind: .untyped, isASCII: false)
    }

    mutating func close(children: Int, end: Int) {
        low = children
        high = end
    }

    var textRange: Range<Int> { low..<high }
    var childCount: Int { low }
    var target: Int { low }

    /// The node this entry, at `position`, stands for: an alias's target, or itself.
    func node(at position: Int) -> Node { Node(position: shape == .alias ? target : position) }

    /// The position after this node's subtree, the entry being at `position`.
    func end(at position: Int) -> Int {
        shape == .mapping || shape == .sequence ? high : position + 1
    }

    var mark: Node.Mark { Node.Mark(line: Int(line), column: Int(column)) }
}
