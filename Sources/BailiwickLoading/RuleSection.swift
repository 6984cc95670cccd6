import Bailiwick

/// A rule's `exception-to` ids, resolved once every rule is known.
struct PendingExceptions {
    let ruleIndex: Int
    let targets: [Located<String>]
}

extension PackSetBuilder {
    static let ruleKeys = PackFileKeys.rule

    func readRules(_ section: Section, checker: ConditionTypeChecker) -> [PendingExceptions] {
        var pending: [PendingExceptions] = []
        for reader in items(of: section, what: "rule") {
            reader.rejectUnknownKeys(allowed: Self.ruleKeys)
            let id = reader.id("id")
            let summary = reader.text("summary")
            let effect = reader.choice("effect", Effect.self)
            let licenseKeys = readRuleLicenses(reader, jurisdiction: section.jurisdiction)
            let actionScope = readActionScope(reader)
            let areaIDs = reader.list("areas", required: false).map {
                resolve($0, kind: "practice area", known: areas.map(\.id))
            }
            let when = reader.node("when").flatMap {
                condition($0, key: "when", in: section.document, checker: checker)
            }
            let requires = readRequirements(reader, document: section.document, checker: checker)
            let from = reader.date("from")
            let until = reader.date("until")
            let citation = readCitation(reader, jurisdiction: section.jurisdiction)
            let exceptionTo = reader.list("exception-to", required: false) ?? []
            let evidence = readEvidence(reader, status: citation?.status, jurisdiction: section.jurisdiction)
            if case .failed = evidence { continue }
            guard let id, let summary, let effect, let licenseKeys, let actionScope, let citation else { continue }
            if case .some(.none) = areaIDs { continue }
            if reader.node("when") != nil && when == nil { continue }
            guard let requires else { continue }
            if effect.value == .forbid, let requiresNode = reader.node("requires") {
                diagnostics.error(
                    section.document.location(of: requiresNode),
                    "a forbid rule cannot have 'requires'; use 'when' for where it applies")
                continue
            }
            if let from, let until, until.value < from.value {
                diagnostics.error(until.location, "'until' \(until.value) is before 'from' \(from.value)")
                continue
            }
            guard define("rule", id) else { continue }
            pending.append(PendingExceptions(ruleIndex: rules.count, targets: exceptionTo))
            rules.append(
                ScopeRule(
                    id: id.value, summary: summary.value, effect: effect.value, jurisdiction: section.jurisdiction,
                    licenses: licenseKeys, actions: actionScope, areas: areaIDs ?? nil, when: when, requires: requires,
                    exceptionTo: exceptionTo.map(\.value),
                    period: EffectivePeriod(from: from?.value, until: until?.value),
                    citation: citation, remedy: reader.text("remedy", required: false)?.value,
                    note: reader.text("note", required: false)?.value, location: id.location,
                    evidence: evidence.value
                ))
        }
        return pending
    }

    /// Licence ids: the jurisdiction's own licences, or the shared ones.
    private func readRuleLicenses(_ reader: MappingReader, jurisdiction: String?) -> [LicenseKey]? {
        guard let ids = reader.list("licenses") else { return nil }
        let own = licenses.filter { $0.key.jurisdiction == jurisdiction && jurisdiction != nil }
        let shared = licenses.filter { $0.key.jurisdiction == nil }
        var keys: [LicenseKey] = []
        var ok = true
        for id in ids {
            if let license = own.first(where: { $0.key.id == id.value })
                ?? shared.first(where: { $0.key.id == id.value })
            {
                keys.append(license.key)
            } else {
                let known = (own + shared).map(\.key.id)
                let place = jurisdiction.map { " in \($0)" } ?? " among the shared licences"
                diagnostics.error(
                    id.location, Suggestions.message("unknown licence '\(id.value)'\(place)", for: id.value, in: known))
                ok = false
            }
        }
        return ok ? keys : nil
    }

    private func readActionScope(_ reader: MappingReader) -> ActionScope? {
        guard let ids = reader.list("actions") else { return nil }
        if ids.count == 1, ids[0].value == "all" { return .all }
        return resolve(ids, kind: "action", known: actions.map(\.id)).map { .only($0) }
    }

