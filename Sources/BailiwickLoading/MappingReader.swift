import Bailiwick

/// Collects every problem found while loading, so that one run reports them all.
final class DiagnosticCollector {
    private var kept: [Diagnostic] = []
    /// For matter files: messages name the place and the key, never the value written there,
    /// so client data cannot leak into error output or logs.
    let confidential: Bool
    /// How many diagnostics are kept; past it they are only counted, so a broken file of many
    /// thousand errors (times a caseload of such files) cannot fill memory.
    let limit: Int?
    private var dropped = 0
    private var errorCount = 0
    private var firstDropped: SourceLocation?

    init(confidential: Bool = false, limit: Int? = nil) {
        self.confidential = confidential
        self.limit = limit
    }

    /// The diagnostics kept, followed by one that counts those that were not.
    var diagnostics: [Diagnostic] {
        guard let firstDropped, let limit else { return kept }
        let more =
            "and \(dropped) more problem\(dropped == 1 ? "" : "s") from here on, "
            + "not shown (only the first \(limit) of a file are kept)"
        return kept + [Diagnostic(at: firstDropped, more)]
    }

    /// `'value'` to put in a message, or `fallback` when the input is confidential.
    func quote(_ value: String, or fallback: String = "the value given") -> String {
        confidential ? fallback : "'\(value)'"
    }

    func error(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(at: location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        add(Diagnostic(.warning, at: location, message))
    }

    func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        if let limit, kept.count >= limit {
            dropped += 1
            firstDropped = firstDropped ?? diagnostic.location
        } else {
            kept.append(diagnostic)
        }
    }

    /// Warnings alone do not stop a load; errors do, kept or only counted.
    var hasErrors: Bool { errorCount > 0 }
}

/// A value read from a pack, with where it was written.
struct Located<Value> {
    let value: Value
    let location: SourceLocation
}

