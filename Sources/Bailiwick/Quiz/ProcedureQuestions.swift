/// A procedure question's matter: of a type, with its facts and its events on their dates, audited on a day.
/// The answer is what the audit engine finds for it, so a quiz cannot disagree with the checker.
public struct ProcedureCase: Sendable {
    public struct Happened: Sendable, Equatable {
        public let event: String
        public let date: CivilDate
    }

    public enum Ask: Sendable, Equatable {
        /// Which of these forms (codes, in the options' order before shuffling) the matter requires.
        case requiredForm(codes: [String])
        /// Which of these deadline rules is due first.
        case dueFirst(rules: [String])
        /// Which of these deadline rules the event starts.
        case startedBy(event: String, rules: [String])
        /// The first day a waiting period allows its act.
        case waitingPeriodEnds(rule: String)
        /// What to do now that this deadline rule was missed: its remedy, among these remedies (the answer first).
        case missedRemedy(rule: String, remedies: [String])
    }

    public let matterType: MatterType
    public let asOf: CivilDate
    public let facts: FactValues
    public let events: [Happened]
    public let ask: Ask
}

/// What an audit of a procedure case found, read the way every procedure question reads it.
public struct ProcedureAudit: Sendable {
    /// The due date of each deadline the events started.
    public let due: [String: CivilDate]
    /// The deadlines waiting for an event that has not happened.
    public let notStarted: Set<String>
    /// The first allowed day of each running waiting period.
    public let firstAllowed: [String: CivilDate]
    /// The forms the matter requires (due, missing or late).
    public let required: Set<String>
    /// The forms the audit cannot tell about (they depend on facts not given).
    public let undecided: Set<String>
    /// The remedy of each missed deadline that has one in its pack.
    public let missedRemedies: [String: String]

    public init(_ report: AuditReport) {
        var due: [String: CivilDate] = [:]
        var notStarted = Set<String>()
        var firstAllowed: [String: CivilDate] = [:]
        var required = Set<String>()
        var undecided = Set<String>()
        var missedRemedies: [String: String] = [:]
        for finding in report.findings {
            if case .deadlineMissed(let rule, _, _) = finding.detail, let remedy = rule.remedy {
                missedRemedies[rule.id] = remedy
            }
            switch (finding.source, finding.code) {
            case (.deadline(let id)?, .deadlineNotTriggered): notStarted.insert(id)
            case (.deadline(let id)?, .waitingPeriodRunning): firstAllowed[id] = finding.date
            case (.deadline(let id)?, _) where finding.code.category == .deadline && finding.dateRole == .due:
                if let date = finding.date { due[id] = date }
            case (.form(let code)?, .formDue), (.form(let code)?, .formMissing), (.form(let code)?, .formLate):
                required.insert(code)
            case (.form(let code)?, .formMayBeRequired): undecided.insert(code)
            default: break
            }
        }
        self.due = due
        self.notStarted = notStarted
        self.firstAllowed = firstAllowed
        self.required = required
        self.undecided = undecided
        self.missedRemedies = missedRemedies
    }
}

/// Procedure questions, for every matter type of a jurisdiction: which form a matter requires given its
/// facts, which deadline is due first, which deadline an event starts, when a waiting period ends, what to do
/// about a missed deadline. Each is answered by auditing a matter built here.
extension QuizGenerator {
    func procedureQuestions(_ jurisdiction: String, on day: CivilDate) -> [QuizQuestion] {
        guard let place = packs.jurisdiction(jurisdiction) else { return [] }
        var questions: [QuizQuestion] = []
        for type in packs.matterTypes where type.jurisdiction == jurisdiction {
            questions += formQuestions(type, in: place, on: day)
            questions += deadlineQuestions(type, in: place, on: day)
        }
        return questions
    }

    /// The matter a case describes, as a matter file with those facts and events would load.
    public func matter(for procedure: ProcedureCase) -> Matter? {
        guard let jurisdiction = packs.jurisdiction(procedure.matterType.jurisdiction) else { return nil }
        let start = SourceLocation(file: "quiz", line: 1, column: 1)
        return Matter(
            file: "quiz", id: "quiz", title: nil, jurisdiction: jurisdiction, type: procedure.matterType,
            area: procedure.matterType.area, asOf: procedure.asOf, people: [], facts: procedure.facts,
            events: procedure.events.map {
                MatterEvent(event: $0.event, date: $0.date, time: nil, method: nil, location: start)
            }, actions: [], filings: [], typeLocation: start)
    }

    private func audited(_ procedure: ProcedureCase) -> ProcedureAudit? {
        matter(for: procedure).map { ProcedureAudit(packs.audit($0, asOf: procedure.asOf)) }
    }

