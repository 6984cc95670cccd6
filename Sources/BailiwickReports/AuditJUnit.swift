import Bailiwick

/// `audit --format junit`: JUnit XML, one test suite per matter and one failing test case per
/// finding at or above `--fail-on`, so CI systems show them.
struct AuditJUnit: AuditReporter {
    let failOn: FailOn

    init(failOn: FailOn) {
        self.failOn = failOn
    }

    var separator: String { "\n" }

    private func failures(_ row: CaseloadRow) -> Int {
        switch failOn {
        case .error: row.errors
        case .warning: row.errors + row.warnings
        case .never: 0
        }
    }

    func head(_ summary: CaseloadSummary) -> String {
        let failing = summary.rows.map(failures).reduce(0, +)
        let tests = summary.rows.map { max(1, failures($0)) }.reduce(0, +) + summary.invalid.count
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"bailiwick audit\" tests=\"\(tests)\" failures=\"\(failing)\" "
            + "errors=\"\(summary.invalid.count)\">\n"
    }

    func matter(_ report: AuditReport, in caseload: Bool) -> String {
        let failing = report.findings.filter { failOn.fails($0.severity) }
        var cases: [String] = []
        if failing.isEmpty {
            cases.append("    <testcase classname=\"\(Self.xml(report.matter.id))\" name=\"audit\"/>")
        }
        for finding in failing {
            let name = "\(finding.code.rawValue) at \(finding.location)"
            let message = FindingText.message(finding)
            let details =
                message + "\nWhat to do: " + FindingText.remedy(finding)
                + (finding.citation.map { "\nRule: \($0.text) (source: \($0.status.rawValue))" } ?? "")
            cases.append(
                """
                    <testcase classname="\(Self.xml(report.matter.id))" name="\(Self.xml(name))">
                      <failure message="\(Self.xml(message))" \
                type="\(finding.code.rawValue)">\(Self.xml(details))</failure>
                    </testcase>
                """)
        }
        let notes = report.findings.filter { !failOn.fails($0.severity) }
            .map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.location): \(FindingText.message($0))" }
            .joined(separator: "\n")
        return """
              <testsuite name="\(Self.xml(report.matter.id))" tests="\(cases.count)" failures="\(failing.count)" \
            errors="0" skipped="0" file="\(Self.xml(report.matter.file))">
            \(cases.joined(separator: "\n"))
                <system-out>\(Self.xml(notes))</system-out>
              </testsuite>
            """
    }

    func bridge(_ summary: CaseloadSummary) -> String { summary.rows.isEmpty ? "" : "\n" }

    func unreadable(_ invalid: UnreadableMatter, in caseload: Bool) -> String {
        let text = invalid.problems.diagnostics.map(\.description).joined(separator: "\n")
        return """
              <testsuite name="\(Self.xml(invalid.file))" tests="1" failures="0" errors="1" skipped="0">
                <testcase classname="\(Self.xml(invalid.file))" name="read matter file">
                  <error message="the matter file cannot be read" type="INVALID-MATTER">\(Self.xml(text))</error>
                </testcase>
              </testsuite>

            """
    }

    func tail(_ summary: CaseloadSummary) -> String { "</testsuites>\n" }

    /// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
    static func xml(_ text: String) -> String { escapeMarkup(text) }
}
