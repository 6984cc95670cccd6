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
/// reported as an error (with a suggestion).
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let what: String
    let diagnostics: DiagnosticCollector
    /// The mapping's entries as the file holds them, read in place: finding a key compares it with
    /// the file's keys, no copy of them is made. Keys that are not scalars were reported and are skipped.
    private let pairs: [(key: Node, value: Node)]

    /// Returns nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, what: String, in document: YAMLDocument, diagnostics: DiagnosticCollector) {
        self.document = document
        self.node = node
        self.what = what
        self.diagnostics = diagnostics
        guard case .mapping(let mapping) = node else {
            diagnostics.error(document.location(of: node), "expected \(what) as a mapping of keys to values")
            return nil
        }
        pairs = mapping.pairs
        for index in pairs.indices {
            if case .scalar = pairs[index].key { continue }
            diagnostics.error(document.location(of: pairs[index].key), "a key must be a plain word")
        }
    }

    var location: SourceLocation { document.location(of: node) }

    var keys: [String] {
        var keys: [String] = []
        keys.reserveCapacity(pairs.count)
        for index in pairs.indices {
            if case .scalar(let key) = pairs[index].key { keys.append(key.string) }
        }
        return keys
    }

    /// Reports every key not in `allowed`; call once, with all the keys this mapping may hold.
    /// With `listedBy`, a key with no close match is told the valid ones (and that command, when
    /// they are too many to name).
    func rejectUnknownKeys(allowed: [String], listedBy command: String? = nil, listing: Bool = false) {
        for index in pairs.indices {
            guard case .scalar(let scalar) = pairs[index].key, !allowed.contains(scalar.string) else { continue }
            let key = scalar.string
            let message = "unknown key '\(key)' in \(what)"
            diagnostics.error(
                document.location(of: pairs[index].key),
                listing || command != nil
                    ? Suggestions.message(message, for: key, in: allowed, listedBy: command, all: command == nil)
                    : Suggestions.message(message, for: key, in: allowed))
        }
    }

    func node(_ key: String) -> Node? {
        for index in pairs.indices {
            guard case .scalar(let scalar) = pairs[index].key, scalar.string == key else { continue }
            let value = pairs[index].value
            if case .scalar(let scalar) = value, scalar.isNull { return nil }
            return value
        }
        return nil
    }

    /// False (after reporting) when the value of `key` is written as another type than `kind`:
    /// a number or a yes/no value must be plain and untagged, or carry its own tag.
    private func written(_ key: String, as kind: Node.Scalar.Kind, _ expected: String) -> Bool {
        guard case .scalar(let scalar)? = node(key), scalar.kind != .untyped, scalar.kind != kind else { return true }
        diagnostics.error(
            document.location(of: .scalar(scalar)),
            "'\(key)' must be \(expected), not \(scalar.kind.name)")
        return false
    }

    func missing(_ key: String) {
        diagnostics.error(location, "\(what) is missing the required key '\(key)'")
    }

    /// A text value; any scalar reads as text.
    func text(_ key: String, required: Bool = true) -> Located<String>? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.error(document.location(of: value), "'\(key)' must be a single value, not a \(value.kindName)")
            return nil
        }
        let text = scalar.string.trimmingSpaces
        guard !text.isEmpty else {
            diagnostics.error(document.location(of: value), "'\(key)' is empty")
            return nil
        }
        return Located(value: text, location: document.location(of: value))
    }

    /// An id written freely (a matter's id, a source's key, a form's code): any text, but one
    /// holding a character that cannot be seen is flagged, since it would look like another id.
    func freeID(_ key: String, required: Bool = true) -> Located<String>? {
        guard let text = text(key, required: required) else { return nil }
        // Printable ASCII holds no invisible character: most ids are checked without decoding one.
        if text.value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
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
        let bytes = id.value.utf8
        let valid =
            bytes.first.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } == true
            && bytes.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || (allowDots && byte == UInt8(ascii: "."))
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
        guard let text = text(key, required: required) else { return nil }
        switch ValueSyntax.date(text.value) {
        case .success(let date):
            return Located(value: date, location: text.location)
        case .failure(.notARealDate):
            diagnostics.error(
                text.location, "\(diagnostics.quote(text.value, or: "'\(key)'")) is not a real calendar date")
        case .failure(let problem):
            // A pack's own value may be shown with the dates it could mean; a matter file's is the client's.
            let hint = diagnostics.confidential ? nil : ValueSyntax.dateHint(text.value)
            diagnostics.error(
                text.location,
                "'\(key)' must be \(Self.dateExpected(problem)), not \(diagnostics.quote(text.value))"
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
        switch value {
        case .scalar(let scalar):
            return [Located(value: scalar.string, location: document.location(of: value))]
        case .sequence(let sequence):
            var items: [Located<String>] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    diagnostics.error(document.location(of: item), "each item of '\(key)' must be a single value")
                    continue
                }
                items.append(Located(value: scalar.string, location: document.location(of: item)))
            }
            if items.isEmpty && !allowEmpty {
                diagnostics.error(document.location(of: value), "'\(key)' is an empty list")
            }
            return items
        default:
            diagnostics.error(document.location(of: value), "'\(key)' must be a list")
            return nil
        }
    }

    /// A list of nodes (usually mappings), for sections and nested lists.
    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .sequence(let sequence) = value else {
            diagnostics.error(document.location(of: value), "'\(key)' must be a list")
            return nil
        }
        return sequence.items
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        }
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
