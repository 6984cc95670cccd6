import Bailiwick

/// Writes pretty-printed JSON as it goes, without building a value tree: two-space indentation,
/// `"key": value`, an empty array or object as `[]` or `{}`, the same bytes `JSONValue.rendered`
/// gives (which is written through this). Reports that are written often (an audit's matters,
/// a decision) use it directly, so they allocate little more than the text itself.
public struct JSONWriter {
    public private(set) var text = ""
    /// The indentation level of the outermost value (`JSONValue.rendered(indent:)`).
    private let baseIndent: Int
    /// For each open array or object, innermost last: whether it has an item yet.
    private var filled: [Bool] = []
    /// Set by `key`: the next value is that member's, not a new item.
    private var afterKey = false

    public init(indent: Int = 0, capacity: Int = 1024) {
        baseIndent = indent
        text.reserveCapacity(capacity)
        filled.reserveCapacity(12)
    }

    // MARK: Values

    public mutating func null() {
        item()
        text += "null"
    }

    public mutating func bool(_ value: Bool) {
        item()
        text += value ? "true" : "false"
    }

    public mutating func number(_ value: Int) {
        item()
        text += String(value)
    }

    public mutating func string(_ value: String) {
        item()
        Self.quote(value, to: &text)
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
        open("[")
        body(&self)
        close("]")
    }

    /// An object: `body` writes its members, each a `key` and then its value.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    // MARK: Members

    /// Starts a member of the object being written: its value is the next one written.
    public mutating func key(_ name: String) {
        item()
        Self.quote(name, to: &text)
        text += ": "
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
        text += filled[last] ? ",\n" : "\n"
        filled[last] = true
        pad(baseIndent + filled.count)
    }

    private mutating func open(_ bracket: String) {
        item()
        text += bracket
        filled.append(false)
    }

    private mutating func close(_ bracket: String) {
        if filled.removeLast() {
            text += "\n"
            pad(baseIndent + filled.count)
        }
        text += bracket
    }

    private mutating func pad(_ levels: Int) {
        for _ in 0..<levels { text += "  " }
    }

    /// `value` as a JSON string. Controls are escaped as JSON requires; DEL, C1 controls, line
    /// separators and bidirectional overrides as well, so that a report shown with `cat` cannot
    /// act on the terminal. Text with none of them (nearly all) is copied whole.
    static func quote(_ value: String, to output: inout String) {
        output += "\""
        if TerminalEscape.mayNeedEscaping(value, orHolds: UInt8(ascii: "\"")) {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where TerminalEscape.isUnsafe(scalar):
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
        } else {
            output += value
        }
        output += "\""
    }
}
