import Bailiwick

/// A computed deadline as the reporters show it: named or ad hoc, with its trace.
public struct DeadlineItem {
    public let title: String
    public let jurisdiction: String
    public let ruleID: String?
    public let kind: DeadlineRule.Kind
    public let triggerEvent: String?
    public let triggerDate: CivilDate
    public let period: Period
    public let direction: Direction
    public let computed: ComputedDate
    public let citation: Citation?
    public let alternatives:
        [(label: String, trigger: String?, unknownFacts: [String], date: CivilDate?, citation: String?)]
    public let notes: [String]
    public let weakestSource: SourceStatus
    /// When a named deadline is in force, in words; nil for one always in force and for an ad-hoc period.
    public let inForce: String?
    /// The named deadline's own period in force; nil for an ad-hoc period.
    public let inForcePeriod: EffectivePeriod?

    public init(named result: DeadlineResult, packs: PackSet) {
        title = result.rule.name
        jurisdiction = result.rule.jurisdiction
        ruleID = result.rule.id
        kind = result.rule.kind
        triggerEvent = result.trigger
        triggerDate = result.triggerDate
        period = result.period
        direction = result.rule.direction
        computed = result.computed
        citation = result.citation
        alternatives = result.alternatives.map { alternative in
            (
                label: alternative.variant.when.text, trigger: alternative.variant.trigger ?? result.rule.trigger,
                unknownFacts: alternative.unknownFacts, date: alternative.computed?.date,
                citation: alternative.variant.citation?.text
            )
        }
        notes = result.notes
        weakestSource = result.weakestSource
        inForce = DeadlineInForceText.phrase(result.rule)
        inForcePeriod = result.rule.inForce
    }

    public init(adHoc computed: ComputedDate, request: PeriodRequest, jurisdiction: String) {
        let relation = request.direction == .after ? "after" : "before"
        title = "\(request.period) \(relation) \(request.trigger)"
        self.jurisdiction = jurisdiction
        ruleID = nil
        kind = .deadline
        triggerEvent = nil
        triggerDate = request.trigger
        period = request.period
        direction = request.direction
        self.computed = computed
        citation = nil
        alternatives = []
        notes = computed.version.note.map { [$0] } ?? []
        weakestSource = computed.version.citation.status
        inForce = nil
        inForcePeriod = nil
    }

    /// "Due" or "Not before", with the time for periods in hours.
    public var headline: String {
        let when = "\(computed.date.weekday) \(computed.date)" + (computed.time.map { " at \($0)" } ?? "")
        return (kind == .waitingPeriod ? "Not before: " : "Due: ") + when
    }
}
