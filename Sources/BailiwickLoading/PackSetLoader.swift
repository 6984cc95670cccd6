import Bailiwick

/// Turns pack files into a checked `PackSet`, reporting every problem in every file at once.
public enum PackSetLoader {
    public static func load(_ files: [PackFile]) throws(DiagnosticList) -> PackSet {
        try loadWithTests(files, readingTests: false).packs
    }

    /// Loads the packs and the tests they carry (`bailiwick test`, `bailiwick validate`).
    public static func loadWithTests(_ files: [PackFile]) throws(DiagnosticList) -> (packs: PackSet, tests: [PackTest])
    {
        try loadWithTests(files, readingTests: true)
    }

    private static func loadWithTests(_ files: [PackFile], readingTests: Bool) throws(DiagnosticList) -> (
        packs: PackSet, tests: [PackTest]
    ) {
        let builder = PackSetBuilder()
        builder.read(files.sorted { $0.packPath < $1.packPath })
        // Build even after errors in some files, so that one run reports the problems of all.
        guard var packs = builder.build() else { throw DiagnosticList(builder.diagnostics.diagnostics) }
        let tests = readingTests ? builder.readTests(packs: packs) : []
        guard !builder.diagnostics.hasErrors else { throw DiagnosticList(builder.diagnostics.diagnostics) }
        packs.warnings = DiagnosticList(builder.diagnostics.diagnostics).diagnostics
        return (packs, tests)
    }
}

/// A top-level section of a pack file, waiting to be read in dependency order.
struct Section {
    let name: String
    let node: Node
    let document: YAMLDocument
    /// The jurisdiction folder of the file, or nil for `Rules/`.
    let jurisdiction: String?
}

/// The state of one load: sections gathered from every file, then read in dependency order
/// (catalogs, then jurisdictions and licences, then rules, which refer to all the rest).
final class PackSetBuilder {
    let diagnostics = DiagnosticCollector()
    var sections: [Section] = []
    var folders: [String: PackFile] = [:]

    var actions: [Action] = []
    var areas: [PracticeArea] = []
    var facts: [FactDefinition] = []
    var jurisdictions: [Jurisdiction] = []
    var sharedSources: [SourceDocument] = []
    var licenses: [License] = []
    var rules: [ScopeRule] = []
    /// Each jurisdiction's parameters, by id.
    var parameters: [String: [String: Parameter]] = [:]
    var events: [Event] = []
    var calendars: [CourtCalendar] = []
    var timeRules: [TimeRule] = []
    var deadlines: [DeadlineRule] = []
    var matterTypes: [MatterType] = []
    /// Where each id was first defined, to report duplicates against it.
    var definitions: [String: SourceLocation] = [:]

    static let sharedSections = PackFileKeys.sharedSections
    static let jurisdictionSections = PackFileKeys.jurisdictionSections

    func read(_ files: [PackFile]) {
        for file in files {
            let start = SourceLocation(file: file.displayPath, line: 1, column: 1)
            let parts = file.packPath.split(separator: "/")
            let jurisdiction = file.jurisdictionFolder
            guard parts.first == "Rules" || jurisdiction != nil else {
                diagnostics.error(start, "a pack file must sit under Rules/ or Jurisdictions/<id>/")
                continue
            }
            if let jurisdiction, folders[jurisdiction] == nil { folders[jurisdiction] = file }
            let document: YAMLDocument
            do {
                document = try YAMLDocument.parse(file.text, file: file.displayPath)
            } catch {
                diagnostics.add(error)
                continue
            }
            guard let top = MappingReader(document.root, what: "a pack file", in: document, diagnostics: diagnostics)
            else {
                continue
            }
            let allowed = jurisdiction == nil ? Self.sharedSections : Self.jurisdictionSections
            top.rejectUnknownKeys(allowed: allowed)
            for name in top.keys where allowed.contains(name) {
                guard let node = top.node(name) else { continue }
                sections.append(Section(name: name, node: node, document: document, jurisdiction: jurisdiction))
            }
        }
    }

