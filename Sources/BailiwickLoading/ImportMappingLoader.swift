import Bailiwick

/// Reads the firm's import mapping (docs/import.md) strictly, as packs are read: every unknown key
/// and every id the packs do not know is an error with its file, line and column.
package enum ImportMappingLoader {
    package static func load(path: String, packs: PackSet) throws(DiagnosticList) -> ImportMapping {
        let text: String
        do {
            text = try InputFile.text(at: path)
        } catch {
            throw DiagnosticList([error])
        }
        return try load(text: text, file: path, packs: packs)
    }

    package static func load(text: String, file: String, packs: PackSet) throws(DiagnosticList) -> ImportMapping {
        let diagnostics = DiagnosticCollector(limit: MatterLoader.diagnosticLimit)
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(text, file: file)
        } catch {
            throw DiagnosticList([error])
        }
        let reader = ImportMappingReader(document: document, packs: packs, diagnostics: diagnostics)
        guard let mapping = reader.read(), !diagnostics.hasErrors else {
            throw DiagnosticList(diagnostics.diagnostics)
        }
        return mapping
    }
}

private struct ImportMappingReader {
    let document: YAMLDocument
    let packs: PackSet
    let diagnostics: DiagnosticCollector

    func entries(_ top: MappingReader, _ key: String, what: String, keys: [String]) -> [MappingReader] {
        (top.sequence(key) ?? []).compactMap { node in
            let entry = MappingReader(node, what: what, in: document, diagnostics: diagnostics)
            entry?.rejectUnknownKeys(allowed: keys, listing: true)
            return entry
        }
    }

    func read() -> ImportMapping? {
        guard let top = MappingReader(document.root, what: "an import mapping", in: document, diagnostics: diagnostics)
        else { return nil }
        top.rejectUnknownKeys(allowed: ImportMappingKeys.top, listing: true)
        let fallback = top.id("jurisdiction", required: false).flatMap(jurisdiction)
        let types = matterTypes(top, fallback: fallback)
        let jurisdictions = Set(types.map(\.jurisdiction) + (fallback.map { [$0] } ?? []))
        let matterTypes = types.compactMap { packs.matterType($0.type ?? "", in: $0.jurisdiction) }
        return ImportMapping(
            file: document.file, matterTypes: types, facts: facts(top),
            events: names(top, "events", what: "an event mapping", target: "event", keys: ImportMappingKeys.event) {
                packs.event($0) != nil ? nil : ("unknown event", packs.events.map(\.id), "bailiwick list events")
            },
            deadlines: names(
                top, "deadlines", what: "a deadline mapping", target: "rule", keys: ImportMappingKeys.deadline
            ) { rule in
                let known = packs.deadlines.filter { jurisdictions.contains($0.jurisdiction) }.map(\.id)
                return known.contains(rule)
                    ? nil : ("no deadline rule of the mapping's jurisdictions is", known, "bailiwick list deadlines")
            },
            forms: names(top, "forms", what: "a form mapping", target: "form", keys: ImportMappingKeys.form) { code in
                let known = matterTypes.flatMap { $0.forms.map(\.code) }
                return known.contains(code) ? nil : ("no form of the mapping's matter types is", known, nil)
            },
            roster: roster(top, jurisdictions: jurisdictions), actions: actions(top), csv: csv(top))
    }

    func jurisdiction(_ id: Located<String>) -> String? {
        do {
            return try packs.resolveJurisdiction(id.value).id
        } catch {
            diagnostics.error(id.location, error.description)
            return nil
        }
    }

