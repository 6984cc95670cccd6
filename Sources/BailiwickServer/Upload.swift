import Hummingbird

/// Request bodies, read within a limit: a body declared larger is refused before it is read,
/// and one that turns out larger is refused as soon as it passes the limit.
enum Upload {
    struct TooLarge: Error {}

    /// The setting that raises the largest matter file accepted.
    static let setting = "BAILIWICK_MAX_FILE_BYTES"

    /// The most a request's body may hold: its declared length, or the limit when it declares none
    /// (or more than the limit, which `read` refuses).
    static func reservation(_ request: Request, limit: Int) -> Int {
        guard let declared = request.headers[.contentLength].flatMap({ Int($0) }), (0...limit).contains(declared) else {
            return limit
        }
        return declared
    }

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
