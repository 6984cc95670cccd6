import Bailiwick

/// The `unconfirmed-closures` of a deadline, a finding or a timeline entry (docs/json-output.md): written only
/// when there are some, so that every other output stays as it was.
enum ClosureWarningJSON {
    static let key = "unconfirmed-closures"

    static func value(_ warnings: [ClosureWarning], kind: DeadlineRule.Kind) -> JSONValue {
        .array(
            warnings.map { warning in
                .object([
                    ("closed", .string(warning.closure.date.description)),
                    ("reason", .string(warning.closure.reason)),
                    ("citation", PackJSON.citation(warning.closure.citation)),
                    ("note", .optional(warning.closure.note)),
                    ("date", .string(warning.date.description)),
                    ("time", .optional(warning.time?.description)),
                    ("warning", .string(ClosureWarningText.sentence(warning, kind: kind))),
                ])
            })
    }
}
