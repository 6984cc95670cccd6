import Bailiwick

/// The semantic difference between two pack sets (`bailiwick diff`): each entity (jurisdiction,
/// licence, scope rule, deadline, time rule, court calendar, holiday, matter type, form, parameter,
/// action, area, fact, event) added, removed or changed, and for a change every field that differs
/// with its old and new value. Entities are matched by id (within their jurisdiction or matter
/// type); where in which file an entity is written is not part of it, so moving or reformatting a
/// pack changes nothing.
public struct PackDiff: Sendable {
    public struct Entry: Sendable {
        public enum Kind: String, Sendable {
            case added, removed, changed
        }

        /// What the entity is: `deadline`, `rule`, `holiday`, ...
        public let section: String
        public let id: String
        public let kind: Kind
        /// For a change: each field that differs, in the order the model declares them.
        public let fields: [Field]
    }

    /// A field's value on each side, written canonically (nil when the entity is not on that side).
    public struct Field: Sendable {
        public let name: String
        public let old: String?
        public let new: String?
    }

    /// By section, then id.
    public let entries: [Entry]

    public var isEmpty: Bool { entries.isEmpty }

    public init(old: PackSet, new: PackSet) {
        let before = Self.entities(of: old)
        let after = Self.entities(of: new)
        var entries: [Entry] = []
        for key in Set(before.keys).union(after.keys).sorted(by: { ($0.section, $0.id) < ($1.section, $1.id) }) {
            switch (before[key], after[key]) {
            case (nil, let added?):
                entries.append(Entry(section: key.section, id: key.id, kind: .added, fields: Self.fields(nil, added)))
            case (let removed?, nil):
                entries.append(
                    Entry(section: key.section, id: key.id, kind: .removed, fields: Self.fields(removed, nil)))
            case (let was?, let now?):
                let fields = Self.fields(was, now).filter { $0.old != $0.new }
                if !fields.isEmpty {
                    entries.append(Entry(section: key.section, id: key.id, kind: .changed, fields: fields))
                }
            case (nil, nil):
                break
            }
        }
        self.entries = entries
    }

    private struct Key: Hashable {
        let section: String
        let id: String
    }

    /// Each entity's fields, by name, canonically written.
    private typealias Fields = [(name: String, value: String)]

    private static func fields(_ old: Fields?, _ new: Fields?) -> [Field] {
        let names =
            (new ?? old ?? []).map(\.name)
            + (old ?? []).map(\.name).filter { name in
                !(new ?? []).contains { $0.name == name }
            }
        return names.map { name in
            Field(
                name: name, old: old?.first { $0.name == name }?.value, new: new?.first { $0.name == name }?.value)
        }
    }

    private static func entities(of packs: PackSet) -> [Key: Fields] {
        let writer = CanonicalWriter()
        var entities: [Key: Fields] = [:]
        func add(_ section: String, _ id: String, _ value: Any, leaving omitted: Set<String> = []) {
            entities[Key(section: section, id: id)] = writer.fields(of: value, omitting: omitted)
        }
        for place in packs.jurisdictions { add("jurisdiction", place.id, place) }
        for license in packs.licenses { add("license", license.key.description, license) }
        for rule in packs.rules { add("rule", rule.id, rule) }
        for action in packs.actions { add("action", action.id, action) }
        for area in packs.areas { add("area", area.id, area) }
        for fact in packs.facts { add("fact", fact.id, fact) }
        for event in packs.events { add("event", event.id, event) }
        for deadline in packs.deadlines { add("deadline", "\(deadline.jurisdiction)/\(deadline.id)", deadline) }
        for rule in packs.timeRules { add("time-rule", "\(rule.jurisdiction)/\(rule.id)", rule) }
        for (place, calendar) in packs.calendars {
            add("calendar", place, calendar, leaving: ["holidays"])
            for holiday in calendar.holidays { add("holiday", "\(place)/\(holiday.id)", holiday) }
        }
        for type in packs.matterTypes {
            add("matter-type", "\(type.jurisdiction)/\(type.id)", type, leaving: ["forms"])
            for form in type.forms { add("form", "\(type.jurisdiction)/\(type.id)/\(form.code)", form) }
        }
        // Parameters live in the conditions that use them: every one met above.
        for (id, parameter) in writer.parameters { add("parameter", id, parameter) }
        return entities
    }
}

/// Writes a model value as text that is the same whenever the value is: fields in declaration order,
/// sets and dictionaries sorted, a condition as its text (its compiled form holds indexes that move
/// when a fact is added), and no source locations or indexes.
private final class CanonicalWriter {
    /// Every parameter a written condition uses, by `jurisdiction/id`.
    var parameters: [String: Parameter] = [:]

    /// Positions in the loaded tables and caches, not the law: positions move when an entity is added
    /// before them, and a calendar's table of holidays fills as dates are asked for.
    static let omitted: Set<String> = ["slot", "index", "location", "typeLocation", "table"]

    func fields(of value: Any, omitting extra: Set<String>) -> [(name: String, value: String)] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label, !Self.omitted.union(extra).contains(label),
                !(child.value is SourceLocation)
            else { return nil }
            return (Self.kebab(label), write(child.value))
        }
    }

    func write(_ value: Any) -> String {
        switch value {
        case let condition as Condition:
            for parameter in condition.parameters {
                parameters["\(parameter.jurisdiction)/\(parameter.id)"] = parameter
            }
            return condition.text
        case let text as String: return "\"\(text)\""
        case let date as CivilDate: return date.description
        case let number as Int: return String(number)
        case let flag as Bool: return String(flag)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { write($0.value) } ?? "none"
        case .collection:
            return "[" + mirror.children.map { write($0.value) }.joined(separator: ", ") + "]"
        case .set:
            return "[" + mirror.children.map { write($0.value) }.sorted().joined(separator: ", ") + "]"
        case .dictionary:
            let pairs = mirror.children.map { pair -> String in
                let parts = Array(Mirror(reflecting: pair.value).children)
                return parts.count == 2 ? "\(write(parts[0].value)): \(write(parts[1].value))" : write(pair.value)
            }
            return "{" + pairs.sorted().joined(separator: ", ") + "}"
        case .enum:
            guard let payload = mirror.children.first else { return String(describing: value) }
            return "\(payload.label ?? "")(\(write(payload.value)))"
        case .struct, .class, .tuple:
            let members = fields(of: value, omitting: [])
            if members.isEmpty { return String(describing: value) }
            return "{" + members.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
        default:
            return String(describing: value)
        }
    }

    static func kebab(_ label: String) -> String {
        // "holidayID" is "holiday-id": a run of capitals is one word.
        var result = ""
        var previousUpper = false
        for character in label {
            if character.isUppercase {
                if !previousUpper { result += "-" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
            previousUpper = character.isUppercase
        }
        return result
    }
}
