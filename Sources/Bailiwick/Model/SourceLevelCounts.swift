/// How many of a pack's own scope rules stand at each source level: what `list jurisdictions`,
/// `/v1/packs` and the packs page show of how well a pack is checked.
public struct SourceLevelCounts: Sendable, Equatable {
    /// Every level, in the order of `SourceStatus.allCases`, with its count (zero included).
    public let counts: [(level: SourceStatus, count: Int)]

    public init(rules: [ScopeRule]) {
        counts = SourceStatus.allCases.map { level in (level, rules.count { $0.citation.status == level }) }
    }

    public var total: Int { counts.reduce(0) { $0 + $1.count } }

    public static func == (left: Self, right: Self) -> Bool {
        left.counts.map(\.count) == right.counts.map(\.count)
    }
}

extension PackSet {
    /// The levels of the rules written in the jurisdiction's own pack (not the shared ones).
    public func sourceLevels(of jurisdiction: String) -> SourceLevelCounts {
        SourceLevelCounts(rules: rules.filter { $0.jurisdiction == jurisdiction })
    }
}
