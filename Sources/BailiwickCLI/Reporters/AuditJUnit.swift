import Bailiwick

/// `audit --format junit`: JUnit XML, one test suite per matter and one failing test case per
/// finding at or above `--fail-on`, so CI systems show them.
enum AuditJUnit {
    static func render(_ caseload: Caseload, failOn: AuditCommand.FailOn) -> String {
        var suites: [String] = []
        var total = 0
        var failures = 0
        for report in caseload.reports {
            let failing = report.findings.filter { failOn.fails($0.severity) }
            var cases: [String] = []
            if failing.isEmpty {
                cases.append("    <testcase classname=\"\(xml(report.matter.id))\" name=\"audit\"/>")
            }
            for finding in failing {
                let name = "\(finding.code.rawValue) at \(finding.location)"
                let details = finding.message + "\nWhat to do: " + finding.remedy
                    + (finding.citation.map { "\nRule: \($0.text) (source: \($0.status.rawValue))" } ?? "")
                cases.append("""
                    <testcase classname="\(xml(report.matter.id))" name="\(xml(name))">
                      <failure message="\(xml(finding.message))" type="\(finding.code.rawValue)">\(xml(details))</failure>
                    </testcase>
                """)
            }
            let notes = report.findings.filter { !failOn.fails($0.severity) }
                .map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.location): \($0.message)" }.joined(separator: "\n")
            total += cases.count
            failures += failing.count
            suites.append("""
              <testsuite name="\(xml(report.matter.id))" tests="\(cases.count)" failures="\(failing.count)" errors="0" skipped="0" file="\(xml(report.matter.file))">
            \(cases.joined(separator: "\n"))
                <system-out>\(xml(notes))</system-out>
              </testsuite>
            """)
        }
        for invalid in caseload.invalid {
            let text = invalid.problems.diagnostics.map(\.description).joined(separator: "\n")
            total += 1
            suites.append("""
              <testsuite name="\(xml(invalid.file))" tests="1" failures="0" errors="1" skipped="0">
                <testcase classname="\(xml(invalid.file))" name="read matter file">
                  <error message="the matter file cannot be read" type="INVALID-MATTER">\(xml(text))</error>
                </testcase>
              </testsuite>
            """)
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="bailiwick audit" tests="\(total)" failures="\(failures)" errors="\(caseload.invalid.count)">
        \(suites.joined(separator: "\n"))
        </testsuites>

        """
    }

    /// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
