import Bailiwick

/// `matter-types`: required forms, deadlines, waiting periods and follow-ups of a kind of case.
extension PackSetBuilder {
    func readMatterTypes(_ section: Section, checker: ConditionTypeChecker) {
        guard let jurisdiction = section.jurisdiction else { return }
        let deadlineIDs = deadlines.filter { $0.jurisdiction == jurisdiction }.map(\.id)
        for reader in items(of: section, what: "matter type") {
            reader.rejectUnknownKeys(allowed: PackFileKeys.matterType)
            let id = reader.id("id")
            let name = reader.text("name")
            let area = reader.id("area").flatMap { resolve([$0], kind: "practice area", known: areas.map(\.id))?.first }
            let citation = readCitation(reader, jurisdiction: jurisdiction)
            let matterDeadlines = (reader.sequence("deadlines") ?? []).compactMap {
                readMatterDeadline(
                    $0, in: section.document, jurisdiction: jurisdiction, deadlineIDs: deadlineIDs, checker: checker)
            }
            let dueDeadlines = matterDeadlines.map(\.rule)
            var codes = Set<String>()
            var forms: [RequiredForm] = []
            for node in reader.sequence("forms") ?? [] {
                guard
                    let form = readForm(
                        node, in: section.document, jurisdiction: jurisdiction, deadlines: dueDeadlines,
                        checker: checker)
                else { continue }
                if !codes.insert(form.value.code).inserted {
                    diagnostics.error(form.location, "form '\(form.value.code)' is listed twice")
                    continue
                }
                forms.append(form.value)
            }
            for deadline in matterDeadlines {
                if case .form(let code)? = deadline.metBy, !codes.contains(code) {
                    diagnostics.error(
                        reader.location,
                        Suggestions.message(
                            "deadline '\(deadline.rule)' is met by form '\(code)', which the matter type does not list",
                            for: code, in: codes))
                }
            }
            let followUps = (reader.sequence("follow-ups") ?? []).compactMap {
                readFollowUp(
                    $0, in: section.document, jurisdiction: jurisdiction, deadlines: dueDeadlines, checker: checker)
            }
            guard let id, define("matter type", id, scope: jurisdiction), let name, let area, let citation else {
                continue
            }
            matterTypes.append(
                MatterType(
                    id: id.value, jurisdiction: jurisdiction, name: name.value, area: area,
                    citation: citation, note: reader.text("note", required: false)?.value,
                    forms: forms, deadlines: matterDeadlines, followUps: followUps))
        }
    }

    private func optionalCondition(_ reader: MappingReader, document: YAMLDocument, checker: ConditionTypeChecker) -> (
        ok: Bool, condition: Condition?
    ) {
        guard let node = reader.node("when") else { return (true, nil) }
        let condition = condition(node, key: "when", in: document, checker: checker)
        return (condition != nil, condition)
    }

    private func readForm(
        _ node: Node, in document: YAMLDocument, jurisdiction: String, deadlines: [String],
        checker: ConditionTypeChecker
    ) -> Located<RequiredForm>? {
        guard let entry = MappingReader(node, what: "a form", in: document, diagnostics: diagnostics) else {
            return nil
        }
        entry.rejectUnknownKeys(allowed: [
            "code", "name", "required", "when", "due", "citation", "source", "sources", "note",
        ])
        let code = entry.freeID("code")
        let name = entry.text("name")
        let required = entry.boolean("required")?.value ?? true
        let when = optionalCondition(entry, document: document, checker: checker)
        let due = readDue(entry, deadlines: deadlines)
        let citation = readCitation(entry, jurisdiction: jurisdiction)
        guard let code, let name, when.ok, due.ok, let citation else { return nil }
        return Located(
            value: RequiredForm(
                code: code.value, name: name.value, required: required, when: when.condition,
                due: due.value, citation: citation, note: entry.text("note", required: false)?.value),
            location: code.location)
    }

