import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick list`: what the packs hold.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List jurisdictions, licences, actions, practice areas, facts, rules, events or deadlines.",
        discussion: """
        Examples:
          bailiwick list actions
          bailiwick list licenses --jurisdiction us-wa
          bailiwick list rules --jurisdiction us-wa --unverified
          bailiwick list deadlines --jurisdiction us-wa
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case jurisdictions, licenses, actions, areas, facts, rules, events, deadlines
    }

    @Argument(help: "What to list: jurisdictions, licenses, actions, areas, facts, rules, events or deadlines.")
    var kind: Kind

    @Option(name: [.customShort("j"), .long], help: "Only what applies in this jurisdiction (licences and rules).")
    var jurisdiction: String?

    @Flag(help: "Rules only: list just those not resting on the rule's own text (primary).")
    var unverified = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load()
        if let jurisdiction, packs.jurisdiction(jurisdiction) == nil {
            throw Console.invalidInput(QueryError(.jurisdiction, jurisdiction, candidates: packs.jurisdictions.map(\.id)).description)
        }
        let rows: [(columns: [String], json: JSONValue)]
        switch kind {
        case .jurisdictions:
            rows = packs.jurisdictions.map { item in
                ([item.id, item.name, "reviewed \(item.reviewed)"],
                 .object([("id", .string(item.id)), ("name", .string(item.name)), ("country", .string(item.country)),
                          ("reviewed", .string(item.reviewed.description))]))
            }
        case .licenses:
            let licenses = jurisdiction.map { packs.licenses(in: $0) } ?? packs.licenses
            rows = licenses.map { item in
                ([item.key.id, item.key.jurisdiction ?? "shared", item.title], RuleJSON.license(item))
            }
        case .actions:
            rows = packs.actions.map { item in
                ([item.id, item.description],
                 .object([("id", .string(item.id)), ("title", .string(item.title)), ("description", .string(item.description))]))
            }
        case .areas:
            rows = packs.areas.map { item in
                ([item.id, item.title],
                 .object([("id", .string(item.id)), ("title", .string(item.title)), ("description", .string(item.description))]))
            }
        case .facts:
            rows = packs.facts.map { item in
                ([item.id, item.type.rawValue, item.description],
                 .object([("id", .string(item.id)), ("type", .string(item.type.rawValue)), ("description", .string(item.description)),
                          ("values", item.allowedValues.map(JSONValue.strings) ?? .null)]))
            }
        case .rules:
            var rules = packs.rules.filter { rule in
                jurisdiction.map { rule.jurisdiction == $0 || rule.jurisdiction == nil } ?? true
            }
            if unverified { rules = rules.filter { $0.citation.status != .primary } }
            rows = rules.map { rule in
                ([rule.id, rule.effect.rawValue, rule.citation.status.rawValue, rule.citation.text], RuleJSON.rule(rule, packs: packs))
            }
        case .events:
            rows = packs.events.map { item in
                ([item.id, item.description],
                 .object([("id", .string(item.id)), ("name", .string(item.name)), ("description", .string(item.description))]))
            }
        case .deadlines:
            let deadlines = jurisdiction.map { packs.deadlines(in: $0) } ?? packs.deadlines
            rows = deadlines.map { rule in
                let relation = rule.direction == .after ? "after" : "before"
                return ([rule.jurisdiction, rule.id, "\(rule.period) \(relation) \(rule.trigger)", rule.citation.text],
                        .object([("jurisdiction", .string(rule.jurisdiction)), ("id", .string(rule.id)), ("name", .string(rule.name)),
                                 ("kind", .string(rule.kind.rawValue)), ("trigger", .string(rule.trigger)),
                                 ("period", .string(rule.period.description)), ("direction", .string(rule.direction.rawValue)),
                                 ("citation", RuleJSON.citation(rule.citation)),
                                 ("variants", .strings(rule.variants.map(\.when.text)))]))
            }
        }
        switch format {
        case .json:
            try Console.print(JSONValue.object([("schema-version", 1), (kind.rawValue, .array(rows.map(\.json)))]).rendered(), terminator: "")
        case .text:
            try Console.print(TextStyle.table(rows.map(\.columns)).rendered, terminator: "")
        }
    }

}
