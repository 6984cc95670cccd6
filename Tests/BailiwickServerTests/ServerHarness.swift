import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting

/// Requests against the app in process, through Hummingbird's router test client.
enum Server {
    static let packs: PackSet = try! PackSetLoader.load(PackFiles.needed(for: nil, from: PackFiles.shipped))

    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }

        func header(_ name: String) -> String? { headers[.init(name)!] }

        /// The API's error body's members: `code`, `message`, `field`, `suggestion`.
        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
        var errorMessage: String? { error["message"] as? String }
        var errorCode: String? { error["code"] as? String }
    }

    static func request(
        _ uri: String, method: HTTPRequest.Method = .get, body: String? = nil, headers: HTTPFields = [:],
        configuration: ServerConfiguration = ServerConfiguration()
    ) async throws -> Answer {
        let app = Application(router: BailiwickServer.router(packs: packs, configuration: configuration))
        return try await app.test(.router) { client in
            try await client.execute(
                uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
            ) { response in
                Answer(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
        }
    }

    /// A form post, as a browser sends it.
    static func post(
        _ uri: String, form: [(String, String)], configuration: ServerConfiguration = ServerConfiguration()
    ) async throws -> Answer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + "\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }
        .joined(separator: "&")
        return try await request(
            uri, method: .post, body: body, headers: [.contentType: "application/x-www-form-urlencoded"],
            configuration: configuration)
    }

    /// A file of the repository, found from this source file's place in it.
    static func repositoryFile(_ path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
