import Bailiwick

/// The shared vocabulary: actions, practice areas and facts.
extension PackSetBuilder {
    /// Entries of the form `{id, <nameKey>, description}`. An entry with a valid id is kept even
    /// when its other keys are wrong, so that its users do not report it as unknown: the errors
    /// already stop the load.
    func namedEntries(_ section: Section, what: String, kind: String, nameKey: String, keys: [String])
        -> [(id: String, name: String, description: String)]
    {
        items(of: section, what: what).compactMap { reader in
            reader.rejectUnknownKeys(allowed: keys)
            let name = reader.text(nameKey)
            let description = reader.text("description")
            guard let id = reader.id("id"), define(kind, id) else { return nil }
            return (id.value, name?.value ?? "", description?.value ?? "")
        }
    }

    func readActions(_ section: Section) {
        for entry in namedEntries(section, what: "action", kind: "action", nameKey: "title", keys: PackFileKeys.action)
        {
            actions.append(
                Action(id: entry.id, title: entry.name, description: entry.description, index: actions.count))
        }
    }

    func readAreas(_ section: Section) {
        for entry in namedEntries(
            section, what: "practice area", kind: "area", nameKey: "title", keys: PackFileKeys.area)
        {
            areas.append(PracticeArea(id: entry.id, title: entry.name, description: entry.description))
        }
    }

    func readFacts(_ section: Section) {
        for reader in items(of: section, what: "fact") {
            reader.rejectUnknownKeys(allowed: PackFileKeys.fact)
            let type = reader.choice("type", FactType.self)
            let values = reader.list("values", required: false)
            let minimum = reader.integer("minimum", in: Int.min...Int.max)
            let maximum = reader.integer("maximum", in: Int.min...Int.max)
            let problem = reader.boolean("problem")
            guard let id = reader.id("id", allowDots: true), let type, let description = reader.text("description")
            else {
                continue
            }
            if let values, type.value != .string && type.value != .list {
                diagnostics.error(
                    values.first?.location ?? reader.location, "only string and list facts can list their 'values'")
                continue
            }
            // Wrong bounds are reported but the fact is kept, so its users do not report it as unknown.
            var bounds = (minimum: minimum?.value, maximum: maximum?.value)
            if let bound = minimum ?? maximum, type.value != .integer {
                diagnostics.error(bound.location, "only integer facts can have a 'minimum' or a 'maximum'")
                bounds = (nil, nil)
            } else if let minimum, let maximum, minimum.value > maximum.value {
                diagnostics.error(
                    maximum.location,
                    "the 'maximum' of '\(id.value)' is below its 'minimum' (\(minimum.value))")
                bounds = (nil, nil)
            }
            // A wrong 'problem' is reported but the fact is kept, as for bounds.
            if let problem, type.value != .boolean {
                diagnostics.error(problem.location, "only boolean facts can be a 'problem'")
            }
            let isProblem = type.value == .boolean && problem?.value == true
            if ["area", "true", "false", "and", "or", "not", "in", "contains-any"].contains(id.value) {
                diagnostics.error(id.location, "'\(id.value)' is a reserved word and cannot name a fact")
                continue
            }
            guard define("fact", id) else { continue }
            facts.append(
                FactDefinition(
                    id: id.value, type: type.value, description: description.value,
                    allowedValues: values?.map(\.value), slot: facts.count,
                    minimum: bounds.minimum, maximum: bounds.maximum, isProblem: isProblem))
        }
    }

    /// One `jurisdiction:` section per folder, named like the folder.
    func readJurisdictions() {
        var found = Set<String>()
        for section in sections where section.name == "jurisdiction" {
            guard let folder = section.jurisdiction,
                let reader = MappingReader(
                    section.node, what: "the jurisdiction", in: section.document, diagnostics: diagnostics)
            else { continue }
            reader.rejectUnknownKeys(allowed: PackFileKeys.jurisdiction)
            guard let id = reader.id("id"), let name = reader.text("name"), let country = reader.id("country"),
                let reviewed = reader.date("reviewed", required: true)
            else { continue }
            guard id.value == folder else {
                diagnostics.error(
                    id.location, "the jurisdiction id '\(id.value)' must match its folder name '\(folder)'")
                continue
            }
            guard found.insert(folder).inserted else {
                diagnostics.error(reader.location, "jurisdiction '\(folder)' is described twice")
                continue
            }
            let sources = reader.node("sources").map { readSources($0, in: section.document, scope: folder) } ?? []
            jurisdictions.append(
                Jurisdiction(
                    id: id.value, name: name.value, country: country.value,
                    reviewed: reviewed.value, sources: sources))
        }
        for (folder, file) in folders.sorted(by: { $0.key < $1.key }) where !found.contains(folder) {
            diagnostics.error(
                SourceLocation(file: file.displayPath, line: 1, column: 1),
                "no file in Jurisdictions/\(folder)/ has a 'jurisdiction:' section")
        }
    }

    /// The source keys a rule or licence may cite: its jurisdiction's, or the shared ones.
    func sourceKeys(for jurisdiction: String?) -> [String] {
        guard let jurisdiction else { return sharedSources.map(\.key) }
        return jurisdictions.first { $0.id == jurisdiction }?.sources.map(\.key) ?? []
    }

    /// Reads `citation`, `source` and `sources`, shared by licences and rules.
    func readCitation(_ reader: MappingReader, jurisdiction: String?) -> Citation? {
        let text = reader.text("citation")
        let status = reader.choice("source", SourceStatus.self)
        let keys = reader.list("sources", required: false).flatMap {
            resolve($0, kind: "source", known: sourceKeys(for: jurisdiction))
        }
        guard let text, let status else { return nil }
        return Citation(text: text.value, status: status.value, sourceKeys: keys ?? [])
    }
}
