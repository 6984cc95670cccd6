import Hummingbird

/// Request bodies, read within a limit: a body declared larger is refused before it is read,
/// and one that turns out larger is refused as soon as it passes the limit.
enum Upload {
    struct TooLarge: Error {
        /// Why a body was refused, with the limit and, where one does, the setting that raises it.
        static func message(_ what: String = "the matter file", limit: Int,
                            raisedBy setting: String? = "BAILIWICK_MAX_FILE_BYTES") -> String {
            "\(what) is larger than \(limit) bytes, the largest accepted"
                + (setting.map { " (\($0) on the server raises the limit)" } ?? "")
        }
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
