/// Builds quizzes from the packs: every question's answer comes from the evaluator, the deadline
/// engine or the pack data itself, never from text written for the quiz.
public struct QuizGenerator {
    public let packs: PackSet
    /// The day the quiz is set on (the user's today, or the day they choose): scope questions are asked
    /// on it (unless the question is about a change over time, which its prompt says) and deadline questions
    /// look for their trigger from it. Nil: each jurisdiction's `reviewed` date, the last day its pack was
    /// checked against its sources (for tests that pin a pack's answers).
    public let asOf: CivilDate?

    /// The largest seed accepted: 2^53 - 1, so that a seed survives a JSON round trip through
    /// any client (JavaScript numbers included).
    public static let largestSeed = 9_007_199_254_740_991

    public init(packs: PackSet, asOf: CivilDate? = nil) {
        self.packs = packs
        self.asOf = asOf
    }

    /// `count` questions, without repeats, chosen and ordered by `seed` alone.
    public func quiz(jurisdiction: String?, license: String?, topics: Set<QuizQuestion.Topic>, count: Int, seed: UInt64)
        -> [QuizQuestion]
    {
        var random = SeededRandom(seed: seed)
        let pool = questions(jurisdiction: jurisdiction, license: license, topics: topics)
        // Deal topics in turn, so a short quiz still mixes them.
        // Shuffle topic by topic in a fixed order: dictionary order varies from run to run.
        var byTopic: [QuizQuestion.Topic: [QuizQuestion]] = [:]
        for topic in QuizQuestion.Topic.allCases {
            let questions = pool.filter { $0.topic == topic }
            if !questions.isEmpty { byTopic[topic] = random.shuffled(questions) }
        }
        var chosen: [QuizQuestion] = []
        var seen = Set<String>()
        let order = QuizQuestion.Topic.allCases.filter { byTopic[$0] != nil }
        while chosen.count < count, byTopic.values.contains(where: { !$0.isEmpty }) {
            for topic in order where chosen.count < count {
                guard var bucket = byTopic[topic], !bucket.isEmpty else { continue }
                let question = bucket.removeFirst()
                byTopic[topic] = bucket
                if seen.insert(question.id).inserted { chosen.append(question.shuffled(using: &random)) }
            }
        }
        return chosen
    }

