import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickPacks
import BailiwickReports
import Foundation

/// Entries made the way `bailiwick audit --journal` makes them: a real audit of an example matter.
enum JournalFixtures {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples").standardized

    static let packs: PackSet = try! PackSetLoader.load(PackFiles.shipped)
    static let identity = ContentHash.packs(PackFiles.shipped, version: "shipped test")

    /// The example matter's text with its id replaced, so that each test writes matters of its own.
    static func matterText(_ example: String = "wa-dissolution-problems.yaml", id: String) throws -> String {
        let text = try String(contentsOf: examples.appendingPathComponent(example), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("id: ") ? "id: \(id)" : String(line)
        }
        return lines.joined(separator: "\n")
    }

    static func entry(
        id: String, asOf: String = "2026-05-22", example: String = "wa-dissolution-problems.yaml",
        auditor: String? = "A. Supervisor", names: Bool = false
    ) throws -> JournalEntry {
        let text = try matterText(example, id: id)
        let matter = try MatterLoader.load(text: text, file: "clients/Smith.yaml", packs: packs)
        let request = AuditRequest(asOf: CivilDate(asOf)!)
        let report = request.audit(matter, in: packs, today: CivilDate(asOf)!)
        let stamp = JournalStamp(
            recordedAt: JournalClock.now(), auditor: auditor, source: "cli", packs: identity, names: names)
        return request.journalEntry(
            for: matter, report: report, in: packs, today: CivilDate(asOf)!,
            matterSHA256: ContentHash.sha256(text.utf8),
            stamp: stamp)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bailiwick-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The PostgreSQL server `.ci/postgres` starts; nil when none is given.
    static let postgresURL = ProcessInfo.processInfo.environment["BAILIWICK_TEST_POSTGRES_URL"]
}
