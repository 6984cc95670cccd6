import Bailiwick

/// `deadlines --format json` (schema-version 1; see docs/json-output.md).
public enum DeadlineJSON {
    public static func render(_ items: [DeadlineItem]) -> String {
        JSONValue.object([
            ("schema-version", 1),
            ("deadlines", .array(items.map(object))),
            ("disclaimer", .string(DecisionText.disclaimer)),
        ]).rendered()
    }

    public static func object(_ item: DeadlineItem) -> JSONValue {
        let version = item.computed.version
        var members: [(String, JSONValue)] = [
            ("title", .string(item.title)),
            ("jurisdiction", .string(item.jurisdiction)),
            ("rule", .optional(item.ruleID)),
            ("kind", .string(item.kind.rawValue)),
            ("trigger", .optional(item.triggerEvent)),
            ("trigger-date", .string(item.triggerDate.description)),
            ("period", .string(item.period.description)),
            ("direction", .string(item.direction.rawValue)),
            ("date", .string(item.computed.date.description)),
            ("time", .optional(item.computed.time?.description)),
            ("citation", item.citation.map(PackJSON.citation) ?? .null),
            ("in-force", item.inForcePeriod.map(PackJSON.period) ?? .null),
            (
                "time-rule",
                .object([
                    ("id", .string(item.computed.timeRule.id)),
                    ("name", .string(item.computed.timeRule.name)),
                    ("in-force", PackJSON.period(version.period)),
                    ("citation", PackJSON.citation(version.citation)),
                ])
            ),
            ("trace", .array(item.computed.trace.map(TraceJSON.object))),
            (
                "alternatives",
                .array(
                    item.alternatives.map { alternative in
                        .object([
                            ("when", .string(alternative.label)), ("trigger", .optional(alternative.trigger)),
                            ("unknown-facts", .strings(alternative.unknownFacts)),
                            ("date", .optional(alternative.date?.description)),
                            ("citation", .optional(alternative.citation)),
                        ])
                    })
            ),
            ("weakest-source", .string(item.weakestSource.rawValue)),
            ("notes", .strings(item.notes)),
        ]
        let warnings = item.computed.closureWarnings
        if !warnings.isEmpty, let trace = members.firstIndex(where: { $0.0 == "trace" }) {
            members.insert((ClosureWarningJSON.key, ClosureWarningJSON.value(warnings, kind: item.kind)), at: trace + 1)
        }
        return .object(members)
    }
}
