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
            PackFile(displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml", text: jurisdiction),
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
        source: primary
    """

    @Test func aValidPackHasNoProblems() {
        #expect(problems(scope: Self.goodRule) == [])
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let scope = Self.goodRule.replacingOccurrences(of: "    citation: Rule 2", with: "    citaton: Rule 2")
        #expect(problems(scope: scope) == [
            "2:5: a rule is missing the required key 'citation'",
            "7:5: unknown key 'citaton' in a rule; did you mean 'citation'?",
        ])
    }

    @Test func unknownIdsAreErrorsWithASuggestion() {
        let scope = Self.goodRule
            .replacingOccurrences(of: "actions: [advise]", with: "actions: [advise, negotaite]")
            .replacingOccurrences(of: "licenses: [tech]", with: "licenses: [tehc]")
        #expect(problems(scope: scope) == [
            "5:16: unknown licence 'tehc' in xx; did you mean 'tech'?",
            "6:23: unknown action 'negotaite'; did you mean 'negotiate'?",
        ])
    }

    @Test func conditionErrorsPointInsideTheCondition() {
        let scope = Self.goodRule + "\n    when: written-consent and amont > 5\n"
        #expect(problems(scope: scope) == ["9:31: in condition: unknown fact 'amont'; did you mean 'amount'?"])
        let quoted = Self.goodRule + "\n    when: 'issues contains-any [\"qdr\"]'\n"
        #expect(problems(scope: quoted) == ["9:33: in condition: 'qdr' is not a value of 'issues'; did you mean 'qdro'?"])
        let typed = Self.goodRule + "\n    requires: [amount > written-consent]\n"
        #expect(problems(scope: typed) == ["9:23: in condition: '>' compares an integer with a boolean"])
    }

    @Test func duplicateIdsPointAtTheFirstDefinition() {
        let scope = Self.goodRule + "\n" + Self.goodRule.replacingOccurrences(of: "rules:\n", with: "")
        #expect(problems(scope: scope) == ["9:9: duplicate rule id 'may-advise' (first defined at scope.yaml:2:9)"])
    }

    @Test func cyclesOfExceptionsAreErrors() {
        let scope = """
        rules:
          - {id: a, summary: s, effect: forbid, licenses: [tech], actions: all, exception-to: [b], citation: c, source: primary}
          - {id: b, summary: s, effect: permit, licenses: [tech], actions: all, exception-to: [a], citation: c, source: primary}
          - {id: c, summary: s, effect: permit, licenses: [tech], actions: all, exception-to: [c], citation: c, source: primary}
        """
        #expect(problems(scope: scope) == [
            "3:10: exceptions form a cycle: a → b → a",
            "4:10: exceptions form a cycle: c → c",
        ])
    }

    @Test func unknownExceptionTargetsAreErrors() {
        let scope = Self.goodRule + "\n    exception-to: [may-advice]\n"
        #expect(problems(scope: scope) == ["9:20: unknown rule 'may-advice' in 'exception-to'; did you mean 'may-advise'?"])
    }

    @Test func impossibleDatesAndBackwardPeriodsAreErrors() {
        #expect(problems(scope: Self.goodRule + "\n    from: 2026-02-30\n") == ["9:11: '2026-02-30' is not a real calendar date"])
        #expect(problems(scope: Self.goodRule + "\n    from: next week\n") == ["9:11: 'from' must be a date written YYYY-MM-DD, not 'next week'"])
        #expect(problems(scope: Self.goodRule + "\n    from: 2020-01-02\n    until: 2020-01-01\n")
                == ["10:12: 'until' 2020-01-01 is before 'from' 2020-01-02"])
    }

    @Test func wrongTypesAreErrors() {
        #expect(problems(scope: Self.goodRule.replacingOccurrences(of: "effect: permit", with: "effect: allow"))
                == ["4:13: 'effect' must be one of permit, forbid, not 'allow'"])
        #expect(problems(scope: Self.goodRule.replacingOccurrences(of: "source: primary", with: "source: primry"))
                == ["8:13: 'source' must be one of primary, official-summary, secondary, unverified, not 'primry'; did you mean 'primary'?"])
        #expect(problems(scope: Self.goodRule.replacingOccurrences(of: "summary: A technician may advise.", with: "summary: [a, b]"))
                == ["3:14: 'summary' must be a single value, not a list"])
        #expect(problems(scope: "rules:\n  id: x\n") == ["2:3: 'rules' must be a list of rules"])
    }

    @Test func aForbidCannotHaveRequirements() {
        let scope = Self.goodRule.replacingOccurrences(of: "effect: permit", with: "effect: forbid") + "\n    requires: [written-consent]\n"
        #expect(problems(scope: scope) == ["9:15: a forbid rule cannot have 'requires'; use 'when' for where it applies"])
    }

    @Test func yamlSyntaxErrorsAndDuplicateKeysAreLocated() {
        #expect(problems(scope: "rules:\n  - id: a\n   bad: [\n") == ["3:4: invalid YAML: did not find expected '-' indicator (while parsing a block collection)"])
        #expect(problems(scope: Self.goodRule + "\n    summary: again\n") == ["3:5: duplicate key 'summary' in the same mapping"])
        #expect(problems(scope: "rules:\n\t- id: a\n") == ["2:1: invalid YAML: found character that cannot start any token (while scanning for the next token)"])
    }

    @Test func theJurisdictionMustMatchItsFolder() {
        let renamed = Self.jurisdiction.replacingOccurrences(of: "id: xx", with: "id: yy")
        #expect(problems(scope: Self.goodRule, jurisdiction: renamed) == [
            "Jurisdictions/xx/jurisdiction.yaml:1:1: no file in Jurisdictions/xx/ has a 'jurisdiction:' section",
            "Jurisdictions/xx/jurisdiction.yaml:2:7: the jurisdiction id 'yy' must match its folder name 'xx'",
        ])
    }

    @Test func unknownSectionsAndBadFactDefinitionsAreErrors() {
        let catalog = Self.catalog + "\n  - {id: not, type: boolean, description: reserved}\n  - {id: kind, type: text, description: x}\nrulez: []\n"
        #expect(problems(scope: Self.goodRule, catalog: catalog) == [
            "Rules/catalog.yaml:10:10: 'not' is a reserved word and cannot name a fact",
            "Rules/catalog.yaml:11:22: 'type' must be one of boolean, integer, string, date, list, not 'text'",
            "Rules/catalog.yaml:12:1: unknown key 'rulez' in a pack file; did you mean 'rules'?",
        ])
    }

    @Test func everyProblemInEveryFileIsReportedInOneRun() {
        let scope = """
        rules:
          - {id: a, summary: s, effect: maybe, licenses: [tech], actions: [advice], citation: c, source: primary}
          - {id: b, summary: s, effect: permit, licenses: [tech], actions: all, from: 2023-02-29, citation: c, source: primary}
        """
        let catalog = Self.catalog.replacingOccurrences(of: "description: Family law.", with: "descripton: Family law.")
        #expect(problems(scope: scope, catalog: catalog) == [
            "Rules/catalog.yaml:5:5: a practice area is missing the required key 'description'",
            "Rules/catalog.yaml:5:33: unknown key 'descripton' in a practice area; did you mean 'description'?",
            "2:33: 'effect' must be one of permit, forbid, not 'maybe'",
            "2:68: unknown action 'advice'; did you mean 'advise'?",
            "3:79: '2023-02-29' is not a real calendar date",
        ])
    }

    @Test func anAliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        // Refused at the first alias that takes the count over the budget.
        #expect(problems(scope: yaml) == ["6:10: the document expands to more than 200000 nodes, counting each alias as the "
                                          + "nodes it repeats (set BAILIWICK_MAX_NODES to raise the limit)"])
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
        #expect(lines[2].count == lines[1].firstIndex(of: "!").map { lines[1].distance(from: lines[1].startIndex, to: $0) + 1 })
    }

    @Test func theRendererShowsTheLineAndACaret() {
        let diagnostic = Diagnostic(at: SourceLocation(file: "scope.yaml", line: 2, column: 16), "unknown licence 'tehc'")
        let text = DiagnosticRenderer(sources: ["scope.yaml": "rules:\n    licenses: [tehc]\n"]).render(diagnostic)
        #expect(text == "scope.yaml:2:16: error: unknown licence 'tehc'\n        licenses: [tehc]\n" + String(repeating: " ", count: 19) + "^")
    }

    @Test func aSourceAddressMustBeAWebAddress() {
        let jurisdiction = Self.jurisdiction.replacingOccurrences(of: "  reviewed: 2026-01-01\n", with: """
              reviewed: 2026-01-01
              sources:
                - {key: R1, title: Rule 1, url: "javascript:alert(1)"}
                - {key: R2, title: Rule 2, url: "https://courts.example/rule-2"}

            """)
        #expect(problems(scope: Self.goodRule, jurisdiction: jurisdiction)
            == ["Jurisdictions/xx/jurisdiction.yaml:7:37: 'url' must be a web address starting with https:// or http://"])
    }
}
