import Foundation
import Testing

/// One reading of yes/no, numbers and dates everywhere a value is typed (issue 18, item 6), and
/// a suggestion or a list for every id a user has to guess (item 2).
struct ValueParsingCommandTests {
    static let utahNegotiate = [
        "check", "-j", "us-ut", "-l", "lpp", "-a", "negotiate", "--area", "debt-collection", "--on", "2026-12-01",
        "--format", "json",
    ]

    /// Writes `text` as a matter file in a fresh folder and audits it (as of a fixed day); the
    /// folder is written `FOLDER` in the output, so two audits' outputs compare.
    func audit(_ text: String, _ extra: [String] = []) throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matter.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", file.path, "--as-of", "2026-04-01"] + extra)
        return CLI.Result(
            status: result.status, stdout: result.stdout.replacingOccurrences(of: folder.path, with: "FOLDER"),
            stderr: result.stderr)
    }

    static func utahMatter(contract: String, date: String = "2026-03-02") -> String {
        """
        id: UT-1
        jurisdiction: us-ut
        area: family
        people:
          - {id: lpp, role: technician, name: A B, license: lpp, licensed-from: 2026-02-15}
        facts:
          client.natural-person: true
          client.represented-by-unaffiliated-lawyer: false
          written-contract: \(contract)
        actions:
          - {by: lpp, action: set-fee, date: \(date)}
        """
    }

    @Test func yesAndNoMeanTheSameOnTheCommandLineAndInAMatterFile() throws {
        let words = try CLI.run(Self.utahNegotiate + ["--fact", "written-contract=No"])
        let booleans = try CLI.run(Self.utahNegotiate + ["--fact", "written-contract=false"])
        #expect(words.status == 1)
        #expect(words.stdout == booleans.stdout)
        let yes = try audit(Self.utahMatter(contract: "yes"), ["--format", "json"])
        let `true` = try audit(Self.utahMatter(contract: "true"), ["--format", "json"])
        #expect(yes.status == 0, "\(yes.stdout)")
        #expect(yes.stdout == `true`.stdout)
        let off = try audit(Self.utahMatter(contract: "OFF"))
        #expect(off.status == 1, "the contract is missing, so the fee agreement is out of scope")
    }

    @Test func aWordThatIsNeitherYesNorNoIsRefusedWithTheWordsThatAre() throws {
        let cli = try CLI.run(Self.utahNegotiate + ["--fact", "written-contract=maybe"])
        #expect(cli.status == 2)
        #expect(cli.stderr.contains("it takes true or false (or yes/no, on/off, 1/0)"))
        let file = try audit(Self.utahMatter(contract: "maybe"))
        #expect(file.status == 2)
        #expect(file.stdout.contains("'written-contract' must be true or false (or yes/no, on/off, 1/0)"))
        #expect(!file.stdout.contains("maybe"), "a matter file's value is the client's: never repeated")
    }

    @Test func aUSStyleDateIsRefusedWithTheISOFormSuggested() throws {
        let on = try CLI.run(["check", "-j", "us-ut", "-l", "lpp", "-a", "negotiate", "--on", "12/01/2026"])
        #expect(on.status == 2)
        #expect(
            on.stderr.contains(
                "dates are written YYYY-MM-DD; write 2026-12-01 if the month comes first, 2026-01-12 if the day does"))
        // 13 can only be the day.
        let day = try CLI.run(["deadlines", "-j", "us-ut", "--rule", "answer-to-complaint", "--from", "13/01/2027"])
        #expect(day.status == 2)
        #expect(day.stderr.contains("write 2027-01-13"))
        #expect(!day.stderr.contains("month comes first"))
        // In a matter file the date is the client's: the message says how to write it, not what it was.
        let file = try audit(Self.utahMatter(contract: "true", date: "03/02/2026"))
        #expect(file.status == 2)
        #expect(file.stdout.contains("'date' must be a date written YYYY-MM-DD (year, month, day"))
        #expect(!file.stdout.contains("2026-03-02") && !file.stdout.contains("03/02/2026"))
    }

    @Test func aFactGivenTwiceMustSayTheSameBothTimes() throws {
        let same = try CLI.run(
            Self.utahNegotiate + ["--fact", "written-contract=true", "--fact", "written-contract=yes"])
        let once = try CLI.run(Self.utahNegotiate + ["--fact", "written-contract=true"])
        #expect(same.status == once.status)
        #expect(same.stdout == once.stdout)
        let conflict = try CLI.run(
            Self.utahNegotiate + ["--fact", "client.natural-person=true", "--fact", "client.natural-person=false"])
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("client.natural-person is given twice, as 'true' and as 'false'"))
    }

    @Test func numbersMayBeGroupedWithUnderscoresEverywhere() throws {
        let grouped = try audit(
            Self.utahMatter(contract: "true").replacingOccurrences(
                of: "  written-contract: true", with: "  written-contract: true\n  amount-in-controversy: 5_000"),
            ["--format", "json"])
        let plain = try audit(
            Self.utahMatter(contract: "true").replacingOccurrences(
                of: "  written-contract: true", with: "  written-contract: true\n  amount-in-controversy: 5000"),
            ["--format", "json"])
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(grouped.stdout == plain.stdout)
        let cli = try CLI.run(Self.utahNegotiate + ["--fact", "amount-in-controversy=5_000"])
        let cliPlain = try CLI.run(Self.utahNegotiate + ["--fact", "amount-in-controversy=5000"])
        #expect(cli.stdout == cliPlain.stdout)
        #expect(cli.status != 2)
    }

    @Test func anUnknownIdInAMatterFileIsGivenTheValidOnesWhenNoneIsClose() throws {
        let matter = """
            id: WA-1
            jurisdiction: us-wa
            type: eviction
            """
        let result = try audit(matter)
        #expect(result.status == 2)
        #expect(result.stdout.contains("unknown matter type 'eviction' in us-wa (known: "))
        #expect(result.stdout.contains("unlawful-detainer"))
        let actions = try audit(
            """
            id: WA-1
            jurisdiction: us-wa
            type: unlawful-detainer
            people:
              - {id: para, role: technician, name: A B, license: paralegal}
            actions:
              - {by: priya, action: draft-answer, date: 2026-03-01}
            """)
        #expect(actions.status == 2)
        // Too many actions to name: the first ones, how many more, and the command that lists them.
        #expect(actions.stdout.contains("unknown action 'draft-answer' (known: "))
        #expect(actions.stdout.contains(" more; see 'bailiwick list actions')"))
        #expect(actions.stdout.contains("unknown person 'priya' (known: para)"))
    }

    @Test func aCloseIdIsSuggestedInsteadOfAList() throws {
        let result = try audit(
            """
            id: WA-1
            jurisdiction: us-wa
            type: unlawfull-detainer
            """)
        #expect(result.stdout.contains("did you mean 'unlawful-detainer'?"))
        #expect(!result.stdout.contains("(known:"))
    }

    @Test func anUnknownActionOnTheCommandLineNamesTheListCommand() throws {
        let result = try CLI.run(["check", "-j", "us-ut", "-l", "lpp", "-a", "appear-at-hearing-xyz"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown action 'appear-at-hearing-xyz' (known: "))
        #expect(result.stderr.contains("more; see 'bailiwick list actions')"))
    }
}

extension ValueParsingCommandTests {
    @Test func aMisspeltCommandIsSuggestedOrTheCommandsListed() throws {
        let close = try CLI.run(["chek", "-j", "us-ut"])
        #expect(close.status == 2)
        #expect(close.stderr == "error: unknown command 'chek'; did you mean 'check'?\n")
        let far = try CLI.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'frobnicate' (known: audit, bench, check, "))
        #expect(try CLI.run(["help", "check"]).status == 0)
    }
}

/// `check --interactive` (issue 18, item 4): asks only for facts that can change the answer.
struct InteractiveCheckTests {
    static let utah = [
        "check", "-j", "us-ut", "-l", "lpp", "-a", "negotiate", "--area", "debt-collection", "--on", "2026-12-01",
        "--interactive",
    ]

    static func prompts(_ stderr: String) -> Int {
        stderr.components(separatedBy: "): ").count - 1
    }

    @Test func asksOneFactAtATimeUntilTheAnswerIsSettled() throws {
        // The decision asks for the natural person, the unaffiliated lawyer, the amount (against the
        // small-claims limit) and the written contract, in that order; one answer is left over.
        let result = try CLI.run(Self.utah, input: "yes\nno\n5000\nyes\nyes\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("PERMITTED"))
        #expect(result.stderr.contains("[written-contract] (yes or no): "))
        #expect(result.stderr.contains("[amount-in-controversy] (a whole number of 0 or more): "))
        #expect(Self.prompts(result.stderr) == 4)
        #expect(!result.stdout.contains("To confirm"))
    }

    @Test func anAnswerThatSettlesItStopsTheQuestions() throws {
        // Represented by an unaffiliated lawyer: prohibited whatever the amount and the contract.
        let result = try CLI.run(Self.utah, input: "yes\nyes\n5000\nyes\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("PROHIBITED"))
        #expect(Self.prompts(result.stderr) == 2, "\(result.stderr)")
    }

    @Test func aWrongAnswerIsAskedAgainAndTheEndOfInputStops() throws {
        let result = try CLI.run(Self.utah, input: "perhaps\n")
        #expect(result.stderr.contains("'perhaps' is not a value for client.natural-person"))
        #expect(result.stderr.components(separatedBy: "[client.natural-person]").count - 1 == 2)
        #expect(result.stdout.contains("UNDETERMINED"))
        #expect(result.status == 0)
    }

    @Test func factsGivenAreNotAsked() throws {
        let result = try CLI.run(
            Self.utah + [
                "--fact", "client.natural-person=true", "--fact", "client.represented-by-unaffiliated-lawyer=false",
                "--fact", "amount-in-controversy=5000",
            ], input: "no\n")
        #expect(Self.prompts(result.stderr) == 1)
        #expect(result.stderr.contains("[written-contract]"))
        #expect(result.status == 1, "no written contract: out of scope")
    }
}
