import Foundation
import Hummingbird

/// Guards the app: with a token, every request must carry it; on loopback without one, only
/// requests addressed to this machine by name are served (a defence against DNS rebinding).
///
/// A program sends `Authorization: Bearer TOKEN`. A browser opens any page once with
/// `?token=TOKEN`; the token is then kept in a cookie, readable only by this app, and the
/// address bar is cleared of it.
struct AccessControl<Context: RequestContext>: RouterMiddleware {
    /// Cookies are shared by every port of a host: the name carries the port, so another
    /// local service, or a second Bailiwick, is not sent this one's token.
    static func cookieName(for request: Request) -> String {
        let authority = request.head.authority ?? ""
        let port = authority.split(separator: ":").last.flatMap { Int($0) }.map(String.init) ?? "80"
        return "bailiwick-token-\(port)"
    }

    let token: String?
    let loopbackOnly: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if loopbackOnly, let authority = request.head.authority ?? request.headers[.init("Host")!], !Self.isLocalAuthority(authority) {
            return Reply.error("this server answers only requests addressed to localhost", status: .forbidden)
        }
        guard let token else { return try await next(request, context) }
        if let bearer = request.headers[.authorization], Self.same(bearer, "Bearer " + token) {
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.cookieName(for: request)]?.value, Self.same(cookie, token) {
            return try await next(request, context)
        }
        if request.method == .get, let given = request.uri.queryParameters["token"], Self.same(String(given), token) {
            let query = Parameters(Parameters(urlEncoded: Substring(request.uri.query ?? "")).pairs.filter { $0.name != "token" }).encoded
            // Lax, not Strict: the link may be opened from another site (a chat, a mail), and the
            // redirected request must carry the cookie. No GET changes anything.
            let cookie = "\(Self.cookieName(for: request))=\(token); Path=/; HttpOnly; SameSite=Lax"
            // Only a path on this server: "//host" would send the browser elsewhere.
            let path = request.uri.path.hasPrefix("//") || request.uri.path.hasPrefix("/\\") ? "/" : request.uri.path
            return Reply.redirect(to: path + (query.isEmpty ? "" : "?" + query), headers: [.setCookie: cookie])
        }
        var response = Reply.error("an access token is required: send 'Authorization: Bearer TOKEN', or open a page once "
            + "with ?token=TOKEN (the token is the server's BAILIWICK_TOKEN)", status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer realm=\"bailiwick\""
        return response
    }

    static func isLocalAuthority(_ authority: String) -> Bool {
        var host = authority
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") {
            host = String(host[host.index(after: host.startIndex)..<end])
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return ServerConfiguration.isLoopback(host)
    }

    /// Compares in time independent of where the strings differ, so the token cannot be guessed byte by byte.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
