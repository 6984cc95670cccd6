/// A named deadline worked out for a matter: which case of the rule applies, its date and trace,
/// and the dates it could be if facts not given turn out otherwise.
public struct DeadlineResult: Sendable {
    public let rule: DeadlineRule
    /// The variant that applies, or nil for the rule's main case.
    public let variant: DeadlineVariant?
    public let trigger: String
    public let triggerDate: CivilDate
    public let period: Period
    public let citation: Citation
    public let computed: ComputedDate
    /// Variants before the one chosen whose conditions depend on facts not given.
    public let alternatives: [Alternative]

    public struct Alternative: Sendable {
        public let variant: DeadlineVariant
        public let unknownFacts: [String]
        /// Nil when the variant runs from an event whose date (or, for hours, time) is not known.
        public let computed: ComputedDate?
    }

    /// Notes that apply: the rule's and the variant's, and the time rule's where it is not
    /// fully verified (its note says why).
    public var notes: [String] {
        let timeRuleNote = computed.version.citation.status == .primary ? nil : computed.version.note
        return [rule.note, variant?.note, timeRuleNote].compactMap { $0 }
    }

    /// The weakest source status among the deadline rule and the time rule that computed it.
    public var weakestSource: SourceStatus {
        let statuses = [citation.status, computed.version.citation.status]
        if statuses.contains(.unverified) { return .unverified }
        if statuses.contains(.secondary) { return .secondary }
        if statuses.contains(.officialSummary) { return .officialSummary }
        return .primary
    }
}

extension PackSet {
    public func calendar(for jurisdiction: String) -> CourtCalendar? { calendars[jurisdiction] }

    /// A jurisdiction's time rule by id, or its default one.
    public func timeRule(_ id: String? = nil, in jurisdiction: String) -> TimeRule? {
        timeRules.first { $0.jurisdiction == jurisdiction && (id == nil ? $0.isDefault : $0.id == id) }
    }

    public func deadline(_ id: String, in jurisdiction: String) -> DeadlineRule? {
        storage.deadlineIndex[ScopedID(scope: jurisdiction, id: id)].map { deadlines[$0] }
    }

    public func deadlines(in jurisdiction: String) -> [DeadlineRule] {
        deadlines.filter { $0.jurisdiction == jurisdiction }
    }

    public func event(_ id: String) -> Event? { storage.eventIndex[id].map { events[$0] } }

    /// Counts an ad-hoc period with a jurisdiction's default time rule and calendar.
    public func computePeriod(_ request: PeriodRequest, in jurisdiction: String, timeRule ruleID: String? = nil)
        throws(TimelineError) -> ComputedDate
    {
        try computePeriod(request, in: jurisdiction, timeRule: ruleID, tracing: true)
    }

    private func computePeriod(
        _ request: PeriodRequest, in jurisdiction: String, timeRule ruleID: String?, tracing: Bool
    ) throws(TimelineError) -> ComputedDate {
        guard let rule = timeRule(ruleID, in: jurisdiction), let calendar = calendar(for: jurisdiction) else {
            throw TimelineError.noTimeRule(jurisdiction: jurisdiction)
        }
        return try DateCalculator.compute(request, rule: rule, calendar: calendar, tracing: tracing)
    }

    /// Works out a named deadline. Returns nil when the date of the event it runs from is unknown; throws
    /// `notInForce` when the rule was not in force on the date of the event that dates it.
    public func computeDeadline(
        _ rule: DeadlineRule, triggerDate: (String) -> CivilDate?, time: TimeOfDay? = nil,
        facts: FactValues, service: ServiceMethod? = nil
    ) throws(TimelineError) -> DeadlineResult? {
        try computeDeadline(rule, triggerDate: triggerDate, time: time, facts: facts, service: service, tracing: true)
    }

