/// A node of a YAML document as the loader reads it. The loader composes its own nodes (see
/// `YAMLComposer`) so that it can count them while parsing and keep what a value's tag says.
enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A place in the file: line and column, from 1.
    struct Mark {
        let line: Int
        let column: Int
    }

    struct Scalar {
        enum Style {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// What the file says a value is. A plain value without a tag is `untyped`: the loader
        /// types it by what its key expects. A quoted value, or one tagged `!!str`, is text.
        enum Kind {
            case untyped, text, integer, boolean, null
        }

        let string: String
        let style: Style
        let kind: Kind
        let mark: Mark

        /// Written as nothing, `~` or `null` (untagged), or tagged `!!null`.
        var isNull: Bool {
            kind == .null || (kind == .untyped && (string.isEmpty || string == "~" || string == "null"))
        }
    }

    struct Mapping: RandomAccessCollection {
        let pairs: [(key: Node, value: Node)]
        let mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
    }

    struct Sequence: RandomAccessCollection {
        let items: [Node]
        let mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> Node { items[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }
}
