extension PackSet {
    /// Audits a matter as of a date: every action's scope and licence, every required form,
    /// every deadline and waiting period, with a finding for each thing to know.
    public func audit(_ matter: Matter, asOf: CivilDate, horizon: Int = 14) -> AuditReport {
        var auditor = Auditor(packs: self, matter: matter, asOf: asOf, horizon: horizon)
        return auditor.run()
    }
}

private struct Auditor {
    let packs: PackSet
    let matter: Matter
    let asOf: CivilDate
    let horizon: Int
    var findings: [Finding] = []
    var timeline: [TimelineEntry] = []
    /// The computed date of each deadline of the matter type, for forms due by a deadline.
    var deadlineDates: [String: CivilDate] = [:]

    init(packs: PackSet, matter: Matter, asOf: CivilDate, horizon: Int) {
        self.packs = packs
        self.matter = matter
        self.asOf = asOf
        self.horizon = horizon
    }

    mutating func run() -> AuditReport {
        for event in matter.events {
            timeline.append(TimelineEntry(date: event.date, kind: .event, label: packs.event(event.event)?.name ?? event.event, severity: nil))
        }
        for filing in matter.filings {
            if let filed = filing.filed { timeline.append(TimelineEntry(date: filed, kind: .filing, label: "Filed \(filing.form)", severity: nil)) }
        }
        for action in matter.actions { checkAction(action) }
        for deadline in matter.type.deadlines { checkDeadline(deadline) }
        for form in matter.type.forms { checkForm(form) }
        for followUp in matter.type.followUps { checkFollowUp(followUp) }
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.severity.rank, a.element.location.line, a.offset) < (b.element.severity.rank, b.element.location.line, b.offset)
        }.map(\.element)
        return AuditReport(matter: matter, asOf: asOf, horizon: horizon, findings: ordered,
                           timeline: timeline.sorted { ($0.date, $0.label) < ($1.date, $1.label) },
                           checked: (matter.actions.count, matter.type.forms.count, matter.type.deadlines.count))
    }

    func truth(_ condition: Condition?) -> Truth { condition?.evaluate(matter.facts) ?? .true }

    func unknownFacts(_ condition: Condition?) -> [String] {
        condition?.unknownSlots(in: matter.facts).map { packs.facts[$0].id } ?? []
    }

    static func day(_ date: CivilDate) -> String { "\(date.weekday) \(date)" }

    // MARK: Actions

    mutating func checkAction(_ action: MatterAction) {
        let person = matter.people[action.person]
        let what = "\(person.name)'s '\(action.action.id)' on \(action.date)"
        let subject = "\(person.name): \(action.action.id) on \(action.date)"
        var finding: Finding?
        defer {
            timeline.append(TimelineEntry(date: action.date, kind: .action, label: "\(person.name): \(action.action.title)",
                                          severity: finding?.severity))
        }
        guard let license = person.license else {
            finding = Finding(.licenseNotValid, subject, "\(what): \(person.name) holds no licence in the matter file, so nothing authorizes the act.",
                              at: action.location, remedy: "Record the person's licence, or have a lawyer or licensed professional do or adopt the work.",
                              date: action.date)
            findings.append(finding!)
            return
        }
        if let from = person.licensedFrom, let closed = license.admissionsUntil, closed < from {
            findings.append(Finding(.licenseAdmissionsClosed, "\(person.name)'s licence",
                "\(person.name)'s \(license.key.id) licence is recorded as issued \(from), after admissions closed on \(closed).",
                at: person.location, rule: license.key.description, citation: license.citation,
                remedy: "Check the licence date; no \(license.title) licence could be issued after \(closed).", date: from))
        }
        if let from = person.licensedFrom, action.date < from {
            finding = Finding(.licenseNotValid, subject, "\(what): before \(person.name)'s licence was issued (\(from)).",
                              at: action.location, rule: license.key.description, citation: license.citation,
                              remedy: "Work done before licensure must be redone or adopted by a lawyer; report it to the supervising attorney.",
                              date: action.date)
            findings.append(finding!)
            return
        }
        if let until = person.licensedUntil, until < action.date {
            finding = Finding(.licenseNotValid, subject, "\(what): after \(person.name)'s licence ended (\(until)).",
                              at: action.location, rule: license.key.description, citation: license.citation,
                              remedy: "Stop: the licence was not in force. Have a lawyer review and adopt or redo the work.", date: action.date)
            findings.append(finding!)
            return
        }
        guard let decision = packs.decide(action, in: matter) else { return }
        finding = scopeFinding(decision, what: what, subject: subject, action: action)
        if let finding { findings.append(finding) }
    }

    func scopeFinding(_ decision: ScopeDecision, what: String, subject: String, action: MatterAction) -> Finding? {
        let decisive = decision.decisiveRules.map(\.rule)
        let rule = decisive.first
        let ruleIDs = decisive.map(\.id).joined(separator: ", ")
        switch decision.kind {
        case .permitted:
            return nil
        case .prohibited:
            return Finding(.scopeProhibited, subject, "\(what) is prohibited: \(rule?.summary ?? "a rule forbids it")",
                           at: action.location, rule: ruleIDs, citation: rule?.citation,
                           remedy: rule?.remedy ?? "Stop and refer this to a lawyer.", date: action.date)
        case .notAuthorized:
            var reason = "no rule grants it to the \(decision.query.license.key.id) licence"
            if case .areaNotCovered(let area, let covered)? = decision.licenseFinding {
                reason = "'\(area)' is outside the licence's practice areas (\(covered.joined(separator: ", ")))"
            } else if case .notInForce(let period)? = decision.licenseFinding {
                reason = "the licence did not exist on that date (it is valid \(period.description))"
            }
            return Finding(.scopeNotAuthorized, subject, "\(what) is not authorized: \(reason).", at: action.location,
                           citation: decision.query.license.citation,
                           remedy: "Only a lawyer (or a licence that covers it) may do this; refer it and tell the supervising attorney.",
                           date: action.date)
        case .conditional where decision.hasUnmetRequirement:
            let unmet = decision.requirements.filter { $0.truth == .false }.map(\.requirement.label)
            return Finding(.scopeConditionUnmet, subject, "\(what) needed conditions the file shows were not met: \(unmet.joined(separator: "; "))",
                           at: action.location, rule: ruleIDs, citation: rule?.citation,
                           remedy: "Meet the condition before acting again, and have the supervising attorney review what was done.",
                           date: action.date)
        case .conditional:
            let unknown = decision.requirements.filter { $0.truth == .unknown }.map(\.requirement.label)
            return Finding(.scopeConditionUnknown, subject, "\(what) is permitted only if: \(unknown.joined(separator: "; ")). The file does not say.",
                           at: action.location, rule: ruleIDs, citation: rule?.citation,
                           remedy: "Confirm and record: \(decision.missingFacts.joined(separator: ", ")).", date: action.date)
        case .undetermined:
            return Finding(.scopeUndetermined, subject, "\(what) could not be decided: it depends on \(decision.missingFacts.joined(separator: ", ")).",
                           at: action.location, rule: ruleIDs, citation: rule?.citation,
                           remedy: "Record these facts in the matter file: \(decision.missingFacts.joined(separator: ", ")).",
                           date: action.date)
        }
    }

    // MARK: Deadlines

    mutating func checkDeadline(_ binding: MatterDeadline) {
        guard let rule = packs.deadline(binding.rule, in: matter.jurisdiction.id) else { return }
        let applies = truth(binding.when)
        if applies == .false { return }
        let triggerEvent = matter.event(rule.trigger)
        let location = triggerEvent?.location ?? matter.typeLocation
        if applies == .unknown {
            findings.append(Finding(.deadlineDependsOnFact, rule.name,
                "'\(rule.name)' applies only if \(binding.when!.text); the file does not say (\(unknownFacts(binding.when).joined(separator: ", "))).",
                at: location, rule: rule.id, citation: rule.citation,
                remedy: "Record \(unknownFacts(binding.when).joined(separator: ", ")) in the matter file."))
        }
        let result: DeadlineResult?
        do throws(TimelineError) {
            result = try packs.computeDeadline(rule, triggerDate: { matter.event($0)?.date }, time: triggerEvent?.time,
                                               facts: matter.facts, service: triggerEvent?.method)
        } catch .hoursNeedATime {
            let message = "'\(rule.name)' could not be computed: \(TimelineError.hoursNeedATime)."
            findings.append(Finding(.deadlineDependsOnFact, rule.name, message, at: location, rule: rule.id,
                                    citation: rule.citation, remedy: "Record what is missing in the matter file."))
            return
        } catch {
            // Past an end of the calendar, or no time rule for the date: nothing the file lacks, no date to rely on.
            let message = "'\(rule.name)' could not be computed: \(error)."
            findings.append(Finding(.deadlineNotComputable, rule.name, message, at: location, rule: rule.id,
                                    citation: rule.citation, remedy: "Check the dates of the events it runs from; "
                                        + "until then, work it out by hand."))
            return
        }
        guard let result else {
            let event = packs.event(rule.trigger)?.name ?? rule.trigger
            findings.append(Finding(.deadlineNotTriggered, rule.name, "'\(rule.name)' has not started: it runs from \(event.lowercased()), which the file does not record.",
                                    at: matter.typeLocation, rule: rule.id, citation: rule.citation,
                                    remedy: "Nothing yet; record the event's date when it happens."))
            return
        }
        let triggerLocation = matter.event(result.trigger)?.location ?? location
        var due = result.computed.date
        let alternatives = result.alternatives.compactMap { alternative in alternative.computed.map { (alternative, $0.date) } }
        if !result.alternatives.isEmpty {
            let facts = Set(result.alternatives.flatMap(\.unknownFacts)).sorted()
            due = ([due] + alternatives.map(\.1)).min()!
            findings.append(Finding(.deadlineDependsOnFact, rule.name,
                "'\(rule.name)' is \(Self.day(result.computed.date)) unless \(result.alternatives.map(\.variant.when.text).joined(separator: " or ")); the file does not say. The earliest possible date, \(due), is used.",
                at: triggerLocation, rule: rule.id, citation: result.citation,
                remedy: "Record \(facts.joined(separator: ", ")) in the matter file."))
        }
        deadlineDates[rule.id] = due
        if rule.kind == .waitingPeriod {
            checkWaitingPeriod(rule, binding: binding, earliest: due, result: result)
        } else {
            checkDue(rule, binding: binding, due: due, result: result, location: triggerLocation)
        }
    }

    mutating func checkDue(_ rule: DeadlineRule, binding: MatterDeadline, due: CivilDate, result: DeadlineResult, location: SourceLocation) {
        let name = rule.name
        var met: (date: CivilDate, what: String, location: SourceLocation)?
        switch binding.metBy {
        case .event(let id)?:
            if let event = matter.event(id) { met = (event.date, packs.event(id)?.name ?? id, event.location) }
        case .form(let code)?:
            if let filing = matter.filing(code), let filed = filing.filed { met = (filed, code, filing.location) }
        case nil:
            break
        }
        let finding: Finding
        if let met {
            if met.date <= due {
                finding = Finding(.deadlineMet, name, "'\(name)' was due \(Self.day(due)); met on \(met.date) (\(met.what)).", at: met.location,
                                  rule: rule.id, citation: result.citation, remedy: "Nothing to do.", date: due)
            } else {
                finding = Finding(.deadlineLate, name, "'\(name)' was due \(Self.day(due)) but was met only on \(met.date) (\(met.what)), \(due.days(until: met.date)) days late.",
                                  at: met.location, rule: rule.id, citation: result.citation,
                                  remedy: "Tell the supervising attorney now: a late filing may need a motion to accept it or to set aside a default.",
                                  date: due)
            }
        } else if binding.metBy == nil {
            // Tracked for its date only: nothing in the file can show it met.
            let code: FindingCode = asOf > due ? .deadlinePassed : asOf.days(until: due) <= horizon ? .deadlineDueSoon : .deadlinePending
            finding = Finding(code, name, "'\(name)' \(asOf > due ? "was" : "is") due \(Self.day(due)) (tracked by date; the file records nothing that meets it).",
                              at: location, rule: rule.id, citation: result.citation,
                              remedy: asOf > due ? "Check what happened on or after that day (a response, a default)."
                                  : "Make sure whoever must act does so by \(due).",
                              date: due)
        } else if asOf > due {
            finding = Finding(.deadlineMissed, name, "'\(name)' was due \(Self.day(due)) and the file shows it was not met (\(due.days(until: asOf)) days ago).",
                              at: location, rule: rule.id, citation: result.citation,
                              remedy: "Tell the supervising attorney today; ask whether late filing or relief from default is possible.",
                              date: due)
        } else if asOf.days(until: due) <= horizon {
            finding = Finding(.deadlineDueSoon, name, "'\(name)' is due \(Self.day(due)), in \(asOf.days(until: due)) days.",
                              at: location, rule: rule.id, citation: result.citation,
                              remedy: "Make sure it is done by \(due); confirm the date with its trace (bailiwick deadlines).", date: due)
        } else {
            finding = Finding(.deadlinePending, name, "'\(name)' is due \(Self.day(due)).", at: location, rule: rule.id,
                              citation: result.citation, remedy: "Calendar it.", date: due)
        }
        findings.append(finding)
        timeline.append(TimelineEntry(date: due, kind: .deadline, label: "Due: \(name)", severity: finding.severity))
    }

    mutating func checkWaitingPeriod(_ rule: DeadlineRule, binding: MatterDeadline, earliest: CivilDate, result: DeadlineResult) {
        let finding: Finding
        let guardedName = binding.guards.flatMap { packs.event($0)?.name } ?? "the act"
        if let guarded = binding.guards.flatMap({ matter.event($0) }) {
            if guarded.date < earliest {
                finding = Finding(.waitingPeriodViolated, rule.name,
                    "\(guardedName) on \(guarded.date) came before the end of '\(rule.name)': the first allowed day was \(Self.day(earliest)).",
                    at: guarded.location, rule: rule.id, citation: result.citation,
                    remedy: "Tell the supervising attorney: the order may be open to challenge; consider moving to vacate and re-enter it.",
                    date: guarded.date)
            } else {
                finding = Finding(.waitingPeriodMet, rule.name, "\(guardedName) on \(guarded.date) respected '\(rule.name)' (first allowed day \(earliest)).",
                                  at: guarded.location, rule: rule.id, citation: result.citation, remedy: "Nothing to do.", date: earliest)
            }
        } else {
            finding = Finding(.waitingPeriodRunning, rule.name, "\(guardedName) may not happen before \(Self.day(earliest)) ('\(rule.name)').",
                              at: matter.event(rule.trigger)?.location ?? matter.typeLocation, rule: rule.id, citation: result.citation,
                              remedy: "Do not present final orders before \(earliest).", date: earliest)
        }
        findings.append(finding)
        timeline.append(TimelineEntry(date: earliest, kind: .waitingPeriod, label: "Not before: \(guardedName)", severity: finding.severity))
    }

    // MARK: Forms and follow-ups

    func dueDate(_ due: DueBy?) -> (date: CivilDate?, label: String)? {
        switch due {
        case nil: return nil
        case .event(let id)?:
            let name = packs.event(id)?.name.lowercased() ?? id
            return (matter.event(id)?.date, name)
        case .deadline(let id)?:
            let name = packs.deadline(id, in: matter.jurisdiction.id)?.name.lowercased() ?? id
            return (deadlineDates[id], name)
        }
    }

    mutating func checkForm(_ form: RequiredForm) {
        let filing = matter.filing(form.code)
        let due = dueDate(form.due)
        let label = "\(form.code) (\(form.name))"
        if let filing {
            if let filed = filing.filed, let date = due?.date, filed > date {
                findings.append(Finding(.formLate, label, "\(label) was filed \(filed), after it was due (\(date), \(due!.label)).",
                                        at: filing.location, rule: form.code, citation: form.citation,
                                        remedy: "Check whether the late filing needs leave of court.", date: date))
            }
            return
        }
        guard form.required else { return }
        switch truth(form.when) {
        case .false:
            return
        case .unknown:
            let facts = unknownFacts(form.when)
            findings.append(Finding(.formMayBeRequired, label, "\(label) is required if \(form.when!.text); the file does not say (\(facts.joined(separator: ", "))).",
                                    at: matter.typeLocation, rule: form.code, citation: form.citation,
                                    remedy: "Record \(facts.joined(separator: ", ")); file the form if it is required.", date: due?.date))
        case .true:
            if let date = due?.date, asOf > date {
                findings.append(Finding(.formMissing, label, "\(label) is missing: it was due by \(date) (\(due!.label)).",
                                        at: matter.typeLocation, rule: form.code, citation: form.citation,
                                        remedy: "Prepare and file it now, and tell the supervising attorney it was missed.", date: date))
            } else {
                let when = due.map { $0.date.map { "by \($0) (\(due!.label))" } ?? "before \($0.label)" } ?? "before the matter ends"
                findings.append(Finding(.formDue, label, "\(label) is required and not yet filed: due \(when).",
                                        at: matter.typeLocation, rule: form.code, citation: form.citation,
                                        remedy: "Prepare it and file it \(when).", date: due?.date))
            }
        }
    }

    mutating func checkFollowUp(_ followUp: FollowUp) {
        guard truth(followUp.when) != .false else { return }
        let due = dueDate(followUp.due)
        findings.append(Finding(.followUp, "Reminder", followUp.text, at: matter.typeLocation, citation: followUp.citation,
                                remedy: followUp.text, date: due?.date))
    }
}