    func matterTypes(_ top: MappingReader, fallback: String?) -> [ImportMapping.MatterTypeRule] {
        var rules: [ImportMapping.MatterTypeRule] = []
        let keys = ImportMappingKeys.matterType
        for entry in entries(top, "matter-types", what: "a matter-type mapping", keys: keys) {
            let practiceArea = entry.text("practice-area", required: false)
            let field = entry.text("field", required: false)
            let value = entry.text("value", required: false)
            if (field == nil) != (value == nil) {
                diagnostics.error(entry.location, "'field' and 'value' go together: the custom field and its value")
            }
            if practiceArea == nil && field == nil {
                diagnostics.error(entry.location, "a matter-type mapping needs 'practice-area' or 'field' to match on")
            }
            let place = entry.id("jurisdiction", required: false).flatMap(jurisdiction) ?? fallback
            guard let place else {
                diagnostics.error(entry.location, "a matter-type mapping needs 'jurisdiction' (here or at the top)")
                continue
            }
            var area = entry.id("area", required: false)
            var typeID: String?
            if let type = entry.id("type", required: false) {
                guard let found = packs.matterType(type.value, in: place) else {
                    diagnostics.error(
                        type.location,
                        Suggestions.message(
                            "unknown matter type '\(type.value)' in \(place)", for: type.value,
                            in: packs.matterTypes(in: place).map(\.id),
                            listedBy: "bailiwick list matter-types --jurisdiction \(place)"))
                    continue
                }
                typeID = found.id
                if let given = area, given.value != found.area {
                    diagnostics.error(given.location, "the \(found.id) matter type's area is \(found.area)")
                }
                area = Located(value: found.area, location: type.location)
            } else if let given = area, packs.area(given.value) == nil {
                diagnostics.error(
                    given.location,
                    Suggestions.message(
                        "unknown practice area '\(given.value)'", for: given.value,
                        in: packs.areas(applicableIn: place).map(\.id),
                        listedBy: "bailiwick list areas --jurisdiction \(place)"))
                continue
            }
            guard let area else {
                diagnostics.error(entry.location, "a matter-type mapping needs 'type' (or, for scope only, 'area')")
                continue
            }
            rules.append(
                .init(
                    practiceArea: practiceArea?.value,
                    field: field.flatMap { f in value.map { (name: f.value, value: $0.value) } },
                    jurisdiction: place, type: typeID, area: area.value, location: entry.location))
        }
        return rules
    }

    /// Custom fields as facts. A `values` entry's target is read as a matter file's fact value is
    /// (the same reader), so a word the fact cannot take is an error here, at its line.
    func facts(_ top: MappingReader) -> [ImportMapping.FactRule] {
        var rules: [ImportMapping.FactRule] = []
        let values = MatterReader(document: document, packs: packs, diagnostics: diagnostics)
        for entry in entries(top, "facts", what: "a fact mapping", keys: ImportMappingKeys.fact) {
            let field = entry.text("field")
            guard let id = entry.id("fact", allowDots: true) else { continue }
            guard let fact = packs.facts.first(where: { $0.id == id.value }) else {
                diagnostics.error(
                    id.location,
                    Suggestions.message(
                        "unknown fact '\(id.value)'", for: id.value, in: packs.facts.map(\.id),
                        listedBy: "bailiwick list facts"))
                continue
            }
            var translated: [(from: String, to: FactValue)] = []
            if let table = entry.mapping("values", what: "the field's values (its word: the fact's value)") {
                for key in table.keys {
                    guard let node = table.node(key), let value = values.factValue(node, for: fact) else { continue }
                    translated.append((key, value))
                }
            }
            guard let field else { continue }
            rules.append(.init(field: field.value, fact: fact, values: translated, location: entry.location))
        }
        return rules
    }

    /// Name-to-id entries; `unknown` says what is wrong with an id (nil: it is known).
    func names(
        _ top: MappingReader, _ key: String, what: String, target: String, keys: [String],
        unknown: (String) -> (message: String, known: [String], listedBy: String?)?
    ) -> [ImportMapping.NameRule] {
        var rules: [ImportMapping.NameRule] = []
        var seen: [String: SourceLocation] = [:]
        for entry in entries(top, key, what: what, keys: keys) {
            let name = entry.text("name")
            let id = target == "form" ? entry.freeID(target) : entry.id(target)
            guard let name, let id else { continue }
            if let problem = unknown(id.value) {
                diagnostics.error(
                    id.location,
                    Suggestions.message(
                        "\(problem.message) '\(id.value)'", for: id.value, in: problem.known,
                        listedBy: problem.listedBy))
                continue
            }
            let normal = name.value.lowercased()
            if let first = seen[normal] {
                diagnostics.error(name.location, "a second mapping for the same name (the first is at \(first))")
                continue
            }
            seen[normal] = name.location
            rules.append(.init(name: name.value, target: id.value, location: entry.location))
        }
        return rules
    }

