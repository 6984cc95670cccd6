import Bailiwick
import Foundation
import Testing

/// `docs/finding-codes.md` is the contract for the codes an audit emits: its table must list every
/// `FindingCode`, each once, and nothing the code does not emit.
struct FindingCodesDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/finding-codes.md")

    /// The code column of the table: the first cell of each row, written as `CODE`.
    static func listedCodes(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let match = line.wholeMatch(of: /\|\s*`([A-Z][A-Z-]*)`\s*\|.*/) else { return nil }
            return String(match.1)
        }
    }

    @Test func theDocumentListsExactlyTheCodesTheAuditEmits() throws {
        let listed = Self.listedCodes(in: try String(contentsOf: Self.document, encoding: .utf8))
        let emitted = FindingCode.allCases.map(\.rawValue)
        let repeated = Dictionary(grouping: listed, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated == [], "listed more than once")
        #expect(Set(emitted).subtracting(listed).sorted() == [], "emitted but not documented")
        #expect(Set(listed).subtracting(emitted).sorted() == [], "documented but never emitted")
        #expect(listed.count == emitted.count)
    }

    /// The reader above must see a row whatever the other columns hold, and only rows.
    @Test func theCodeColumnIsReadFromTableRowsOnly() {
        let text = """
            | code | severity | meaning |
            |---|---|---|
            | `FORM-DUE` | warning | a form `FORM-LATE` mentions |
            | `DEADLINE-MET` | deadline | info | met |
            The `SCOPE-PROHIBITED` code, in prose.
            """
        #expect(Self.listedCodes(in: text) == ["FORM-DUE", "DEADLINE-MET"])
    }
}
