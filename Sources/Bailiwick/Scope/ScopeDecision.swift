/// The answer to a scope question, with everything needed to explain it.
public struct ScopeDecision: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A rule grants the action and none forbids it.
        case permitted
        /// Granted only if the listed requirements hold.
        case conditional
        /// A rule forbids it: unauthorized practice.
        case prohibited
        /// No rule grants it (default deny).
        case notAuthorized = "not-authorized"
        /// The answer depends on facts the matter does not give.
        case undetermined
    }

    public let kind: Kind
    public let query: ScopeQuery
    /// The practice area the decision was made for: the one given, or the licence's only one.
    public let area: String?
    public let areaAssumed: Bool
    /// Why the licence itself does not reach the action, if it does not.
    public let licenseFinding: LicenseFinding?
    /// Every rule that names the licence and the action, with what became of it.
    public let rules: [RuleOutcome]
    /// The requirements of the granting rules, each met, unmet or unknown.
    public let requirements: [RequirementOutcome]
    /// Facts (and `area`) that must be found before the decision can be final.
    public let missingFacts: [String]
    /// Every fact the decision read, with its value (nil: not given).
    public let factsRead: [(id: String, value: FactValue?)]
    /// Things the user should know that do not change the decision.
    public let notes: [String]
    /// For `undetermined` where only a forbid is in doubt: the decision if it does not apply.
    public let otherwise: Kind?

    /// The rules that decided: the active forbids for `prohibited`, the active grants otherwise.
    public var decisiveRules: [RuleOutcome] { rules.filter(\.decisive) }

    /// True when a `conditional` grant has a requirement that the facts show is not met.
    public var hasUnmetRequirement: Bool {
        guard kind == .conditional else { return false }
        let grants = Set(requirements.map(\.ruleID))
        return grants.allSatisfy { rule in requirements.contains { $0.ruleID == rule && $0.truth == .false } }
    }

    /// True when the action is out of scope: the user must not go ahead.
    public var isOutOfScope: Bool {
        kind == .prohibited || kind == .notAuthorized || hasUnmetRequirement
    }

    /// The decisive rules that rest on less than the rule's own text.
    public var weaklySourcedRules: [ScopeRule] {
        decisiveRules.map(\.rule).filter { $0.citation.status != .primary }
    }
}

/// Why a licence does not reach the question at all.
public enum LicenseFinding: Sendable, Equatable {
    /// The licence did not exist yet, or no longer existed, on the date.
    case notInForce(EffectivePeriod)
    /// The matter's area is outside the licence's areas.
    case areaNotCovered(area: String, covered: [String])
    /// The licence covers several areas and the matter's area was not given.
    case areaNotGiven(covered: [String])
}

/// What became of one candidate rule.
public struct RuleOutcome: Sendable {
    public enum Status: String, Sendable {
        /// In force, applies and is not defeated: it counts.
        case active
        /// Applies, but an active exception defeats it.
        case defeated
        /// In force, but its `when` or `areas` does not hold for this matter.
        case notApplicable = "not-applicable"
        /// Whether it applies depends on facts not given.
        case unknown
        /// Not in force on the date.
        case notInForce = "not-in-force"
    }

    public let rule: ScopeRule
    public let status: Status
    /// The active exceptions that defeat it.
    public let defeatedBy: [String]
    /// The exceptions that would defeat it, if facts not given turn out to hold.
    public let mayBeDefeatedBy: [String]
    /// Facts its conditions read that were not given.
    public let unknownFacts: [String]
    /// Whether this rule decided the outcome.
    public let decisive: Bool
}

/// One requirement of a granting rule, evaluated.
public struct RequirementOutcome: Sendable {
    public let ruleID: String
    public let requirement: Requirement
    public let truth: Truth
    public let unknownFacts: [String]
}
