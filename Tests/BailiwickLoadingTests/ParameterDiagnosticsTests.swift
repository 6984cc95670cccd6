import Bailiwick
import BailiwickLoading
import Testing

/// Pack parameters: how a condition reads them, and every way a pack can get them wrong.
struct ParameterDiagnosticsTests {
    static let parameters = """
        parameters:
          - id: limit
            description: The most a claim may be.
            type: integer
            unit: dollars
            values:
              - {from: 2020-01-01, value: 100, citation: Act 1 s. 2, source: primary}
              - {from: 2025-01-01, value: 200, citation: Act 2 s. 2, source: primary}
        """

    /// A forbid reading `when`, from 2021 unless `from` says otherwise.
    static func rule(when: String, from: String? = "2021-01-01") -> String {
        """
        rules:
          - id: over-limit
            summary: Nothing above the limit.
            effect: forbid
            licenses: [tech]
            actions: all
            citation: Rule 3
            source: official-summary
            when: \(when)
        """ + (from.map { "\n    from: \($0)\n" } ?? "\n")
    }

    /// The diagnostics of the test catalog with `parameters` and `scope`, as `line:col: message`
    /// (in the scope file unless prefixed with the parameters file's name).
    func problems(scope: String, parameters: String = parameters) -> [String] {
        let files = [
            PackFile(
                displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml",
                text: LoaderDiagnosticsTests.catalog),
            PackFile(
                displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml",
                text: LoaderDiagnosticsTests.jurisdiction),
            PackFile(displayPath: "parameters.yaml", packPath: "Jurisdictions/xx/parameters.yaml", text: parameters),
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

    @Test func aConditionComparingAFactWithAParameterLoads() {
        #expect(problems(scope: Self.rule(when: "amount > param.limit")) == [])
        #expect(problems(scope: Self.rule(when: "param.limit < amount or written-consent")) == [])
    }

    @Test func anUnknownParameterIsLocatedWithASuggestion() {
        let scope = MarkedText(Self.rule(when: "amount > 1️⃣param.limt"))
        #expect(
            problems(scope: scope.text)
                == ["\(scope["1️⃣"]): in condition: unknown parameter 'param.limt'; did you mean 'param.limit'?"])
        let none = MarkedText(Self.rule(when: "amount > 1️⃣param.limit"))
        #expect(
            problems(scope: none.text, parameters: "parameters: []\n")
                == [
                    "\(none["1️⃣"]): in condition: unknown parameter 'param.limit' "
                        + "(this jurisdiction declares no parameters)"
                ])
    }

    @Test func aParameterMustHaveTheFactsType() {
        let scope = MarkedText(Self.rule(when: "written-consent 1️⃣== param.limit"))
        #expect(
            problems(scope: scope.text)
                == ["\(scope["1️⃣"]): in condition: '==' compares a boolean with an integer"])
        let alone = MarkedText(Self.rule(when: "1️⃣param.limit"))
        #expect(
            problems(scope: alone.text)
                == [
                    "\(alone["1️⃣"]): in condition: 'param.limit' is a parameter, not a condition; "
                        + "compare a fact with it"
                ])
        let fixed = MarkedText(Self.rule(when: "'param.limit 1️⃣> 5'"))
        #expect(
            problems(scope: fixed.text)
                == ["\(fixed["1️⃣"]): in condition: '>' compares two fixed values; one side must be a fact"])
    }

    @Test func aRuleInForceBeforeTheParametersFirstValueIsAnError() {
        let early = MarkedText(
            Self.rule(when: "amount > param.limit", from: "2019-06-01").replacingOccurrences(
                of: "- id: over-limit", with: "- id: 1️⃣over-limit"))
        #expect(
            problems(scope: early.text)
                == [
                    "\(early["1️⃣"]): rule 'over-limit' is in force from 2019-06-01, "
                        + "but parameter 'param.limit' has values only from 2020-01-01: "
                        + "give the parameter a value from the rule's start, "
                        + "or give the rule a later 'from'"
                ])
        let open = MarkedText(
            Self.rule(when: "amount > param.limit", from: nil).replacingOccurrences(
                of: "- id: over-limit", with: "- id: 1️⃣over-limit"))
        #expect(
            problems(scope: open.text)
                == [
                    "\(open["1️⃣"]): rule 'over-limit' is in force with no start date, but parameter 'param.limit' "
                        + "has values only from 2020-01-01: give the parameter a value from the rule's start, "
                        + "or give the rule a later 'from'"
                ])
        #expect(problems(scope: Self.rule(when: "amount > param.limit", from: "2020-01-01")) == [])
    }

    @Test func malformedParametersAreLocatedErrors() {
        let scope = Self.rule(when: "written-consent")
        let type = MarkedText(
            "parameters:\n  - {id: p, description: D, type: 1️⃣list, values: [{from: 2020-01-01, value: 1, "
                + "citation: c, source: primary}]}\n")
        #expect(
            problems(scope: scope, parameters: type.text)
                == ["parameters.yaml:\(type["1️⃣"]): a parameter's 'type' must be integer or date, not 'list'"])
        let twice = MarkedText(
            "parameters:\n  - id: p\n    description: D\n    type: integer\n    values:\n"
                + "      - {from: 2020-01-01, value: 1, citation: c, source: primary}\n"
                + "      - {from: 1️⃣2020-01-01, value: 2, citation: c, source: primary}\n")
        #expect(
            problems(scope: scope, parameters: twice.text)
                == [
                    "parameters.yaml:\(twice["1️⃣"]): two values start on 2020-01-01 "
                        + "(the first at parameters.yaml:6:16)"
                ])
        let word = MarkedText(
            "parameters:\n  - id: p\n    description: D\n    type: integer\n    values:\n"
                + "      - {from: 2020-01-01, value: 1️⃣ten, citation: c, source: primary}\n")
        #expect(
            problems(scope: scope, parameters: word.text)
                == ["parameters.yaml:\(word["1️⃣"]): 'value' must be a whole number, not 'ten'"])
        let empty = MarkedText("parameters:\n  - 1️⃣{id: p, description: D, type: integer, values: []}\n")
        #expect(
            problems(scope: scope, parameters: empty.text)
                == ["parameters.yaml:\(empty["1️⃣"]): a parameter needs at least one dated value in 'values'"])
    }

    @Test func onlyScopeRulesReadParameters() {
        let shared = MarkedText(Self.rule(when: "amount > 1️⃣param.limit"))
        // The same rule in Rules/: a shared rule has no jurisdiction whose parameters it could read.
        let files = [
            PackFile(
                displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml",
                text: LoaderDiagnosticsTests.catalog
                    + "\nlicenses:\n  - {id: tech, title: T, governing-rule: R, areas: [family], "
                    + "countries: [us], citation: R, source: primary}\n"),
            PackFile(displayPath: "shared.yaml", packPath: "Rules/shared.yaml", text: shared.text),
        ]
        var found: [String] = []
        do { _ = try PackSetLoader.load(files) } catch {
            found = error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
        #expect(
            found
                == [
                    "\(shared["1️⃣"]): in condition: 'param.limit': "
                        + "shared rules cannot read a jurisdiction's parameters"
                ])
    }
}