/// Reads one YAML mapping strictly: typed values, required keys, and every key it does not know
/// reported as an error (with a suggestion). The mapping is read in place in its document: a key is
/// found by comparing bytes, and a value's `String` is made only when the value is taken.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let what: String
    let diagnostics: DiagnosticCollector

    /// Returns nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, what: String, in document: YAMLDocument, diagnostics: DiagnosticCollector) {
        self.document = document
        self.node = node
        self.what = what
        self.diagnostics = diagnostics
        guard document.shape(of: node) == .mapping else {
            diagnostics.error(document.location(of: node), "expected \(what) as a mapping of keys to values")
            return nil
        }
        forEachPair { key, _ in
            if !document.isScalar(key) { diagnostics.error(document.location(of: key), "a key must be a plain word") }
        }
    }

    var location: SourceLocation { document.location(of: node) }

    /// Each entry's key and value, in the file's order, aliases read as the nodes they repeat.
    private func forEachPair(_ body: (_ key: Node, _ value: Node) -> Void) {
        document.forEachPair(inMappingAt: node.position) { key, value in
            body(key, value)
            return true
        }
    }

    /// Each scalar key's text with its value (nil when written as null), in the file's order: the
    /// mapping read once, where looking each key up again would compare it with every key before it.
    func forEachEntry(_ body: (_ key: String, _ value: Node?) -> Void) {
        forEachPair { key, value in
            guard document.isScalar(key) else { return }
            body(document.string(at: key.position), document.isNull(at: value.position) ? nil : value)
        }
    }

    var keys: [String] {
        var keys: [String] = []
        keys.reserveCapacity(document.entries[node.position].childCount / 2)
        forEachPair { key, _ in
            if document.isScalar(key) { keys.append(document.string(at: key.position)) }
        }
        return keys
    }

    /// Reports every key not in `allowed`; call once, with all the keys this mapping may hold.
    /// With `listedBy`, a key with no close match is told the valid ones (and that command, when
    /// they are too many to name).
    func rejectUnknownKeys(allowed: [String], listedBy command: String? = nil, listing: Bool = false) {
        forEachPair { node, _ in
            guard document.isScalar(node), !document.scalar(at: node.position, isOneOf: allowed) else { return }
            let key = document.string(at: node.position)
            let message = "unknown key '\(key)' in \(what)"
            diagnostics.error(
                document.location(of: node),
                listing || command != nil
                    ? Suggestions.message(message, for: key, in: allowed, listedBy: command, all: command == nil)
                    : Suggestions.message(message, for: key, in: allowed))
        }
    }

    func node(_ key: String) -> Node? {
        guard let pair = document.pair(key, inMappingAt: node.position) else { return nil }
        let value = Node(position: pair.value)
        return document.isNull(at: value.position) ? nil : value
    }

    /// False (after reporting) when the value of `key` is written as another type than `kind`:
    /// a number or a yes/no value must be plain and untagged, or carry its own tag.
    private func written(_ key: String, as kind: Node.Scalar.Kind, _ expected: String) -> Bool {
        guard let value = node(key), document.isScalar(value) else { return true }
        let written = document.entries[value.position].kind
        guard written != .untyped, written != kind else { return true }
        diagnostics.error(document.location(of: value), "'\(key)' must be \(expected), not \(written.name)")
        return false
    }

    func missing(_ key: String) {
        diagnostics.error(location, "\(what) is missing the required key '\(key)'")
    }

    /// The scalar value of `key`, reporting when it is missing (and required) or not a scalar.
    private func scalarValue(_ key: String, required: Bool) -> Node? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard document.isScalar(value) else {
            diagnostics.error(
                document.location(of: value), "'\(key)' must be a single value, not a \(document.kindName(of: value))")
            return nil
        }
        return value
    }

    /// The scalar's text without its surrounding white space; nil (after reporting) when that is nothing.
    private func trimmedText(_ value: Node, key: String) -> String? {
        let text = document.trimmedString(at: value.position)
        guard !text.isEmpty else {
            diagnostics.error(document.location(of: value), "'\(key)' is empty")
            return nil
        }
        return text
    }

    /// A text value; any scalar reads as text.
    func text(_ key: String, required: Bool = true) -> Located<String>? {
        guard let value = scalarValue(key, required: required), let text = trimmedText(value, key: key) else {
            return nil
        }
        return Located(value: text, location: document.location(of: value))
    }

    /// An id written freely (a matter's id, a source's key, a form's code): any text, but one
    /// holding a character that cannot be seen is flagged, since it would look like another id.
    func freeID(_ key: String, required: Bool = true) -> Located<String>? {
        guard let text = text(key, required: required) else { return nil }
        // Printable ASCII holds no invisible character: most ids are checked without decoding one.
        if YAMLDocument.withBytes(of: text.value, { $0.allSatisfy { (0x20...0x7E).contains($0) } }) { return text }
        let scalars = text.value.unicodeScalars
        if let index = scalars.firstIndex(where: TerminalEscape.isInvisible) {
            let position = scalars.distance(from: scalars.startIndex, to: index) + 1
            diagnostics.warning(
                text.location,
                "'\(key)' holds an invisible character, "
                    + "\(TerminalEscape.codePoint(scalars[index])), at character \(position): "
                    + "it would look like another \(key)")
        }
        return text
    }

    /// An id: lower-case letters, digits and hyphens (and dots where `allowDots`).
    func id(_ key: String, required: Bool = true, allowDots: Bool = false) -> Located<String>? {
        guard let text = text(key, required: required) else { return nil }
        return MappingReader.checkID(text, allowDots: allowDots, diagnostics: diagnostics) ? text : nil
    }

    static func checkID(_ id: Located<String>, allowDots: Bool = false, diagnostics: DiagnosticCollector) -> Bool {
        // Every character allowed is ASCII, so the bytes tell: a byte of another character is never allowed.
        let valid = YAMLDocument.withBytes(of: id.value) { bytes in
            guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    continue
                case UInt8(ascii: ".") where allowDots:
                    continue
                default:
                    return false
                }
            }
            return true
        }
        if !valid {
            diagnostics.error(
                id.location,
                "\(diagnostics.quote(id.value, or: "this")) is not a valid id: use lower-case letters, digits and "
                    + "hyphens\(allowDots ? " (and dots)" : ""), starting with a letter"
            )
        }
        return valid
    }

    /// A whole number in `range`.
    func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Located<Int>? {
        guard let text = text(key, required: required), written(key, as: .integer, "a whole number") else { return nil }
        guard let number = ValueSyntax.integer(text.value), range.contains(number) else {
            let bounds =
                range.upperBound == Int.max
                ? " \(range.lowerBound) or more" : " from \(range.lowerBound) to \(range.upperBound)"
            let described = range == Int.min...Int.max ? "" : bounds
            diagnostics.error(
                text.location,
                "'\(key)' must be a whole number\(described), not \(diagnostics.quote(text.value))")
            return nil
        }
        return Located(value: number, location: text.location)
    }

    /// A yes/no value.
    func boolean(_ key: String) -> Located<Bool>? {
        guard let text = text(key, required: false), written(key, as: .boolean, "true or false") else { return nil }
        guard let yes = ValueSyntax.boolean(text.value) else {
            diagnostics.error(
                text.location, "'\(key)' must be \(ValueSyntax.yesOrNoWords), not \(diagnostics.quote(text.value))")
            return nil
        }
        return Located(value: yes, location: text.location)
    }

    /// A nested mapping, read with its own strict reader.
    func mapping(_ key: String, what: String, required: Bool = false) -> MappingReader? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        return MappingReader(value, what: what, in: document, diagnostics: diagnostics)
    }

    func date(_ key: String, required: Bool = false) -> Located<CivilDate>? {
        guard let value = scalarValue(key, required: required) else { return nil }
        // Nearly every date is read from its bytes, with no `String` made.
        if let date = document.date(at: value.position) {
            return Located(value: date, location: document.location(of: value))
        }
        guard let text = trimmedText(value, key: key) else { return nil }
        let location = document.location(of: value)
        switch ValueSyntax.date(text) {
        case .success(let date):
            return Located(value: date, location: location)
        case .failure(.notARealDate):
            diagnostics.error(location, "\(diagnostics.quote(text, or: "'\(key)'")) is not a real calendar date")
        case .failure(let problem):
            // A pack's own value may be shown with the dates it could mean; a matter file's is the client's.
            let hint = diagnostics.confidential ? nil : ValueSyntax.dateHint(text)
            diagnostics.error(
                location,
                "'\(key)' must be \(Self.dateExpected(problem)), not \(diagnostics.quote(text))"
                    + (hint.map { ": \($0)" } ?? ""))
        }
        return nil
    }

    /// What a date must be, for a message that does not repeat the value: a date written month
    /// first is told why it is refused.
    static func dateExpected(_ problem: ValueSyntax.DateProblem) -> String {
        switch problem {
        case .notARealDate: "a real date written YYYY-MM-DD"
        case .notISO: "a date written YYYY-MM-DD (year, month, day: 2026-12-01 is 1 December 2026)"
        case .notADate: "a date written YYYY-MM-DD"
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type, required: Bool = true)
        -> Located<Choice>?
    where Choice.RawValue == String {
        guard let text = text(key, required: required) else { return nil }
        guard let value = Choice(rawValue: text.value) else {
            let options = Choice.allCases.map(\.rawValue)
            let message =
                "'\(key)' must be one of \(options.joined(separator: ", ")), not \(diagnostics.quote(text.value))"
            diagnostics.error(
                text.location,
                diagnostics.confidential ? message : Suggestions.message(message, for: text.value, in: options))
            return nil
        }
        return Located(value: value, location: text.location)
    }

    /// A list of scalars: `[a, b]` or a block list. A single value is accepted as a list of one.
    func list(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> [Located<String>]? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        if document.isScalar(value) {
            return [Located(value: document.string(at: value.position), location: document.location(of: value))]
        }
        guard let items = document.items(of: value) else {
            diagnostics.error(document.location(of: value), "'\(key)' must be a list")
            return nil
        }
        var texts: [Located<String>] = []
        texts.reserveCapacity(items.count)
        for item in items {
            guard document.isScalar(item) else {
                diagnostics.error(document.location(of: item), "each item of '\(key)' must be a single value")
                continue
            }
            texts.append(Located(value: document.string(at: item.position), location: document.location(of: item)))
        }
        if texts.isEmpty && !allowEmpty {
            diagnostics.error(document.location(of: value), "'\(key)' is an empty list")
        }
        return texts
    }

    /// A list of nodes (usually mappings), for sections and nested lists.
    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let items = document.items(of: value) else {
            diagnostics.error(document.location(of: value), "'\(key)' must be a list")
            return nil
        }
        return items
    }
}

extension Node.Scalar.Kind {
    /// How a value of this kind is written, for messages.
    var name: String {
        switch self {
        case .untyped: "a plain value"
        case .text: "text (a quoted value, or one tagged !!str)"
        case .integer: "a value tagged !!int"
        case .boolean: "a value tagged !!bool"
        case .null: "a value tagged !!null"
        }
    }
}
