import Bailiwick
import CYaml

/// Builds a document's flat form (`YAMLEntry`) from libyaml's events in one pass, without recursion.
/// Nodes are counted as they are read (an alias as all the nodes it repeats), so a file over the
/// node budget is refused as soon as the budget runs out: memory stays bounded by the budget, not by
/// what the file would expand to, and an alias is one entry however much it repeats.
struct YAMLComposer {
    private let file: String
    private let input: UnsafeBufferPointer<UInt8>
    private let budget: Int
    private let scalarBytes = InputLimits.scalarBytes
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var entries: [YAMLEntry] = []
    private var texts: [UInt8] = []
    /// The collections being read, innermost last.
    private var open: [OpenCollection] = []
    /// The anchors of the open collections that have one, innermost last: a collection's anchor is
    /// defined when it ends, so an alias inside it cannot repeat it.
    private var openAnchors: [String] = []
    /// Anchored nodes: their positions, with the number of nodes each expands to.
    private var anchors: [String: (position: Int, size: Int)] = [:]
    private var count = 0
    /// The position of each scalar key of the open mappings, the innermost mapping's last: one array
    /// for the whole document, so a mapping's keys are checked for duplicates as they are written.
    private var keys: [Int] = []

    private struct OpenCollection {
        let position: Int
        let isMapping: Bool
        let hasAnchor: Bool
        let countAtStart: Int
        /// Where this mapping's keys start in `keys`.
        let keysStart: Int
        var children = 0
    }

    /// The document of `text`, or nil when it holds no document.
    static func compose(_ text: String, file: String, budget: Int) throws(Diagnostic) -> YAMLDocument? {
        var bytes = text
        let result: Result<YAMLDocument?, Diagnostic> = bytes.withUTF8 { whole in
            // A byte order mark is not part of the document (libyaml is told the encoding).
            let hasMark = whole.starts(with: [0xEF, 0xBB, 0xBF])
            let buffer = UnsafeBufferPointer(rebasing: whole[(hasMark ? 3 : 0)...])
            var composer = YAMLComposer(file: file, input: buffer, budget: budget)
            guard yaml_parser_initialize(&composer.parser) == 1 else {
                let start = SourceLocation(file: file, line: 1, column: 1)
                return .failure(Diagnostic(at: start, "cannot read YAML: out of memory"))
            }
            defer { yaml_parser_delete(&composer.parser) }
            yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
            // libyaml wants a pointer even for no input.
            let empty: StaticString = ""
            yaml_parser_set_input_string(&composer.parser, buffer.baseAddress ?? empty.utf8Start, buffer.count)
            do throws(Diagnostic) {
                try composer.run()
            } catch {
                return .failure(error)
            }
            guard !composer.entries.isEmpty else { return .success(nil) }
            return .success(YAMLDocument(file: file, entries: composer.entries, texts: composer.texts))
        }
        return try result.get()
    }

    private init(file: String, input: UnsafeBufferPointer<UInt8>, budget: Int) {
        self.file = file
        self.input = input
        self.budget = budget
        // A matter file holds about one node for every four bytes (short ids, dates and flow mappings),
        // never more than the budget; the scalars' bytes are fewer than the file's.
        entries.reserveCapacity(min(budget, input.count / 4 + 1))
        texts.reserveCapacity(input.count)
    }

