import Bailiwick
import Foundation
import Testing

/// The finding codes as docs/finding-codes.md lists them: every code, once, with its category and severity.
struct FindingCodeTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/finding-codes.md")

    @Test func theDocumentListsEveryCodeWithItsCategoryAndSeverity() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let documented = rows.map { "\($0[0].trimmingCharacters(in: ["`"])) \($0[1]) \($0[2])" }
        let severityWord: [Finding.Severity: String] = [.error: "error", .warning: "warning", .info: "info"]
        let coded = FindingCode.allCases.map { "\($0.rawValue) \($0.category.rawValue) \(severityWord[$0.severity]!)" }
        #expect(documented.sorted() == coded.sorted())
    }

    /// The iCalendar export picks findings by category: each code's category is the family its name says.
    @Test func aCodesCategoryIsTheFamilyItsNameStartsWith() {
        let families: [String: FindingCode.Category] = [
            "SCOPE": .scope, "LICENSE": .license, "FORM": .form,
            "DEADLINE": .deadline, "WAITING": .waitingPeriod,
            "FOLLOW": .followUp, "MATTER": .coverage,
        ]
        for code in FindingCode.allCases {
            let family = String(code.rawValue.split(separator: "-")[0])
            #expect(families[family] == code.category, "\(code.rawValue)")
        }
    }
}
