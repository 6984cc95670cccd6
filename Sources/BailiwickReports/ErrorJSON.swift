/// The API's error body, `{"error": {"code", "message", "field", "suggestion", "known"}}`: one
/// shape for every error status. `field`, `suggestion` and `known` (the valid ids or values, for
/// one that is not among them) are null when the error has none, so every key is always there.
public enum ErrorJSON {
    public static func object(
        code: ErrorCode, message: String, field: String? = nil, suggestion: String? = nil, known: [String]? = nil,
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        .object(
            [
                (
                    "error",
                    .object([
                        ("code", .string(code.rawValue)), ("message", .string(message)),
                        ("field", .optional(field)), ("suggestion", .optional(suggestion)),
                        ("known", known.map { .array($0.map(JSONValue.string)) } ?? .null),
                    ])
                )
            ] + extra)
    }

    /// A request's error, its fields named as the API's parameters.
    public static func object(_ error: RequestError, extra: [(String, JSONValue)] = []) -> JSONValue {
        object(
            code: error.code, message: error.description, field: error.field?.rawValue, suggestion: error.suggestion,
            known: error.known, extra: extra)
    }
}
