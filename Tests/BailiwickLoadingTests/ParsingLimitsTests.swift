import Bailiwick
import BailiwickLoading
import Testing

/// The node budget is spent while parsing: a file that would expand past it is refused where the
/// budget runs out, before its tree is built, so no shape of file can take more memory than the
/// budget allows. And explicit YAML tags in packs mean what they say.
struct ParsingLimitsTests {
    static let budgetMessage =
        "the document expands to more than 200000 nodes, counting each alias as the nodes "
        + "it repeats (set BAILIWICK_MAX_NODES to raise the limit)"

    func problems(_ scope: String) -> [String] {
        LoaderDiagnosticsTests().problems(scope: scope)
    }

    @Test func aLongFlatListIsRefusedWhereTheBudgetRunsOut() {
        // The mapping, its key and the list are three nodes: item 199,998 is node 200,001.
        let items = String(repeating: "a, ", count: 250_000)
        let column = "rules: [".count + 3 * (199_998 - 1) + 1
        #expect(problems("rules: [" + items + "]") == ["1:\(column): " + Self.budgetMessage])
    }

    @Test func everyShapeOfLargeFileIsRefusedWhileParsing() {
        let shapes = [
            "rules: [" + String(repeating: "[], ", count: 250_000) + "]",
            "rules: [" + String(repeating: "{}, ", count: 250_000) + "]",
            "rules: {" + (0..<150_000).map { "k\($0): b" }.joined(separator: ", ") + "}",
            "rules:\n" + String(repeating: "  - a\n", count: 250_000),
            "rules:\n" + String(repeating: "  -\n", count: 250_000),
            "rules:\n" + String(repeating: "  - {a: b}\n", count: 100_000),
        ]
        for shape in shapes {
            let found = problems(shape)
            #expect(found.count == 1 && found[0].hasSuffix(": " + Self.budgetMessage))
            // Refused at the node over the budget, not after reading the whole file.
            #expect(!found[0].hasPrefix("1:1:"))
        }
    }

    @Test func exactlyTheBudgetIsAccepted() {
        // The mapping, its key and the list, then items: 3 + 199,997 = 200,000 nodes.
        let atTheBudget = problems("unknown: [" + String(repeating: "a, ", count: 199_997) + "]")
        #expect(!atTheBudget.isEmpty && !atTheBudget.contains { $0.contains("nodes") })
        let overIt = problems("unknown: [" + String(repeating: "a, ", count: 199_998) + "]")
        #expect(overIt == ["1:\("unknown: [".count + 3 * 199_997 + 1): " + Self.budgetMessage])
    }

    @Test func anAliasCountsAsTheNodesItRepeats() {
        // `a` is five nodes; nine nodes come before the first alias.
        let head = "a: &a [x, x, x, x]\nb: ["
        let within = problems(head + String(repeating: "*a, ", count: 39_998) + "]")
        #expect(!within.contains { $0.contains("nodes") })
        let over = problems(head + String(repeating: "*a, ", count: 39_999) + "]")
        #expect(over == ["2:\("b: [".count + 4 * 39_998 + 1): " + Self.budgetMessage])
    }

    @Test func packValuesTaggedStrAreTextNotBooleansOrNumbers() {
        func deadline(days: String) -> MarkedText {
            MarkedText(
                "deadlines:\n  - {id: answer, name: Answer, trigger: served, period: {days: 1️⃣\(days)}, "
                    + "citation: c, source: primary}\n")
        }
        func timeRules(_ value: String) -> MarkedText {
            MarkedText(
                TimelineDiagnosticsTests.timeRules.replacingOccurrences(
                    of: "default: true",
                    with: "default: 1️⃣\(value)"))
        }
        let text = "text (a quoted value, or one tagged !!str)"
        let days = deadline(days: "!!str 21")
        let flag = timeRules("!!str true")
        #expect(
            TimelineDiagnosticsTests().problems(days.text, timeRules: flag.text) == [
                "Jurisdictions/tt/time-rules.yaml:\(flag["1️⃣"]): 'default' must be true or false, not " + text,
                "\(days["1️⃣"]): 'days' must be a whole number, not " + text,
            ])
        // Tagged with their own types, they are accepted: only the missing calendar is left.
        let typed = TimelineDiagnosticsTests().problems(
            deadline(days: "!!int 21").text,
            timeRules: timeRules("!!bool true").text)
        #expect(
            typed == [
                "Jurisdictions/tt/jurisdiction.yaml:1:1: jurisdiction 'tt' has deadlines but no "
                    + "'calendar:' section"
            ])
    }

    @Test func unknownTagsInPacksAreErrors() {
        let understood =
            "is not supported here: write the value without a tag (the tags understood are !!str, !!int, "
            + "!!bool and !!null, and !!seq and !!map on lists and mappings)"
        for (tagged, name) in [
            ("!!set {}", "the tag !!set "), ("!custom []", "an unknown tag "),
            ("!!binary aGVsbG8=", "the tag !!binary "),
        ] {
            let scope = MarkedText("rules: 1️⃣" + tagged)
            #expect(problems(scope.text) == ["\(scope["1️⃣"]): " + name + understood])
        }
    }
}
