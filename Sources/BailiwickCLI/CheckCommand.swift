import ArgumentParser
import Bailiwick
import BailiwickReports
import Foundation

/// `bailiwick check`: may this licence take this action, in this matter, on this date?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Decide whether a licence permits an action, with the rules and citations behind the answer.",
        discussion: """
            The decision is one of: permitted, conditional (granted if the listed conditions hold), \
            prohibited (a rule forbids it), not-authorized (nothing grants it), undetermined (it depends \
            on facts not given; they are named).

            Exit status: 0 permitted, or conditional/undetermined with nothing shown unmet; \
            1 prohibited, not-authorized, or a condition the facts show unmet; 2 invalid input. \
            With --strict, conditional and undetermined also exit 1.

            Example:
              bailiwick check --jurisdiction us-wa --license lllt --action negotiate \\
                --on 2026-03-01 --fact written-consent-to-negotiate=true
            """
    )

    @Option(name: [.customShort("j"), .long], help: "Jurisdiction id (us, us-wa, …).")
    var jurisdiction: String

    @Option(name: [.customShort("l"), .long], help: "Licence id (lllt, paralegal, …).")
    var license: String

    @Option(
        name: [.customShort("a"), .long], help: "Action id (negotiate, file-document, …); see 'bailiwick list actions'."
    )
    var action: String

    @Option(
        help:
            "The matter's practice area (family, landlord-tenant, …). May be left out when the licence covers one area."
    )
    var area: String?

    @Option(
        help: ArgumentHelp(
            "The areas (or endorsements) the licence is held in, comma-separated: --holds family,debt-collection. "
                + "Left out: every area the licence offers.",
            valueName: "areas"))
    var holds: [String] = []

    @Option(
        help: ArgumentHelp("The date of the action, YYYY-MM-DD (default: today in UTC).", valueName: "date"),
        transform: DateArgument.parse)
    var on: DateArgument?

    @Option(
        name: .customLong("fact"),
        help: ArgumentHelp(
            "A matter fact, id=value (repeatable): --fact written-contract=true, --fact "
                + "issues=bankruptcy,business-entity, --fact issues= (none). See 'bailiwick list facts'.",
            valueName: "id=value"))
    var facts: [String] = []

    @Flag(help: "Exit 1 unless the answer is a definite yes: conditional and undetermined count as out of scope.")
    var strict = false

    @Flag(
        help: """
            Ask, one at a time on standard input, for each fact whose value could change the answer, \
            until it is settled (an empty answer or end of input stops asking).
            """)
    var interactive = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        var decision: ScopeDecision
        var request: CheckRequest
        do throws(RequestError) {
            request = CheckRequest(
                jurisdiction: jurisdiction, license: license, action: action, area: area,
                date: on?.date ?? .todayUTC, facts: try FactArguments.pairs(facts), holds: holds)
            decision = try request.decide(in: packs)
        } catch {
            throw Console.invalidInput(error)
        }
        while interactive, let fact = FactQuestion.next(for: decision, in: packs) {
            guard let answer = FactPrompt.ask(fact) else { break }
            request.facts.append((fact.id, answer.text))
            do throws(RequestError) {
                decision = try request.decide(in: packs)
            } catch {
                throw Console.invalidInput(error)
            }
        }
        switch format {
        case .text:
            try Console.print(
                DecisionText(decision: decision, packs: packs, style: .standardOutput).render(), terminator: "")
        case .json: try Console.print(DecisionJSONReport.render(decision, packs: packs), terminator: "")
        }
        let definite = decision.kind == .permitted
        if decision.isOutOfScope || (strict && !definite) {
            throw ExitStatus.findings.code
        }
    }
}
