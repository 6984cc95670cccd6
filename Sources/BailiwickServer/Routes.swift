import BailiwickReports
import Hummingbird

/// The app's routes, registered on the router and remembered, so that a path served with other
/// methods answers 405 with `Allow` instead of an empty 404.
struct Routes {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    let router: Router<BasicRequestContext>
    private(set) var table = RouteTable()

    /// GET, and HEAD with the same headers (the router makes it from the GET).
    mutating func get(_ path: String, _ handler: @escaping Handler) {
        router.get(RouterPath(path), use: handler)
        table.add(path, methods: [.get, .head])
    }

    mutating func post(_ path: String, _ handler: @escaping Handler) {
        router.post(RouterPath(path), use: handler)
        table.add(path, methods: [.post])
    }
}

/// Path patterns (`{name}` matches one segment) and the methods each is served with.
struct RouteTable: Sendable {
    private var entries: [(segments: [Substring], methods: Set<HTTPRequest.Method>)] = []

    mutating func add(_ pattern: String, methods: Set<HTTPRequest.Method>) {
        entries.append((pattern.split(separator: "/"), methods))
    }

    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/")
        return entries.filter { entry in
            entry.segments.count == segments.count
                && zip(entry.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.reduce(into: []) { $0.formUnion($1.methods) }
    }
}

/// The router's responder, with what it leaves out: 405 for a method a path is not served with,
/// and a body for every error (the router's own 404, a body too large): JSON in the API's
/// shape on its paths, a page with the app's layout elsewhere.
public struct AppResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let routes: RouterResponder<BasicRequestContext>
    let table: RouteTable

    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var response: Response
        do {
            response = try await routes.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = Response(status: error.status)
        } catch {
            // A page that fails answers with an error page; the API's answer to a failure is the framework's.
            guard !Self.isAPI(request.uri.path) else { throw error }
            response = ErrorPage.response(
                .internalServerError, "the server could not answer this request: try again in a moment")
        }
        // Only a 404 asks which methods the path takes: the answered requests pay nothing.
        let allowed = response.status == .notFound ? table.methods(for: request.uri.path) : []
        if !allowed.isEmpty, !allowed.contains(request.method) {
            let names = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            let message = "this address takes \(names), not \(request.method)"
            response = Self.error(for: request, status: .methodNotAllowed, code: .methodNotAllowed, message)
            response.headers[.allow] = names
        } else if response.status.code >= 400, response.body.contentLength == 0,
            response.headers[.contentLength] ?? "0" == "0"
        {
            let message =
                response.status == .notFound
                ? "there is nothing at this address"
                : response.status.reasonPhrase
            let headers = response.headers
            response = Self.error(for: request, status: response.status, code: Self.code(for: response.status), message)
            for field in headers where response.headers[field.name] == nil { response.headers.append(field) }
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The API's paths are `/v1/...` and its document; every other path is a page.
    static func isAPI(_ path: String) -> Bool {
        path.hasPrefix("/v1/") || path == "/v1" || path == "/openapi.json"
    }

    /// The code of an error the router or the framework answered with, by its status.
    static func code(for status: HTTPResponse.Status) -> ErrorCode {
        switch status.code {
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 405: .methodNotAllowed
        case 413: .tooLarge
        case 503: .busy
        case 400..<500: .invalidRequest
        default: .serverError
        }
    }

    static func error(
        for request: Request, status: HTTPResponse.Status, code: ErrorCode,
        _ message: String
    ) -> Response {
        guard !isAPI(request.uri.path) else { return Reply.error(code, message) }
        return ErrorPage.response(status, message)
    }
}

/// The router, answered through `AppResponder`.
public struct AppRouter: HTTPResponderBuilder {
    let router: Router<BasicRequestContext>
    let table: RouteTable

    // A concrete type, not `some HTTPResponder`: Swift 6.3.1 crashes optimising the opaque one.
    public func buildResponder() -> AppResponder {
        AppResponder(routes: router.buildResponder(), table: table)
    }
}
