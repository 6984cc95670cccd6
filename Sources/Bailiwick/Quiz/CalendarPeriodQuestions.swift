/// Date questions for periods in calendar months or years (a year from the last arrival, two years less 90 days
/// from conditional residence). The answer is the engine's; the distractors are the mistakes the same rule
/// invites: the date without the weekend or holiday roll, the end-of-month mistake (a month from 31 January
/// taken as 3 March, a year from 29 February as 1 March), one unit more or fewer, the anniversary without the
/// days less, the count started on the trigger day.
extension QuizGenerator {
    func calendarPeriodQuestions(_ jurisdiction: String, from day: CivilDate) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for rule in packs.deadlines(in: jurisdiction) {
            guard let months = rule.period.months, months > 0 else { continue }
            // Up to two triggers: the first (in steps of five days, so the weekday varies) where the roll changes
            // the answer, and the first day whose day of the month the later month lacks; else `day` itself.
            var triggers = [rolledTrigger(rule, months: months, from: day), shortMonthTrigger(months, rule, from: day)]
                .compactMap { $0 }
            if triggers.isEmpty { triggers = [day] }
            for trigger in Array(Set(triggers)).sorted() {
                if let question = calendarPeriodQuestion(rule, months: months, trigger: trigger, in: jurisdiction) {
                    questions.append(question)
                }
            }
        }
        return questions
    }

    private func engineDate(_ rule: DeadlineRule, from trigger: CivilDate) -> CivilDate? {
        let facts = FactValues(slotCount: packs.factSlotCount)
        guard let result = try? packs.computeDeadline(rule, triggerDate: { _ in trigger }, facts: facts),
            result.variant == nil
        else { return nil }
        return result.computed.date
    }

    /// The last day counted as the rule counts it, without moving it off a weekend or holiday.
    private func unrolled(_ months: Int, less: Int, _ direction: Direction, from trigger: CivilDate) -> CivilDate? {
        let sign = direction == .after ? 1 : -1
        return try? trigger.adding(months: sign * months).adding(days: -sign * less)
    }

    private func lessDays(_ period: Period) -> Int {
        switch period {
        case .months(_, let less), .years(_, let less): less
        default: 0
        }
    }

    private func rolledTrigger(_ rule: DeadlineRule, months: Int, from day: CivilDate) -> CivilDate? {
        guard rule.kind == .deadline else { return nil }
        var start = day
        for _ in 0..<60 {
            if let right = engineDate(rule, from: start),
                let naive = unrolled(months, less: lessDays(rule.period), rule.direction, from: start), naive != right
            {
                return start
            }
            guard let next = try? start.adding(days: 5) else { return nil }
            start = next
        }
        return nil
    }

    /// The first day from `day` on (within five years, so a 29 February comes) whose day of the month the month
    /// the period ends in lacks.
    private func shortMonthTrigger(_ months: Int, _ rule: DeadlineRule, from day: CivilDate) -> CivilDate? {
        let sign = rule.direction == .after ? 1 : -1
        var start = day
        for _ in 0..<(5 * 366) {
            if let end = try? start.adding(months: sign * months), end.day != start.day { return start }
            guard let next = try? start.adding(days: 1) else { return nil }
            start = next
        }
        return nil
    }

    /// The rule with another period, counted by the engine the same way: a distractor of one unit more or fewer,
    /// or without the days less.
    private func counted(_ rule: DeadlineRule, _ period: Period, from trigger: CivilDate) -> CivilDate? {
        let other = DeadlineRule(
            id: rule.id, jurisdiction: rule.jurisdiction, name: rule.name, kind: rule.kind, trigger: rule.trigger,
            period: period, direction: rule.direction, serviceExtension: rule.serviceExtension,
            timeRule: rule.timeRule, citation: rule.citation, variants: rule.variants, remedy: rule.remedy,
            note: rule.note, inForce: rule.inForce, datedBy: rule.datedBy)
        return engineDate(other, from: trigger)
    }

    private func calendarPeriodQuestion(_ rule: DeadlineRule, months: Int, trigger: CivilDate, in jurisdiction: String)
        -> QuizQuestion?
    {
        let facts = FactValues(slotCount: packs.factSlotCount)
        guard let result = try? packs.computeDeadline(rule, triggerDate: { _ in trigger }, facts: facts),
            result.variant == nil
        else { return nil }
        let right = result.computed.date
        let less = lessDays(rule.period)
        let sign = rule.direction == .after ? 1 : -1
        var mistakes: [CivilDate?] = [unrolled(months, less: less, rule.direction, from: trigger)]
        // The end-of-month mistake: the days the shorter month lacks carried into the next month.
        if let end = try? trigger.adding(months: sign * months), end.day != trigger.day {
            mistakes.append(try? end.adding(days: trigger.day - end.day).adding(days: -sign * less))
        }
        let unit = rule.period.calendarUnit == "year" ? 12 : 1
        let count = rule.period.count
        func period(_ count: Int, less: Int) -> Period {
            unit == 12 ? .years(count, lessDays: less) : .months(count, lessDays: less)
        }
        mistakes.append(counted(rule, period(count + 1, less: less), from: trigger))
        if count > 1 { mistakes.append(counted(rule, period(count - 1, less: less), from: trigger)) }
        if less > 0 { mistakes.append(counted(rule, period(count, less: 0), from: trigger)) }
        mistakes.append(try? unrolled(months, less: less, rule.direction, from: trigger)?.adding(days: -sign))
        var options = [right]
        for case let date? in mistakes where options.count < 4 && !options.contains(date) { options.append(date) }
        let sorted = options.sorted()
        let answer: QuizQuestion.Answer =
            sorted.count >= 3
            ? .choice(options: sorted.map(\.description), correct: sorted.firstIndex(of: right)!) : .date(right)
        let event = packs.event(rule.trigger)?.name.lowercasedFirstWord ?? rule.trigger
        let place = packs.jurisdiction(jurisdiction)?.name ?? jurisdiction
        var question = rule.kind == .waitingPeriod ? "What is the first day it allows?" : "On what date is it due?"
        // The answer is the rule's general case: a special case whose facts are not stated does not apply.
        if !result.alternatives.isEmpty { question += " None of the rule's special cases applies." }
        let steps = TraceText.sentences(result.computed.trace).joined(separator: " ")
        return QuizQuestion(
            id: "deadlines:\(jurisdiction):\(rule.id):\(trigger)", topic: .deadlines, jurisdiction: jurisdiction,
            prompt: "\(rule.name) in \(place). \(upperFirstLetter(event)): \(trigger.weekday) \(trigger). \(question)",
            answer: answer,
            explanation: "\(rule.period) \(rule.direction == .after ? "after" : "before") the \(event). \(steps)",
            citation: result.citation, basis: .deadline(rule: rule, trigger: trigger, facts: facts))
    }

    private func upperFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }
}
