extension PackSet {
    /// Audits a matter as of a date: every action's scope and licence, every required form,
    /// every deadline and waiting period, with a finding for each thing to know.
    public func audit(_ matter: Matter, asOf: CivilDate, horizon: Int = 14) -> AuditReport {
        Auditor(packs: self, matter: matter, asOf: asOf, horizon: horizon).run()
    }
}

/// One audit's state. A class, so that the closures it hands the deadline evaluator capture one
/// reference rather than copy the matter.
private final class Auditor {
    let packs: PackSet
    let matter: Matter
    let asOf: CivilDate
    let horizon: Int
    /// The matter's practice area, looked up once for all its actions' decisions.
    let area: PracticeArea?
    var findings: [Finding] = []
    var timeline: [TimelineEntry] = []
    /// The computed date of each deadline of the matter type (a handful), for forms due by a deadline.
    var deadlineDates: [(rule: DeadlineRule, date: CivilDate)] = []
    /// Each person's scope context, by position in the matter's people, made at their first action.
    var scopeContexts: [ScopeQuery.Context?]

    init(packs: PackSet, matter: Matter, asOf: CivilDate, horizon: Int) {
        self.packs = packs
        self.matter = matter
        self.asOf = asOf
        self.horizon = horizon
        area = packs.area(matter.area)
        scopeContexts = Array(repeating: nil, count: matter.people.count)
    }

