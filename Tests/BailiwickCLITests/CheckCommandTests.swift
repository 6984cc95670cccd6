import Foundation
import Testing

/// `bailiwick check`: outputs and exit codes, run as a user runs them.
struct CheckCommandTests {
    static let cleanFacts = [
        "--fact", "written-contract=true", "--fact", "client.pro-se=true",
        "--fact", "represents-other-party=false", "--fact", "issues=",
    ]

    func check(_ action: String, on date: String = "2026-03-01", _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(
            ["check", "--jurisdiction", "us-wa", "--license", "lllt", "--action", action, "--on", date] + extra)
    }

    @Test func permittedExitsZeroAndSaysWhy() throws {
        let result = try check("complete-forms", Self.cleanFacts)
        #expect(result.status == 0)
        #expect(result.stdout.contains("PERMITTED"))
        #expect(result.stdout.contains("* wa-lllt-approved-forms  permit, applies"))
        #expect(result.stdout.contains("not legal advice"))
    }

    @Test func prohibitedExitsOneWithTheRemedy() throws {
        let result = try check("appear-in-court", Self.cleanFacts)
        #expect(result.status == 1)
        #expect(result.stdout.contains("PROHIBITED"))
        #expect(result.stdout.contains("What to do: Refer court representation to a Washington lawyer"))
    }

    @Test func notAuthorizedExitsOne() throws {
        let result = try check("represent-at-mediation", Self.cleanFacts)
        #expect(result.status == 1)
        #expect(result.stdout.contains("NOT AUTHORIZED"))
    }

    /// The first-use report's Utah case: no written contract, other facts unknown. Whatever they
    /// turn out to be, the grant is conditional on the contract, so it is out of scope (exit 1).
    @Test func anUnmetConditionWithOtherFactsUnknownIsOutOfScope() throws {
        let base = [
            "check", "-j", "us-ut", "-l", "lpp", "-a", "negotiate", "--area", "debt-collection", "--on", "2026-12-01",
        ]
        let unmet = try CLI.run(base + ["--fact", "written-contract=false"])
        #expect(unmet.status == 1)
        #expect(unmet.stdout.contains("CONDITIONAL, NOT MET: a condition below is not met"))
        let met = try CLI.run(base + ["--fact", "written-contract=true"])
        #expect(met.status == 0)
        #expect(met.stdout.contains("UNDETERMINED"))
    }

    @Test func conditionalWithUnknownsExitsZeroUnlessStrict() throws {
        let result = try check("negotiate", Self.cleanFacts)
        #expect(result.status == 0)
        #expect(result.stdout.contains("CONDITIONAL"))
        #expect(result.stdout.contains("[unknown] The client's prior written consent"))
        #expect(result.stdout.contains("--fact written-consent-to-negotiate=true|false"))
        #expect(try check("negotiate", Self.cleanFacts + ["--strict"]).status == 1)
    }

    @Test func anUnmetConditionExitsOne() throws {
        let result = try check("negotiate", Self.cleanFacts + ["--fact", "written-consent-to-negotiate=false"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CONDITIONAL, NOT MET"))
        #expect(result.stdout.contains("[unmet  ]"))
    }

    @Test func undeterminedNamesTheMissingFacts() throws {
        let result = try check("advise")
        #expect(result.status == 0)
        #expect(result.stdout.contains("UNDETERMINED"))
        #expect(result.stdout.contains("To confirm"))
        #expect(result.stdout.contains("  issues: "))
        #expect(try check("advise", on: "2026-03-01", ["--strict"]).status == 1)
    }

    @Test func jsonCarriesTheDecisionRulesConditionsAndCitations() throws {
        let result = try check("negotiate", on: "2026-03-01", Self.cleanFacts + ["--format", "json"])
        #expect(result.status == 0)
        let json = try CLI.json(result.stdout)
        #expect(json["schema-version"] as? Int == 1)
        #expect(json["decision"] as? String == "conditional")
        #expect(json["missing-facts"] as? [String] == ["written-consent-to-negotiate"])
        let conditions = try #require(json["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["status"] as? String } == ["unknown", "met", "met"])
        let citations = try #require(json["citations"] as? [[String: Any]])
        #expect(citations.map { $0["rule"] as? String } == ["wa-lllt-negotiate-with-consent"])
        #expect(citations.first?["source"] as? String == "primary")
        let rules = try #require(json["rules"] as? [[String: Any]])
        let forbid = try #require(rules.first { $0["id"] as? String == "wa-lllt-no-negotiation" })
        #expect(forbid["status"] as? String == "defeated")
        #expect(forbid["defeated-by"] as? [String] == ["wa-lllt-negotiate-with-consent"])
        #expect(json["rests-on-unverified"] as? [String] == [])
    }

    @Test func theDateDecidesWhichRulesAreInForce() throws {
        let facts = Self.cleanFacts + ["--fact", "written-consent-to-negotiate=true"]
        // APR 28(F)(13) is in force from 2019-06-04, the amendment's effective date.
        #expect(try check("negotiate", on: "2019-06-03", facts).status == 1)
        #expect(try check("negotiate", on: "2019-06-04", facts).status == 0)
    }

    @Test func typosGetASuggestionAndExitTwo() throws {
        let action = try check("negotaite")
        #expect(action.status == 2)
        #expect(action.stderr == "error: unknown action 'negotaite'; did you mean 'negotiate'?\n")
        let fact = try check("advise", on: "2026-03-01", ["--fact", "issuse=bankruptcy"])
        #expect(fact.status == 2)
        #expect(fact.stderr.contains("unknown fact 'issuse'; did you mean 'issues'?"))
        let value = try check("advise", on: "2026-03-01", ["--fact", "issues=bankrupcy"])
        #expect(value.stderr.contains("'bankrupcy' is not a value of issues; did you mean 'bankruptcy'?"))
        let jurisdiction = try CLI.run(["check", "-j", "us-wq", "-l", "lllt", "-a", "advise"])
        #expect(jurisdiction.stderr.contains("did you mean 'us-wa'?"))
        let licence = try CLI.run(["check", "-j", "us-wa", "-l", "lpp", "-a", "advise"])
        #expect(licence.status == 2)
        #expect(licence.stderr.contains("unknown licence 'lpp' in us-wa"))
    }

    @Test func badDatesAndMissingOptionsAreUsageErrors() throws {
        let date = try check("advise", on: "2026-02-30")
        #expect(date.status == 2)
        // The first line names the option and the value; the help line after it says what a date is.
        #expect(
            date.stderr.hasPrefix("Error: The value '2026-02-30' is invalid for '--on <date>': there is no such day\n"))
        #expect(date.stderr.contains("--on <date>  The date of the action, YYYY-MM-DD"))
        let missing = try CLI.run(["check", "--jurisdiction", "us-wa"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument"))
        let boolean = try check("advise", on: "2026-03-01", ["--fact", "written-contract=maybe"])
        #expect(boolean.status == 2)
        #expect(boolean.stderr.contains("it takes true or false"))
    }

    @Test func theShippedPacksAreInsideTheBinary() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("bailiwick")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let result = try CLI.run(
            ["check", "-j", "us-wa", "-l", "lllt", "-a", "appear-in-court"], executable: copy, directory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("PROHIBITED"))
    }

    @Test func helpIsClearAndExitsZero() throws {
        let help = try CLI.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--jurisdiction"))
        #expect(help.stdout.contains("Exit status: 0 permitted"))
        let top = try CLI.run(["--help"])
        for verb in ["check", "validate", "explain", "list"] { #expect(top.stdout.contains(verb)) }
    }
}
