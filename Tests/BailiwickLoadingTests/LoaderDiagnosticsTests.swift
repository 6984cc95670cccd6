import Bailiwick
import BailiwickLoading
import Testing

/// The strict loader: every problem, with its exact message and position.
struct LoaderDiagnosticsTests {
    static let catalog = """
        actions:
          - {id: negotiate, title: Negotiate, description: Bargain with the other side.}
          - {id: advise, title: Advise, description: Tell the client what the law means for them.}
        areas:
          - {id: family, title: Family, description: Family law.}
        facts:
          - {id: written-consent, type: boolean, description: The client consented in writing.}
          - {id: amount, type: integer, description: Amount in dollars.}
          - {id: issues, type: list, description: Special issues., values: [qdro, bankruptcy]}
        """

    static let jurisdiction = """
        jurisdiction:
          id: xx
          name: Testland
          country: us
          reviewed: 2026-01-01
        licenses:
          - id: tech
            title: Test Technician
            governing-rule: Rule 1
            areas: [family]
            citation: Rule 1
            source: primary
        """

    /// Loads the catalog, the jurisdiction and `scope` as Jurisdictions/xx/scope.yaml, and
    /// returns the diagnostics as `line:col: message` (all in scope.yaml unless prefixed).
    func problems(scope: String, catalog: String = catalog, jurisdiction: String = jurisdiction) -> [String] {
        let files = [
            PackFile(displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml", text: catalog),
            PackFile(
                displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml",
                text: jurisdiction),
            PackFile(displayPath: "scope.yaml", packPath: "Jurisdictions/xx/scope.yaml", text: scope),
        ]
        do {
            _ = try PackSetLoader.load(files)
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                let place = diagnostic.location.file == "scope.yaml" ? "" : diagnostic.location.file + ":"
                return "\(place)\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
            }
        }
    }

    static let goodRule = """
        rules:
          - id: may-advise
            summary: A technician may advise.
            effect: permit
            licenses: [tech]
            actions: [advise]
            citation: Rule 2
            source: official-summary
        """

