import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `serve --journal`: audits made through the API and the audit page are recorded, and one that
/// cannot be recorded is not served.
@Suite struct ServerJournalTests {
    static func matter(id: String) throws -> String {
        try Server.repositoryFile("Examples/wa-dissolution-problems.yaml")
            .replacingOccurrences(of: "id: WA-2026-0153", with: "id: \(id)")
    }

    static func post(_ uri: String, body: String, type: String, journal: ServerJournal) async throws -> Server.Answer {
        let app = Application(
            router: BailiwickServer.router(packs: Server.packs, configuration: ServerConfiguration(), journal: journal))
        return try await app.test(.router) { client in
            try await client.execute(
                uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)
            ) { response in
                Server.Answer(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
        }
    }

    /// The shipped packs as a test journal records them.
    static let packs = PackIdentity(version: "shipped test", sha256: String(repeating: "0", count: 64))

    /// A new SQLite journal in a folder of its own, removed once `body` has used it.
    static func withJournal(_ body: (any Journal) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bailiwick-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(try await Journals.open(folder.appendingPathComponent("journal.sqlite").path))
    }

    @Test func auditsThroughTheAPIAndThePageAreRecorded() async throws {
        try await Self.withJournal { journal in try await Self.auditsAreRecorded(in: journal) }
    }

    private static func auditsAreRecorded(in journal: any Journal) async throws {
        let packs = Self.packs
        let recorder = ServerJournal(journal: journal, packs: packs, names: false)
        let text = try Self.matter(id: "SRV-1")

        let api = try await Self.post(
            "/v1/audit?as-of=2026-05-22", body: text, type: "application/yaml", journal: recorder)
        #expect(api.status == HTTPResponse.Status.ok)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let form = "matter=\(text.addingPercentEncoding(withAllowedCharacters: allowed)!)&as-of=2026-05-22"
        let page = try await Self.post(
            "/audit", body: form, type: "application/x-www-form-urlencoded", journal: recorder)
        #expect(page.status == HTTPResponse.Status.ok)

        let history = try await journal.history(of: "SRV-1")
        #expect(history.map(\.entry.source) == ["api", "page"])
        #expect(
            history.allSatisfy { $0.entry.auditor == nil && $0.entry.packs == packs && $0.entry.asOf == "2026-05-22" })
        #expect(history[0].entry.findings == history[1].entry.findings)
        #expect(!history[0].entry.report.contains("Adaeze"))

        // A matter that cannot be read is not an audit: nothing is recorded.
        let broken = try await Self.post("/v1/audit", body: "id: [", type: "application/yaml", journal: recorder)
        #expect(broken.status == HTTPResponse.Status.unprocessableContent)
        #expect(try await journal.history(of: "SRV-1").count == 2)

        // The journal gone: the audit is refused rather than served unrecorded.
        await journal.close()
        let unrecorded = try await Self.post("/v1/audit", body: text, type: "application/yaml", journal: recorder)
        #expect(unrecorded.status == HTTPResponse.Status.internalServerError)
        #expect(unrecorded.errorCode == "server_error")
        #expect(!unrecorded.body.contains("FORM-MISSING"))
    }
}
