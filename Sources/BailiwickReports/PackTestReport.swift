import Bailiwick

/// `test`'s reports.
public enum PackTestReport {
    public static func text(_ results: [PackTestResult], uncovered: [ScopeRule], style: TextStyle) -> String {
        var lines: [TerminalText] = []
        let byJurisdiction = Dictionary(grouping: results, by: \.test.jurisdiction)
        for jurisdiction in byJurisdiction.keys.sorted() {
            let group = byJurisdiction[jurisdiction]!
            let failed = group.filter { !$0.passed }
            lines.append(
                "\(jurisdiction): \(group.count) tests, "
                    + (failed.isEmpty ? style.green("all passed") : style.red("\(failed.count) failed")))
            for result in failed {
                lines.append("  " + style.red("FAIL") + " \(result.test.name)" + style.dim("  \(result.test.location)"))
                lines.append("    expected: \(result.expected)")
                lines.append("    actual:   \(result.actual)")
            }
        }
        if !uncovered.isEmpty {
            lines.append("")
            lines.append(style.yellow("Rules no test exercises (\(uncovered.count))") + ":")
            for rule in uncovered {
                lines.append("  \(rule.id)" + (rule.location.map { style.dim("  \($0)") } ?? ""))
            }
        } else if !results.isEmpty {
            lines.append("Every rule is exercised by at least one test.")
        }
        let failed = results.filter { !$0.passed }.count
        lines.append("\(results.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n").rendered + "\n"
    }

    public static func json(_ results: [PackTestResult], uncovered: [ScopeRule]) -> String {
        JSONValue.object([
            ("schema-version", 1),
            ("passed", .number(results.filter(\.passed).count)),
            ("failed", .number(results.filter { !$0.passed }.count)),
            (
                "tests",
                .array(
                    results.map { result in
                        .object([
                            ("name", .string(result.test.name)),
                            ("jurisdiction", .string(result.test.jurisdiction)),
                            ("file", .string(result.test.location.file)),
                            ("line", .number(result.test.location.line)),
                            ("passed", .bool(result.passed)),
                            ("expected", .string(result.expected)),
                            ("actual", .string(result.actual)),
                        ])
                    })
            ),
            (
                "uncovered-rules",
                .array(
                    uncovered.map { rule in
                        .object([
                            ("id", .string(rule.id)), ("file", .optional(rule.location?.file)),
                            ("line", rule.location.map { .number($0.line) } ?? .null),
                        ])
                    })
            ),
        ]).rendered()
    }

    public static func junit(_ results: [PackTestResult], uncovered: [ScopeRule], strict: Bool) -> String {
        let byJurisdiction = Dictionary(grouping: results, by: \.test.jurisdiction)
        var suites: [String] = []
        for jurisdiction in byJurisdiction.keys.sorted() {
            let group = byJurisdiction[jurisdiction]!
            let cases = group.map { result -> String in
                let head =
                    "    <testcase classname=\"\(escapeHTML(jurisdiction))\" name=\"\(escapeHTML(result.test.name))\" "
                    + "file=\"\(escapeHTML(result.test.location.file))\" line=\"\(result.test.location.line)\""
                guard !result.passed else { return head + "/>" }
                return head
                    + ">\n      <failure message=\"expected \(escapeHTML(result.expected)), got "
                    + "\(escapeHTML(result.actual))\">"
                    + "expected: \(escapeHTML(result.expected))\nactual:   \(escapeHTML(result.actual))</failure>\n    "
                    + "</testcase>"
            }
            suites.append(
                "  <testsuite name=\"\(escapeHTML(jurisdiction))\" tests=\"\(group.count)\" "
                    + "failures=\"\(group.filter { !$0.passed }.count)\" errors=\"0\" skipped=\"0\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        if strict && !uncovered.isEmpty {
            let cases = uncovered.map {
                "    <testcase classname=\"coverage\" name=\"\(escapeHTML($0.id))\">\n      <failure message=\"no test "
                    + "exercises this rule\"/>\n    </testcase>"
            }
            suites.append(
                "  <testsuite name=\"coverage\" tests=\"\(uncovered.count)\" failures=\"\(uncovered.count)\" "
                    + "errors=\"0\" skipped=\"0\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        let failures = results.filter { !$0.passed }.count + (strict ? uncovered.count : 0)
        return
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bailiwick test\" "
            + "tests=\"\(results.count + (strict ? uncovered.count : 0))\" failures=\"\(failures)\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }
}
