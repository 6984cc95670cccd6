import BailiwickReports
import HTTPTypes
import Hummingbird

/// Responses with the content types and headers the app uses.
enum Reply {
    /// Pages may run only their own script and styles; nothing is fetched from elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func text(
        _ body: String, type: String, status: HTTPResponse.Status = .ok,
        download: String? = nil
    ) -> Response {
        var headers = headers(type: type)
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private static func headers(type: String) -> HTTPFields {
        [
            .contentType: type,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "no-referrer",
            // Answers depend on the request alone; matter data must not linger in caches.
            .cacheControl: "no-store",
        ]
    }

    /// Made once: each field's value is checked as it is made, and most answers are JSON.
    private static let jsonHeaders = headers(type: jsonType)

    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: jsonHeaders, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A JSON document already written as UTF-8 bytes.
    static func json(bytes body: [UInt8]) -> Response {
        Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static let jsonType = "application/json; charset=utf-8"

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = text(body, type: "text/html; charset=utf-8", status: status)
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        return response
    }

    /// The API's answer to a request it cannot serve: the error body, with the code's status.
    static func error(_ code: ErrorCode, _ message: String) -> Response {
        json(ErrorJSON.object(code: code, message: message).rendered(), status: .init(code: code.status))
    }

    /// A request's error, in the API's words: fields named as its parameters.
    static func error(_ error: RequestError) -> Response {
        let body: String
        if case .unreadableMatter(let problems) = error {
            body = Service.problemsJSON(error, problems)
        } else {
            body = ErrorJSON.object(error).rendered()
        }
        return json(body, status: .init(code: error.code.status))
    }

    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }
}

extension Reply {
    /// 503 while the server has as many audits as it admits; the client may try again shortly.
    static func busy(page: Bool) -> Response {
        let message = "the server is busy with other audits: try again in a few seconds"
        var response =
            page
            ? ErrorPage.response(.serviceUnavailable, message)
            : error(.busy, message)
        response.headers[.retryAfter] = "5"
        return response
    }
}

extension HTTPField.Name {
    // Made once: a name made from text is checked character by character.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
