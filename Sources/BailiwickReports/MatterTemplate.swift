import Bailiwick

/// The matter file `bailiwick new` writes: everything a matter of one type reads, in the shape the
/// loader accepts, with each blank left empty (a fact not given, an event or a filing commented
/// out) so that the file loads as written and its audit names what is still to fill in.
public struct MatterTemplate: Sendable {
    public let jurisdiction: Jurisdiction
    /// Nil: a scope-only matter (its actions' scope and the licences, no forms or deadlines).
    public let type: MatterType?
    /// The practice area of a scope-only matter; nil leaves it to fill in.
    public let area: String?
    public let asOf: CivilDate
    /// Where the file's schema is, for the `yaml-language-server` line (a path or a URL).
    public let schema: String?

    public init(jurisdiction: Jurisdiction, type: MatterType?, area: String?, asOf: CivilDate, schema: String?) {
        self.jurisdiction = jurisdiction
        self.type = type
        self.area = area
        self.asOf = asOf
        self.schema = schema
    }

    /// The facts the matter type's forms, deadlines and follow-ups turn on, in the packs' order.
    public static func facts(of type: MatterType, in packs: PackSet) -> [FactDefinition] {
        var conditions: [Condition?] = type.forms.map(\.when) + type.followUps.map(\.when)
        for deadline in type.deadlines {
            conditions.append(deadline.when)
            conditions += (packs.deadline(deadline.rule, in: type.jurisdiction)?.variants ?? []).map(\.when)
        }
        let slots = Set(conditions.flatMap { $0?.factSlots ?? [] })
        return packs.facts.filter { slots.contains($0.slot) }
    }

    /// The events a matter type's deadlines run from (and its forms are due by), each with the
    /// deadlines it starts, in the order the type names them.
    public static func events(of type: MatterType, in packs: PackSet) -> [(event: String, starts: [String])] {
        var order: [String] = []
        var starts: [String: [String]] = [:]
        func add(_ event: String, _ starting: String?) {
            if starts[event] == nil {
                order.append(event)
                starts[event] = []
            }
            if let starting, !starts[event]!.contains(starting) { starts[event]!.append(starting) }
        }
        for deadline in type.deadlines {
            guard let rule = packs.deadline(deadline.rule, in: type.jurisdiction) else { continue }
            add(rule.trigger, rule.id)
            for variant in rule.variants { if let trigger = variant.trigger { add(trigger, rule.id) } }
            if let guarded = deadline.guards { add(guarded, nil) }
            if case .event(let event)? = deadline.metBy { add(event, nil) }
        }
        for form in type.forms { if case .event(let event)? = form.due { add(event, nil) } }
        return order.map { ($0, starts[$0] ?? []) }
    }

    /// A licence for the matter's technician: the first of the jurisdiction's that covers the area.
    public static func license(in packs: PackSet, jurisdiction: String, area: String?) -> License? {
        let licenses = packs.licenses(in: jurisdiction)
        guard let area else { return licenses.first }
        return licenses.first { $0.offeredAreas(in: packs).contains(area) } ?? licenses.first
    }

