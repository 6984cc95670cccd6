/// A jurisdiction's pack metadata.
public struct Jurisdiction: Sendable {
    public let id: String
    public let name: String
    public let country: String
    /// When the pack was last checked against its sources.
    public let reviewed: CivilDate
    public let sources: [SourceDocument]

    public init(id: String, name: String, country: String, reviewed: CivilDate, sources: [SourceDocument]) {
        self.id = id
        self.name = name
        self.country = country
        self.reviewed = reviewed
        self.sources = sources
    }
}
