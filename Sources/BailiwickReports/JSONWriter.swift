import Bailiwick

/// Writes pretty-printed JSON as it goes, without building a value tree: two-space indentation,
/// `"key": value`, an empty array or object as `[]` or `{}`, the same bytes `JSONValue.rendered`
/// gives (which is written through this). Reports that are written often (an audit's matters,
/// a decision) use it directly, so they allocate little more than the text itself. The text is
/// kept as UTF-8 bytes while it is written: appending bytes is a copy, where appending to a
/// `String` checks and updates the string's counts and flags at every piece.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    /// The JSON written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The JSON written, as UTF-8 bytes, with a final newline: for an answer sent as bytes, which
    /// need not be made a `String` first.
    public consuming func document() -> [UInt8] {
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
    /// The JSON written so far, as UTF-8 bytes lent to `body`.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBytes(body)
    }
    /// The JSON written, as UTF-8 bytes, without a final newline.
    public consuming func bytesWritten() -> [UInt8] { bytes }
    /// The indentation level of the outermost value (`JSONValue.rendered(indent:)`).
    private let baseIndent: Int
    /// For each open array or object, innermost last: whether it has an item yet.
    private var filled: [Bool] = []
    /// Set by `key`: the next value is that member's, not a new item.
    private var afterKey = false

    public init(indent: Int = 0, capacity: Int = 1024) {
        baseIndent = indent
        bytes.reserveCapacity(capacity)
        filled.reserveCapacity(12)
    }

    // MARK: Values

    public mutating func null() {
        item()
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        item()
        append(value ? "true" : "false")
    }

    public mutating func number(_ value: Int) {
        item()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func string(_ value: String) {
        item()
        Self.quote(value, to: &bytes)
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func strings(_ values: some Sequence<String>) {
        array { writer in
            for value in values { writer.string(value) }
        }
    }

    /// A value built as a tree (a small one: a citation, a period).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let integer): number(integer)
        case .string(let text): string(text)
        case .array(let items):
            array { writer in
                for item in items { writer.value(item) }
            }
        case .object(let members):
            object { writer in
                for (key, member) in members {
                    writer.key(key)
                    writer.value(member)
                }
            }
        }
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// An object: `body` writes its members, each a `key` and then its value.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    // MARK: Fragments

    /// Items written once and copied, as bytes, into every document that holds them at the same
    /// depth: the parts of an answer that are the same in every answer. The bytes are exactly those
    /// the items' writer would have written in place.
    public struct Fragment: Sendable {
        fileprivate let bytes: [UInt8]
        /// The nesting level of the items: 1 for the members of the outermost object.
        public let depth: Int
    }

    /// The items `body` writes, as the items of an array or object `depth` levels deep.
    public static func fragment(depth: Int, _ body: (inout JSONWriter) -> Void) -> Fragment {
        precondition(depth >= 1, "a fragment's items are inside an array or an object")
        var writer = JSONWriter(indent: depth - 1)
        writer.filled = [false]
        body(&writer)
        // The first item's line break and padding are left out: `append` writes them, as for any item.
        return Fragment(bytes: Array(writer.bytes.dropFirst(1 + 2 * depth)), depth: depth)
    }

    /// The nesting level of the next item: 1 for the members of the outermost object. A fragment is
    /// written only at its own depth.
    public var depth: Int { baseIndent + filled.count }

    /// Writes a fragment's items as items of the array or object being written, which must be at
    /// the fragment's depth.
    public mutating func append(_ fragment: Fragment) {
        precondition(!afterKey && fragment.depth == baseIndent + filled.count, "a fragment is written at its depth")
        guard !fragment.bytes.isEmpty else { return }
        item()
        bytes.append(contentsOf: fragment.bytes)
    }

    // MARK: Members

    /// Starts a member of the object being written: its value is the next one written.
    public mutating func key(_ name: String) {
        item()
        Self.quote(name, to: &bytes)
        append(": ")
        afterKey = true
    }

    public mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func member(_ name: String, strings values: some Sequence<String>) {
        key(name)
        strings(values)
    }

    public mutating func member(_ name: String, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    public mutating func member(_ name: String, array body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    public mutating func member(_ name: String, object body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    // MARK: Layout

    /// Before each value or key: a member's value follows its key on the same line; an item of
    /// an array or object goes on a line of its own, after a comma from the item before.
    private mutating func item() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = filled.indices.last else { return }
        let after = filled[last]
        filled[last] = true
        lineBreak(comma: after, levels: baseIndent + filled.count)
    }

    /// A comma if one is due, a line break and the padding for `levels`, copied in one piece: the
    /// padding was appended a space at a time, a good share of a report's writing.
    private mutating func lineBreak(comma: Bool, levels: Int) {
        let count = 2 * levels
        guard count <= Self.layout.count - 2 else {
            append(comma ? ",\n" : "\n")
            return pad(levels)
        }
        Self.layout.withUnsafeBufferPointer { layout in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: layout[(comma ? 0 : 1)..<(2 + count)]))
        }
    }

    /// A comma, a line break and 64 levels of padding.
    private static let layout: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\n")] + Array(repeating: 32, count: 128)

    private mutating func open(_ bracket: UInt8) {
        item()
        bytes.append(bracket)
        filled.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if filled.removeLast() { lineBreak(comma: false, levels: baseIndent + filled.count) }
        bytes.append(bracket)
    }

    private mutating func pad(_ levels: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * levels))
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` as a JSON string. Controls are escaped as JSON requires; DEL, C1 controls, line
    /// separators and bidirectional overrides as well, so that a report shown with `cat` cannot
    /// act on the terminal. Text with none of them (nearly all) is copied whole.
    static func quote(_ value: String, to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        output.append(quote)
        // Scanned and copied in one visit of the bytes.
        var value = value
        let copied = value.withUTF8 { bytes in
            guard !TerminalEscape.mayNeedEscaping(bytes, orHolds: quote) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if !copied {
            var escaped = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case _ where TerminalEscape.isUnsafe(scalar):
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            output.append(contentsOf: escaped.utf8)
        }
        output.append(quote)
    }
}
