import Bailiwick
import BailiwickJournal
import BailiwickReports
import Foundation
import Testing

/// What a journal keeps and gives back, the same on SQLite and on PostgreSQL: each check runs on
/// both, in the suites below (PostgreSQL only where `.ci/postgres` gives a server).
enum JournalStorageChecks {
    enum Backend {
        case sqlite, postgres
    }

    /// The journal of `backend`, new for the test, and what removes it.
    static func open(_ backend: Backend) async throws -> (journal: any Journal, cleanup: () -> Void) {
        switch backend {
        case .sqlite:
            let folder = try JournalFixtures.temporaryFolder()
            let journal = try await Journals.open(folder.appendingPathComponent("journal.sqlite").path)
            return (journal, { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            let url = try #require(JournalFixtures.postgresURL)
            return (try await Journals.open(url), {})
        }
    }

    static func whatIsRecordedIsReadBackInOrder(_ backend: Backend) async throws {
        let (journal, cleanup) = try await Self.open(backend)
        defer { cleanup() }
        let id = "T-\(UUID().uuidString)"
        let first = try JournalFixtures.entry(id: id, asOf: "2026-03-01")
        let second = try JournalFixtures.entry(id: id, asOf: "2026-05-22", auditor: nil)
        let other = try JournalFixtures.entry(id: id + "-other")
        try await journal.record([first])
        try await journal.record([second, other])
        let history = try await journal.history(of: id)
        #expect(history.map(\.entry) == [first, second])
        #expect(history[0].sequence < history[1].sequence)
        #expect(!first.findings.isEmpty)
        let last = try await journal.lastAudits(of: [id, id + "-other", id + "-none"])
        #expect(last[id]?.entry == second)
        #expect(last[id + "-other"]?.entry == other)
        #expect(last[id + "-none"] == nil)
        #expect(try await journal.lastAudit(of: id + "-none") == nil)
        await journal.close()
    }

    /// Without --journal-names no name, title or file name reaches the journal, in the findings or the report.
    static func withoutNamesTheJournalHoldsNoName(_ backend: Backend) async throws {
        let (journal, cleanup) = try await Self.open(backend)
        defer { cleanup() }
        let id = "T-\(UUID().uuidString)"
        let text = try JournalFixtures.matterText(id: id)
        // Names and the title as the example matter gives them.
        let names = ["Marcus Bell", "Dana Whitfield", "Adaeze Okonkwo-Hale", "Simon Hale", "Okonkwo-Hale"]
            .filter { text.contains($0) }
        #expect(names.count == 5, "the example names people and titles the matter")
        try await journal.record([try JournalFixtures.entry(id: id)])
        let kept = try #require(try await journal.lastAudit(of: id)).entry
        let everything = kept.report + kept.findings.map(\.subject).joined() + (kept.matterTitle ?? "")
        for name in names { #expect(!everything.contains(name)) }
        #expect(!everything.contains("Smith"))
        #expect(kept.matterFile == nil && kept.matterTitle == nil)

        let named = try JournalFixtures.entry(id: id, names: true)
        try await journal.record([named])
        let keptNamed = try #require(try await journal.lastAudit(of: id)).entry
        #expect(keptNamed.matterFile == "clients/Smith.yaml")
        #expect(names.contains { keptNamed.report.contains($0) })
        await journal.close()
    }

    /// Many writers at once, each its own transaction: every record is kept, each with its own number.
    static func concurrentRecordsAreAllKept(_ backend: Backend) async throws {
        let (journal, cleanup) = try await Self.open(backend)
        defer { cleanup() }
        let id = "T-\(UUID().uuidString)"
        let entry = try JournalFixtures.entry(id: id)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10 { try await journal.record([entry]) }
                }
            }
            try await group.waitForAll()
        }
        let history = try await journal.history(of: id)
        #expect(history.count == 80)
        #expect(Set(history.map(\.sequence)).count == 80)
        await journal.close()
    }

    /// Opening again applies no migration twice and keeps what was recorded.
    static func reopeningKeepsTheRecords(_ backend: Backend) async throws {
        let id = "T-\(UUID().uuidString)"
        switch backend {
        case .sqlite:
            let folder = try JournalFixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("journal.sqlite").path
            let journal = try await Journals.open(path)
            try await journal.record([try JournalFixtures.entry(id: id)])
            await journal.close()
            let again = try await Journals.open(path)
            #expect(try await again.history(of: id).count == 1)
            await again.close()
        case .postgres:
            let url = try #require(JournalFixtures.postgresURL)
            let journal = try await Journals.open(url)
            try await journal.record([try JournalFixtures.entry(id: id)])
            await journal.close()
            let again = try await Journals.open(url)
            #expect(try await again.history(of: id).count == 1)
            await again.close()
        }
    }
}

@Suite
struct SQLiteJournalStorageTests {
    @Test func whatIsRecordedIsReadBackInOrder() async throws {
        try await JournalStorageChecks.whatIsRecordedIsReadBackInOrder(.sqlite)
    }
    @Test func withoutNamesTheJournalHoldsNoName() async throws {
        try await JournalStorageChecks.withoutNamesTheJournalHoldsNoName(.sqlite)
    }
    @Test func concurrentRecordsAreAllKept() async throws {
        try await JournalStorageChecks.concurrentRecordsAreAllKept(.sqlite)
    }
    @Test func reopeningKeepsTheRecords() async throws {
        try await JournalStorageChecks.reopeningKeepsTheRecords(.sqlite)
    }
}

@Suite(
    .enabled(
        if: JournalFixtures.postgresURL != nil,
        "needs BAILIWICK_TEST_POSTGRES_URL: .ci/postgres starts a PostgreSQL server and sets it"))
struct PostgresJournalStorageTests {
    @Test func whatIsRecordedIsReadBackInOrder() async throws {
        try await JournalStorageChecks.whatIsRecordedIsReadBackInOrder(.postgres)
    }
    @Test func withoutNamesTheJournalHoldsNoName() async throws {
        try await JournalStorageChecks.withoutNamesTheJournalHoldsNoName(.postgres)
    }
    @Test func concurrentRecordsAreAllKept() async throws {
        try await JournalStorageChecks.concurrentRecordsAreAllKept(.postgres)
    }
    @Test func reopeningKeepsTheRecords() async throws {
        try await JournalStorageChecks.reopeningKeepsTheRecords(.postgres)
    }
}
