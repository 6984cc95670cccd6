import Bailiwick

/// `check --format json`. The schema is documented in docs/json-output.md; bump
/// `schemaVersion` on any incompatible change.
public enum DecisionJSONReport {
    public static let schemaVersion = 1

    public static func render(_ decision: ScopeDecision, packs: PackSet) -> String {
        let query = decision.query
        let givenFacts: [(String, JSONValue)] = query.facts.givenSlots.map { slot in
            (packs.facts[slot].id, value(query.facts[slot]!))
        }
        let parameters: [JSONValue] = decision.parametersUsed.map { use in
            .object([
                ("id", .string(use.parameter.id)), ("value", use.value.map { value($0.value) } ?? .null),
                ("unit", .optional(use.parameter.unit)), ("from", .optional(use.value?.from.description)),
                ("citation", .optional(use.value?.citation.text)),
                ("source", .optional(use.value?.citation.status.rawValue)),
            ])
        }
        let rules: [JSONValue] = decision.rules.map { outcome in
            .object([
                ("id", .string(outcome.rule.id)),
                ("effect", .string(outcome.rule.effect.rawValue)),
                ("status", .string(outcome.status.rawValue)),
                ("decisive", .bool(outcome.decisive)),
                ("defeated-by", .strings(outcome.defeatedBy)),
                ("may-be-defeated-by", .strings(outcome.mayBeDefeatedBy)),
                ("unknown-facts", .strings(outcome.unknownFacts.map(\.name))),
                ("summary", .string(outcome.rule.summary)),
                ("when", .optional(outcome.rule.when?.text)),
                ("in-force", PackJSON.period(outcome.rule.period)),
                ("citation", PackJSON.citation(outcome.rule.citation)),
                ("evidence", PackJSON.evidence(of: outcome.rule, packs: packs)),
                ("remedy", .optional(outcome.rule.remedy)),
            ])
        }
        let document: JSONValue = .object([
            ("schema-version", .number(schemaVersion)),
            ("decision", .string(decision.kind.rawValue)),
            ("out-of-scope", .bool(decision.isOutOfScope)),
            ("if-uncertain-forbids-do-not-apply", .optional(decision.otherwise?.rawValue)),
            (
                "query",
                .object([
                    ("jurisdiction", .string(query.jurisdiction.id)),
                    ("license", .string(query.license.key.id)),
                    ("action", .string(query.action.id)),
                    ("area", .optional(decision.area)),
                    ("area-assumed", .bool(decision.areaAssumed)),
                    ("holds", query.heldAreas.map(JSONValue.strings) ?? .null),
                    ("date", .string(query.date.description)),
                    ("facts", .object(givenFacts)),
                ])
            ),
            ("license-finding", licenseFinding(decision.licenseFinding)),
            (
                "conditions",
                .array(
                    decision.requirements.map { outcome in
                        .object([
                            ("rule", .string(outcome.ruleID)),
                            ("condition", .string(outcome.requirement.condition.text)),
                            ("description", .optional(outcome.requirement.description)),
                            ("status", .string(DecisionText.conditionStatus(outcome.truth))),
                            ("unknown-facts", .strings(outcome.unknownFacts)),
                        ])
                    })
            ),
            ("missing-facts", .strings(decision.missingFacts.map(\.name))),
            ("rules", .array(rules)),
            (
                "citations",
                .array(
                    decision.decisiveRules.map { outcome in
                        .object([
                            ("rule", .string(outcome.rule.id)), ("text", .string(outcome.rule.citation.text)),
                            ("source", .string(outcome.rule.citation.status.rawValue)),
                            ("meaning", .string(SourceLevelText.meaning(outcome.rule.citation.status))),
                        ])
                    })
            ),
            (
                "facts-read",
                .array(
                    decision.factsRead.map { fact in
                        .object([("id", .string(fact.id)), ("value", fact.value.map(value) ?? .null)])
                    })
            ),
            ("parameters", .array(parameters)),
            ("rests-on-unverified", .strings(decision.weaklySourcedRules.map(\.id))),
            ("notes", .strings(decision.notes.map { DecisionText.note($0, in: decision) })),
            ("disclaimer", .string(DecisionText.disclaimer)),
        ])
        return document.rendered()
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
