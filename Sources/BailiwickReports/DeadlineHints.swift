/// How `DeadlineText` tells the reader to supply what a computation is missing. The words here
/// name no front end's syntax; the command line passes its own, which names its flags.
public struct DeadlineHints: Sendable {
    /// Said after an alternative that the given facts (ids) would decide.
    public let facts: @Sendable ([String]) -> String
    /// Said when an alternative's date cannot be worked out.
    public let undecidable: String

    public init(facts: @escaping @Sendable ([String]) -> String, undecidable: String) {
        self.facts = facts
        self.undecidable = undecidable
    }

    public static let plain = DeadlineHints(
        facts: { "(give \($0.joined(separator: ", ")) to decide)" },
        undecidable: "cannot be worked out from what was given (another event's date, or a time of day for hours)")
}
