import Hummingbird

/// Request bodies, read within a limit: a body declared larger is refused before it is read,
/// and one that turns out larger is refused as soon as it passes the limit.
enum Upload {
    struct TooLarge: Error {}

    /// The setting that raises the largest matter file accepted.
    static let setting = "BAILIWICK_MAX_FILE_BYTES"

    static func read(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw TooLarge() }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw TooLarge()
        }
    }
}
