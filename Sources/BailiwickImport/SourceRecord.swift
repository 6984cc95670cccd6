import Bailiwick
import Foundation

/// A JSON value as the source wrote it. Decoded with JSONDecoder, which tells `true` from `1`
/// on every platform (JSONSerialization's NSNumber does not).
enum SourceJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([SourceJSON])
    case object([String: SourceJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SourceJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SourceJSON].self))
        }
    }

    /// A single value as text; nil for null, empty text, lists and objects.
    var text: String? {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value
        case .string(let value): value.trimmingSpaces.isEmpty ? nil : value
        case .null, .array, .object: nil
        }
    }
}

/// One object of a source (a JSON object, a CSV row) read key by key: what a reader takes is
/// marked, and everything it did not take is handed back as left-over fields, so nothing the
/// source held is dropped without being reported.
final class SourceRecord {
    let path: String
    private let values: [String: SourceJSON]
    private var taken: Set<String> = []
    /// The nested objects read, whose own left-over fields are this record's too.
    private var children: [SourceRecord] = []

    init(_ values: [String: SourceJSON], path: String) {
        self.values = values
        self.path = path
    }

    /// The value as text (a number or a yes/no value written as JSON writes it); nil when absent or null.
    func text(_ key: String) -> String? {
        taken.insert(key)
        return values[key]?.text
    }

    func bool(_ key: String) -> Bool? {
        taken.insert(key)
        switch values[key] {
        case .bool(let value)?: return value
        case .string(let value)?: return ValueSyntax.boolean(value)
        default: return nil
        }
    }

    /// A date, or the date part of a date-time as written (its own offset, never converted).
    func date(_ key: String) -> CivilDate? {
        guard let text = text(key) else { return nil }
        return Self.isoDate(text)
    }

    func object(_ key: String) -> SourceRecord? {
        taken.insert(key)
        guard case .object(let object)? = values[key] else { return nil }
        let child = SourceRecord(object, path: "\(path).\(key)")
        children.append(child)
        return child
    }

    func objects(_ key: String) -> [SourceRecord] {
        taken.insert(key)
        guard case .array(let array)? = values[key] else { return [] }
        let records = array.enumerated().compactMap { index, item -> SourceRecord? in
            guard case .object(let object) = item else { return nil }
            return SourceRecord(object, path: "\(path).\(key)[\(index)]")
        }
        children += records
        return records
    }

    /// A linked object's id (`{"id": 7, …}`), its other fields left over.
    func link(_ key: String) -> (id: String?, record: SourceRecord?) {
        guard let record = object(key) else { return (nil, nil) }
        return (record.text("id"), record)
    }

    /// Every field not taken, here and in the nested objects read, lists and objects not read flattened into
    /// paths. The fields are reported once: a second call returns none.
    func leftOver() -> [ImportedField] {
        var fields: [ImportedField] = []
        for key in values.keys.sorted() where !taken.contains(key) {
            Self.flatten(values[key]!, path: "\(path).\(key)", key: key, into: &fields)
            taken.insert(key)
        }
        return fields + children.flatMap { $0.leftOver() }
    }

    /// Every field, taken or not: for an object the reader read but could not use.
    func everything() -> [ImportedField] {
        taken = []
        children = []
        return leftOver()
    }

    /// Keys whose values are codes, states or ids, never free text: shown in the report.
    static let plainKeys: Set<String> = [
        "id", "etag", "status", "type", "billing_method", "field_type", "subscription_type", "priority",
        "content_type", "number", "ledes_client_id", "all_day", "court_rule", "recurrence_rule", "service_type",
        "code",
    ]
    /// Keys whose values are about a person, whatever they look like: withheld as free text is.
    static let personalKeys: Set<String> = ["date_of_birth"]

    private static func flatten(
        _ value: SourceJSON, path: String, key: String, into fields: inout [ImportedField]
    ) {
        switch value {
        case .object(let object):
            for inner in object.keys.sorted() {
                flatten(object[inner]!, path: "\(path).\(inner)", key: inner, into: &fields)
            }
        case .array(let array):
            for (index, item) in array.enumerated() {
                flatten(item, path: "\(path)[\(index)]", key: key, into: &fields)
            }
        case .null:
            return
        case .bool, .number, .string:
            guard let text = value.text else { return }
            var isPlain = plainKeys.contains(key) || isoDate(text) != nil
            if case .string = value {} else { isPlain = true }
            if personalKeys.contains(key) { isPlain = false }
            fields.append(ImportedField(path, text, kind: isPlain ? .plain : .text))
        }
    }

    /// `YYYY-MM-DD`, or the date before a `T` of an ISO 8601 date-time.
    static func isoDate(_ text: String) -> CivilDate? {
        let head = text.prefix(10)
        guard text.count == 10 || (text.count > 10 && text.dropFirst(10).first == "T") else { return nil }
        guard case .success(let date) = ValueSyntax.date(head) else { return nil }
        return date
    }
}