    /// `requires:` items: a condition string, or `{condition, description}`. nil when any is wrong.
    private func readRequirements(_ reader: MappingReader, document: YAMLDocument, checker: ConditionTypeChecker)
        -> [Requirement]?
    {
        guard let items = reader.sequence("requires") else {
            if let node = reader.node("requires"), document.isScalar(node),
                let condition = condition(node, key: "requires", in: document, checker: checker)
            {
                return [Requirement(condition: condition, description: nil)]
            }
            return reader.node("requires") == nil ? [] : nil
        }
        var requirements: [Requirement] = []
        var ok = true
        for item in items {
            if document.isScalar(item) {
                if let condition = condition(item, key: "requires", in: document, checker: checker) {
                    requirements.append(Requirement(condition: condition, description: nil))
                } else {
                    ok = false
                }
                continue
            }
            guard let entry = MappingReader(item, what: "a requirement", in: document, diagnostics: diagnostics) else {
                ok = false
                continue
            }
            entry.rejectUnknownKeys(allowed: ["condition", "description"])
            let description = entry.text("description", required: false)
            guard let node = entry.node("condition") else {
                diagnostics.error(entry.location, "a requirement is missing the required key 'condition'")
                ok = false
                continue
            }
            guard let condition = condition(node, key: "condition", in: document, checker: checker) else {
                ok = false
                continue
            }
            requirements.append(Requirement(condition: condition, description: description?.value))
        }
        return ok ? requirements : nil
    }

    /// Compiles a condition scalar, pointing errors at the right column inside it.
    func condition(_ node: Node, key: String, in document: YAMLDocument, checker: ConditionTypeChecker) -> Condition? {
        guard let scalar = document.scalar(node) else {
            diagnostics.error(document.location(of: node), "'\(key)' must be a condition written as text")
            return nil
        }
        do {
            return try checker.compile(scalar.string)
        } catch {
            diagnostics.error(
                conditionLocation(scalar, offset: error.offset, in: document), "in condition: \(error.message)")
            return nil
        }
    }

    /// Maps an offset inside a condition to the file: exact for conditions written on one line,
    /// the start of the value otherwise.
    private func conditionLocation(_ scalar: Node.Scalar, offset: Int, in document: YAMLDocument) -> SourceLocation {
        let start = document.location(of: scalar.node)
        guard !scalar.string.contains("\n") else { return start }
        switch scalar.style {
        case .plain:
            return SourceLocation(file: start.file, line: start.line, column: start.column + offset)
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: start.file, line: start.line, column: start.column + 1 + offset)
        default:
            return start
        }
    }

    /// Resolves `exception-to` ids and rejects cycles of exceptions.
    func resolveExceptions(_ pending: [PendingExceptions]) {
        let known = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var edges = Array(repeating: [Int](), count: rules.count)
        for entry in pending {
            let rule = rules[entry.ruleIndex]
            for target in entry.targets {
                guard let targetIndex = known[target.value] else {
                    diagnostics.error(
                        target.location,
                        Suggestions.message(
                            "unknown rule '\(target.value)' in 'exception-to'",
                            for: target.value, in: known.keys))
                    continue
                }
                let targetRule = rules[targetIndex]
                if targetRule.jurisdiction != nil && targetRule.jurisdiction != rule.jurisdiction {
                    diagnostics.error(
                        target.location,
                        "rule '\(rule.id)' cannot be an exception to '\(target.value)', a rule of another jurisdiction "
                            + "(\(targetRule.jurisdiction!))"
                    )
                    continue
                }
                edges[entry.ruleIndex].append(targetIndex)
            }
        }
        // Depth-first search; a back edge closes a cycle.
        var state = Array(repeating: 0, count: rules.count) // 0 new, 1 on the path, 2 done
        var path: [Int] = []
        var reported = Set<Int>()
        func visit(_ node: Int) {
            state[node] = 1
            path.append(node)
            for next in edges[node] {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    let cycle = path[start...] + [next]
                    if reported.insert(next).inserted {
                        diagnostics.error(
                            rules[node].location ?? SourceLocation(file: "?", line: 1, column: 1),
                            "exceptions form a cycle: " + cycle.map { rules[$0].id }.joined(separator: " → "))
                    }
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            path.removeLast()
            state[node] = 2
        }
        for node in rules.indices where state[node] == 0 { visit(node) }
    }
}