    /// Every fact the type's forms and deadlines read, set plainly: booleans false, numbers 0, lists empty.
    private func baseline(_ type: MatterType) -> FactValues {
        var facts = FactValues(slotCount: packs.factSlotCount)
        let conditions = type.forms.compactMap(\.when) + type.deadlines.compactMap(\.when)
        for slot in Set(conditions.flatMap(\.factSlots)).sorted() {
            switch packs.facts[slot].type {
            case .boolean: facts[slot] = .boolean(false)
            case .integer: facts[slot] = .integer(max(0, packs.facts[slot].minimum ?? 0))
            case .list: facts[slot] = .list([])
            default: break
            }
        }
        return facts
    }

    /// The matter the question is about, as its prompt opens: the type's name as the pack writes it.
    private func typeName(_ type: MatterType, _ place: Jurisdiction) -> String {
        "A matter of the type \u{201C}\(type.name)\u{201D} in \(place.name)."
    }

    private func happened(_ event: String, _ day: CivilDate) -> String {
        "\(upperFirst(eventName(event))): \(day.weekday) \(day)."
    }

    private func label(_ form: RequiredForm) -> String { "\(form.code) (\(form.name))" }

    // MARK: Forms

    /// For each required form whose condition one fact decides: that fact set so the form is required, and
    /// as distractors forms the same facts leave out (or that belong to the jurisdiction's other matter types).
    private func formQuestions(_ type: MatterType, in place: Jurisdiction, on day: CivilDate) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        let others = packs.matterTypes.filter { $0.jurisdiction == type.jurisdiction && $0.id != type.id }
            .flatMap(\.forms).filter { other in !type.forms.contains { $0.code == other.code } }
        var offered = Set<String>()
        let elsewhere = others.filter { offered.insert($0.code).inserted }
        for form in type.forms where form.required {
            var facts = baseline(type)
            if let when = form.when {
                guard when.factSlots.count == 1, let slot = when.factSlots.first else { continue }
                let candidates: [FactValue] =
                    switch packs.facts[slot].type {
                    case .boolean: [.boolean(true), .boolean(false)]
                    case .integer: [.integer(2), .integer(1), .integer(0)]
                    default: []
                    }
                guard
                    let value = candidates.first(where: { value in
                        var trial = facts
                        trial[slot] = value
                        return when.evaluate(trial) == .true
                    })
                else { continue }
                facts[slot] = value
            }
            let left = type.forms.filter { $0.code != form.code && ($0.when?.evaluate(facts) ?? .true) == .false }
            let distractors = Array((left + elsewhere).filter { $0.code != form.code }.prefix(3))
            guard distractors.count >= 2 else { continue }
            let codes = [form.code] + distractors.map(\.code)
            let procedure = ProcedureCase(
                matterType: type, asOf: day, facts: facts, events: [], ask: .requiredForm(codes: codes))
            guard let audit = audited(procedure), audit.required.contains(form.code),
                distractors.allSatisfy({ !audit.required.contains($0.code) && !audit.undecided.contains($0.code) })
            else { continue }
            let options = [label(form)] + distractors.map(label)
            let stated = statedFacts(facts, for: [form.when] + distractors.map(\.when))
            questions.append(
                QuizQuestion(
                    id: "procedure:\(type.jurisdiction):\(type.id):forms:\(form.code):\(day)", topic: .procedure,
                    jurisdiction: type.jurisdiction,
                    prompt: "\(typeName(type, place)) Which of these forms must be filed?\(stated)",
                    answer: .choice(options: options, correct: 0),
                    explanation: form.when.map { "\(form.code) is required where \($0.text)." }
                        ?? "\(form.code) is required in every matter of this type.",
                    citation: form.citation, basis: .procedure(procedure)))
        }
        return questions
    }

    /// The facts the conditions read, in the facts' own words, as a sentence to add to a prompt.
    private func statedFacts(_ facts: FactValues, for conditions: [Condition?]) -> String {
        let slots = Set(conditions.compactMap { $0 }.flatMap(\.factSlots))
        var fewer = FactValues(slotCount: packs.factSlotCount)
        for slot in facts.givenSlots where slots.contains(slot) { fewer[slot] = facts[slot] }
        return factsClause(fewer)
    }

    // MARK: Deadlines

    private func deadlineQuestions(_ type: MatterType, in place: Jurisdiction, on day: CivilDate) -> [QuizQuestion] {
        let facts = baseline(type)
        let bound = type.deadlines.compactMap { binding -> (binding: MatterDeadline, rule: DeadlineRule)? in
            packs.deadline(binding.rule, in: type.jurisdiction).map { (binding, $0) }
        }
        var questions: [QuizQuestion] = []
        var triggers: [String] = []
        for item in bound where !triggers.contains(item.rule.trigger) { triggers.append(item.rule.trigger) }
        let dueRules = bound.filter { $0.rule.kind == .deadline }.map(\.rule)
        // Which deadline an event starts: the event alone happens, and the audit says which deadlines run.
        for trigger in triggers {
            let procedure = ProcedureCase(
                matterType: type, asOf: day, facts: facts, events: [.init(event: trigger, date: day)],
                ask: .startedBy(event: trigger, rules: dueRules.map(\.id)))
            guard let audit = audited(procedure) else { continue }
            let started = dueRules.filter { audit.due[$0.id] != nil && $0.trigger == trigger }
            guard let answer = started.first else { continue }
            // Options are told apart by name: a rule named like another already offered is left out.
            // The type's own deadlines that wait for another event, then the jurisdiction's deadlines that a
            // matter of this type does not track at all (so its audit finds nothing for them).
            var names: Set<String> = [answer.name]
            let untracked = packs.deadlines(in: type.jurisdiction).filter { rule in
                rule.kind == .deadline && !bound.contains { $0.rule.id == rule.id }
            }
            let idle = (dueRules.filter { audit.notStarted.contains($0.id) } + untracked).filter {
                audit.due[$0.id] == nil && names.insert($0.name).inserted
            }
            guard idle.count >= 2 else { continue }
            let options = [answer] + idle.prefix(3)
            let event = eventName(trigger)
            questions.append(
                QuizQuestion(
                    id: "procedure:\(type.jurisdiction):\(type.id):starts:\(trigger):\(day)", topic: .procedure,
                    jurisdiction: type.jurisdiction,
                    prompt: "\(typeName(type, place)) \(happened(trigger, day)) Which of these deadlines does it start?"
                        + statedFacts(
                            facts,
                            for: bound.filter { r in options.contains { $0.id == r.rule.id } }
                                .map(\.binding.when)),
                    answer: .choice(options: options.map(\.name), correct: 0),
                    explanation:
                        "\(answer.name) runs \(answer.period) \(answer.direction == .after ? "after" : "before") "
                        + "the \(event).",
                    citation: answer.citation,
                    basis: .procedure(
                        ProcedureCase(
                            matterType: type, asOf: day, facts: facts, events: procedure.events,
                            ask: .startedBy(event: trigger, rules: options.map(\.id))))))
        }
        // Which is due first: every event on the same day, and the audit's dates compared.
        let all = ProcedureCase(
            matterType: type, asOf: day, facts: facts, events: triggers.map { .init(event: $0, date: day) },
            ask: .dueFirst(rules: []))
        if let audit = audited(all) {
            var byDate: [CivilDate: DeadlineRule] = [:]
            var names = Set<String>()
            for rule in dueRules {
                if let date = audit.due[rule.id], byDate[date] == nil, names.insert(rule.name).inserted {
                    byDate[date] = rule
                }
            }
            let chosen = byDate.keys.sorted().prefix(4).compactMap { byDate[$0] }
            if chosen.count >= 2 {
                let events = Array(Set(chosen.map(\.trigger))).sorted()
                let procedure = ProcedureCase(
                    matterType: type, asOf: day, facts: facts, events: events.map { .init(event: $0, date: day) },
                    ask: .dueFirst(rules: chosen.map(\.id)))
                if let check = audited(procedure), let first = chosen.first,
                    chosen.allSatisfy({ check.due[$0.id] != nil }),
                    chosen.dropFirst().allSatisfy({ check.due[$0.id]! > check.due[first.id]! })
                {
                    let happened = events.map(eventName).joined(separator: ", ")
                    let order = chosen.map { "\($0.name): \(check.due[$0.id]!)" }.joined(separator: "; ")
                    questions.append(
                        QuizQuestion(
                            id: "procedure:\(type.jurisdiction):\(type.id):first:\(day)", topic: .procedure,
                            jurisdiction: type.jurisdiction,
                            prompt: "\(typeName(type, place)) On \(day.weekday) \(day): \(happened). "
                                + "Which of these deadlines is due first?"
                                + statedFacts(
                                    facts,
                                    for: bound.filter { r in chosen.contains { $0.id == r.rule.id } }
                                        .map(\.binding.when)),
                            answer: .choice(options: chosen.map(\.name), correct: 0),
                            explanation: "Due: \(order).", citation: first.citation, basis: .procedure(procedure)))
                }
            }
        }
        // When a waiting period ends: its trigger happens, and the audit gives the first allowed day.
        for item in bound where item.rule.kind == .waitingPeriod && item.binding.guards != nil {
            let procedure = ProcedureCase(
                matterType: type, asOf: day, facts: facts, events: [.init(event: item.rule.trigger, date: day)],
                ask: .waitingPeriodEnds(rule: item.rule.id))
            guard let audit = audited(procedure), let end = audit.firstAllowed[item.rule.id] else { continue }
            var options = [end]
            for step in [-1, 1, 7] {
                if let date = try? end.adding(days: step), !options.contains(date) { options.append(date) }
            }
            let sorted = options.sorted()
            let act = item.binding.guards.map(eventName) ?? "act"
            questions.append(
                QuizQuestion(
                    id: "procedure:\(type.jurisdiction):\(type.id):waiting:\(item.rule.id):\(day)", topic: .procedure,
                    jurisdiction: type.jurisdiction,
                    prompt: "\(typeName(type, place)) \(happened(item.rule.trigger, day)) \(item.rule.name): "
                        + "what is the first day allowed for this: \(act)?"
                        + statedFacts(facts, for: [item.binding.when]),
                    answer: .choice(options: sorted.map(\.description), correct: sorted.firstIndex(of: end)!),
                    explanation: "\(item.rule.period) \(item.rule.direction == .after ? "after" : "before") the "
                        + "\(eventName(item.rule.trigger)): the first allowed day is \(end.weekday) \(end).",
                    citation: item.rule.citation, basis: .procedure(procedure)))
        }
        questions += missedQuestions(type, in: place, on: day, facts: facts, bound: bound)
        return questions
    }

    // MARK: Missed deadlines

    /// What a missed date means and what to do: for each deadline whose pack gives a remedy, its trigger happens
    /// long enough before `day` that the audit finds it missed, and the answer is the remedy that finding gives.
    private func missedQuestions(
        _ type: MatterType, in place: Jurisdiction, on day: CivilDate, facts: FactValues,
        bound: [(binding: MatterDeadline, rule: DeadlineRule)]
    ) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for item in bound where item.rule.kind == .deadline && item.binding.metBy != nil {
            guard let remedy = item.rule.remedy else { continue }
            let distractors = otherRemedies(than: item.rule)
            guard distractors.count >= 2 else { continue }
            let remedies = [remedy] + distractors
            // The due date from a trigger on `day`, then the trigger moved back past it: a day, a week, a month.
            let probe = ProcedureCase(
                matterType: type, asOf: day, facts: facts, events: [.init(event: item.rule.trigger, date: day)],
                ask: .missedRemedy(rule: item.rule.id, remedies: remedies))
            guard let due = audited(probe)?.due[item.rule.id] else { continue }
            let found = [1, 7, 30].lazy.compactMap { back -> (ProcedureCase, CivilDate)? in
                guard let trigger = try? day.adding(days: -day.days(until: due) - back) else { return nil }
                let procedure = ProcedureCase(
                    matterType: type, asOf: day, facts: facts, events: [.init(event: item.rule.trigger, date: trigger)],
                    ask: .missedRemedy(rule: item.rule.id, remedies: remedies))
                guard let audit = self.audited(procedure), audit.missedRemedies[item.rule.id] == remedy,
                    let missed = audit.due[item.rule.id]
                else { return nil }
                return (procedure, missed)
            }.first
            guard let (procedure, missed) = found else { continue }
            let trigger = procedure.events[0].date
            questions.append(
                QuizQuestion(
                    id: "procedure:\(type.jurisdiction):\(type.id):missed:\(item.rule.id):\(day)", topic: .procedure,
                    jurisdiction: type.jurisdiction,
                    prompt: "\(typeName(type, place)) \(happened(item.rule.trigger, trigger)) "
                        + "\(item.rule.name) was due \(missed.weekday) \(missed); on \(day.weekday) \(day) it is "
                        + "still not done. What does the missed date mean, and what is to be done?"
                        + statedFacts(facts, for: [item.binding.when]),
                    answer: .choice(options: remedies, correct: 0),
                    explanation: "\(item.rule.name) (\(item.rule.citation.text)), missed on \(missed): \(remedy)",
                    citation: item.rule.citation, basis: .procedure(procedure)))
        }
        return questions
    }

    /// Up to three remedies of the same jurisdiction's other deadline rules (deadlines first, then waiting
    /// periods), each worded otherwise than the rule's own and given by that one rule alone: a remedy several
    /// rules share is a generic one, arguably right for any of them.
    private func otherRemedies(than rule: DeadlineRule) -> [String] {
        func plain(_ text: String) -> String { text.trimmingSpaces.withoutFinalStop.lowercased() }
        let all = packs.deadlines(in: rule.jurisdiction).compactMap { other in other.remedy.map { (other, $0) } }
        var uses: [String: Int] = [:]
        for (_, text) in all { uses[plain(text), default: 0] += 1 }
        let own = rule.remedy.map(plain)
        let candidates = all.filter { other, text in
            other.id != rule.id && plain(text) != own && uses[plain(text)] == 1
        }
        let ordered = candidates.filter { $0.0.kind == .deadline } + candidates.filter { $0.0.kind != .deadline }
        return Array(ordered.map(\.1).prefix(3))
    }

    private func eventName(_ id: String) -> String { packs.event(id)?.name.lowercasedFirstWord ?? id }

    private func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }
}
