import Bailiwick
import BailiwickImport
import BailiwickLoading
import Testing

/// Time entries become actions (issue 19, item 2b), and a re-import keeps what a person added (item 1).
struct ImportBillingTests {
    static let mappingText = """
        jurisdiction: us-wa
        matter-types:
          - {practice-area: Family, field: Case Type, value: Dissolution, type: dissolution}
        facts:
          - {field: Children, fact: children}
        people:
          - {user: KO, id: kim-ortiz, role: technician, name: Kim Ortiz, license: paralegal}
        actions:
          - {activity: A109, task: L450, action: appear-in-court}
          - {activity: A103, action: complete-forms}
        csv:
          rows: time-entry
          columns:
            id: matter
            date: date
            user: timekeeper
            timekeeper: class
            task: task
            activity: activity
            activity-description: description
            practice-area: area
          fields: [Case Type, Children]
        """

    /// LEDES-style line items (research section 1, LEDES 1998B and UTBMS [S87]-[S89]), as a CSV.
    static let lines = """
        matter,date,timekeeper,class,task,activity,description,area,Case Type,Children,invoice
        WA-9,2026-03-24,KO,PL,L450,A109,Appear for/attend,Family,Dissolution,2,INV-1
        WA-9,2026-03-02,KO,PL,L210,A103,Draft/revise,Family,Dissolution,2,INV-1

        """

    static let mapping = try! ImportFixtures.mapping(mappingText)

    @Test func aParalegalBillingCourtAttendanceIsAScopeFinding() throws {
        let report = try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping)
        let file = try #require(report.files.first)
        #expect(file.path == "out/WA-9.yaml")
        let text = try #require(file.text)
        #expect(
            text.contains("- {by: kim-ortiz, action: appear-in-court, date: 2026-03-24, about: 'Appear for/attend'}"))
        let audit = try #require(file.audit)
        let prohibited = audit.findings.filter { $0.code == .scopeProhibited }
        #expect(prohibited.count == 1)
        guard case .prohibited(let act, let rules)? = prohibited.first?.detail else {
            Issue.record("no prohibited action")
            return
        }
        #expect(
            act.action.id == "appear-in-court" && act.person.id == "kim-ortiz" && act.date.description == "2026-03-24")
        #expect(rules.map(\.id) == ["paralegal-no-court-appearance"])
    }

    @Test func everyColumnTheMappingDoesNotNameIsReported() throws {
        let report = try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping)
        let unmapped = try #require(report.files.first).draft.unmapped.map(\.field.path)
        #expect(unmapped == ["invoice (line 2)", "invoice (line 3)"])
    }

    @Test func anEntryThatMapsToNoActionIsReportedWithItsDescriptionWithheld() throws {
        // A109 with another task code matches neither action rule; its description is the biller's words.
        let lines =
            Self.lines + "WA-9,2026-03-25,KO,PL,L999,A109,Met Dana at the courthouse,Family,Dissolution,2,INV-2\n"
        let report = try ImportFixtures.importCSV(lines, mapping: Self.mapping)
        let file = try #require(report.files.first)
        let entry = try #require(file.draft.unmapped.first { $0.field.path.hasSuffix(".activity") })
        #expect(entry.reason == "maps to no action (actions:)")
        #expect(entry.field.kind == .text)
        let text = ImportReportText.render(report)
        #expect(text.contains(entry.field.path) && !text.contains("Met Dana"))
    }

    static func inserting(_ line: String, after marker: String, in text: String) -> String {
        text.replacingOccurrences(of: marker + "\n", with: marker + "\n" + line + "\n")
    }

    @Test func aReimportKeepsWhatWasAddedOutsideTheBlocks() throws {
        let first = try #require(try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping).files.first?.text)
        var edited = Self.inserting(
            "  lawyer-review: true\n  supervised-by-lawyer: true", after: "  # bailiwick-import end facts", in: first)
        edited = Self.inserting(
            "  - {by: kim-ortiz, action: consult, date: 2026-03-03}", after: "  # bailiwick-import end actions",
            in: edited)
        edited += "deadlines: []\n"
        let same = try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping, existing: ["out/WA-9.yaml": edited])
        let unchanged = try #require(same.files.first)
        guard case .unchanged = unchanged.status else {
            Issue.record("expected unchanged, got \(unchanged.status)")
            return
        }
        #expect(unchanged.text == nil)
        // New data: the block is rewritten, the hand lines stay where they were.
        let more = Self.lines + "WA-9,2026-03-25,KO,PL,L210,A103,Draft/revise,Family,Dissolution,2,INV-2\n"
        let updated = try #require(
            try ImportFixtures.importCSV(more, mapping: Self.mapping, existing: ["out/WA-9.yaml": edited]).files.first)
        guard case .updated = updated.status else {
            Issue.record("expected updated, got \(updated.status)")
            return
        }
        let text = try #require(updated.text)
        #expect(text.contains("  # bailiwick-import end facts\n  lawyer-review: true\n  supervised-by-lawyer: true\n"))
        #expect(
            text.contains("  # bailiwick-import end actions\n  - {by: kim-ortiz, action: consult, date: 2026-03-03}\n"))
        #expect(text.hasSuffix("deadlines: []\n"))
        #expect(text.contains("date: 2026-03-25"))
        // The hand facts are read: the drafting is supervised and reviewed, so no scope condition is unknown.
        #expect(updated.audit?.findings.filter { $0.code == .scopeConditionUnknown }.isEmpty == true)
    }

    @Test func aFactWrittenByHandWinsOverTheImportsOwn() throws {
        let first = try #require(try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping).files.first?.text)
        let edited = Self.inserting("  children: 3", after: "  # bailiwick-import end facts", in: first)
        let file = try #require(
            try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping, existing: ["out/WA-9.yaml": edited]).files
                .first)
        #expect(file.kept == ["facts: children"])
        let text = try #require(file.text)
        #expect(!text.contains("children: 2"))
        #expect(text.contains("  children: 3\n"))
        #expect(file.audit != nil, "the merged file loads: no key is written twice")
    }

    @Test func anEditInsideABlockIsRefusedAtItsLineUnlessForced() throws {
        let first = try #require(try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping).files.first?.text)
        let edited = first.replacingOccurrences(of: "  children: 2\n", with: "  children: 5\n")
        #expect(edited != first)
        let begin =
            edited.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("  # bailiwick-import begin facts") }! + 1
        let refused = try #require(
            try ImportFixtures.importCSV(Self.lines, mapping: Self.mapping, existing: ["out/WA-9.yaml": edited]).files
                .first)
        guard case .refused(let line, let message) = refused.status else {
            Issue.record("expected a refusal, got \(refused.status)")
            return
        }
        #expect(line == begin)
        #expect(message.contains("'facts'") && message.contains("--force") && !message.contains("children: 5"))
        #expect(refused.text == nil)
        let forced = try #require(
            try ImportFixtures.importCSV(
                Self.lines, mapping: Self.mapping, existing: ["out/WA-9.yaml": edited], force: true
            ).files.first)
        #expect(forced.text == first)
    }
}