    func roster(_ top: MappingReader, jurisdictions: Set<String>) -> [ImportMapping.RosterEntry] {
        var people: [ImportMapping.RosterEntry] = []
        var seen: [String: SourceLocation] = [:]
        for entry in entries(top, "people", what: "a person of the roster", keys: ImportMappingKeys.person) {
            let user = entry.text("user", required: false)
            let userName = entry.text("user-name", required: false)
            if user == nil && userName == nil {
                diagnostics.error(entry.location, "a person of the roster needs 'user' (an id) or 'user-name'")
            }
            let id = entry.id("id")
            let role = entry.choice("role", Person.Role.self)
            if let role, ![.technician, .attorney, .other].contains(role.value) {
                diagnostics.error(role.location, "a person of the roster is a technician, attorney or other")
            }
            let name = entry.text("name", required: false)
            let from = entry.date("licensed-from")
            let until = entry.date("licensed-until")
            if let from, let until, until.value < from.value {
                diagnostics.error(until.location, "'licensed-until' is before 'licensed-from'")
            }
            var license: Located<String>?
            if let given = entry.id("license", required: false) {
                let known = jurisdictions.sorted().flatMap { packs.licenses(in: $0).map(\.key.id) }
                if known.contains(given.value) {
                    license = given
                } else {
                    diagnostics.error(
                        given.location,
                        Suggestions.message(
                            "no jurisdiction of the mapping has a licence '\(given.value)'", for: given.value,
                            in: Set(known).sorted(), listedBy: "bailiwick list licenses"))
                }
            }
            let areas = entry.list("areas", required: false)
            for area in areas ?? [] where packs.area(area.value) == nil {
                diagnostics.error(
                    area.location,
                    Suggestions.message(
                        "unknown practice area '\(area.value)'", for: area.value, in: packs.areas.map(\.id),
                        listedBy: "bailiwick list areas"))
            }
            guard let id, let role else { continue }
            if let first = seen[id.value] {
                diagnostics.error(id.location, "a second person with id '\(id.value)' (the first is at \(first))")
                continue
            }
            seen[id.value] = id.location
            people.append(
                .init(
                    user: user?.value, userName: userName?.value, id: id.value, role: role.value, name: name?.value,
                    license: license?.value, licensedFrom: from?.value, licensedUntil: until?.value,
                    areas: areas?.map(\.value), location: entry.location))
        }
        return people
    }

    func actions(_ top: MappingReader) -> [ImportMapping.ActionRule] {
        var rules: [ImportMapping.ActionRule] = []
        for entry in entries(top, "actions", what: "an action mapping", keys: ImportMappingKeys.action) {
            let activity = entry.text("activity", required: false)
            let task = entry.text("task", required: false)
            let description = entry.text("description", required: false)
            let timekeeper = entry.text("timekeeper", required: false)
            if activity == nil && task == nil && description == nil && timekeeper == nil {
                diagnostics.error(
                    entry.location,
                    "an action mapping needs something to match: 'activity', 'task', 'description' or 'timekeeper'")
            }
            guard let action = entry.id("action") else { continue }
            guard packs.action(action.value) != nil else {
                diagnostics.error(
                    action.location,
                    Suggestions.message(
                        "unknown action '\(action.value)'", for: action.value, in: packs.actions.map(\.id),
                        listedBy: "bailiwick list actions"))
                continue
            }
            rules.append(
                .init(
                    activityCode: activity?.value, taskCode: task?.value, description: description?.value,
                    timekeeper: timekeeper?.value, action: action.value, location: entry.location))
        }
        return rules
    }

    func csv(_ top: MappingReader) -> ImportMapping.CSVColumns? {
        guard let entry = top.mapping("csv", what: "the CSV columns") else { return nil }
        entry.rejectUnknownKeys(allowed: ImportMappingKeys.csv, listing: true)
        let rows = entry.choice("rows", ImportMapping.CSVColumns.Rows.self)
        let dates = entry.choice("dates", ImportMapping.CSVColumns.DateOrder.self, required: false)
        var columns: [String: String] = [:]
        if let table = entry.mapping("columns", what: "the CSV columns (role: column name)", required: true) {
            table.rejectUnknownKeys(allowed: ImportMapping.CSVColumns.roles, listing: true)
            for role in ImportMapping.CSVColumns.roles {
                if let name = table.text(role, required: false) { columns[role] = name.value }
            }
            if columns["id"] == nil { table.missing("id") }
            if rows?.value == .event && (columns["event"] == nil || columns["date"] == nil) {
                diagnostics.error(table.location, "rows of events need the 'event' and 'date' columns")
            }
            if rows?.value == .timeEntry && columns["date"] == nil {
                diagnostics.error(table.location, "rows of time entries need the 'date' column")
            }
        }
        let fields = entry.list("fields", required: false, allowEmpty: true)?.map(\.value) ?? []
        guard let rows else { return nil }
        return .init(
            rows: rows.value, dates: dates?.value ?? .iso, columns: columns, fields: fields, location: entry.location)
    }
}
