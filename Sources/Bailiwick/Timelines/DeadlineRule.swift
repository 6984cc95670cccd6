/// A trigger event a deadline runs from (`service-of-summons`, `entry-of-judgment`, …).
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class Event: Sendable {
    public let id: String
    public let name: String
    public let description: String

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A named deadline of a jurisdiction: a period from a trigger event, counted by a time rule.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class DeadlineRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The act must be done by the computed day.
        case deadline
        /// The act may not be done before the computed day.
        case waitingPeriod = "waiting-period"
    }

    public let id: String
    public let jurisdiction: String
    public let name: String
    public let kind: Kind
    public let trigger: String
    public let period: Period
    public let direction: Direction
    public let serviceExtension: Bool
    /// The time rule to count with; nil for the jurisdiction's default.
    public let timeRule: String?
    public let citation: Citation
    public let variants: [DeadlineVariant]
    /// What to do when it is missed or, for a waiting period, when the act came too early: the
    /// right step depends on the deadline (a late answer, a summons to re-serve, an order to vacate).
    public let remedy: String?
    public let note: String?
    /// The days the rule is in force, both included: it applies only to a matter whose dating event falls in them
    /// (a notice requirement enacted for cases filed from a date). Open at both ends when the pack gives none.
    public let inForce: EffectivePeriod
    /// The event whose date decides whether the rule is in force; nil for the trigger of the case that applies.
    public let datedBy: String?

    public init(
        id: String, jurisdiction: String, name: String, kind: Kind, trigger: String, period: Period,
        direction: Direction, serviceExtension: Bool, timeRule: String?, citation: Citation,
        variants: [DeadlineVariant], remedy: String? = nil, note: String?,
        inForce: EffectivePeriod = EffectivePeriod(), datedBy: String? = nil
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.kind = kind
        self.trigger = trigger
        self.period = period
        self.direction = direction
        self.serviceExtension = serviceExtension
        self.timeRule = timeRule
        self.citation = citation
        self.variants = variants
        self.remedy = remedy
        self.note = note
        self.inForce = inForce
        self.datedBy = datedBy
    }

    /// The event whose date decides whether the rule, or a variant running from `trigger`, is in force.
    public func datingEvent(trigger: String) -> String { datedBy ?? trigger }
}

/// A case where a deadline runs differently (served out of state, service waived, …).
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class DeadlineVariant: Sendable {
    public let when: Condition
    public let trigger: String?
    public let period: Period?
    public let citation: Citation?
    public let note: String?
    /// The days this case is in force, both included, on the same dating event as its rule's.
    public let inForce: EffectivePeriod

    public init(
        when: Condition, trigger: String?, period: Period?, citation: Citation?, note: String?,
        inForce: EffectivePeriod = EffectivePeriod()
    ) {
        self.when = when
        self.trigger = trigger
        self.period = period
        self.citation = citation
        self.note = note
        self.inForce = inForce
    }
}