    private mutating func run() throws(Diagnostic) {
        var documents = 0
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            let mark = Self.mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw error(
                        at: mark,
                        "invalid YAML: but found another document (expected a single document in the stream)")
                }
            case YAML_SCALAR_EVENT:
                try charge(1, at: mark)
                let scalar = event.data.scalar
                guard scalar.length <= scalarBytes else {
                    throw error(
                        at: mark,
                        "a value is longer than the limit of \(scalarBytes) bytes "
                            + "(set BAILIWICK_MAX_SCALAR_BYTES to raise it)")
                }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                let style = Self.style(scalar.style)
                let kind = try Self.kind(tag: scalar.tag, style: style, bytes: bytes, at: mark, in: file)
                let start = texts.count
                texts.append(contentsOf: bytes)
                let position = entries.count
                entries.append(
                    .scalar(
                        bytes: start..<texts.count, style: style, kind: kind, isASCII: YAMLDocument.isASCII(bytes),
                        at: mark))
                if scalar.anchor != nil, let anchor = Self.string(scalar.anchor) { anchors[anchor] = (position, 1) }
                attach(position)
            case YAML_ALIAS_EVENT:
                guard let name = Self.string(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw error(at: mark, "invalid YAML: found undefined alias")
                }
                try charge(anchored.size, at: mark)
                entries.append(.alias(of: anchored.position, at: mark))
                attach(anchored.position)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try charge(1, at: mark)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let (tag, anchor) =
                    isMapping
                    ? (event.data.mapping_start.tag, event.data.mapping_start.anchor)
                    : (event.data.sequence_start.tag, event.data.sequence_start.anchor)
                try Self.checkCollectionTag(
                    tag, allowed: isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq", at: mark, in: file)
                let position = entries.count
                entries.append(.collection(mapping: isMapping, at: mark))
                attach(position)
                if anchor != nil, let anchor = Self.string(anchor) { openAnchors.append(anchor) }
                open.append(
                    OpenCollection(
                        position: position, isMapping: isMapping, hasAnchor: anchor != nil, countAtStart: count,
                        keysStart: keys.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let collection = open.removeLast()
                if collection.isMapping {
                    if Self.mayHaveDuplicate(keys[collection.keysStart...], in: entries, texts) {
                        try Self.checkDuplicates(keys[collection.keysStart...], in: entries, texts, file: file)
                    }
                    keys.removeSubrange(collection.keysStart...)
                }
                entries[collection.position].close(children: collection.children, end: entries.count)
                if collection.hasAnchor {
                    anchors[openAnchors.removeLast()] = (collection.position, count - collection.countAtStart + 1)
                }
            default:
                break
            }
        }
    }

    /// Counts `nodes` more, refusing the document when they exceed the budget.
    private mutating func charge(_ nodes: Int, at mark: Node.Mark) throws(Diagnostic) {
        count += nodes
        guard count <= budget else {
            throw error(
                at: mark,
                "the document expands to more than \(budget) nodes, counting each alias as the "
                    + "nodes it repeats (set BAILIWICK_MAX_NODES to raise the limit)")
        }
    }

    /// Counts a new child of the innermost open collection; `node` is the position of the node it
    /// stands for (an alias's target), kept when it is a mapping's scalar key.
    private mutating func attach(_ node: Int) {
        guard !open.isEmpty else { return }
        let last = open.count - 1
        if open[last].isMapping && open[last].children % 2 == 0 && entries[node].shape == .scalar {
            keys.append(node)
        }
        open[last].children += 1
    }

    // The checks below are static: a method of the composer called from its mutating `run` would
    // copy the whole composer, libyaml's parser state included, at each call.

    /// Keys are compared as the loader reads them: as their text.
    private static func checkDuplicates(
        _ keys: ArraySlice<Int>, in entries: [YAMLEntry], _ texts: [UInt8], file: String
    ) throws(Diagnostic) {
        var first: [String: Node.Mark] = [:]
        var duplicates: Set<String> = []
        for position in keys {
            let key = String(decoding: texts[entries[position].textRange], as: UTF8.self)
            if first[key] == nil {
                first[key] = entries[position].mark
            } else {
                duplicates.insert(key)
            }
        }
        guard let earliest = duplicates.sorted().first, let mark = first[earliest] else { return }
        let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
        throw error(at: mark, "duplicate key \(keys) in the same mapping", in: file)
    }

