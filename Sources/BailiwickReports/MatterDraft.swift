import Bailiwick

/// A matter as the web editor's form describes it, before it is a file: one matter type's people,
/// facts, events, actions and filings, with every id already checked against the packs. `yaml()`
/// writes it as the matter file the loader reads; the editor audits that text, and offers it for download.
public struct MatterDraft: Sendable {
    public struct PersonRow: Sendable {
        public var role: Person.Role
        public var name: String
        public var license: String?
        public var licensedFrom: CivilDate?

        public init(role: Person.Role, name: String, license: String?, licensedFrom: CivilDate?) {
            self.role = role
            self.name = name
            self.license = license
            self.licensedFrom = licensedFrom
        }
    }

    public struct EventRow: Sendable {
        public var event: String
        public var date: CivilDate
        public var method: ServiceMethod?

        public init(event: String, date: CivilDate, method: ServiceMethod?) {
            self.event = event
            self.date = date
            self.method = method
        }
    }

    public struct ActionRow: Sendable {
        /// The position of the person who acted in `people`.
        public var person: Int
        public var action: String
        public var date: CivilDate

        public init(person: Int, action: String, date: CivilDate) {
            self.person = person
            self.action = action
            self.date = date
        }
    }

    public struct FilingRow: Sendable {
        public var form: String
        public var filed: CivilDate

        public init(form: String, filed: CivilDate) {
            self.form = form
            self.filed = filed
        }
    }

    public let jurisdiction: Jurisdiction
    public let type: MatterType
    public var id: String
    public var asOf: CivilDate?
    public var people: [PersonRow] = []
    public var facts: [(fact: FactDefinition, value: FactValue)] = []
    public var events: [EventRow] = []
    public var actions: [ActionRow] = []
    public var filings: [FilingRow] = []

    public init(jurisdiction: Jurisdiction, type: MatterType, id: String, asOf: CivilDate?) {
        self.jurisdiction = jurisdiction
        self.type = type
        self.id = id
        self.asOf = asOf
    }

    /// Each person's id in the file, by role as `bailiwick new` names them (`tech`, `client`), numbered
    /// from the second of a role on (`client-2`).
    public var personIDs: [String] {
        var seen: [String: Int] = [:]
        return people.map { person in
            let base = Self.idBase[person.role] ?? person.role.rawValue
            seen[base, default: 0] += 1
            return seen[base] == 1 ? base : "\(base)-\(seen[base]!)"
        }
    }

    private static let idBase: [Person.Role: String] = [
        .technician: "tech", .attorney: "lawyer", .client: "client", .opposingParty: "other-side", .other: "other",
    ]

    /// The matter file: every value the form gave, quoted where YAML would read it otherwise, in the
    /// order `bailiwick new` writes a file.
    public func yaml() -> String {
        let scalar = MatterFactsEdit.scalar
        var lines = MatterTemplate.comment(
            lines: "A matter file of \(jurisdiction.name) made with the web matter editor. "
                + "Matter type: \(type.name) (\(type.id)).", indent: "")
        lines += [
            "# The format: docs/matter-format.md; its schema: "
                + "bailiwick schema matter --jurisdiction \(jurisdiction.id).",
            "",
            "id: \(scalar(id))",
            "jurisdiction: \(jurisdiction.id)",
            "type: \(type.id)",
        ]
        if let asOf { lines.append("as-of: \(asOf)") }
        let ids = personIDs
        lines += Self.block(
            "people",
            people.enumerated().map { index, person in
                var fields = [("id", ids[index]), ("role", person.role.rawValue), ("name", scalar(person.name))]
                if let license = person.license { fields.append(("license", license)) }
                if let from = person.licensedFrom { fields.append(("licensed-from", from.description)) }
                return fields
            })
        lines.append("")
        if facts.isEmpty {
            lines.append("facts: {}")
        } else {
            lines.append("facts:")
            lines += facts.map { "  \(scalar($0.fact.id)): \(MatterFactsEdit.yaml($0.value))" }
        }
        lines += Self.block(
            "events",
            events.map { event in
                [("event", event.event), ("date", event.date.description)]
                    + (event.method.map { [("method", $0.rawValue)] } ?? [])
            })
        lines += Self.block(
            "actions",
            actions.map { [("by", ids[$0.person]), ("action", $0.action), ("date", $0.date.description)] })
        lines += Self.block("filings", filings.map { [("form", scalar($0.form)), ("filed", $0.filed.description)] })
        return lines.joined(separator: "\n") + "\n"
    }

    /// A list of flow mappings, one entry a line, after a blank line; `[]` when it is empty. The
    /// values are written as they are: the caller quotes any that need it.
    private static func block(_ key: String, _ entries: [[(String, String)]]) -> [String] {
        guard !entries.isEmpty else { return ["", "\(key): []"] }
        return ["", "\(key):"]
            + entries.map { fields in "  - {" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}" }
    }
}