    func run() -> AuditReport {
        findings.reserveCapacity(16)
        timeline.reserveCapacity(matter.events.count + matter.filings.count + matter.actions.count + 8)
        for event in matter.events {
            let name = packs.event(event.event)?.name ?? event.event
            timeline.append(TimelineEntry(date: event.date, kind: .event, label: .name(name), severity: nil))
        }
        for filing in matter.filings {
            if let filed = filing.filed {
                timeline.append(TimelineEntry(date: filed, kind: .filing, label: .name(filing.form), severity: nil))
            }
        }
        for index in matter.actions.indices { checkAction(at: index) }
        if let type = matter.type {
            for deadline in type.deadlines { checkDeadline(deadline) }
            for form in type.forms { checkForm(form) }
            for followUp in type.followUps { checkFollowUp(followUp) }
        } else {
            // Forms and deadlines belong to a matter type: say so, so an untyped audit never reads as complete.
            let hasTypes = packs.matterTypes.contains { $0.jurisdiction == matter.jurisdiction.id }
            findings.append(
                Finding(
                    .typeNotGiven, .typeNotGiven(matter.jurisdiction, hasMatterTypes: hasTypes),
                    at: matter.typeLocation))
        }
        // Sorted by position, so that each finding is copied once, into its place.
        let keys = findings.map { ($0.severity.rank, $0.location.line) }
        let order = findings.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }
        return AuditReport(
            matter: matter, asOf: asOf, horizon: horizon, findings: order.map { findings[$0] }, entries: timeline,
            checked: (matter.actions.count, matter.type?.forms.count ?? 0, matter.type?.deadlines.count ?? 0))
    }

    func truth(_ condition: Condition?) -> Truth { condition?.evaluate(matter.facts) ?? .true }

    func unknownFacts(_ condition: Condition?) -> [String] {
        condition?.unknownSlots(in: matter.facts).map { packs.facts[$0].id } ?? []
    }

    // MARK: Actions

    /// Checks one action and adds its timeline entry, which carries the worst severity of its findings.
    func checkAction(at index: Int) {
        let action = matter.actions[index]
        let person = matter.people[action.person]
        let severity = actionFindings(action, by: person)
        // The entry's name ("person: action") is put together when a reporter reads it.
        timeline.append(
            TimelineEntry(
                date: action.date, kind: .action, label: .action(person, title: action.action.title),
                severity: severity))
    }

    /// Adds a finding; returns its severity, for the timeline entry of what it is about.
    @discardableResult
    func add(_ finding: Finding) -> Finding.Severity {
        findings.append(finding)
        return finding.code.severity
    }

    /// Adds an action's findings (licence, then scope); returns the worst of their severities. No
    /// finding is held as an optional value on the way: destroying one costs more than the check.
    func actionFindings(_ action: MatterAction, by person: Person) -> Finding.Severity? {
        func record() -> ActionRecord { ActionRecord(person: person, action: action.action, date: action.date) }
        guard let license = person.license else {
            return add(
                Finding(
                    .licenseNotValid, .noLicense(record()), at: action.location, date: action.date,
                    dateRole: .occurred))
        }
        // A finding on the person's licence colours their acts too: the worst is always visible.
        var licenseSeverity: Finding.Severity?
        if let from = person.licensedFrom, let closed = license.admissionsUntil, closed < from {
            let detail = FindingDetail.admissionsClosed(person: person, license: license, issued: from, closed: closed)
            licenseSeverity = add(
                Finding(
                    .licenseAdmissionsClosed, detail,
                    at: person.location, source: .license(license.key), citation: license.citation,
                    date: from, dateRole: .occurred))
        }
        let own: Finding.Severity?
        if let from = person.licensedFrom, action.date < from {
            own = add(
                Finding(
                    .licenseNotValid, .beforeLicense(record(), license: license, issued: from),
                    at: action.location, source: .license(license.key), citation: license.citation,
                    date: action.date, dateRole: .occurred))
        } else if let until = person.licensedUntil, until < action.date {
            own = add(
                Finding(
                    .licenseNotValid, .afterLicense(record(), license: license, ended: until),
                    at: action.location, source: .license(license.key), citation: license.citation,
                    date: action.date, dateRole: .occurred))
        } else {
            let query = ScopeQuery(
                scopeContext(of: action.person, license: license), action: action.action, date: action.date,
                facts: action.facts)
            own = addScopeFinding(packs.decide(query), record: record, location: action.location)
        }
        guard let own else { return licenseSeverity }
        return licenseSeverity.map { own > $0 ? own : $0 } ?? own
    }

    /// What the scope queries of a person's actions share, resolved at their first action.
    func scopeContext(of person: Int, license: License) -> ScopeQuery.Context {
        if let known = scopeContexts[person] { return known }
        let context = ScopeQuery.Context(
            in: packs, jurisdiction: matter.jurisdiction, license: license, area: area,
            heldAreas: matter.people[person].areas)
        scopeContexts[person] = context
        return context
    }

    /// Adds the finding of a scope decision, if it has one; returns its severity.
    func addScopeFinding(
        _ decision: ScopeDecision, record: () -> ActionRecord, location: SourceLocation
    ) -> Finding.Severity? {
        // A permitted action (most of them) has no finding: nothing of its explanation is worked out.
        if decision.kind == .permitted { return nil }
        let decisive = decision.decidingRules
        let source = FindingSource.scopeRules(decisive.map(\.id))
        let citation = decisive.first?.citation
        let record = record()
        let date = record.date
        switch decision.kind {
        case .permitted:
            return nil
        case .prohibited:
            return add(
                Finding(
                    .scopeProhibited, .prohibited(record, rules: decisive), at: location, source: source,
                    citation: citation, date: date, dateRole: .occurred))
        case .notAuthorized:
            let license = decision.query.license
            let detail = FindingDetail.notAuthorized(record, license: license, reason: decision.licenseFinding)
            return add(
                Finding(
                    .scopeNotAuthorized, detail, at: location, citation: license.citation, date: date,
                    dateRole: .occurred))
        case .conditional where decision.hasUnmetRequirement:
            let unmet = decision.requirements.filter { $0.truth == .false }.map(\.requirement)
            return add(
                Finding(
                    .scopeConditionUnmet, .conditionsUnmet(record, unmet: unmet), at: location, source: source,
                    citation: citation, date: date, dateRole: .occurred))
        case .conditional:
            let unknown = decision.requirements.filter { $0.truth == .unknown }.map(\.requirement)
            let detail = FindingDetail.conditionsUnknown(record, unknown: unknown, facts: decision.missingFacts)
            return add(
                Finding(
                    .scopeConditionUnknown, detail, at: location, source: source, citation: citation, date: date,
                    dateRole: .occurred))
        case .undetermined:
            return add(
                Finding(
                    .scopeUndetermined, .undetermined(record, facts: decision.missingFacts), at: location,
                    source: source, citation: citation, date: date, dateRole: .occurred))
        }
    }

    // MARK: Deadlines

    func checkDeadline(_ binding: MatterDeadline) {
        guard let rule = packs.deadline(binding.rule, in: matter.jurisdiction.id) else { return }
        if let ordered = matter.orderedDeadline(rule.id) {
            return checkOrdered(rule, binding: binding, ordered: ordered)
        }
        let applies = truth(binding.when)
        if applies == .false { return }
        let triggerEvent = matter.event(rule.trigger)
        let location = triggerEvent?.location ?? matter.typeLocation
        let source = FindingSource.deadline(rule.id)
        // Added once the rule is known to be in force here, before what its date gives.
        func addApplicabilityUnknown() {
            guard applies == .unknown, let when = binding.when else { return }
            add(
                Finding(
                    .deadlineDependsOnFact,
                    .deadlineApplicabilityUnknown(rule, when: when, facts: unknownFacts(when)),
                    at: location, source: source, citation: rule.citation))
        }
        let result: DeadlineResult?
        do throws(TimelineError) {
            result = try packs.computeDeadline(
                rule, triggerDate: { matter.event($0)?.date }, time: triggerEvent?.time,
                facts: matter.facts, service: triggerEvent?.method, tracing: false)
        } catch {
            // A rule not in force for this matter (enacted after its filing, say) is not tracked at all.
            if case .notInForce = error { return }
            addApplicabilityUnknown()
            if case .hoursNeedATime = error {
                add(
                    Finding(
                        .deadlineDependsOnFact, .deadlineNeedsTime(rule), at: location, source: source,
                        citation: rule.citation))
            } else {
                // Past an end of the calendar, or no time rule for the date: nothing the file lacks, no date to
                // rely on.
                add(
                    Finding(
                        .deadlineNotComputable, .deadlineNotComputable(rule, error: error), at: location,
                        source: source, citation: rule.citation))
            }
            return
        }
        addApplicabilityUnknown()
        guard let result else {
            let detail = FindingDetail.deadlineNotTriggered(rule, trigger: packs.event(rule.trigger))
            findings.append(
                Finding(
                    .deadlineNotTriggered, detail, at: matter.typeLocation, source: source,
                    citation: rule.citation))
            return
        }
        let triggerLocation = matter.event(result.trigger)?.location ?? location
        var due = result.computed.date
        let alternatives = result.alternatives.compactMap { alternative in alternative.computed.map(\.date) }
        if !result.alternatives.isEmpty {
            due = ([due] + alternatives).min()!
            // Met by the earliest date it could be due: which variant holds no longer matters.
            if !(met(binding).map { $0.date <= due } ?? false) {
                let facts = Set(result.alternatives.flatMap(\.unknownFacts)).sorted()
                let detail = FindingDetail.deadlineVariantsUnknown(
                    rule, date: result.computed.date,
                    unless: result.alternatives.map(\.variant.when),
                    facts: facts, earliest: due)
                findings.append(
                    Finding(
                        .deadlineDependsOnFact, detail, at: triggerLocation, source: source,
                        citation: result.citation))
            }
        }
        deadlineDates.append((rule, due))
        if rule.kind == .waitingPeriod {
            checkWaitingPeriod(rule, binding: binding, earliest: due, citation: result.citation)
        } else {
            checkDue(rule, binding: binding, due: due, citation: result.citation, location: triggerLocation)
        }
        // Both end by appending the deadline's finding and its timeline entry, which carry the warnings.
        let warnings = result.closureWarnings(due: due)
        if !warnings.isEmpty {
            findings[findings.count - 1].closureWarnings = warnings
            timeline[timeline.count - 1].closureWarnings = warnings
        }
    }

    /// A deadline whose date an order or stipulation set. The set date is the one checked, whatever
    /// the rule gives and whether or not its condition holds (the order binds); the rule's own
    /// date, when it gives one, is shown beside it, and a set date before the trigger or far from
    /// the rule's is flagged.
    func checkOrdered(_ rule: DeadlineRule, binding: MatterDeadline, ordered: OrderedDeadline) {
        let triggerEvent = matter.event(rule.trigger)
        // The rule's date, for comparison only: when it cannot be computed, the set date stands alone.
        let result = try? packs.computeDeadline(
            rule, triggerDate: { matter.event($0)?.date }, time: triggerEvent?.time,
            facts: matter.facts, service: triggerEvent?.method, tracing: false)
        let computed = result.map { result in
            ([result.computed.date] + result.alternatives.compactMap { $0.computed.map(\.date) }).min()!
        }
        let setBy = DateSetBy(by: ordered.by, on: ordered.on, computed: computed)
        let source = FindingSource.deadline(rule.id)
        let citation = result?.citation ?? rule.citation
        let trigger = result.flatMap { matter.event($0.trigger) } ?? triggerEvent
        var concern: OrderedDateConcern?
        if let trigger, ordered.due < trigger.date {
            concern = .beforeTrigger(trigger.date)
        } else if let computed, abs(computed.days(until: ordered.due)) > OrderedDeadline.farFromComputed {
            concern = .farFromComputed(days: computed.days(until: ordered.due))
        }
        if let concern {
            findings.append(
                Finding(
                    .deadlineOrderedUnusual,
                    .orderedDateUnusual(rule, due: ordered.due, setBy: setBy, concern: concern),
                    at: ordered.location, source: source, citation: citation, date: ordered.due, setBy: setBy))
        }
        deadlineDates.append((rule, ordered.due))
        if rule.kind == .waitingPeriod {
            checkWaitingPeriod(rule, binding: binding, earliest: ordered.due, citation: citation, setBy: setBy)
        } else {
            checkDue(
                rule, binding: binding, due: ordered.due, citation: citation, location: ordered.location,
                setBy: setBy)
        }
    }

    /// What the file records as meeting a deadline, with where it says so.
    func met(_ binding: MatterDeadline) -> (date: CivilDate, by: DeadlineMet.By, location: SourceLocation)? {
        switch binding.metBy {
        case .event(let id)?:
            matter.event(id).map { ($0.date, .event(packs.event(id), id: id), $0.location) }
        case .form(let code)?:
            matter.filing(code).flatMap { filing in filing.filed.map { ($0, .form(code), filing.location) } }
        case nil:
            nil
        }
    }

    func checkDue(
        _ rule: DeadlineRule, binding: MatterDeadline, due: CivilDate, citation: Citation?,
        location: SourceLocation, setBy: DateSetBy? = nil
    ) {
        let source = FindingSource.deadline(rule.id)
        var finding: Finding
        if let met = met(binding) {
            let record = DeadlineMet(date: met.date, by: met.by)
            if met.date <= due {
                finding = Finding(
                    .deadlineMet, .deadlineMet(rule, due: due, met: record), at: met.location,
                    source: source, citation: citation, date: due)
            } else {
                finding = Finding(
                    .deadlineLate,
                    .deadlineLate(
                        rule, due: due, met: record,
                        daysLate: due.days(until: met.date)),
                    at: met.location, source: source, citation: citation, date: due)
            }
        } else if binding.metBy == nil {
            // Tracked for its date only: nothing in the file can show it met.
            let days = asOf.days(until: due)
            let code: FindingCode = asOf > due ? .deadlinePassed : days <= horizon ? .deadlineDueSoon : .deadlinePending
            finding = Finding(
                code, .deadlineTracked(rule, due: due, passed: asOf > due), at: location,
                source: source, citation: citation, date: due)
        } else if asOf > due {
            finding = Finding(
                .deadlineMissed, .deadlineMissed(rule, due: due, daysAgo: due.days(until: asOf)),
                at: location, source: source, citation: citation, date: due)
        } else if asOf.days(until: due) <= horizon {
            finding = Finding(
                .deadlineDueSoon, .deadlineDueSoon(rule, due: due, inDays: asOf.days(until: due)),
                at: location, source: source, citation: citation, date: due)
        } else {
            finding = Finding(
                .deadlinePending, .deadlinePending(rule, due: due), at: location, source: source,
                citation: citation, date: due)
        }
        if let setBy { finding = finding.dateSet(by: setBy) }
        findings.append(finding)
        timeline.append(
            TimelineEntry(date: due, kind: .deadline, label: .name(rule.name), severity: finding.severity))
    }

    func checkWaitingPeriod(
        _ rule: DeadlineRule, binding: MatterDeadline, earliest: CivilDate, citation: Citation?,
        setBy: DateSetBy? = nil
    ) {
        var finding: Finding
        let act = binding.guards.flatMap { packs.event($0) }
        let source = FindingSource.deadline(rule.id)
        if let guarded = binding.guards.flatMap({ matter.event($0) }) {
            if guarded.date < earliest {
                finding = Finding(
                    .waitingPeriodViolated,
                    .waitingPeriodViolated(rule, act: act, on: guarded.date, firstAllowed: earliest),
                    at: guarded.location, source: source, citation: citation, date: guarded.date,
                    dateRole: .occurred)
            } else {
                let detail = FindingDetail.waitingPeriodMet(
                    rule, act: act, on: guarded.date, firstAllowed: earliest,
                    planned: guarded.date > asOf)
                finding = Finding(
                    .waitingPeriodMet, detail, at: guarded.location, source: source,
                    citation: citation, date: earliest, dateRole: .notBefore)
            }
        } else {
            finding = Finding(
                .waitingPeriodRunning, .waitingPeriodRunning(rule, act: act, firstAllowed: earliest),
                at: matter.event(rule.trigger)?.location ?? matter.typeLocation, source: source,
                citation: citation, date: earliest, dateRole: .notBefore)
        }
        if let setBy { finding = finding.dateSet(by: setBy) }
        findings.append(finding)
        timeline.append(
            TimelineEntry(
                date: earliest, kind: .waitingPeriod, label: .name(act?.name ?? ""),
                severity: finding.severity))
    }

    // MARK: Forms and follow-ups

    func dueDate(_ due: DueBy?) -> DueDate? {
        switch due {
        case nil: nil
        case .event(let id)?: DueDate(date: matter.event(id)?.date, basis: .event(packs.event(id), id: id))
        case .deadline(let id)?:
            // A deadline the audit worked out is not looked up again.
            if let known = deadlineDates.last(where: { $0.rule.id == id }) {
                DueDate(date: known.date, basis: .deadline(known.rule, id: id))
            } else {
                DueDate(date: nil, basis: .deadline(packs.deadline(id, in: matter.jurisdiction.id), id: id))
            }
        }
    }

    func checkForm(_ form: RequiredForm) {
        let filing = matter.filing(form.code)
        let due = dueDate(form.due)
        let source = FindingSource.form(form.code)
        if let filing {
            if let filed = filing.filed, let due, let date = due.date, filed > date {
                findings.append(
                    Finding(
                        .formLate, .formLate(form, filed: filed, due: due), at: filing.location,
                        source: source, citation: form.citation, date: date))
            }
            return
        }
        guard form.required else { return }
        switch truth(form.when) {
        case .false:
            return
        case .unknown:
            let facts = unknownFacts(form.when)
            let detail = FindingDetail.formMayBeRequired(form, when: form.when!, facts: facts, due: due)
            findings.append(
                Finding(
                    .formMayBeRequired, detail, at: matter.typeLocation, source: source,
                    citation: form.citation, date: due?.date))
        case .true:
            if let due, let date = due.date, asOf > date {
                findings.append(
                    Finding(
                        .formMissing, .formMissing(form, due: due), at: matter.typeLocation,
                        source: source, citation: form.citation, date: date))
            } else {
                findings.append(
                    Finding(
                        .formDue, .formDue(form, due: due), at: matter.typeLocation, source: source,
                        citation: form.citation, date: due?.date))
            }
        }
    }

    func checkFollowUp(_ followUp: FollowUp) {
        guard truth(followUp.when) != .false else { return }
        let due = dueDate(followUp.due)
        let role: FindingDateRole = if case .event? = due?.basis { .event } else { .due }
        findings.append(
            Finding(
                .followUp, .followUp(followUp, due: due), at: matter.typeLocation,
                citation: followUp.citation, date: due?.date, dateRole: role))
    }
}

extension PackSet {
    /// Decides the scope of one action of a matter, as the audit does.
    func decide(_ action: MatterAction, in matter: Matter) -> ScopeDecision? {
        let person = matter.people[action.person]
        guard let license = person.license else { return nil }
        let context = ScopeQuery.Context(
            in: self, jurisdiction: matter.jurisdiction, license: license, area: area(matter.area),
            heldAreas: person.areas)
        return decide(ScopeQuery(context, action: action.action, date: action.date, facts: action.facts))
    }
}
