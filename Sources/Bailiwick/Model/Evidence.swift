/// What a reviewer needs to check a `primary` rule without searching: where the rule's text was
/// read, when, and the operative words, quoted (the rule is public law).
public struct Evidence: Sendable {
    /// A key of the jurisdiction's source documents.
    public let sourceKey: String
    /// The subsection read, e.g. "APR 28(F)(13)".
    public let pinpoint: String
    /// The day the text was read.
    public let read: CivilDate
    public let words: String

    public init(sourceKey: String, pinpoint: String, read: CivilDate, words: String) {
        self.sourceKey = sourceKey
        self.pinpoint = pinpoint
        self.read = read
        self.words = words
    }
}