    /// The same; `tracing: false` records no trace in the dates (`ComputedDate.trace` stays empty), for
    /// the audit, whose findings show none.
    package func computeDeadline(
        _ rule: DeadlineRule, triggerDate: (String) -> CivilDate?, time: TimeOfDay?, facts: FactValues,
        service: ServiceMethod?, tracing: Bool
    ) throws(TimelineError) -> DeadlineResult? {
        var alternatives: [DeadlineResult.Alternative] = []
        var chosen: DeadlineVariant?
        for variant in rule.variants {
            // A case the facts rule out is skipped before anything else is looked up for it.
            let truth = variant.when.evaluate(facts)
            if truth == .false { continue }
            // A case not in force on its dating event's date does not apply, whatever the facts. An unknown date
            // leaves it to its condition: the rule's own check below decides once the date is known.
            if let date = triggerDate(rule.datingEvent(trigger: variant.trigger ?? rule.trigger)),
                !variant.inForce.contains(date)
            {
                continue
            }
            switch truth {
            case .true:
                chosen = variant
            case .unknown:
                // An alternative whose event's date (or, in hours, time) is not known is still listed,
                // without a date. One that cannot be counted (past the end of the calendar) is an
                // error: without its date the earliest possible date is not known either.
                let trigger = variant.trigger ?? rule.trigger
                var computed: ComputedDate?
                if let date = triggerDate(trigger) {
                    do throws(TimelineError) {
                        computed = try compute(
                            rule, variant: variant, from: date, time: time, service: service, tracing: tracing)
                    } catch .hoursNeedATime {
                        computed = nil
                    }
                }
                alternatives.append(
                    .init(
                        variant: variant, unknownFacts: variant.when.unknownSlots(in: facts).map { self.facts[$0].id },
                        computed: computed))
            case .false:
                continue
            }
            if chosen != nil { break }
        }
        let trigger = chosen?.trigger ?? rule.trigger
        guard let date = triggerDate(trigger) else {
            // Not started, but a rule dated by another event (the filing) may already be known not to apply.
            try checkInForce(rule, trigger: trigger, triggerDate: triggerDate)
            // The main case has not started, but a case that may apply has: report the earliest
            // such case, with the others still as alternatives.
            guard chosen == nil,
                let earliest = alternatives.filter({ $0.computed != nil })
                    .min(by: { $0.computed!.date < $1.computed!.date })
            else { return nil }
            let variant = earliest.variant
            let variantTrigger = variant.trigger ?? rule.trigger
            try checkInForce(rule, trigger: variantTrigger, triggerDate: triggerDate)
            return DeadlineResult(
                rule: rule, variant: variant, trigger: variantTrigger, triggerDate: triggerDate(variantTrigger)!,
                period: variant.period ?? rule.period, citation: variant.citation ?? rule.citation,
                computed: earliest.computed!,
                alternatives: alternatives.filter { $0.variant.when.text != variant.when.text }
            )
        }
        try checkInForce(rule, trigger: trigger, date: date, triggerDate: triggerDate)
        return DeadlineResult(
            rule: rule, variant: chosen, trigger: trigger, triggerDate: date,
            period: chosen?.period ?? rule.period, citation: chosen?.citation ?? rule.citation,
            computed: try compute(rule, variant: chosen, from: date, time: time, service: service, tracing: tracing),
            alternatives: alternatives
        )
    }

    /// Throws when the rule was not in force on the date of the event that dates it. A dating event the matter
    /// does not record yet leaves the rule applying: the check is made when its date is known.
    /// `date` is the trigger's, when the caller has it: the rule dated by its trigger needs no second look-up.
    private func checkInForce(
        _ rule: DeadlineRule, trigger: String, date known: CivilDate? = nil, triggerDate: (String) -> CivilDate?
    ) throws(TimelineError) {
        let event = rule.datingEvent(trigger: trigger)
        let dated = known != nil && event == trigger ? known : triggerDate(event)
        guard let date = dated, !rule.inForce.contains(date) else { return }
        throw .notInForce(rule: rule.id, event: event, date: date, inForce: rule.inForce)
    }

    private func compute(
        _ rule: DeadlineRule, variant: DeadlineVariant?, from date: CivilDate, time: TimeOfDay?,
        service: ServiceMethod?, tracing: Bool
    ) throws(TimelineError) -> ComputedDate {
        let request = PeriodRequest(
            trigger: date, time: time, period: variant?.period ?? rule.period, direction: rule.direction,
            kind: rule.kind, service: service, addServiceDays: rule.serviceExtension)
        return try computePeriod(request, in: rule.jurisdiction, timeRule: rule.timeRule, tracing: tracing)
    }
}
