import Bailiwick
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting

/// The example caseload (Examples/caseload), copied to a folder of its own so that a test may change
/// it, and served by the app in process with `serve --caseload` as of the date its files are written for.
struct CaseloadFixture {
    /// Friday 2026-05-01: the date the example caseload's comments work their dates out for.
    static let date = CivilDate(year: 2026, month: 5, day: 1)!
    /// A matter file the loader refuses, at line 3 column 15 (no such jurisdiction), next to client data.
    static let broken = "id: BROKEN-1\ntitle: Secret Client v. Nobody\njurisdiction: us-wq\npeople: []\n"

    let folder: URL
    let desk: CaseloadDesk

    /// With `broken`, the folder also holds `broken-matter.yaml`. The desk checks the folder only when
    /// `refresh()` is called, so that what a test sees never depends on the clock.
    init(broken: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bailiwick-caseload-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/caseload")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        desk = CaseloadDesk(folder: folder.path, packs: Server.packs, asOf: Self.date, checkEvery: .seconds(86_400))
        if broken { try write("broken-matter.yaml", Self.broken) }
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func request(
        _ uri: String, headers: HTTPFields = [:], configuration: ServerConfiguration = ServerConfiguration()
    ) async throws -> Server.Answer {
        let app = Application(
            router: BailiwickServer.router(packs: Server.packs, configuration: configuration, caseload: desk))
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                Server.Answer(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
        }
    }
}
