import Bailiwick

/// `check --format json`. The schema is documented in docs/json-output.md; bump
/// `schemaVersion` on any incompatible change.
public enum DecisionJSONReport {
    public static let schemaVersion = 1

    public static func render(_ decision: ScopeDecision, packs: PackSet) -> String {
        String(decoding: document(decision, packs: packs), as: UTF8.self)
    }

    /// The report as UTF-8 bytes. With `parts` made for the same packs, each rule's unchanging members
    /// are copied from them instead of written again; the bytes are the same either way.
    public static func document(_ decision: ScopeDecision, packs: PackSet, parts: DecisionJSONParts? = nil) -> [UInt8] {
        // A decision with its rules' evidence is 15 to 20 KB: reserved at once, the text is not copied as it grows.
        var writer = JSONWriter(capacity: 32 << 10)
        write(decision, packs: packs, parts: parts, to: &writer)
        return writer.document()
    }

    static func write(_ decision: ScopeDecision, packs: PackSet, parts: DecisionJSONParts?, to writer: inout JSONWriter)
    {
        let query = decision.query
        // Each of the decision's lists, read alone, evaluates its rules again: the explanation works them out together.
        let explanation = decision.explanation
        let rules = explanation.rules
        let decisiveRules = explanation.decisiveRules
        writer.object { writer in
            writer.member("schema-version", schemaVersion)
            writer.member("decision", decision.kind.rawValue)
            writer.member("out-of-scope", decision.isOutOfScope)
            writer.member("if-uncertain-forbids-do-not-apply", decision.otherwise?.rawValue)
            writer.member(
                "query",
                object: { writer in
                    writer.member("jurisdiction", query.jurisdiction.id)
                    writer.member("license", query.license.key.id)
                    writer.member("action", query.action.id)
                    writer.member("area", decision.area)
                    writer.member("area-assumed", decision.areaAssumed)
                    writer.key("holds")
                    if let held = query.heldAreas { writer.strings(held) } else { writer.null() }
                    writer.member("date", query.date.description)
                    writer.member(
                        "facts",
                        object: { writer in
                            for slot in query.facts.givenSlots {
                                writer.member(packs.facts[slot].id, value(query.facts[slot]!))
                            }
                        })
                })
            writer.member("license-finding", licenseFinding(decision.licenseFinding))
            writer.member(
                "conditions",
                array: { writer in
                    for outcome in explanation.requirements {
                        writer.object { writer in
                            if let parts = parts?[outcome.rule] {
                                writer.append(parts.requirements[outcome.index])
                            } else {
                                requirementText(outcome.index, of: outcome.rule, to: &writer)
                            }
                            writer.member("status", DecisionText.conditionStatus(outcome.truth))
                            writer.member("unknown-facts", strings: outcome.unknownFacts)
                        }
                    }
                })
            writer.member("missing-facts", strings: explanation.missingFacts.lazy.map(\.name))
            writer.member(
                "rules",
                array: { writer in
                    for outcome in rules { rule(outcome, packs: packs, parts: parts?[outcome.rule], to: &writer) }
                })
            writer.member(
                "citations",
                array: { writer in
                    for outcome in decisiveRules {
                        if let parts = parts?[outcome.rule] {
                            writer.append(parts.citation)
                        } else {
                            citation(of: outcome.rule, to: &writer)
                        }
                    }
                })
            writer.member(
                "facts-read",
                array: { writer in
                    for fact in explanation.factsRead {
                        writer.object { writer in
                            writer.member("id", fact.id)
                            writer.member("value", fact.value.map(value) ?? .null)
                        }
                    }
                })
            writer.member(
                "parameters",
                array: { writer in
                    for use in explanation.parametersUsed {
                        writer.object { writer in
                            writer.member("id", use.parameter.id)
                            writer.member("value", use.value.map { value($0.value) } ?? .null)
                            writer.member("unit", use.parameter.unit)
                            writer.member("from", use.value?.from.description)
                            writer.member("citation", use.value?.citation.text)
                            writer.member("source", use.value?.citation.status.rawValue)
                        }
                    }
                })
            writer.member("rests-on-unverified", strings: explanation.weaklySourcedRules.lazy.map(\.id))
            writer.member(
                "notes",
                array: { writer in
                    for note in explanation.notes {
                        if let item = parts?.note(note, license: query.license) {
                            writer.append(item)
                        } else {
                            writer.string(DecisionText.note(note, in: decision))
                        }
                    }
                })
            writer.member("disclaimer", DecisionText.disclaimer)
        }
    }

    private static func rule(
        _ outcome: RuleOutcome, packs: PackSet, parts: DecisionJSONParts.RuleParts?, to writer: inout JSONWriter
    ) {
        writer.object { writer in
            if let parts { writer.append(parts.head) } else { ruleHead(outcome.rule, to: &writer) }
            writer.member("status", outcome.status.rawValue)
            writer.member("decisive", outcome.decisive)
            writer.member("defeated-by", strings: outcome.defeatedBy)
            writer.member("may-be-defeated-by", strings: outcome.mayBeDefeatedBy)
            writer.member("unknown-facts", strings: outcome.unknownFacts.lazy.map(\.name))
            if let parts {
                writer.append(parts.text)
            } else {
                ruleText(outcome.rule, packs: packs, to: &writer)
            }
        }
    }

    /// A rule's first members in `rules`.
    static func ruleHead(_ rule: ScopeRule, to writer: inout JSONWriter) {
        writer.member("id", rule.id)
        writer.member("effect", rule.effect.rawValue)
    }

    /// A requirement's members in `conditions` that are the same in every decision.
    static func requirementText(_ index: Int, of rule: ScopeRule, to writer: inout JSONWriter) {
        let requirement = rule.requires[index]
        writer.member("rule", rule.id)
        writer.member("condition", requirement.condition.text)
        writer.member("description", requirement.description)
    }

    /// A rule's members in `rules` that are the same in every decision: from its summary to its remedy.
    static func ruleText(_ rule: ScopeRule, packs: PackSet, to writer: inout JSONWriter) {
        writer.member("summary", rule.summary)
        writer.member("when", rule.when?.text)
        writer.member("in-force", PackJSON.period(rule.period))
        writer.member("citation", PackJSON.citation(rule.citation))
        writer.member("evidence", PackJSON.evidence(of: rule, packs: packs))
        writer.member("remedy", rule.remedy)
    }

    /// A decisive rule's entry in `citations`.
    static func citation(of rule: ScopeRule, to writer: inout JSONWriter) {
        writer.object { writer in
            writer.member("rule", rule.id)
            writer.member("text", rule.citation.text)
            writer.member("source", rule.citation.status.rawValue)
            writer.member("meaning", SourceLevelText.meaning(rule.citation.status))
        }
    }

    public static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .boolean(let flag): .bool(flag)
        case .integer(let number): .number(number)
        case .string(let text): .string(text)
        case .date(let date): .string(date.description)
        case .list(let items): .strings(items.sorted())
        }
    }

    public static func licenseFinding(_ finding: LicenseFinding?) -> JSONValue {
        switch finding {
        case nil: .null
        case .notInForce(let period):
            .object([("kind", "license-not-in-force"), ("valid", PackJSON.period(period))])
        case .areaNotCovered(let area, let covered):
            .object([("kind", "area-not-covered"), ("area", .string(area)), ("covered", .strings(covered))])
        case .areaNotHeld(let area, let held):
            .object([("kind", "area-not-held"), ("area", .string(area)), ("held", .strings(held))])
        case .areaNotGiven(let covered):
            .object([("kind", "area-not-given"), ("covered", .strings(covered))])
        }
    }
}