    /// `due: {event: id}` or `due: {deadline: id}`.
    private func readDue(_ reader: MappingReader, deadlines: [String]) -> (ok: Bool, value: DueBy?) {
        guard let spec = reader.mapping("due", what: "a due date ({event: id} or {deadline: id})") else {
            return (reader.node("due") == nil, nil)
        }
        spec.rejectUnknownKeys(allowed: ["event", "deadline"])
        guard spec.keys.count == 1 else {
            diagnostics.error(spec.location, "'due' is either {event: id} or {deadline: id}")
            return (false, nil)
        }
        if let event = spec.id("event", required: false) {
            guard let id = resolve([event], kind: "event", known: events.map(\.id))?.first else { return (false, nil) }
            return (true, .event(id))
        }
        if let deadline = spec.id("deadline", required: false) {
            guard let id = resolve([deadline], kind: "deadline of this matter type", known: deadlines)?.first else {
                return (false, nil)
            }
            return (true, .deadline(id))
        }
        return (false, nil)
    }

    private func readMatterDeadline(
        _ node: Node, in document: YAMLDocument, jurisdiction: String, deadlineIDs: [String],
        checker: ConditionTypeChecker
    ) -> MatterDeadline? {
        guard let entry = MappingReader(node, what: "a matter-type deadline", in: document, diagnostics: diagnostics)
        else { return nil }
        entry.rejectUnknownKeys(allowed: ["rule", "when", "met-by", "guards"])
        let rule = entry.id("rule").flatMap {
            resolve([$0], kind: "deadline rule of \(jurisdiction)", known: deadlineIDs)?.first
        }
        let when = optionalCondition(entry, document: document, checker: checker)
        var metBy: MatterDeadline.MetBy?
        var ok = true
        if let spec = entry.mapping("met-by", what: "what meets a deadline ({form: code} or {event: id})") {
            spec.rejectUnknownKeys(allowed: ["form", "event"])
            if let form = spec.text("form", required: false) {
                metBy = .form(form.value)
            } else if let event = spec.id("event", required: false) {
                if let id = resolve([event], kind: "event", known: events.map(\.id))?.first {
                    metBy = .event(id)
                } else {
                    ok = false
                }
            } else {
                diagnostics.error(spec.location, "'met-by' is either {form: code} or {event: id}")
                ok = false
            }
        }
        let guards = entry.id("guards", required: false)
        var guarded: String?
        if let guards {
            if let id = resolve([guards], kind: "event", known: events.map(\.id))?.first {
                guarded = id
            } else {
                ok = false
            }
        }
        guard let rule, when.ok, ok else { return nil }
        let kind = deadlines.first { $0.jurisdiction == jurisdiction && $0.id == rule }?.kind
        if guarded != nil && kind != .waitingPeriod {
            diagnostics.error(entry.location, "'guards' is for waiting periods; '\(rule)' is a deadline (use 'met-by')")
            return nil
        }
        if metBy != nil && kind == .waitingPeriod {
            diagnostics.error(
                entry.location, "'\(rule)' is a waiting period: name the event it guards with 'guards', not 'met-by'")
            return nil
        }
        return MatterDeadline(rule: rule, when: when.condition, metBy: metBy, guards: guarded)
    }

    private func readFollowUp(
        _ node: Node, in document: YAMLDocument, jurisdiction: String, deadlines: [String],
        checker: ConditionTypeChecker
    ) -> FollowUp? {
        guard let entry = MappingReader(node, what: "a follow-up", in: document, diagnostics: diagnostics) else {
            return nil
        }
        entry.rejectUnknownKeys(allowed: ["text", "when", "due", "citation", "source", "sources"])
        let text = entry.text("text")
        let when = optionalCondition(entry, document: document, checker: checker)
        let due = readDue(entry, deadlines: deadlines)
        let citation = readCitation(entry, jurisdiction: jurisdiction)
        guard let text, when.ok, due.ok, let citation else { return nil }
        return FollowUp(text: text.value, when: when.condition, due: due.value, citation: citation)
    }
}
