import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick explain RULE-ID`: a rule in plain language, with its citation and relations.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Show a rule in plain language: what it says, its citation, source status, effective period and "
            + "exceptions.",
        discussion: "Example: bailiwick explain wa-lllt-negotiate-with-consent"
    )

    @Argument(help: "A rule id; see 'bailiwick list rules'.")
    var ruleID: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load()
        guard let rule = packs.rule(ruleID) else {
            throw Console.invalidInput(QueryError(.rule, ruleID, candidates: packs.rules.map(\.id)).description)
        }
        switch format {
        case .json: try Console.print(PackJSON.rule(rule, packs: packs).rendered(), terminator: "")
        case .text:
            try Console.print(
                RuleText(rule: rule, packs: packs, style: .standardOutput, showsLocation: packOptions.areFiles)
                    .render(), terminator: "")
        }
    }
}