    public func render(packs: PackSet) -> String {
        var lines: [String] = []
        if let schema { lines.append("# yaml-language-server: $schema=\(schema)") }
        let what = type.map { "\($0.name) (\($0.id))" } ?? "none: the actions' scope and the licences only"
        lines += Self.comment(
            lines: "A matter file of \(jurisdiction.name) written by 'bailiwick new'. Matter type: \(what).", indent: ""
        )
        lines += [
            "# Fill in each empty value and each line marked FILL IN; uncomment the events, filings and actions",
            "# the matter has (remove the '#'). 'bailiwick audit' on this file says what is still missing.",
            "# The format: docs/matter-format.md; the ids: bailiwick list (matter-types, forms, events, facts).",
            "",
            "id: FILL-IN-your-reference",
            "title: FILL IN a short title",
            "jurisdiction: \(jurisdiction.id)",
        ]
        let area = type?.area ?? area
        if let type {
            lines.append("type: \(type.id)")
        } else {
            let areas = packs.areas(applicableIn: jurisdiction.id).map(\.id)
            lines.append(
                "area: \(area ?? "")" + Self.comment("the practice area: \(Self.list(areas))"))
        }
        lines.append("as-of: \(asOf)" + Self.comment("the day the audit is made for"))
        lines += ["", "people:"] + people(packs: packs, area: area)
        lines += [""] + facts(packs: packs)
        lines += [""] + events(packs: packs)
        lines += [""] + actions(packs: packs)
        if let type { lines += [""] + filings(type) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func people(packs: PackSet, area: String?) -> [String] {
        let licenses = packs.licenses(in: jurisdiction.id).map(\.key.id)
        let license = Self.license(in: packs, jurisdiction: jurisdiction.id, area: area)
        var lines = [
            "  - id: tech",
            "    role: technician",
            "    name: FILL IN the technician's name",
        ]
        if let license {
            lines.append("    license: \(license.key.id)" + Self.comment(Self.list(licenses)))
            lines.append(
                "    licensed-from:" + Self.comment("FILL IN the day the licence was issued, YYYY-MM-DD"))
        }
        lines += [
            "  - {id: lawyer, role: attorney, name: FILL IN the supervising lawyer's name}",
            "  - {id: client, role: client, name: FILL IN the client's name}",
            "  - {id: other-side, role: opposing-party, name: FILL IN the other party's name}",
        ]
        return lines
    }

    private func facts(packs: PackSet) -> [String] {
        guard let type else {
            return ["facts: {}" + Self.comment("the facts the actions' scope turns on (bailiwick list facts)")]
        }
        let facts = Self.facts(of: type, in: packs)
        guard !facts.isEmpty else { return ["facts: {}" + Self.comment("this matter type reads no fact")] }
        var lines = ["facts:" + Self.comment("empty: not known yet")]
        for fact in facts {
            lines += Self.comment(lines: fact.description, indent: "  ")
            lines.append("  \(fact.id):" + Self.comment(Self.takes(fact)))
        }
        return lines
    }

    private func events(packs: PackSet) -> [String] {
        guard let type else { return ["events: []" + Self.comment("what happened, and when")] }
        let events = Self.events(of: type, in: packs)
        guard !events.isEmpty else { return ["events: []"] }
        var lines = ["events:" + Self.comment("uncomment each that has happened (or is set), with its date")]
        for (event, starts) in events {
            let description = packs.event(event)?.description ?? event
            lines += Self.comment(lines: description, indent: "  ")
            if !starts.isEmpty { lines.append("  # Starts: \(starts.joined(separator: ", ")).") }
            lines.append("  # - {event: \(event), date: YYYY-MM-DD}")
        }
        return lines
    }

    private func actions(packs: PackSet) -> [String] {
        [
            "actions:" + Self.comment("what the technician did (bailiwick list actions)"),
            "  # - {by: tech, action: consult, date: YYYY-MM-DD, about: FILL IN what was done}",
        ]
    }

    private func filings(_ type: MatterType) -> [String] {
        guard !type.forms.isEmpty else { return ["filings: []" + Self.comment("this matter type lists no form")] }
        var lines = ["filings:" + Self.comment("uncomment each form filed, with the day it was filed")]
        for form in type.forms {
            lines += Self.comment(lines: "\(form.name): \(FormText.requirement(form)).", indent: "  ")
            lines.append("  # - {form: \(Self.flow(form.code)), filed: YYYY-MM-DD}")
        }
        return lines
    }

    /// What a fact takes, as a matter file writes it.
    static func takes(_ fact: FactDefinition) -> String {
        switch fact.type {
        case .boolean: "true or false"
        case .integer: fact.allowedRange
        case .date: "a date, YYYY-MM-DD"
        case .string: fact.allowedValues.map { "one of: \($0.joined(separator: ", "))" } ?? "text"
        case .list:
            "a list: [] for none, or [a, b]" + (fact.allowedValues.map { "; of: \($0.joined(separator: ", "))" } ?? "")
        }
    }

    /// A form's code as a value inside `{…}`: quoted when YAML would read it as something else.
    static func flow(_ code: String) -> String {
        let plain = code.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -.()/".unicodeScalars.contains(scalar)
        }
        return plain && !code.hasPrefix("-") ? code : "'" + code.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func list(_ ids: [String]) -> String {
        ids.count <= 1 ? ids.joined() : "one of " + ids.joined(separator: ", ")
    }

    /// `text` as comment lines of at most 100 columns, broken between words.
    static func comment(lines text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent + "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 100 && line != indent + "#" {
                lines.append(line)
                line = indent + "#"
            }
            line += " " + word
        }
        return lines + [line]
    }

    /// A comment set off after a value.
    static func comment(_ text: String) -> String {
        text.isEmpty ? "" : "   # \(text)"
    }
}
