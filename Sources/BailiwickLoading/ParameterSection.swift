import Bailiwick

extension PackSetBuilder {
    static let parameterKeys = PackFileKeys.parameter
    static let parameterValueKeys = ["from", "value", "citation", "source", "sources", "note"]
    /// A parameter holds a figure a fact is compared with: a number or a date.
    static let parameterTypes: [FactType] = [.integer, .date]

    /// `parameters:` in a jurisdiction's files: named figures with effective-dated values.
    func readParameters(_ section: Section) {
        guard let jurisdiction = section.jurisdiction else { return }
        for reader in items(of: section, what: "parameter") {
            reader.rejectUnknownKeys(allowed: Self.parameterKeys)
            let id = reader.id("id")
            let description = reader.text("description")
            let unit = reader.text("unit", required: false)
            let type = reader.choice("type", FactType.self)
            if let type, !Self.parameterTypes.contains(type.value) {
                diagnostics.error(
                    type.location, "a parameter's 'type' must be integer or date, not '\(type.value.rawValue)'")
                continue
            }
            guard let id, let description, let type else { continue }
            guard let values = readParameterValues(reader, type: type.value, jurisdiction: jurisdiction) else {
                continue
            }
            guard define("parameter", id, scope: jurisdiction) else { continue }
            parameters[jurisdiction, default: [:]][id.value] = Parameter(
                id: id.value, jurisdiction: jurisdiction, description: description.value, type: type.value,
                unit: unit?.value, values: values)
        }
    }

    private func readParameterValues(_ reader: MappingReader, type: FactType, jurisdiction: String)
        -> [ParameterValue]?
    {
        guard let items = reader.sequence("values", required: true) else { return nil }
        guard !items.isEmpty else {
            diagnostics.error(reader.location, "a parameter needs at least one dated value in 'values'")
            return nil
        }
        var values: [ParameterValue] = []
        var starts: [CivilDate: SourceLocation] = [:]
        var ok = true
        for item in items {
            guard
                let entry = MappingReader(
                    item, what: "a parameter value", in: reader.document, diagnostics: diagnostics)
            else {
                ok = false
                continue
            }
            entry.rejectUnknownKeys(allowed: Self.parameterValueKeys)
            let from = entry.date("from", required: true)
            let value: FactValue?
            switch type {
            case .date: value = entry.date("value", required: true).map { .date($0.value) }
            default: value = entry.integer("value", required: true, in: Int.min...Int.max).map { .integer($0.value) }
            }
            let citation = readCitation(entry, jurisdiction: jurisdiction)
            guard let from, let value, let citation else {
                ok = false
                continue
            }
            if let first = starts[from.value] {
                diagnostics.error(from.location, "two values start on \(from.value) (the first at \(first))")
                ok = false
                continue
            }
            starts[from.value] = from.location
            values.append(
                ParameterValue(
                    from: from.value, value: value, citation: citation,
                    note: entry.text("note", required: false)?.value))
        }
        return ok ? values : nil
    }

    /// A rule may read a parameter only on days the parameter has a value: from the rule's
    /// start (or its licences' start) on. Values hold until the next, so only the start can fall
    /// outside.
    func checkParameterCoverage() {
        for rule in rules {
            let conditions = (rule.when.map { [$0] } ?? []) + rule.requires.map(\.condition)
            var seen = Set<String>()
            for parameter in conditions.flatMap(\.parameters) where seen.insert(parameter.id).inserted {
                guard let first = parameter.firstDate, let location = rule.location else { continue }
                let start = rule.period.from ?? earliestValidity(of: rule)
                if let start, first <= start { continue }
                let from = start.map { "in force from \($0)" } ?? "in force with no start date"
                diagnostics.error(
                    location,
                    "rule '\(rule.id)' is \(from), but parameter '\(ConditionTypeChecker.parameterPrefix)"
                        + "\(parameter.id)' has values only from \(first): "
                        + "give the parameter a value from the rule's start, or give the rule a later 'from'")
            }
        }
    }

    /// When the first of a rule's licences began; nil when one has no start.
    private func earliestValidity(of rule: ScopeRule) -> CivilDate? {
        var earliest: CivilDate?
        for key in rule.licenses {
            guard let from = licenses.first(where: { $0.key == key })?.validity.from else { return nil }
            earliest = earliest.map { min($0, from) } ?? from
        }
        return earliest
    }
}
