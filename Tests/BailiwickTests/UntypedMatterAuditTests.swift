import Bailiwick
import BailiwickLoading
import Testing

/// A matter file without a `type`: scope and licences are audited, and the report says forms and
/// deadlines were not.
struct UntypedMatterAuditTests {
    /// Jurisdiction `tt` of the audit tests, with no type: two actions, one before the licence.
    static let untyped = """
        id: T-9
        jurisdiction: tt
        area: family
        as-of: 2026-02-20
        people:
          - {id: tech, role: technician, name: Pat Lee, license: tech, licensed-from: 2020-01-01}
        facts: {written-contract: true}
        events:
          - {event: filed, date: 2026-01-09}
        actions:
          - {by: tech, action: complete-forms, date: 2026-01-05}
          - {by: tech, action: appear-in-court, date: 2026-02-01}
          - {by: tech, action: complete-forms, date: 2019-12-01}
        """

    let packs: PackSet

    init() throws {
        packs = try AuditTests.packs()
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func anUntypedMatterIsAuditedForScopeAndLicencesAndSaysWhatWasNotChecked() throws {
        let matter = try MatterLoader.load(text: Self.untyped, file: "m.yaml", packs: packs)
        #expect(matter.type == nil && matter.area == "family")
        let report = packs.audit(matter, asOf: matter.asOf!)
        let codes = report.findings.map { "\($0.code.rawValue)@\($0.location.line):\($0.location.column)" }
        // Errors first by line, then the notice at the jurisdiction (line 2, column 15).
        #expect(codes == ["SCOPE-PROHIBITED@12:5", "LICENSE-NOT-VALID@13:5", "MATTER-TYPE-NOT-GIVEN@2:15"])
        let notice = try #require(report.findings.last)
        #expect(notice.severity == .warning && notice.code.category == .coverage)
        guard case .typeNotGiven(let jurisdiction, let hasMatterTypes) = notice.detail else {
            Issue.record("the notice carries the jurisdiction")
            return
        }
        // tt has a matter type (divorce): the remedy can point at it.
        #expect(jurisdiction.id == "tt" && hasMatterTypes)
        #expect(report.checked.forms == 0 && report.checked.deadlines == 0 && report.checked.actions == 3)
        // The event is on the timeline; no deadline or form is.
        #expect(report.timeline.map(\.kind).filter { $0 == .deadline || $0 == .filing }.isEmpty)
        #expect(report.timeline.contains { $0.kind == .event })
    }

    @Test func anUntypedMatterMustSayItsArea() {
        let text = Self.untyped.replacingOccurrences(of: "area: family\n", with: "")
        #expect(problems(text) == ["1:1: a matter without a 'type' needs 'area': the practice area its actions are in"])
    }

    @Test func anUntypedMatterCannotRecordFilings() {
        let text = Self.untyped + "\nfilings:\n  - {form: F-1, filed: 2026-01-09}\n"
        #expect(
            problems(text) == [
                "15:3: 'filings' needs the matter's 'type': forms belong to a matter type "
                    + "(see bailiwick list matter-types --jurisdiction tt)"
            ])
    }

    @Test func aTypedMatterHasNoNotice() throws {
        let report = try packs.audit(
            MatterLoader.load(text: AuditTests.clean, file: "m.yaml", packs: packs), asOf: CivilDate("2026-02-20")!)
        #expect(!report.findings.contains { $0.code == .typeNotGiven })
    }
}
