import Bailiwick

/// Reads a matter file against the packs: every id resolved, every fact typed, every problem
/// reported with its line and column.
public enum MatterLoader {
    /// The most diagnostics kept for one matter file; the rest are counted in one more.
    public static let diagnosticLimit = 50

    public static func load(path: String, packs: PackSet) throws(DiagnosticList) -> Matter {
        let file: PackFile
        do {
            file = try PackFiles.read(path, packPath: path)
        } catch {
            throw DiagnosticList([error])
        }
        return try load(text: file.text, file: path, packs: packs)
    }

    public static func load(text: String, file: String, packs: PackSet) throws(DiagnosticList) -> Matter {
        let diagnostics = DiagnosticCollector(confidential: true, limit: diagnosticLimit)
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(text, file: file)
        } catch {
            throw DiagnosticList([error])
        }
        let reader = MatterReader(document: document, packs: packs, diagnostics: diagnostics)
        guard var matter = reader.read(document.root), !diagnostics.hasErrors else {
            throw DiagnosticList(diagnostics.diagnostics)
        }
        matter.warnings = DiagnosticList(diagnostics.diagnostics).diagnostics
        return matter
    }
}

/// The state of reading one matter: a whole file, or a matter written inside a pack test.
struct MatterReader {
    let document: YAMLDocument
    let packs: PackSet
    let diagnostics: DiagnosticCollector

    func read(_ root: Node) -> Matter? {
        guard let top = MappingReader(root, what: "a matter file", in: document, diagnostics: diagnostics) else {
            return nil
        }
        top.rejectUnknownKeys(allowed: MatterFileKeys.top, listing: true)
        let id = top.freeID("id")
        let title = top.text("title", required: false)
        let asOf = top.date("as-of")
        guard let jurisdictionID = top.id("jurisdiction") else { return nil }
        let jurisdiction: Jurisdiction
        do {
            jurisdiction = try packs.resolveJurisdiction(jurisdictionID.value)
        } catch {
            diagnostics.error(jurisdictionID.location, error.description)
            return nil
        }
        let typeID = top.id("type", required: false)
        var type: MatterType?
        if let typeID {
            // Found without gathering the jurisdiction's types: each is a large value to copy.
            type = packs.matterType(typeID.value, in: jurisdiction.id)
            if type == nil {
                let known = packs.matterTypes.filter { $0.jurisdiction == jurisdiction.id }.map(\.id)
                diagnostics.error(
                    typeID.location,
                    Suggestions.message(
                        "unknown matter type '\(typeID.value)' in \(jurisdiction.id)"
                            + (known.isEmpty ? " (its pack has none)" : ""),
                        for: typeID.value, in: known,
                        listedBy: "bailiwick list matter-types --jurisdiction \(jurisdiction.id)"))
                return nil
            }
        }
        var area = type?.area
        if type == nil && top.node("area") == nil {
            diagnostics.error(
                top.location, "a matter without a 'type' needs 'area': the practice area its actions are in")
        }
        if let given = top.id("area", required: false) {
            if packs.area(given.value) == nil {
                diagnostics.error(
                    given.location,
                    Suggestions.message(
                        "unknown practice area '\(given.value)'", for: given.value,
                        in: packs.areas(applicableIn: jurisdiction.id).map(\.id),
                        listedBy: "bailiwick list areas --jurisdiction \(jurisdiction.id)"))
            } else {
                area = given.value
            }
        }
        let people = readPeople(top, jurisdiction: jurisdiction)
        let facts = readFacts(
            top.mapping("facts", what: "the facts (id: value)"), base: FactValues(slotCount: packs.factSlotCount))
        let events = readEvents(top)
        let actions = readActions(top, people: people, facts: facts)
        let filings = readFilings(top, type: type, jurisdiction: jurisdiction.id)
        let ordered = readOrderedDeadlines(top, type: type, jurisdiction: jurisdiction.id)
        guard let id, let area else { return nil }
        var matter = Matter(
            file: document.file, id: id.value, title: title?.value, jurisdiction: jurisdiction, type: type, area: area,
            asOf: asOf?.value, people: people, facts: facts, events: events, actions: actions, filings: filings,
            typeLocation: typeID?.location ?? jurisdictionID.location)
        matter.orderedDeadlines = ordered
        return matter
    }

