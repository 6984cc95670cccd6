import Foundation
import HTTPTypes
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
    /// Whether `X-Forwarded-Proto` and `X-Forwarded-Host` come from a proxy of ours (`serve --trust-proxy`).
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // The first Host becomes the authority; any other stays a header. Without exactly one,
        // the checks below would have no address to check.
        var hosts = request.head.authority == nil ? 0 : 1
        var authority = request.head.authority
        for field in request.headers where field.name == .host {
            hosts += 1
            if authority == nil { authority = field.value }
        }
        guard hosts == 1, let authority else {
            return AppResponder.error(
                for: request, status: .badRequest, code: .invalidRequest,
                "a request must carry exactly one Host header")
        }
        if loopbackOnly, !Self.isLocalAuthority(authority) {
            return AppResponder.error(
                for: request, status: .forbidden, code: .forbidden,
                "this server answers only requests addressed to localhost")
        }
        // A page on another site can make a browser post a form here; the browser says so.
        if request.method == .post, !isSameOrigin(request, authority: authority) {
            return AppResponder.error(
                for: request, status: .forbidden, code: .forbidden,
                "a form from another site cannot be posted to this server")
        }
        guard let token else { return try await next(request, context) }
        if let bearer = request.headers[.authorization], Self.same(bearer, "Bearer " + token) {
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.cookieName(for: request)]?.value, Self.same(cookie, token) {
            return try await next(request, context)
        }
        if request.method == .get, let given = request.uri.queryParameters["token"], Self.same(String(given), token) {
            let query = Parameters(
                Parameters(urlEncoded: Substring(request.uri.query ?? "")).pairs.filter { $0.name != "token" }
            ).encoded
            // Lax, not Strict: the link may be opened from another site (a chat, a mail), and the
            // redirected request must carry the cookie. No GET changes anything.
            let cookie =
                "\(Self.cookieName(for: request))=\(token); Path=/; HttpOnly; SameSite=Lax"
                + (scheme(of: request) == "https" ? "; Secure" : "")
            // Only a path on this server: "//host" would send the browser elsewhere.
            let path = request.uri.path.hasPrefix("//") || request.uri.path.hasPrefix("/\\") ? "/" : request.uri.path
            return Reply.redirect(to: path + (query.isEmpty ? "" : "?" + query), headers: [.setCookie: cookie])
        }
        // A calendar app subscribed to a feed sends neither header nor cookie: the feed's own token
        // (never the server's) may come in its address.
        if request.method == .get || request.method == .head, CaseloadFeed.isFeed(request.uri.path),
            let given = request.uri.queryParameters["feed-token"], Self.same(String(given), CaseloadFeed.token(token))
        {
            return try await next(request, context)
        }
        var response = Reply.error(
            .unauthorized,
            "an access token is required: send 'Authorization: Bearer TOKEN', "
                + "or open a page once with ?token=TOKEN (the token is the server's BAILIWICK_TOKEN)")
        response.headers[.wwwAuthenticate] = "Bearer realm=\"bailiwick\""
        return response
    }

    /// The scheme the client used: https only when a trusted proxy says so.
    func scheme(of request: Request) -> String {
        guard trustProxy, let proto = request.headers[.forwardedProto] else { return "http" }
        let nearest = proto.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return nearest == "https" ? "https" : "http"
    }

    /// False for a request a browser marks as sent from another site or another origin of the same
    /// site (another port), or whose `Origin` is another server's; true for programs, which send
    /// neither header. `Origin: null` is refused unless the browser also says `Sec-Fetch-Site:
    /// same-origin`: browsers send `null` for this app's own forms, because its pages ask for no
    /// referrer.
    func isSameOrigin(_ request: Request, authority: String) -> Bool {
        let site = request.headers[.secFetchSite]?.lowercased()
        if let site, site != "same-origin", site != "none" { return false }
        guard let origin = request.headers[.origin] else { return true }
        if origin.lowercased() == "null" { return site == "same-origin" }
        let scheme = scheme(of: request)
        let forwarded = trustProxy ? request.headers[.forwardedHost]?.split(separator: ",").first.map(String.init) : nil
        let ours = Self.normalised(
            authority: (forwarded ?? authority).trimmingCharacters(in: .whitespaces),
            scheme: scheme)
        let parts = origin.split(separator: "://", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == scheme else { return false }
        return Self.normalised(authority: String(parts[1]), scheme: scheme) == ours
    }

    /// Lower case, without the scheme's default port.
    static func normalised(authority: String, scheme: String) -> String {
        let lowered = authority.lowercased()
        let port = scheme == "https" ? ":443" : ":80"
        return lowered.hasSuffix(port) ? String(lowered.dropLast(port.count)) : lowered
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
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}

extension HTTPField.Name {
    static let host = HTTPField.Name("Host")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
