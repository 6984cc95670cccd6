import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation
import Testing

/// The one comparer of findings (`audit --since`, `diff --caseload`), through the library.
struct AuditComparisonTests {
    func snapshot(_ file: String, asOf: String) throws -> AuditSnapshot {
        let text = try Server.repositoryFile(file)
        let matter = try MatterLoader.load(text: text, file: file, packs: Server.packs)
        let report = Server.packs.audit(matter, asOf: CivilDate(asOf)!)
        return AuditSnapshot(matters: [AuditSnapshot.matter(report)], unreadable: [])
    }

    @Test func swappingTheAuditsSwapsNewAndResolvedAndKeepsTheChanges() throws {
        // us-federal-answer.yaml: served 2026-05-04, answer due 21 days later, 2026-05-25 (Memorial
        // Day), so Tuesday 2026-05-26: pending on 2026-05-01, missed on 2026-06-01.
        let early = try snapshot("Examples/us-federal-answer.yaml", asOf: "2026-05-01")
        let late = try snapshot("Examples/us-federal-answer.yaml", asOf: "2026-06-01")
        let forward = try #require(AuditComparison(old: early, new: late).matters.first)
        let backward = try #require(AuditComparison(old: late, new: early).matters.first)
        #expect(forward.count(.added) == backward.count(.removed))
        #expect(forward.count(.removed) == backward.count(.added))
        #expect(forward.count(.changed) == backward.count(.changed))
        let answer = try #require(forward.changes.first { $0.current.code == "DEADLINE-MISSED" })
        #expect(answer.kind == .changed)
        #expect(answer.old?.date == "2026-05-26" && answer.new?.date == "2026-05-26")
        #expect(answer.fields == ["code", "severity"])
    }

    @Test func anAuditComparedWithItselfHasNoChanges() throws {
        let audit = try snapshot("Examples/wa-dissolution-problems.yaml", asOf: "2026-05-01")
        let comparison = AuditComparison(old: audit, new: audit)
        #expect(!comparison.hasChanges)
        #expect(comparison.matters.count == 1)
    }
}