    func build() -> PackSet? {
        for section in sections where section.name == "actions" { readActions(section) }
        for section in sections where section.name == "areas" { readAreas(section) }
        for section in sections where section.name == "facts" { readFacts(section) }
        for section in sections where section.name == "events" { readEvents(section) }
        for section in sections where section.name == "sources" {
            sharedSources += readSources(section.node, in: section.document, scope: "")
        }
        readJurisdictions()
        for section in sections where section.name == "licenses" { readLicenses(section) }
        let checker = ConditionTypeChecker(
            facts: Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            parametersUnavailable: "parameters can be read only in scope rules' 'when' and 'requires'")
        for section in sections where section.name == "parameters" { readParameters(section) }
        var pending: [PendingExceptions] = []
        for section in sections where section.name == "rules" {
            let own = section.jurisdiction.map { checker.with(parameters: parameters[$0] ?? [:]) }
            let shared = ConditionTypeChecker(
                facts: checker.facts, parametersUnavailable: "shared rules cannot read a jurisdiction's parameters")
            pending += readRules(section, checker: own ?? shared)
        }
        resolveExceptions(pending)
        checkParameterCoverage()
        for section in sections where section.name == "calendar" { readCalendar(section) }
        for section in sections where section.name == "time-rules" { readTimeRules(section) }
        for section in sections where section.name == "deadlines" { readDeadlines(section, checker: checker) }
        checkTimelines()
        for section in sections where section.name == "matter-types" { readMatterTypes(section, checker: checker) }
        guard !diagnostics.hasErrors else { return nil }
        return PackSet(
            actions: actions, areas: areas, facts: facts, jurisdictions: jurisdictions,
            licenses: licenses, rules: rules, events: events, calendars: calendars,
            timeRules: timeRules, deadlines: deadlines, matterTypes: matterTypes)
    }

    /// Reads the items of a list section, one mapping each.
    func items(of section: Section, what: String) -> [MappingReader] {
        guard let sequence = section.document.items(of: section.node) else {
            diagnostics.error(
                section.document.location(of: section.node), "'\(section.name)' must be a list of \(what)s")
            return []
        }
        return sequence.compactMap {
            MappingReader($0, what: "a \(what)", in: section.document, diagnostics: diagnostics)
        }
    }

    /// Records an id's definition; false (after reporting) when it is already defined.
    func define(_ kind: String, _ id: Located<String>, scope: String = "") -> Bool {
        let key = "\(kind)/\(scope)/\(id.value)"
        if let first = definitions[key] {
            diagnostics.error(id.location, "duplicate \(kind) id '\(id.value)' (first defined at \(first))")
            return false
        }
        definitions[key] = id.location
        return true
    }

    /// Checks ids against the known ones, reporting each unknown one with a suggestion.
    func resolve(_ ids: [Located<String>], kind: String, known: [String]) -> [String]? {
        var resolved: [String] = []
        var ok = true
        for id in ids {
            if known.contains(id.value) {
                resolved.append(id.value)
            } else {
                diagnostics.error(
                    id.location, Suggestions.message("unknown \(kind) '\(id.value)'", for: id.value, in: known))
                ok = false
            }
        }
        return ok ? resolved : nil
    }

    func readSources(_ node: Node, in document: YAMLDocument, scope: String) -> [SourceDocument] {
        guard let sequence = document.items(of: node) else {
            diagnostics.error(document.location(of: node), "'sources' must be a list of source documents")
            return []
        }
        var sources: [SourceDocument] = []
        for item in sequence {
            guard let reader = MappingReader(item, what: "a source", in: document, diagnostics: diagnostics) else {
                continue
            }
            reader.rejectUnknownKeys(allowed: PackFileKeys.source)
            guard let key = reader.freeID("key"), let title = reader.text("title") else { continue }
            guard define("source", key, scope: scope) else { continue }
            let url = reader.text("url", required: false)
            // Shown as a link: only web addresses, never a script.
            if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
                diagnostics.error(url.location, "'url' must be a web address starting with https:// or http://")
            }
            let version = reader.text("version", required: false)
            sources.append(SourceDocument(key: key.value, title: title.value, url: url?.value, version: version?.value))
        }
        return sources
    }
}
