import Foundation

/// A `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]` URL, as
/// libpq writes them. The password is never shown: `display` leaves it out.
struct PostgresLocation: Sendable {
    enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String?
    let tls: TLSMode

    static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    init(_ location: String) throws(JournalError) {
        let invalid = JournalError(
            "the journal URL is not of the form postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
                + "[?sslmode=disable|prefer|require]")
        guard let url = URLComponents(string: location), let host = url.host, !host.isEmpty,
            let user = url.user, !user.isEmpty
        else { throw invalid }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard (url.port ?? 5432) > 0, (url.port ?? 5432) <= 65_535 else { throw invalid }
        port = url.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = url.password.map { $0.removingPercentEncoding ?? $0 }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? nil : path.removingPercentEncoding ?? path
        var tls = TLSMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw invalid
            }
            tls = mode
        }
        self.tls = tls
    }

    /// The URL without its password, for messages.
    var display: String {
        "postgres://\(username)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database ?? "")"
    }
}
