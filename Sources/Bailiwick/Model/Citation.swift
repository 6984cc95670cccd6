/// How well a rule's text has been checked.
public enum SourceStatus: String, Sendable, CaseIterable {
    /// The rule's own text (or an official copy of it) was read, at the pinpoint cited.
    case primary
    /// Read in the court's or bar's own summary of the rule (an FAQ, a program page, an order
    /// summary), not in the rule's text: official, but a paraphrase.
    case officialSummary = "official-summary"
    /// Read only in a secondary source: a bar page, a practitioner's site, news.
    case secondary
    /// Not read in any source: inferred, or from memory. Check before relying on it.
    case unverified
}

/// What a rule or licence rests on: the citation as a lawyer writes it, and how well it is verified.
public struct Citation: Sendable {
    public let text: String
    public let status: SourceStatus
    /// Keys of the jurisdiction's source documents.
    public let sourceKeys: [String]

    public init(text: String, status: SourceStatus, sourceKeys: [String] = []) {
        self.text = text
        self.status = status
        self.sourceKeys = sourceKeys
    }
}

/// A document a pack cites.
public struct SourceDocument: Sendable {
    public let key: String
    public let title: String
    public let url: String?
    /// The edition, the amendment date or the document's date: which text was read.
    public let version: String?

    public init(key: String, title: String, url: String?, version: String? = nil) {
        self.key = key
        self.title = title
        self.url = url
        self.version = version
    }
}

/// A period in force, both ends included; an open end is nil.
public struct EffectivePeriod: Sendable, Equatable {
    public let from: CivilDate?
    public let until: CivilDate?

    public init(from: CivilDate? = nil, until: CivilDate? = nil) {
        self.from = from
        self.until = until
    }

    public func contains(_ date: CivilDate) -> Bool {
        if let from, date < from { return false }
        if let until, until < date { return false }
        return true
    }

    public var description: String {
        switch (from, until) {
        case (nil, nil): "always"
        case (let from?, nil): "from \(from)"
        case (nil, let until?): "until \(until)"
        case (let from?, let until?): "\(from) to \(until)"
        }
    }
}
