/// The API's error body, `{"error": {"code", "message", "field", "suggestion"}}`: one shape for
/// every error status. `field` and `suggestion` are null when the error has none, so every key
/// is always there.
public enum ErrorJSON {
    public static func object(
        code: ErrorCode, message: String, field: String? = nil, suggestion: String? = nil,
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        .object(
            [
                (
                    "error",
                    .object([
                        ("code", .string(code.rawValue)), ("message", .string(message)),
                        ("field", .optional(field)), ("suggestion", .optional(suggestion)),
                    ])
                )
            ] + extra)
    }

    /// A request's error, its fields named as the API's parameters.
    public static func object(_ error: RequestError, extra: [(String, JSONValue)] = []) -> JSONValue {
        object(
            code: error.code, message: error.description, field: error.field?.rawValue, suggestion: error.suggestion,
            extra: extra)
    }
}
