import BailiwickJournal
import Foundation
import Testing

/// The SQLite journal's file: private, and refused when it is not a journal.
@Suite struct SQLiteJournalFileTests {
    @Test func theFileIsCreatedReadableByItsOwnerOnly() async throws {
        let folder = try JournalFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let journal = try await Journals.open(path)
        try await journal.record([try JournalFixtures.entry(id: "T-private")])
        await journal.close()
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    /// A file that is not a database is refused with the journal's name, and none of its content.
    @Test func aFileThatIsNotAJournalIsRefused() async throws {
        let folder = try JournalFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("matter.yaml").path
        let content = String(repeating: "client: Jane Secret\n", count: 200)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await Journals.open(path)
        } throws: { error in
            let message = "\(error)"
            return message.contains(path) && !message.contains("Jane Secret")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func aFolderIsRefused() async throws {
        let folder = try JournalFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: JournalError.self) { _ = try await Journals.open(folder.path) }
    }

    @Test func aMalformedPostgresURLIsRefusedWithoutEchoingIt() async throws {
        await #expect {
            _ = try await Journals.open("postgres://:secret-password@/")
        } throws: { error in
            !"\(error)".contains("secret-password") && "\(error)".contains("postgres://USER")
        }
    }
}
