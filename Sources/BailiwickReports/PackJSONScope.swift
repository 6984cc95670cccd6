import Bailiwick

/// Licences and scope rules.
extension PackJSON {
    public static func license(_ license: License) -> JSONValue {
        .object([
            ("id", .string(license.key.id)),
            ("jurisdiction", .optional(license.key.jurisdiction)),
            ("countries", .strings(license.countries)),
            ("title", .string(license.title)),
            ("governing-rule", .string(license.governingRule)),
            ("areas", areas(license.areas)),
            ("valid", period(license.validity)),
            ("admissions-until", .optional(license.admissionsUntil?.description)),
            ("citation", citation(license.citation)),
            ("note", .optional(license.note)),
        ])
    }

    public static func rule(_ rule: ScopeRule, packs: PackSet) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("jurisdiction", .optional(rule.jurisdiction)),
            ("summary", .string(rule.summary)),
            ("effect", .string(rule.effect.rawValue)),
            ("licenses", .strings(rule.licenses.map(\.id))),
            ("actions", actions(rule.actions)),
            ("areas", rule.areas.map(JSONValue.strings) ?? .null),
            ("when", .optional(rule.when?.text)),
            (
                "requires",
                .array(
                    rule.requires.map { requirement in
                        .object([
                            ("condition", .string(requirement.condition.text)),
                            ("description", .optional(requirement.description)),
                        ])
                    })
            ),
            ("exception-to", .strings(rule.exceptionTo)),
            ("exceptions", .strings(packs.exceptions(to: rule.id).map(\.id))),
            ("in-force", period(rule.period)),
            ("citation", citation(rule.citation)),
            ("evidence", evidence(of: rule, packs: packs)),
            ("remedy", .optional(rule.remedy)),
            ("note", .optional(rule.note)),
        ])
    }
}