    /// Every question the packs can give for the filters, in a fixed order.
    public func questions(jurisdiction: String?, license: String?, topics: Set<QuizQuestion.Topic>) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for candidate in packs.jurisdictions where jurisdiction == nil || candidate.id == jurisdiction {
            let place = candidate.id
            let day = asOf ?? candidate.reviewed
            let licenses = packs.licenses(in: place).filter { license == nil || $0.key.id == license }
                .filter { $0.key.jurisdiction != nil || jurisdiction != nil || license != nil }
            if topics.contains(.scope) { questions += licenses.flatMap { scopeQuestions(place, $0, on: day) } }
            // Rule questions ask about the rules of one licence of this jurisdiction: a shared licence's rules
            // come with the jurisdiction asked about.
            if topics.contains(.conditions) { questions += licenses.flatMap { conditionQuestions(place, $0) } }
            if topics.contains(.citations) { questions += licenses.flatMap { citationQuestions(place, $0) } }
            if topics.contains(.forms), license == nil || licenses.contains(where: { $0.key.jurisdiction == place }) {
                questions += formQuestions(place)
            }
            if topics.contains(.deadlines) {
                questions += deadlineQuestions(place, from: day) + calendarPeriodQuestions(place, from: day)
            }
            if topics.contains(.procedure), license == nil || licenses.contains(where: { $0.key.jurisdiction == place })
            {
                questions += procedureQuestions(place, on: day)
            }
        }
        return questions
    }

    // MARK: Scope

    /// The four answers of every scope question, in this order.
    public static let decisionOptions = [
        "Yes: it is within the licence",
        "Only if certain conditions are met",
        "No: a rule forbids it",
        "No: nothing in the licence grants it",
    ]

    /// The option that states a decision (none for `undetermined`, which the quiz never asks).
    public static func option(for kind: ScopeDecision.Kind) -> Int? {
        switch kind {
        case .permitted: 0
        case .conditional: 1
        case .prohibited: 2
        case .notAuthorized: 3
        case .undetermined: nil
        }
    }

    /// A question per rule in force on some day, asked the day a rule starts and the day before,
    /// so effective dates matter, else on `day` (or the licence's first day, if later); facts are
    /// given in full, so the answer is definite.
    private func scopeQuestions(_ jurisdiction: String, _ license: License, on day: CivilDate) -> [QuizQuestion] {
        let rules = packs.rules.filter {
            $0.licenses.contains(license.key) && ($0.jurisdiction == nil || $0.jurisdiction == jurisdiction)
        }
        var questions: [QuizQuestion] = []
        for rule in rules {
            guard case .only(let actions) = rule.actions, let actionID = actions.first,
                let action = packs.action(actionID)
            else { continue }
            var dates: [(date: CivilDate, change: String?)] = [(license.validity.from.map { max($0, day) } ?? day, nil)]
            if let from = rule.period.from, let before = try? from.adding(days: -1), license.validity.contains(before) {
                dates = [
                    (before, "the day before a rule on it took effect on \(from)"),
                    (from, "the day a rule on it took effect"),
                ]
            }
            for (date, change) in dates {
                guard let area = areaFor(license, rule: rule),
                    let probe = try? ScopeQuery(
                        in: packs, jurisdiction: jurisdiction, license: license.key.id, action: action.id,
                        area: area, date: date, facts: FactValues(slotCount: packs.factSlotCount))
                else { continue }
                let full = ScopeQuery(
                    in: packs, jurisdiction: probe.jurisdiction, license: license, action: action, area: probe.area,
                    date: date, facts: satisfyingFacts(for: probe.candidates))
                let query = withoutIdleFacts(full)
                let decision = packs.decide(query)
                guard let correct = Self.option(for: decision.kind) else { continue }
                let decisive = decision.decisiveRules.first?.rule ?? rule
                let place = packs.jurisdiction(jurisdiction)?.name ?? jurisdiction
                let areaName = probe.area?.title.lowercased() ?? area
                let when = change.map { "on \(date), \($0)" } ?? "on \(date)"
                let prompt =
                    (change == nil ? "May a" : "A change over time: may a")
                    + " \(license.title) (\(place)) "
                    + "\(lowercasedFirst(action.description.withoutFinalStop)) "
                    + "in a \(areaName) matter \(when)?"
                    + factsClause(query.facts)
                questions.append(
                    QuizQuestion(
                        id: "scope:\(jurisdiction):\(license.key.id):\(action.id):\(date)", topic: .scope,
                        jurisdiction: jurisdiction,
                        prompt: prompt, answer: .choice(options: Self.decisionOptions, correct: correct),
                        explanation: explanation(decision), citation: decisive.citation, basis: .scope(query)
                    ))
            }
        }
        return questions
    }

    private func areaFor(_ license: License, rule: ScopeRule) -> String? {
        if let areas = rule.areas { return areas.first }
        if case .only(let covered) = license.areas { return covered.first }
        return packs.areas.first?.id
    }

    /// Facts for the rules that bear on the question, set the way a simple, clean matter has
    /// them: every boolean fact true except those the pack marks as a `problem`, and lists empty.
    /// The question states them, so the answer is definite.
    private func satisfyingFacts(for candidates: [Int]) -> FactValues {
        var facts = FactValues(slotCount: packs.factSlotCount)
        var slots = Set<Int>()
        for index in candidates {
            slots.formUnion(packs.rules[index].when?.factSlots ?? [])
            slots.formUnion(packs.rules[index].requires.flatMap(\.condition.factSlots))
        }
        for slot in slots.sorted() {
            let fact = packs.facts[slot]
            switch fact.type {
            case .boolean: facts[slot] = .boolean(!fact.isProblem)
            case .list: facts[slot] = .list([])
            default: break
            }
        }
        return facts
    }

    /// The query with only the facts that bear on its answer: a fact whose removal leaves the decision as it
    /// was (a fact of another area, or of a rule that does not apply) is not stated, so a prompt lists no fact
    /// a trainee would wonder about.
    private func withoutIdleFacts(_ query: ScopeQuery) -> ScopeQuery {
        let decision = packs.decide(query)
        var facts = query.facts
        for slot in query.facts.givenSlots {
            var fewer = facts
            fewer[slot] = nil
            let trial = ScopeQuery(
                in: packs, jurisdiction: query.jurisdiction, license: query.license, action: query.action,
                area: query.area, date: query.date, facts: fewer)
            let other = packs.decide(trial)
            if other.kind == decision.kind,
                other.requirements.map(\.requirement.label) == decision.requirements.map(\.requirement.label)
            {
                facts = fewer
            }
        }
        return ScopeQuery(
            in: packs, jurisdiction: query.jurisdiction, license: query.license, action: query.action,
            area: query.area, date: query.date, facts: facts)
    }

    /// The facts in the pack's own words (their descriptions), each with its value.
    func factsClause(_ facts: FactValues) -> String {
        let given = facts.givenSlots.map { slot -> String in
            let fact = packs.facts[slot]
            let words = Self.plainWords(fact.description).lowercasedFirstWord
            switch facts[slot]! {
            case .boolean(let value): return "\(words): \(value ? "yes" : "no")"
            case .list(let items): return "\(words): \(items.isEmpty ? "none" : items.sorted().joined(separator: ", "))"
            case let other: return "\(words): \(other)"
            }
        }
        return given.isEmpty ? "" : " Facts: \(given.joined(separator: "; "))."
    }

    /// A fact's description as a clause: its first sentence part, without the instructions to whoever
    /// fills in a matter file ("give an empty list if none applies").
    static func plainWords(_ description: String) -> String {
        var words = description.split(separator: ";", maxSplits: 1).first.map(String.init) ?? description
        words = words.withoutFinalStop
        for phrase in [", from the list below", " from the list below"] where words.hasSuffix(phrase) {
            words = String(words.dropLast(phrase.count))
        }
        return words
    }

    private func explanation(_ decision: ScopeDecision) -> String {
        let rules = decision.decisiveRules.map { "\($0.rule.id): \($0.rule.summary)" }
        let reason: String
        switch decision.kind {
        case .permitted: reason = "Permitted."
        case .conditional:
            reason = "Permitted only if: " + decision.requirements.map(\.requirement.label).joined(separator: "; ")
        case .prohibited: reason = "Prohibited."
        case .notAuthorized: reason = "Not authorized: no rule grants it (what is not granted is out of scope)."
        case .undetermined: reason = "Undetermined."
        }
        return ([reason] + rules).joined(separator: " ")
    }

    // MARK: Conditions and citations

    private func conditionQuestions(_ jurisdiction: String, _ license: License) -> [QuizQuestion] {
        let rules = packs.rules.filter {
            $0.jurisdiction == license.key.jurisdiction && $0.licenses.contains(license.key) && $0.effect == .permit
        }
        // Distractors come from the same licence's rules here, so none is a giveaway from another country's pack.
        let requirements = ownRules(jurisdiction, license).flatMap(\.requires)
        let labels = Array(Set(requirements.map(\.label))).sorted()
        return rules.compactMap { rule -> QuizQuestion? in
            guard !rule.requires.isEmpty, case .only(let actions) = rule.actions, let action = packs.action(actions[0])
            else { return nil }
            let correct = rule.requires.map(\.label).joined(separator: " AND ")
            // Distractors: other rules' requirements, so each option is something a pack really requires somewhere.
            // A requirement worded otherwise but with the same condition as one of the rule's is the same answer.
            let own = Set(rule.requires.map(\.condition.text))
            let others = labels.filter { label in
                !rule.requires.contains { $0.label == label || $0.condition.text == label }
                    && !requirements.contains { $0.label == label && own.contains($0.condition.text) }
            }
            // Two distractors at least: fewer than three are offered rather than one from another pack.
            guard others.count >= 2 else { return nil }
            let seed = UInt64(truncatingIfNeeded: rule.id.unicodeScalars.reduce(5381) { ($0 &* 33) &+ Int($1.value) })
            var random = SeededRandom(seed: seed)
            let options = random.shuffled([correct] + random.shuffled(others).prefix(3))
            return QuizQuestion(
                id: "conditions:\(rule.id)", topic: .conditions, jurisdiction: jurisdiction,
                prompt:
                    "Under \(rule.citation.text) (\(rule.summary.withoutFinalStop)), what must a \(license.title) "
                    + "have before they \(lowercasedFirst(action.title))?",
                answer: .choice(options: options, correct: options.firstIndex(of: correct)!),
                explanation: "\(rule.summary) Requires: \(correct.withoutFinalStop).", citation: rule.citation,
                basis: .requirements(rule: rule.id)
            )
        }
    }

    private func citationQuestions(_ jurisdiction: String, _ license: License) -> [QuizQuestion] {
        let rules = packs.rules.filter {
            $0.jurisdiction == license.key.jurisdiction && $0.licenses.contains(license.key)
        }
        let citations = Array(Set(ownRules(jurisdiction, license).map(\.citation.text))).sorted()
        return rules.compactMap { rule -> QuizQuestion? in
            // Two citations of one rule ("14-802(c)" and "14-802(c)(1)") are one answer: neither is a distractor.
            var others: [String] = []
            for citation in citations where !Self.citeTheSameRule(citation, rule.citation.text) {
                if !others.contains(where: { Self.citeTheSameRule($0, citation) }) { others.append(citation) }
            }
            guard others.count >= 2,
                rules.filter({ Self.citeTheSameRule($0.citation.text, rule.citation.text) }).count == 1
            else {
                return nil
            }
            let seed = UInt64(truncatingIfNeeded: rule.id.unicodeScalars.reduce(7919) { ($0 &* 31) &+ Int($1.value) })
            var random = SeededRandom(seed: seed)
            let options = random.shuffled([rule.citation.text] + random.shuffled(others).prefix(3))
            return QuizQuestion(
                id: "citations:\(rule.id)", topic: .citations, jurisdiction: jurisdiction,
                prompt: "Which rule says this? \"\(rule.summary)\"",
                answer: .choice(options: options, correct: options.firstIndex(of: rule.citation.text)!),
                explanation: "\(rule.id) cites \(rule.citation.text) (source: \(rule.citation.status.rawValue)).",
                citation: rule.citation, basis: .citation(rule: rule.id)
            )
        }
    }

    /// The rules of a licence in a jurisdiction: those of the jurisdiction, and of a shared licence with it.
    private func ownRules(_ jurisdiction: String, _ license: License) -> [ScopeRule] {
        packs.rules.filter {
            $0.licenses.contains(license.key) && ($0.jurisdiction == nil || $0.jurisdiction == jurisdiction)
        }
    }

    /// Whether two citations cite the same rule: equal, or one a pinpoint within the other (it goes on with a
    /// subdivision, a list or a parenthetical after the whole of the other).
    public static func citeTheSameRule(_ one: String, _ other: String) -> Bool {
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        let a = short.trimmingSpaces.lowercased()
        let b = long.trimmingSpaces.lowercased()
        guard b.hasPrefix(a) else { return false }
        guard let next = b.dropFirst(a.count).first else { return true }
        return "(,;[ ".contains(next)
    }

    // MARK: Forms

    /// True or false: is a form required, with the fact that decides it set one way or the other.
    private func formQuestions(_ jurisdiction: String) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for type in packs.matterTypes where type.jurisdiction == jurisdiction {
            for form in type.forms where form.required {
                let variants: [(FactValues, String)] = formFacts(form)
                for (facts, clause) in variants {
                    let truth = form.when?.evaluate(facts) ?? .true
                    guard truth != .unknown else { continue }
                    questions.append(
                        QuizQuestion(
                            id: "forms:\(jurisdiction):\(type.id):\(form.code):\(clause)", topic: .forms,
                            jurisdiction: jurisdiction,
                            // The clause stays in the id, which it has always been part of; the prompt states the
                            // fact in its own words.
                            prompt:
                                "True or false: \(form.code) (\(form.name)) is required in a matter of the type "
                                + "\u{201C}\(type.name)\u{201D} in "
                                + "\(packs.jurisdiction(jurisdiction)?.name ?? jurisdiction)."
                                + factsClause(facts),
                            answer: .trueFalse(truth == .true),
                            explanation: form.when.map { "It is required only where \($0.text)." }
                                ?? "It is required in every such matter.",
                            citation: form.citation, basis: .form(matterType: type, code: form.code, facts: facts)
                        ))
                }
            }
        }
        return questions
    }

    private func formFacts(_ form: RequiredForm) -> [(FactValues, String)] {
        guard let condition = form.when, condition.factSlots.count == 1 else {
            return form.when == nil ? [(FactValues(slotCount: packs.factSlotCount), "")] : []
        }
        let slot = condition.factSlots[0]
        let fact = packs.facts[slot]
        var yes = FactValues(slotCount: packs.factSlotCount)
        var no = FactValues(slotCount: packs.factSlotCount)
        switch fact.type {
        case .boolean:
            yes[slot] = .boolean(true)
            no[slot] = .boolean(false)
            return [(yes, " where \(fact.id)"), (no, " where not \(fact.id)")]
        case .integer:
            yes[slot] = .integer(2)
            no[slot] = .integer(0)
            return [(yes, " with \(fact.id) = 2"), (no, " with \(fact.id) = 0")]
        default:
            return []
        }
    }

    // MARK: Deadlines

    /// A date question per named deadline, on the first trigger date from `day` on (in steps of five
    /// days, so the weekday varies) where the weekend or holiday roll changes the answer; the
    /// distractors are the date without the roll and the date a neighbouring jurisdiction's rule of
    /// the same name gives.
    private func deadlineQuestions(_ jurisdiction: String, from day: CivilDate) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for rule in packs.deadlines(in: jurisdiction) where rule.kind == .deadline {
            guard case .days(let days) = rule.period else { continue }
            let facts = FactValues(slotCount: packs.factSlotCount)
            var start = day
            var found: (trigger: CivilDate, result: DeadlineResult, naive: CivilDate)?
            for _ in 0..<60 {
                if let result = try? packs.computeDeadline(rule, triggerDate: { _ in start }, facts: facts),
                    result.variant == nil, let naive = try? start.adding(days: rule.direction == .after ? days : -days)
                {
                    if naive != result.computed.date {
                        found = (start, result, naive)
                        break
                    }
                }
                guard let next = try? start.adding(days: 5) else { break }
                start = next
            }
            guard let found else { continue }
            let event = packs.event(rule.trigger)?.name.lowercasedFirstWord ?? rule.trigger
            // The distractors are this jurisdiction's own mistakes to make: the date without the roll, the day
            // counted from the trigger day itself, and the date another of its periods gives from the same trigger.
            let right = found.result.computed.date
            var options = [right, found.naive]
            var mistakes = [try? found.naive.adding(days: rule.direction == .after ? -1 : 1)]
            mistakes += packs.deadlines(in: jurisdiction).filter { $0.id != rule.id && $0.trigger == rule.trigger }
                .map {
                    try? packs.computeDeadline($0, triggerDate: { _ in found.trigger }, facts: facts)?.computed.date
                }
            mistakes.append(try? right.adding(days: 7))
            for case let date? in mistakes where options.count < 4 && !options.contains(date) { options.append(date) }
            let steps = TraceText.sentences(found.result.computed.trace).joined(separator: " ")
            // With three or more distinct dates, a multiple choice (in order by date; the quiz shuffles them by
            // its seed); otherwise the date is typed.
            let sorted = options.sorted()
            let answer: QuizQuestion.Answer =
                sorted.count >= 3
                ? .choice(options: sorted.map(\.description), correct: sorted.firstIndex(of: right)!)
                : .date(right)
            questions.append(
                QuizQuestion(
                    id: "deadlines:\(jurisdiction):\(rule.id):\(found.trigger)", topic: .deadlines,
                    jurisdiction: jurisdiction,
                    prompt:
                        "\(rule.name) in \(packs.jurisdiction(jurisdiction)?.name ?? jurisdiction). "
                        + "\(upperFirst(event)): \(found.trigger.weekday) \(found.trigger). On what date is it due?",
                    answer: answer,
                    explanation:
                        "\(rule.period) \(rule.direction == .after ? "after" : "before") the \(event). \(steps)",
                    citation: found.result.citation,
                    basis: .deadline(rule: rule, trigger: found.trigger, facts: facts)
                ))
        }
        return questions
    }

    private func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }

    private func lowercasedFirst<S: StringProtocol>(_ text: S) -> String {
        guard let first = text.first else { return "" }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    /// The text with its first letter lowercased, to go on inside a sentence, unless the first word is an
    /// acronym or a name in capitals ("LLLT").
    var lowercasedFirstWord: String {
        let word = prefix { $0 != " " }
        guard let first = word.first, word.count == 1 || word.dropFirst().allSatisfy({ !$0.isUppercase }) else {
            return self
        }
        return first.lowercased() + dropFirst()
    }
}
