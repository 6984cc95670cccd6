import Bailiwick

/// `tests`: read after the pack set is built, since tests are checked against all of it.
extension PackSetBuilder {
    func readTests(packs: PackSet) -> [PackTest] {
        var tests: [PackTest] = []
        for section in sections where section.name == "tests" {
            for reader in items(of: section, what: "pack test") {
                if let test = readTest(reader, section: section, packs: packs) { tests.append(test) }
            }
        }
        return tests
    }

    private func readTest(_ reader: MappingReader, section: Section, packs: PackSet) -> PackTest? {
        guard let name = reader.text("name") else {
            reader.rejectUnknownKeys(allowed: ["name"])
            return nil
        }
        if let matterNode = reader.node("matter") {
            reader.rejectUnknownKeys(allowed: PackFileKeys.matterTest)
            let matter = MatterReader(document: section.document, packs: packs, diagnostics: diagnostics).read(
                matterNode)
            let codes = reader.list("findings", required: false, allowEmpty: true) ?? []
            var findings: [FindingCode] = []
            for code in codes {
                guard let finding = FindingCode(rawValue: code.value) else {
                    diagnostics.error(
                        code.location,
                        Suggestions.message(
                            "unknown finding code '\(code.value)'", for: code.value,
                            in: FindingCode.allCases.map(\.rawValue)))
                    continue
                }
                findings.append(finding)
            }
            let closures = reader.list("unconfirmed-closures", required: false, allowEmpty: true).map { list in
                list.compactMap { day -> CivilDate? in
                    guard case .success(let date) = ValueSyntax.date(day.value) else {
                        diagnostics.error(
                            day.location, "'\(day.value)' must be a date (YYYY-MM-DD) of an unconfirmed closure")
                        return nil
                    }
                    return date
                }
            }
            guard let matter else { return nil }
            guard matter.asOf != nil else {
                diagnostics.error(
                    reader.location,
                    "a matter in a test needs its 'as-of' date, so the test gives the same result every day")
                return nil
            }
            return PackTest(
                name: name.value, jurisdiction: matter.jurisdiction.id, location: reader.location,
                check: .matter(matter, findings: findings, closures: closures))
        }
        reader.rejectUnknownKeys(allowed: PackFileKeys.scopeTest)
        let jurisdiction = section.jurisdiction ?? reader.id("jurisdiction")?.value
        if section.jurisdiction == nil && jurisdiction == nil { return nil }
        guard let jurisdiction else { return nil }
        do {
            _ = try packs.resolveJurisdiction(jurisdiction)
        } catch {
            diagnostics.error(reader.location, error.description)
            return nil
        }
        let license = reader.id("license")
        let action = reader.id("action")
        let area = reader.id("area", required: false)
        let date = reader.date("on", required: true)
        let expect = reader.choice("expect", ScopeDecision.Kind.self)
        let rules = reader.list("rules", required: false, allowEmpty: true)
        if let rules {
            for rule in rules where packs.rule(rule.value) == nil {
                diagnostics.error(
                    rule.location,
                    Suggestions.message("unknown rule '\(rule.value)'", for: rule.value, in: packs.rules.map(\.id)))
            }
        }
        let matterReader = MatterReader(document: section.document, packs: packs, diagnostics: diagnostics)
        let facts = matterReader.readFacts(
            reader.mapping("facts", what: "the test's facts (id: value)"),
            base: FactValues(slotCount: packs.factSlotCount))
        guard let license, let action, let date, let expect else { return nil }
        do {
            let query = try ScopeQuery(
                in: packs, jurisdiction: jurisdiction, license: license.value, action: action.value,
                area: area?.value, date: date.value, facts: facts)
            return PackTest(
                name: name.value, jurisdiction: jurisdiction, location: reader.location,
                check: .scope(query, expect: expect.value, rules: rules?.map(\.value)))
        } catch {
            let place: SourceLocation
            switch error.kind {
            case .license: place = license.location
            case .action: place = action.location
            case .area: place = area?.location ?? reader.location
            default: place = reader.location
            }
            diagnostics.error(place, error.description)
            return nil
        }
    }
}
