import Bailiwick

/// A JSON value whose objects keep their keys in the order written, so output reads in a
/// sensible order and is byte-for-byte stable.
public enum JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text + "\n"
    }

    /// The value pretty-printed as if nested `indent` levels deep (the first line not padded), with no final newline.
    public func rendered(indent: Int) -> String {
        var writer = JSONWriter(indent: indent)
        writer.value(self)
        return writer.text
    }
}