    @Test func aValidPackHasNoProblems() {
        #expect(problems(scope: Self.goodRule) == [])
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let scope = MarkedText(
            Self.goodRule
                .replacingOccurrences(of: "  - id: may-advise", with: "  - 1️⃣id: may-advise")
                .replacingOccurrences(of: "    citation: Rule 2", with: "    2️⃣citaton: Rule 2"))
        #expect(
            problems(scope: scope.text) == [
                "\(scope["1️⃣"]): a rule is missing the required key 'citation'",
                "\(scope["2️⃣"]): unknown key 'citaton' in a rule; did you mean 'citation'?",
            ])
    }

    @Test func unknownIdsAreErrorsWithASuggestion() {
        let scope = MarkedText(
            Self.goodRule
                .replacingOccurrences(of: "actions: [advise]", with: "actions: [advise, 2️⃣negotaite]")
                .replacingOccurrences(of: "licenses: [tech]", with: "licenses: [1️⃣tehc]"))
        #expect(
            problems(scope: scope.text) == [
                "\(scope["1️⃣"]): unknown licence 'tehc' in xx; did you mean 'tech'?",
                "\(scope["2️⃣"]): unknown action 'negotaite'; did you mean 'negotiate'?",
            ])
    }

    @Test func conditionErrorsPointInsideTheCondition() {
        let scope = MarkedText(Self.goodRule + "\n    when: written-consent and 1️⃣amont > 5\n")
        #expect(
            problems(scope: scope.text)
                == ["\(scope["1️⃣"]): in condition: unknown fact 'amont'; did you mean 'amount'?"])
        let quoted = MarkedText(Self.goodRule + "\n    when: 'issues contains-any [1️⃣\"qdr\"]'\n")
        #expect(
            problems(scope: quoted.text)
                == ["\(quoted["1️⃣"]): in condition: 'qdr' is not a value of 'issues'; did you mean 'qdro'?"])
        let typed = MarkedText(Self.goodRule + "\n    requires: [amount 1️⃣> written-consent]\n")
        #expect(
            problems(scope: typed.text)
                == ["\(typed["1️⃣"]): in condition: '>' compares an integer with a boolean"])
    }

    @Test func duplicateIdsPointAtTheFirstDefinition() {
        let again = Self.goodRule.replacingOccurrences(of: "rules:\n", with: "")
        let scope = MarkedText(
            Self.goodRule.replacingOccurrences(of: "id: may-advise", with: "id: 1️⃣may-advise")
                + "\n" + again.replacingOccurrences(of: "id: may-advise", with: "id: 2️⃣may-advise"))
        #expect(
            problems(scope: scope.text)
                == ["\(scope["2️⃣"]): duplicate rule id 'may-advise' (first defined at scope.yaml:\(scope["1️⃣"]))"])
    }

    @Test func cyclesOfExceptionsAreErrors() {
        let scope = MarkedText(
            """
            rules:
              - {id: a, summary: s, effect: forbid, licenses: [tech], actions: all, exception-to: [b], citation: c, \
            source: official-summary}
              - {id: 1️⃣b, summary: s, effect: permit, licenses: [tech], actions: all, exception-to: [a], citation: c, \
            source: official-summary}
              - {id: 2️⃣c, summary: s, effect: permit, licenses: [tech], actions: all, exception-to: [c], citation: c, \
            source: official-summary}
            """)
        #expect(
            problems(scope: scope.text) == [
                "\(scope["1️⃣"]): exceptions form a cycle: a → b → a",
                "\(scope["2️⃣"]): exceptions form a cycle: c → c",
            ])
    }

    @Test func unknownExceptionTargetsAreErrors() {
        let scope = MarkedText(Self.goodRule + "\n    exception-to: [1️⃣may-advice]\n")
        #expect(
            problems(scope: scope.text)
                == ["\(scope["1️⃣"]): unknown rule 'may-advice' in 'exception-to'; did you mean 'may-advise'?"])
    }

    @Test func impossibleDatesAndBackwardPeriodsAreErrors() {
        let impossible = MarkedText(Self.goodRule + "\n    from: 1️⃣2026-02-30\n")
        #expect(problems(scope: impossible.text) == ["\(impossible["1️⃣"]): '2026-02-30' is not a real calendar date"])
        let words = MarkedText(Self.goodRule + "\n    from: 1️⃣next week\n")
        #expect(
            problems(scope: words.text)
                == ["\(words["1️⃣"]): 'from' must be a date written YYYY-MM-DD, not 'next week'"])
        let backward = MarkedText(Self.goodRule + "\n    from: 2020-01-02\n    until: 1️⃣2020-01-01\n")
        #expect(
            problems(scope: backward.text)
                == ["\(backward["1️⃣"]): 'until' 2020-01-01 is before 'from' 2020-01-02"])
    }

    @Test func wrongTypesAreErrors() {
        let effect = MarkedText(Self.goodRule.replacingOccurrences(of: "effect: permit", with: "effect: 1️⃣allow"))
        #expect(
            problems(scope: effect.text)
                == ["\(effect["1️⃣"]): 'effect' must be one of permit, forbid, not 'allow'"])
        let source = MarkedText(
            Self.goodRule.replacingOccurrences(of: "source: official-summary", with: "source: 1️⃣primry"))
        #expect(
            problems(scope: source.text) == [
                "\(source["1️⃣"]): 'source' must be one of primary, official-summary, secondary, unverified, not "
                    + "'primry'; "
                    + "did you mean 'primary'?"
            ])
        let summary = MarkedText(
            Self.goodRule.replacingOccurrences(
                of: "summary: A technician may advise.",
                with: "summary: 1️⃣[a, b]"))
        #expect(problems(scope: summary.text) == ["\(summary["1️⃣"]): 'summary' must be a single value, not a list"])
        let mapping = MarkedText("rules:\n  1️⃣id: x\n")
        #expect(problems(scope: mapping.text) == ["\(mapping["1️⃣"]): 'rules' must be a list of rules"])
    }

    @Test func aForbidCannotHaveRequirements() {
        let scope = MarkedText(
            Self.goodRule.replacingOccurrences(of: "effect: permit", with: "effect: forbid")
                + "\n    requires: 1️⃣[written-consent]\n")
        #expect(
            problems(scope: scope.text)
                == ["\(scope["1️⃣"]): a forbid rule cannot have 'requires'; use 'when' for where it applies"])
    }

    @Test func yamlSyntaxErrorsAndDuplicateKeysAreLocated() {
        let syntax = MarkedText("rules:\n  - id: a\n   1️⃣bad: [\n")
        #expect(
            problems(scope: syntax.text) == [
                "\(syntax["1️⃣"]): invalid YAML: did not find expected '-' indicator (while parsing a block collection)"
            ])
        // A duplicate key is reported where the key is first written.
        let duplicate = MarkedText(
            Self.goodRule.replacingOccurrences(of: "    summary:", with: "    1️⃣summary:")
                + "\n    summary: again\n")
        #expect(problems(scope: duplicate.text) == ["\(duplicate["1️⃣"]): duplicate key 'summary' in the same mapping"])
        let tab = MarkedText("rules:\n1️⃣\t- id: a\n")
        #expect(
            problems(scope: tab.text) == [
                "\(tab["1️⃣"]): invalid YAML: found character that cannot start any token "
                    + "(while scanning for the next token)"
            ])
    }

    @Test func theJurisdictionMustMatchItsFolder() {
        // A folder without its section is reported at the start of the folder's first file.
        let renamed = MarkedText(
            Self.jurisdiction.replacingOccurrences(
                of: "jurisdiction:\n  id: xx",
                with: "1️⃣jurisdiction:\n  id: 2️⃣yy"))
        let file = "Jurisdictions/xx/jurisdiction.yaml"
        #expect(
            problems(scope: Self.goodRule, jurisdiction: renamed.text) == [
                "\(file):\(renamed["1️⃣"]): no file in Jurisdictions/xx/ has a 'jurisdiction:' section",
                "\(file):\(renamed["2️⃣"]): the jurisdiction id 'yy' must match its folder name 'xx'",
            ])
    }

    @Test func unknownSectionsAndBadFactDefinitionsAreErrors() {
        let catalog = MarkedText(
            Self.catalog + "\n  - {id: 1️⃣not, type: boolean, description: reserved}"
                + "\n  - {id: kind, type: 2️⃣text, description: x}\n3️⃣rulez: []\n")
        #expect(
            problems(scope: Self.goodRule, catalog: catalog.text) == [
                "Rules/catalog.yaml:\(catalog["1️⃣"]): 'not' is a reserved word and cannot name a fact",
                "Rules/catalog.yaml:\(catalog["2️⃣"]): 'type' must be one of boolean, integer, string, date, list, "
                    + "not 'text'",
                "Rules/catalog.yaml:\(catalog["3️⃣"]): unknown key 'rulez' in a pack file; did you mean 'rules'?",
            ])
    }

    @Test func onlyABooleanFactCanBeAProblem() throws {
        let catalog = MarkedText(
            Self.catalog + "\n  - {id: count, type: integer, problem: 1️⃣true, description: x}"
                + "\n  - {id: odd, type: boolean, problem: 2️⃣maybe, description: x}\n")
        #expect(
            problems(scope: Self.goodRule, catalog: catalog.text) == [
                "Rules/catalog.yaml:\(catalog["1️⃣"]): only boolean facts can be a 'problem'",
                "Rules/catalog.yaml:\(catalog["2️⃣"]): 'problem' must be true or false (or yes/no, on/off, 1/0), "
                    + "not 'maybe'",
            ])
        let marked = Self.catalog + "\n  - {id: conflicted, type: boolean, problem: true, description: x}\n"
        let packs = try PackSetLoader.load([
            PackFile(displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml", text: marked),
            PackFile(
                displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml",
                text: Self.jurisdiction),
        ])
        #expect(packs.facts.map(\.isProblem) == [false, false, false, true])
    }

    @Test func everyProblemInEveryFileIsReportedInOneRun() {
        let scope = MarkedText(
            """
            rules:
              - {id: a, summary: s, effect: 1️⃣maybe, licenses: [tech], actions: [2️⃣advice], citation: c, source: \
            official-summary}
              - {id: b, summary: s, effect: permit, licenses: [tech], actions: all, from: 3️⃣2023-02-29, citation: c, \
            source: official-summary}
            """)
        let catalog = MarkedText(
            Self.catalog.replacingOccurrences(
                of: "  - {id: family, title: Family, description: Family law.}",
                with: "  - 1️⃣{id: family, title: Family, 2️⃣descripton: Family law.}"))
        #expect(
            problems(scope: scope.text, catalog: catalog.text) == [
                "Rules/catalog.yaml:\(catalog["1️⃣"]): a practice area is missing the required key 'description'",
                "Rules/catalog.yaml:\(catalog["2️⃣"]): unknown key 'descripton' in a practice area; "
                    + "did you mean 'description'?",
                "\(scope["1️⃣"]): 'effect' must be one of permit, forbid, not 'maybe'",
                "\(scope["2️⃣"]): unknown action 'advice'; did you mean 'advise'?",
                "\(scope["3️⃣"]): '2023-02-29' is not a real calendar date",
            ])
    }

    @Test func anAliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            // The first alias of level 5 is the one that takes the count over the budget.
            let marker = level == 5 ? "1️⃣" : ""
            let aliases = Array(repeating: previous, count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(marker)\(aliases)]\n"
        }
        let bomb = MarkedText(yaml)
        #expect(
            problems(scope: bomb.text) == [
                "\(bomb["1️⃣"]): the document expands to more than 200000 nodes, counting each alias as the "
                    + "nodes it repeats (set BAILIWICK_MAX_NODES to raise the limit)"
            ])
    }

    @Test func deeplyNestedYAMLIsRefusedNotACrash() {
        let flow = "rules: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let problems = problems(scope: flow)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("Maximum nesting level reached") == true)
    }

    @Test func aVeryLongLineIsShownAsAWindowAroundTheColumn() {
        let line = String(repeating: "x", count: 5000) + "!" + String(repeating: "y", count: 5000)
        let diagnostic = Diagnostic(at: SourceLocation(file: "f.yaml", line: 1, column: 5001), "here")
        let text = DiagnosticRenderer(sources: ["f.yaml": line]).render(diagnostic)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3 && lines[1].count < 140)
        let bang = lines[1].firstIndex(of: "!").map { lines[1].distance(from: lines[1].startIndex, to: $0) + 1 }
        #expect(lines[2].count == bang)
    }

    @Test func theRendererShowsTheLineAndACaret() {
        let diagnostic = Diagnostic(
            at: SourceLocation(file: "scope.yaml", line: 2, column: 16),
            "unknown licence 'tehc'")
        let text = DiagnosticRenderer(sources: ["scope.yaml": "rules:\n    licenses: [tehc]\n"]).render(diagnostic)
        #expect(
            text == "scope.yaml:2:16: error: unknown licence 'tehc'\n        licenses: [tehc]\n"
                + String(repeating: " ", count: 19) + "^")
    }

    @Test func aSourceAddressMustBeAWebAddress() {
        let jurisdiction = MarkedText(
            Self.jurisdiction.replacingOccurrences(
                of: "  reviewed: 2026-01-01\n",
                with: """
                      reviewed: 2026-01-01
                      sources:
                        - {key: R1, title: Rule 1, url: 1️⃣"javascript:alert(1)"}
                        - {key: R2, title: Rule 2, url: "https://courts.example/rule-2"}

                    """))
        #expect(
            problems(scope: Self.goodRule, jurisdiction: jurisdiction.text) == [
                "Jurisdictions/xx/jurisdiction.yaml:\(jurisdiction["1️⃣"]): "
                    + "'url' must be a web address starting with https:// or http://"
            ])
    }
}