    /// `deadlines:`, dates set by order or stipulation: each for a deadline of the matter type, once.
    /// The note is client data: no message quotes it.
    func readOrderedDeadlines(_ top: MappingReader, type: MatterType?, jurisdiction: String) -> [OrderedDeadline] {
        guard let type else {
            if let node = top.node("deadlines") {
                diagnostics.error(
                    document.location(of: node),
                    "'deadlines' needs the matter's 'type': a deadline belongs to a matter type "
                        + "(see bailiwick list matter-types --jurisdiction \(jurisdiction))")
            }
            return []
        }
        var ordered: [OrderedDeadline] = []
        var seen: [String: SourceLocation] = [:]
        let rules = type.deadlines.map(\.rule)
        for entry in entries(top, "deadlines", what: "a deadline set by order or stipulation") {
            entry.rejectUnknownKeys(allowed: MatterFileKeys.orderedDeadline, listing: true)
            let rule = entry.id("rule")
            let due = entry.date("due", required: true)
            let by = entry.choice("by", OrderedDeadline.By.self)
            let on = entry.date("on")
            let note = entry.text("note", required: false)
            guard let rule else { continue }
            guard rules.contains(rule.value) else {
                diagnostics.error(
                    rule.location,
                    Suggestions.message(
                        "'\(rule.value)' is not a deadline of the \(type.id) matter type", for: rule.value, in: rules))
                continue
            }
            if let first = seen[rule.value] {
                diagnostics.error(
                    rule.location, "a second date for deadline '\(rule.value)' (the first is at \(first))")
                continue
            }
            seen[rule.value] = rule.location
            guard let due, let by else { continue }
            ordered.append(
                OrderedDeadline(
                    rule: rule.value, due: due.value, by: by.value, on: on?.value, note: note?.value,
                    location: entry.location))
        }
        return ordered
    }

    func entries(_ top: MappingReader, _ key: String, what: String) -> [MappingReader] {
        let nodes = top.sequence(key) ?? []
        var readers: [MappingReader] = []
        readers.reserveCapacity(nodes.count)
        for node in nodes {
            if let reader = MappingReader(node, what: what, in: document, diagnostics: diagnostics) {
                readers.append(reader)
            }
        }
        return readers
    }

    /// `areas:` of a person: the areas (or endorsements) their licence is held in, each one the
    /// licence offers. nil when none are named, or when they cannot be checked (no licence).
    func readHeldAreas(_ entry: MappingReader, license: License?) -> [String]? {
        guard let ids = entry.list("areas", required: false) else { return nil }
        guard let license else {
            diagnostics.error(ids.first?.location ?? entry.location, "'areas' needs the person's 'license'")
            return nil
        }
        let offered = license.offeredAreas(in: packs)
        var held: [String] = []
        for id in ids {
            guard offered.contains(id.value) else {
                diagnostics.error(
                    id.location,
                    Suggestions.message(
                        "the \(license.key.id) licence offers no area '\(id.value)'", for: id.value, in: offered,
                        listedBy: nil))
                continue
            }
            if !held.contains(id.value) { held.append(id.value) }
        }
        return held
    }

    func readPeople(_ top: MappingReader, jurisdiction: Jurisdiction) -> [Person] {
        var people: [Person] = []
        var seen: [String: SourceLocation] = [:]
        for entry in entries(top, "people", what: "a person") {
            entry.rejectUnknownKeys(allowed: MatterFileKeys.person, listing: true)
            let id = entry.id("id")
            let role = entry.choice("role", Person.Role.self)
            let name = entry.text("name")
            let from = entry.date("licensed-from")
            let until = entry.date("licensed-until")
            var license: License?
            if let licenseID = entry.id("license", required: false) {
                license = packs.license(licenseID.value, in: jurisdiction.id)
                if license == nil {
                    diagnostics.error(
                        licenseID.location,
                        Suggestions.message(
                            "unknown licence '\(licenseID.value)' in \(jurisdiction.id)", for: licenseID.value,
                            in: packs.licenses(in: jurisdiction.id).map(\.key.id),
                            listedBy: "bailiwick list licenses --jurisdiction \(jurisdiction.id)"))
                }
            }
            if let from, let until, until.value < from.value {
                diagnostics.error(until.location, "'licensed-until' is before 'licensed-from'")
            }
            let areas = readHeldAreas(entry, license: license)
            guard let id, let role, let name else { continue }
            if let first = seen[id.value] {
                diagnostics.error(id.location, "duplicate person id '\(id.value)' (first defined at \(first))")
                continue
            }
            seen[id.value] = id.location
            people.append(
                Person(
                    id: id.value, role: role.value, name: name.value, license: license,
                    licensedFrom: from?.value, licensedUntil: until?.value, location: entry.location, areas: areas))
        }
        return people
    }