    /// Whether two of a mapping's scalar keys may have the same text. The few keys of most mappings
    /// are compared pair by pair, by their bytes, which is quicker than hashing them; a long mapping
    /// is left to the hashed check.
    private static func mayHaveDuplicate(_ keys: ArraySlice<Int>, in entries: [YAMLEntry], _ texts: [UInt8]) -> Bool {
        guard keys.count > 1 else { return false }
        guard keys.count <= 16 else { return true }
        var position = keys.startIndex
        while position < keys.endIndex {
            var other = position + 1
            while other < keys.endIndex {
                if YAMLDocument.sameText(entries[keys[position]], entries[keys[other]], in: texts) { return true }
                other += 1
            }
            position += 1
        }
        return false
    }

    /// What a scalar's tag says it is. Only the tags whose meaning the loader can honour are
    /// accepted, and a value must be what its tag says.
    private static func kind(
        tag: UnsafeMutablePointer<yaml_char_t>?, style: Node.Scalar.Style, bytes: UnsafeBufferPointer<UInt8>,
        at mark: Node.Mark, in file: String
    ) throws(Diagnostic) -> Node.Scalar.Kind {
        // Most values have no tag: no string is made for one.
        guard let tag = tag.map({ String(cString: $0) }), tag != "!" else { return style == .plain ? .untyped : .text }
        // Only a tagged value's text is made here, to check it.
        let string = String(decoding: bytes, as: UTF8.self)
        switch tag {
        case "tag:yaml.org,2002:str":
            return .text
        case "tag:yaml.org,2002:int":
            guard Int(string) != nil else {
                throw error(at: mark, "a value tagged !!int must be a whole number", in: file)
            }
            return .integer
        case "tag:yaml.org,2002:bool":
            guard string == "true" || string == "false" else {
                throw error(at: mark, "a value tagged !!bool must be true or false", in: file)
            }
            return .boolean
        case "tag:yaml.org,2002:null":
            guard ["", "~", "null"].contains(string) else {
                throw error(at: mark, "a value tagged !!null must be empty", in: file)
            }
            return .null
        default:
            throw unsupported(tag, at: mark, in: file)
        }
    }

    private static func checkCollectionTag(
        _ tag: UnsafeMutablePointer<yaml_char_t>?, allowed: String, at mark: Node.Mark, in file: String
    ) throws(Diagnostic) {
        guard let tag = tag.map({ String(cString: $0) }), tag != "!", tag != allowed else { return }
        throw unsupported(tag, at: mark, in: file)
    }

    /// Names the tag only when it is one of YAML's own, so nothing else written in a matter file is repeated.
    private static func unsupported(_ tag: String, at mark: Node.Mark, in file: String) -> Diagnostic {
        let prefix = "tag:yaml.org,2002:"
        let name = tag.hasPrefix(prefix) ? "the tag !!\(tag.dropFirst(prefix.count))" : "an unknown tag"
        return error(
            at: mark,
            "\(name) is not supported here: write the value without a tag (the tags understood "
                + "are !!str, !!int, !!bool and !!null, and !!seq and !!map on lists and mappings)",
            in: file)
    }

    private func error(at mark: Node.Mark, _ message: String) -> Diagnostic {
        Self.error(at: mark, message, in: file)
    }

    private static func error(at mark: Node.Mark, _ message: String, in file: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: file, line: mark.line, column: mark.column), message)
    }

    /// libyaml's own error, with its place.
    private func parserError() -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            return Diagnostic(
                at: YAMLDocument.location(ofByteOffset: Int(parser.problem_offset), in: input, file: file),
                "cannot read the file: \(problem)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }), !context.isEmpty {
                message += " (\(context))"
            }
            let mark = Self.mark(parser.problem_mark)
            return error(at: Node.Mark(line: max(1, mark.line), column: max(1, mark.column)), message)
        case YAML_MEMORY_ERROR:
            return error(at: Node.Mark(line: 1, column: 1), "cannot read YAML: out of memory")
        default:
            return error(at: Node.Mark(line: 1, column: 1), "cannot read YAML: \(problem)")
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> Node.Mark {
        Node.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
