import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick list`: what the packs hold.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: """
            List jurisdictions, licences, actions, practice areas, facts, rules, events, deadlines, matter types \
            or forms.
            """,
        discussion: """
            Examples:
              bailiwick list actions
              bailiwick list licenses --jurisdiction us-wa
              bailiwick list rules --jurisdiction us-wa --unverified
              bailiwick list deadlines --jurisdiction us-wa
              bailiwick list forms --jurisdiction us-wa --type unlawful-detainer
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case jurisdictions, licenses, actions, areas, facts, rules, events, deadlines
        case matterTypes = "matter-types"
        case forms
    }

    @Argument(
        help: """
            What to list: jurisdictions, licenses, actions, areas, facts, rules, events, deadlines, matter-types \
            or forms (forms need --jurisdiction).
            """)
    var kind: Kind

    @Option(
        name: [.customShort("j"), .long],
        help: """
            Only what applies in this jurisdiction: its licences, the areas and facts a question there can \
            turn on, the rules of its licences, its deadlines and matter types.
            """)
    var jurisdiction: String?

    @Option(name: .customLong("type"), help: "Forms only: just the forms of this matter type.")
    var matterType: String?

    @Flag(help: "Rules only: list just those not resting on the rule's own text (primary).")
    var unverified = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load()
        if let jurisdiction { try Console.resolve(jurisdiction, in: packs) }
        if matterType != nil && kind != .forms {
            throw Console.invalidInput("--type lists the forms of a matter type: use it with 'list forms'")
        }
        let rows: [(columns: [String], json: JSONValue)]
        switch kind {
        case .jurisdictions:
            rows = packs.jurisdictions.map { item in
                let can = packs.capabilities(of: item.id).names
                let levels = SourceLevelText.counts(packs.sourceLevels(of: item.id))
                return (
                    [item.id, item.name, "reviewed \(item.reviewed)", can.isEmpty ? "-" : can.joined(separator: ", ")]
                        + levels,
                    PackJSON.jurisdiction(item, packs: packs)
                )
            }
        case .licenses:
            let licenses = jurisdiction.map { packs.licenses(in: $0) } ?? packs.licenses
            rows = licenses.map { item in
                ([item.key.id, item.key.jurisdiction ?? "shared", item.title], PackJSON.license(item))
            }
        case .actions:
            rows = packs.actions.map { item in ([item.id, item.description], PackJSON.action(item)) }
        case .areas:
            let areas = jurisdiction.map { packs.areas(applicableIn: $0) } ?? packs.areas
            rows = areas.map { item in ([item.id, item.title], PackJSON.area(item)) }
        case .facts:
            let facts = jurisdiction.map { packs.facts(applicableIn: $0) } ?? packs.facts
            rows = facts.map { item in ([item.id, item.type.rawValue, item.description], PackJSON.fact(item)) }
        case .rules:
            var rules = jurisdiction.map { packs.rules(applicableIn: $0) } ?? packs.rules
            if unverified { rules = rules.filter { $0.citation.status != .primary } }
            rows = rules.map { rule in
                (
                    [rule.id, rule.effect.rawValue, rule.citation.status.rawValue, rule.citation.text],
                    PackJSON.rule(rule, packs: packs)
                )
            }
        case .events:
            rows = packs.events.map { item in ([item.id, item.description], PackJSON.event(item)) }
        case .deadlines:
            let deadlines = jurisdiction.map { packs.deadlines(in: $0) } ?? packs.deadlines
            rows = deadlines.map { rule in
                let relation = rule.direction == .after ? "after" : "before"
                let inForce = DeadlineInForceText.phrase(rule).map { " (\($0))" } ?? ""
                return (
                    [
                        rule.jurisdiction, rule.id, "\(rule.period) \(relation) \(rule.trigger)\(inForce)",
                        rule.citation.text,
                    ],
                    PackJSON.deadline(rule)
                )
            }
        case .matterTypes:
            let types = jurisdiction.map { packs.matterTypes(in: $0) } ?? packs.matterTypes
            rows = types.map { type in ([type.jurisdiction, type.id, type.area, type.name], PackJSON.matterType(type)) }
        case .forms:
            rows = try forms(in: packs).map { item in
                ([item.type.id, item.form.code, FormText.requirement(item.form), item.form.name], PackJSON.form(item))
            }
        }
        switch format {
        case .json:
            try Console.print(
                JSONValue.object([("schema-version", 1), (kind.rawValue, .array(rows.map(\.json)))]).rendered(),
                terminator: "")
        case .text:
            try Console.print(TextStyle.table(rows.map(\.columns)).rendered, terminator: "")
        }
    }

    /// The forms `list forms` shows: a jurisdiction's, or one matter type's there.
    private func forms(in packs: PackSet) throws -> [MatterTypeForm] {
        guard let jurisdiction else {
            throw Console.invalidInput(
                "'list forms' needs --jurisdiction: a form belongs to a jurisdiction's matter type")
        }
        let id = try Console.resolve(jurisdiction, in: packs).id
        if let matterType, !packs.matterTypes(in: id).contains(where: { $0.id == matterType }) {
            let known = packs.matterTypes(in: id).map(\.id)
            throw Console.invalidInput(
                Suggestions.message(
                    "unknown matter type '\(matterType)' in \(id)" + (known.isEmpty ? " (its pack has none)" : ""),
                    for: matterType, in: known))
        }
        return packs.forms(in: id, type: matterType)
    }
}