    /// Facts typed as the packs define them, on top of `base`.
    func readFacts(_ reader: MappingReader?, base: consuming FactValues) -> FactValues {
        // Consumed: the matter's own facts are written into the empty values made for them, not a copy.
        var values = base
        guard let reader else { return values }
        // Each key is looked up by its id; the values are read in the packs' order of facts, as the
        // problems are reported.
        var given: [(index: Int, node: Node)] = []
        var unknown = false
        reader.forEachEntry { key, node in
            guard let index = packs.factPosition(key) else {
                unknown = true
                return
            }
            if let node, !given.contains(where: { $0.index == index }) {
                given.append((index, node))
            }
        }
        if unknown { reader.rejectUnknownKeys(allowed: packs.facts.map(\.id), listedBy: "bailiwick list facts") }
        given.sort { $0.index < $1.index }
        let facts = packs.facts
        for (index, node) in given {
            if let value = factValue(node, for: facts[index]) {
                values[facts[index].slot] = value
            }
        }
        return values
    }

    func factValue(_ node: Node, for fact: FactDefinition) -> FactValue? {
        let location = document.location(of: node)
        func wrong(_ expected: String) -> FactValue? {
            diagnostics.error(location, "'\(fact.id)' must be \(expected)")
            return nil
        }
        if fact.type == .list {
            guard let sequence = document.items(of: node) else { return wrong("a list: write [] for none, or [a, b]") }
            var items = Set<String>()
            for item in sequence {
                guard let scalar = document.scalar(item) else { return wrong("a list of values") }
                if let allowed = fact.allowedValues, !allowed.contains(scalar.string) {
                    // The allowed values are the pack's vocabulary, not client data: the suggestion may name them.
                    diagnostics.error(
                        document.location(of: item),
                        Suggestions.message(
                            "a value of '\(fact.id)' is not one it allows", for: scalar.string, in: allowed,
                            listedBy: "bailiwick list facts"))
                    return nil
                }
                items.insert(scalar.string)
            }
            return .list(items)
        }
        guard let scalar = document.scalar(node) else {
            return wrong("a single value, not a \(document.kindName(of: node))")
        }
        let text = scalar.string
        switch fact.type {
        case .boolean:
            guard [.untyped, .boolean].contains(scalar.kind) else {
                return wrong("true or false, not \(scalar.kind.name)")
            }
            guard let yes = ValueSyntax.boolean(text) else { return wrong(ValueSyntax.yesOrNoWords) }
            return .boolean(yes)
        case .integer:
            guard [.untyped, .integer].contains(scalar.kind) else {
                return wrong("a whole number, not \(scalar.kind.name)")
            }
            guard let number = ValueSyntax.integer(text) else { return wrong("a whole number") }
            if let allowed = fact.outOfBounds(number) { return wrong(allowed) }
            return .integer(number)
        case .date:
            switch ValueSyntax.date(text) {
            case .success(let date): return .date(date)
            case .failure(let problem): return wrong(MappingReader.dateExpected(problem))
            }
        case .string:
            if let allowed = fact.allowedValues, !allowed.contains(text) {
                diagnostics.error(
                    location,
                    Suggestions.message(
                        "the value of '\(fact.id)' is not one it allows", for: text, in: allowed,
                        listedBy: "bailiwick list facts"))
                return nil
            }
            return .string(text)
        case .list:
            return nil
        }
    }

