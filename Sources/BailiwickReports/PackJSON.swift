import Bailiwick

/// The JSON form of each pack entity, written in one place so that `list`, `explain`, `validate`,
/// `/v1/packs`, `/v1/packs/{jurisdiction}` and the error bodies give each entity one shape. A key
/// is the one the pack files use for the field. Every writer emits every key, null when the pack
/// leaves it out. docs/json-output.md lists the keys, and a test holds it to these writers.
public enum PackJSON {
    public static func citation(_ citation: Citation) -> JSONValue {
        .object([
            ("text", .string(citation.text)), ("source", .string(citation.status.rawValue)),
            ("meaning", .string(SourceLevelText.meaning(citation.status))), ("sources", .strings(citation.sourceKeys)),
        ])
    }

    /// A citation's members, as `citation` has them, written in place: a report that writes many
    /// findings writes this rather than build each citation's value.
    static func writeCitation(_ citation: Citation, to writer: inout JSONWriter) {
        writer.member("text", citation.text)
        writer.member("source", citation.status.rawValue)
        writer.member("meaning", SourceLevelText.meaning(citation.status))
        writer.member("sources", strings: citation.sourceKeys)
    }

    /// A rule's evidence, with the title and version of the source it names; null when it has none.
    public static func evidence(of rule: ScopeRule, packs: PackSet) -> JSONValue {
        guard let evidence = rule.evidence else { return .null }
        let source = SourceLevelText.source(of: evidence, rule: rule, packs: packs)
        return .object([
            ("source", .string(evidence.sourceKey)), ("source-title", .optional(source?.title)),
            ("source-version", .optional(source?.version)), ("pinpoint", .string(evidence.pinpoint)),
            ("read", .string(evidence.read.description)), ("words", .string(evidence.words)),
        ])
    }

    /// How many of a pack's own scope rules stand at each level.
    public static func levels(_ levels: SourceLevelCounts) -> JSONValue {
        .object(levels.counts.map { ($0.level.rawValue, .number($0.count)) })
    }

    public static func period(_ period: EffectivePeriod) -> JSONValue {
        .object([("from", .optional(period.from?.description)), ("until", .optional(period.until?.description))])
    }

    public static func actions(_ scope: ActionScope) -> JSONValue {
        switch scope {
        case .all: "all"
        case .only(let ids): .strings(ids)
        }
    }

    public static func areas(_ scope: AreaScope) -> JSONValue {
        switch scope {
        case .any: "any"
        case .only(let ids): .strings(ids)
        }
    }

    public static func action(_ action: Action) -> JSONValue {
        .object([
            ("id", .string(action.id)), ("title", .string(action.title)),
            ("description", .string(action.description)),
        ])
    }

    public static func area(_ area: PracticeArea) -> JSONValue {
        .object([("id", .string(area.id)), ("title", .string(area.title)), ("description", .string(area.description))])
    }

    public static func fact(_ fact: FactDefinition) -> JSONValue {
        .object([
            ("id", .string(fact.id)), ("type", .string(fact.type.rawValue)),
            ("description", .string(fact.description)),
            ("values", fact.allowedValues.map(JSONValue.strings) ?? .null),
        ])
    }

    public static func event(_ event: Event) -> JSONValue {
        .object([
            ("id", .string(event.id)), ("name", .string(event.name)),
            ("description", .string(event.description)),
        ])
    }

    /// A problem in a pack or matter file. The loaders word messages so that they name places and
    /// keys, never a matter's values, so this is safe to return to any client.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.location.file)), ("line", .number(diagnostic.location.line)),
            ("column", .number(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.message)),
        ])
    }
}
