import Bailiwick
import Yams

/// A parsed YAML file: its root node, and what is needed to point at places in it.
struct YAMLDocument {
    /// More nodes than this (counting every alias expansion) is refused, so an alias bomb
    /// cannot exhaust memory or time.
    static let nodeBudget = 200_000

    let file: String
    let root: Node

    /// Parses `text`, or reports why it cannot be read as one YAML document.
    static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLDocument {
        var body = text
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        let root: Node?
        do {
            // The basic resolver tags every scalar a string: the loader types values itself, and
            // skipping the default resolver's regular expressions makes parsing several times faster.
            root = try Yams.compose(yaml: body, .basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file, text: body)
        } catch {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        guard let root else {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file holds no YAML document")
        }
        var remaining = nodeBudget
        var longScalar: Node?
        guard withinBudget(root, &remaining, longScalar: &longScalar) else {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                             "the document expands to more than \(nodeBudget) nodes (aliases nested too deeply?)")
        }
        if let longScalar {
            let document = YAMLDocument(file: file, root: root)
            throw Diagnostic(at: document.location(of: longScalar),
                             "a value is longer than the limit of \(InputLimits.scalarBytes) bytes (set BAILIWICK_MAX_SCALAR_BYTES to raise it)")
        }
        return YAMLDocument(file: file, root: root)
    }

    private static func withinBudget(_ node: Node, _ remaining: inout Int, longScalar: inout Node?) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard withinBudget(key, &remaining, longScalar: &longScalar),
                      withinBudget(value, &remaining, longScalar: &longScalar) else { return false }
            }
        case .sequence(let sequence):
            for item in sequence {
                guard withinBudget(item, &remaining, longScalar: &longScalar) else { return false }
            }
        case .scalar(let scalar):
            if longScalar == nil, scalar.string.utf8.count > InputLimits.scalarBytes { longScalar = node }
        case .alias:
            break
        }
        return true
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return Diagnostic(at: SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column)), message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return at(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                              "duplicate key \(keys) in the same mapping")
        case .reader(let problem, let offset, _, _):
            var location = SourceLocation(file: file, line: 1, column: 1)
            if let offset { location = YAMLDocument.location(ofByteOffset: offset, in: text, file: file) }
            return Diagnostic(at: location, "cannot read the file: \(problem)")
        default:
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
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
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