    func readEvents(_ top: MappingReader) -> [MatterEvent] {
        let entries = entries(top, "events", what: "an event")
        var events: [MatterEvent] = []
        events.reserveCapacity(entries.count)
        for entry in entries {
            entry.rejectUnknownKeys(allowed: MatterFileKeys.event, listing: true)
            let event = entry.id("event").flatMap { id -> String? in
                guard packs.event(id.value) != nil else {
                    diagnostics.error(
                        id.location,
                        Suggestions.message(
                            "unknown event '\(id.value)'", for: id.value, in: packs.events.map(\.id),
                            listedBy: "bailiwick list events"))
                    return nil
                }
                return id.value
            }
            let date = entry.date("date", required: true)
            let method = entry.choice("method", ServiceMethod.self, required: false)
            var time: TimeOfDay?
            if let text = entry.text("time", required: false) {
                time = TimeOfDay(text.value)
                if time == nil { diagnostics.error(text.location, "'time' must be HH:MM (24-hour clock)") }
            }
            guard let event, let date else { continue }
            events.append(
                MatterEvent(event: event, date: date.value, time: time, method: method?.value, location: entry.location)
            )
        }
        return events
    }

    func readActions(_ top: MappingReader, people: [Person], facts: FactValues) -> [MatterAction] {
        let entries = entries(top, "actions", what: "an action")
        var actions: [MatterAction] = []
        actions.reserveCapacity(entries.count)
        for entry in entries {
            entry.rejectUnknownKeys(allowed: MatterFileKeys.action, listing: true)
            let person = entry.id("by").flatMap { id -> Int? in
                guard let index = people.firstIndex(where: { $0.id == id.value }) else {
                    diagnostics.error(
                        id.location,
                        Suggestions.message(
                            "unknown person '\(id.value)'", for: id.value, in: people.map(\.id), listedBy: nil,
                            all: true))
                    return nil
                }
                return index
            }
            let action = entry.id("action").flatMap { id -> Action? in
                guard let action = packs.action(id.value) else {
                    diagnostics.error(
                        id.location,
                        Suggestions.message(
                            "unknown action '\(id.value)'", for: id.value, in: packs.actions.map(\.id),
                            listedBy: "bailiwick list actions"))
                    return nil
                }
                return action
            }
            let date = entry.date("date", required: true)
            let own = readFacts(entry.mapping("facts", what: "the action's facts (id: value)"), base: facts)
            guard let person, let action, let date else { continue }
            actions.append(
                MatterAction(
                    person: person, action: action, date: date.value,
                    about: entry.text("about", required: false)?.value, facts: own, location: entry.location))
        }
        return actions
    }

    func readFilings(_ top: MappingReader, type: MatterType?, jurisdiction: String) -> [Filing] {
        var filings: [Filing] = []
        guard let type else {
            // A form is a form of a matter type: without one, a filing can be neither checked nor trusted.
            if let node = top.node("filings") {
                diagnostics.error(
                    document.location(of: node),
                    "'filings' needs the matter's 'type': forms belong to a matter type "
                        + "(see bailiwick list matter-types --jurisdiction \(jurisdiction))")
            }
            return filings
        }
        for entry in entries(top, "filings", what: "a filing") {
            entry.rejectUnknownKeys(allowed: MatterFileKeys.filing, listing: true)
            let form = entry.text("form")
            let filed = entry.date("filed")
            // A filing's service date is checked as a date but not kept: service is an event
            // (`events:`), which is what deadlines run from; matter files written before that still load.
            _ = entry.date("served")
            guard let form else { continue }
            guard type.form(form.value) != nil else {
                diagnostics.error(
                    form.location,
                    Suggestions.message(
                        "form '\(form.value)' is not a form of the \(type.id) matter type", for: form.value,
                        in: type.forms.map(\.code),
                        listedBy: "bailiwick list forms --jurisdiction \(jurisdiction) --type \(type.id)"))
                continue
            }
            filings.append(
                Filing(form: form.value, filed: filed?.value, location: entry.location))
        }
        return filings
    }
}
