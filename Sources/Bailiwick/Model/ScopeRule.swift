public enum Effect: String, Sendable, CaseIterable {
    case permit, forbid
}

/// A condition a grant depends on, shown to the user as met, unmet or unknown.
public struct Requirement: Sendable {
    public let condition: Condition
    public let description: String?

    public init(condition: Condition, description: String?) {
        self.condition = condition
        self.description = description
    }

    /// What the user reads: the description, or the condition's own text.
    public var label: String { description ?? condition.text }
}

/// The actions a rule covers.
public enum ActionScope: Sendable {
    case all
    case only([String])

    public func covers(_ action: String) -> Bool {
        switch self {
        case .all: true
        case .only(let actions): actions.contains(action)
        }
    }

    package var isAll: Bool {
        if case .all = self { return true }
        return false
    }

    /// The actions named, or none for `all`.
    package var ids: [String] {
        if case .only(let ids) = self { return ids }
        return []
    }
}

/// A scope-of-practice rule: permits or forbids some actions to some licences. Immutable and
/// shared by reference, like the pack's other entities: an explanation's outcomes and an audit's
/// findings hold the rule itself, and copying its sixteen fields at each use was much of the
/// cost of explaining a decision.
public final class ScopeRule: Sendable {
    public let id: String
    public let summary: String
    public let effect: Effect
    /// The jurisdiction whose pack holds the rule, or nil for the shared `Rules/`.
    public let jurisdiction: String?
    public let licenses: [LicenseKey]
    public let actions: ActionScope
    /// Areas the rule is limited to; nil for every area.
    public let areas: [String]?
    /// The rule applies only where this holds.
    public let when: Condition?
    /// For permits: what the grant depends on.
    public let requires: [Requirement]
    /// Ids of the rules this one defeats where it applies.
    public let exceptionTo: [String]
    public let period: EffectivePeriod
    public let citation: Citation
    /// Where the rule's own text was read; required of a `primary` rule.
    public let evidence: Evidence?
    public let remedy: String?
    public let note: String?
    /// Where the rule is written, for messages that point to it.
    public let location: SourceLocation?

    public init(
        id: String, summary: String, effect: Effect, jurisdiction: String?, licenses: [LicenseKey],
        actions: ActionScope, areas: [String]?, when: Condition?, requires: [Requirement], exceptionTo: [String],
        period: EffectivePeriod, citation: Citation, remedy: String?, note: String?, location: SourceLocation?,
        evidence: Evidence? = nil
    ) {
        self.id = id
        self.summary = summary
        self.effect = effect
        self.jurisdiction = jurisdiction
        self.licenses = licenses
        self.actions = actions
        self.areas = areas
        self.when = when
        self.requires = requires
        self.exceptionTo = exceptionTo
        self.period = period
        self.citation = citation
        self.evidence = evidence
        self.remedy = remedy
        self.note = note
        self.location = location
    }
}
