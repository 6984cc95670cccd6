/// The stable codes of every error the API answers with, and the HTTP status of each. Clients
/// branch on the code; the message is for people and may be reworded. docs/error-codes.md lists
/// them (a test keeps the two in step).
public enum ErrorCode: String, CaseIterable, Sendable {
    /// An id the packs do not know (jurisdiction, licence, action, area, fact, deadline, time rule).
    case unknownID = "unknown_id"
    /// A parameter missing, malformed, out of range, or given with one it excludes.
    case invalidParameter = "invalid_parameter"
    /// The request itself is malformed: no Host header, or more than one.
    case invalidRequest = "invalid_request"
    case unauthorized
    case forbidden
    /// Nothing at this address (a path naming an unknown jurisdiction, or no such path).
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case tooLarge = "too_large"
    /// Every parameter is valid, but no answer can be computed from them (a count past year
    /// 9999, a time rule with no version in force, a quiz with no question for its choices).
    case notComputable = "not_computable"
    /// The matter file cannot be read; its problems come with the error.
    case unreadableMatter = "unreadable_matter"
    /// The server failed; not the request's fault.
    case serverError = "server_error"
    /// The server is running as many audits as it admits.
    case busy

    public var status: Int {
        switch self {
        case .unknownID, .invalidParameter, .invalidRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .tooLarge: 413
        case .notComputable, .unreadableMatter: 422
        case .serverError: 500
        case .busy: 503
        }
    }
}
