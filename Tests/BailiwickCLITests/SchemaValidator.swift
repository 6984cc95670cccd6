import Foundation
import Yams

/// A validator for the part of JSON Schema (draft-07) that `bailiwick schema` writes: type, enum,
/// const, pattern, minimum, maximum, properties, additionalProperties (false), required, items,
/// anyOf and `$ref` to `#/definitions/…`. Anything else in a schema is reported, so the schema
/// cannot grow a keyword this validator would silently ignore.
///
/// YAML is read as an editor's YAML support reads it, by YAML 1.2's core schema: a plain `true`
/// is a boolean, `12` an integer, `yes` and `2026-05-01` text.
struct SchemaValidator {
    let root: [String: Any]

    static let keywords: Set<String> = [
        "$schema", "title", "description", "type", "enum", "const", "pattern", "minimum", "maximum", "properties",
        "additionalProperties", "required", "items", "anyOf", "$ref", "definitions",
    ]

    init(json: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    /// The problems of a YAML document against the schema, each with its path; empty when it is valid.
    func problems(yaml: String) throws -> [String] {
        guard let node = try Yams.compose(yaml: yaml) else { return ["empty document"] }
        var problems: [String] = []
        check(Self.value(node), against: root, at: "", into: &problems)
        return problems
    }

    static func value(_ node: Yams.Node) -> Any {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return scalar.string }
            let text = scalar.string
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
            if ["", "~", "null", "Null", "NULL"].contains(text) { return NSNull() }
            if text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil, let number = Int(text) {
                return number
            }
            if text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression)
                != nil, let number = Double(text)
            {
                return number
            }
            return text
        case .mapping(let mapping):
            var object = Object()
            for (key, value) in mapping { object.members.append((key.string ?? "", Self.value(value))) }
            return object
        case .sequence(let sequence):
            return sequence.map(Self.value)
        case .alias:
            return NSNull()
        }
    }

    /// A mapping, kept apart from a list (an empty list would cast to a list of pairs).
    struct Object {
        var members: [(String, Any)] = []
    }

    private func kind(of value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is Bool: "boolean"
        case is Int: "integer"
        case is Double: "number"
        case is String: "string"
        case is Object: "object"
        default: "array"
        }
    }

    /// Whether a value of the schema (from JSON) equals one of the document (a Swift value).
    private func equal(_ option: Any, _ value: Any) -> Bool {
        switch value {
        case let text as String: option as? String == text
        case let flag as Bool: option as? Bool == flag
        case let number as Int: option as? Int == number
        default: false
        }
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into problems: inout [String]) {
        for keyword in schema.keys where !Self.keywords.contains(keyword) {
            problems.append("\(path): the validator does not know the keyword '\(keyword)'")
        }
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/definitions/".count))
            let target = (root["definitions"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            check(value, against: target, at: path, into: &problems)
        }
        let actual = kind(of: value)
        if let expected = schema["type"] {
            let types = (expected as? [String]) ?? [expected as? String ?? ""]
            let matches = types.contains(actual) || (actual == "integer" && types.contains("number"))
            if !matches { problems.append("\(path): \(actual), not \(types.joined(separator: " or "))") }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) {
            problems.append("\(path): not one of the enum's values")
        }
        if let constant = schema["const"], !equal(constant, value) { problems.append("\(path): not the const") }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("\(path): does not match \(pattern)")
        }
        if let number = value as? Int, !(value is Bool) {
            if let minimum = schema["minimum"] as? Int, number < minimum { problems.append("\(path): below minimum") }
            if let maximum = schema["maximum"] as? Int, number > maximum { problems.append("\(path): above maximum") }
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            var first: [String]?
            let fits = options.contains { option in
                var inner: [String] = []
                check(value, against: option, at: path, into: &inner)
                if first == nil { first = inner }
                return inner.isEmpty
            }
            // The first option is the value's own shape (the others are null or other spellings).
            if !fits { problems.append("\(path): matches none of anyOf; " + (first ?? []).joined(separator: "; ")) }
        }
        if let object = (value as? Object)?.members {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where !object.contains(where: { $0.0 == key }) {
                problems.append("\(path): missing required key '\(key)'")
            }
            for (key, member) in object {
                if let property = properties[key] as? [String: Any] {
                    check(member, against: property, at: "\(path)/\(key)", into: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): key '\(key)' is not allowed")
                }
            }
        }
        if let items = value as? [Any], let item = schema["items"] as? [String: Any] {
            for (index, element) in items.enumerated() {
                check(element, against: item, at: "\(path)/\(index)", into: &problems)
            }
        }
    }
}
