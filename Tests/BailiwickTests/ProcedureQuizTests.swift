import Bailiwick
import BailiwickLoading
import Testing

/// Procedure questions (which form, which deadline first, which deadline an event starts, when a waiting
/// period ends, what to do about a missed deadline) exist for every shipped matter type, and each answer is what
/// the audit engine finds for a matter file written here from the question's facts and events and loaded as any
/// matter file is: not the matter the generator built.
struct ProcedureQuizTests {
    let packs: PackSet
    let day = CivilDate(year: 2026, month: 12, day: 1)!

    init() throws {
        packs = try TestPacks.shipped
    }

    /// The matter file a trainee's supervisor would write for the question's case.
    func matterFile(_ procedure: ProcedureCase) -> String {
        var lines = [
            "id: quiz-check", "jurisdiction: \(procedure.matterType.jurisdiction)",
            "type: \(procedure.matterType.id)", "as-of: \(procedure.asOf)", "people: []",
        ]
        let given = procedure.facts.givenSlots
        lines.append(given.isEmpty ? "facts: {}" : "facts:")
        for slot in given {
            let value: String
            switch procedure.facts[slot]! {
            case .boolean(let truth): value = truth ? "true" : "false"
            case .integer(let number): value = String(number)
            case .list(let items): value = "[" + items.joined(separator: ", ") + "]"
            case let other: value = "\"\(other)\""
            }
            lines.append("  \(packs.facts[slot].id): \(value)")
        }
        lines.append(procedure.events.isEmpty ? "events: []" : "events:")
        for happened in procedure.events { lines.append("  - {event: \(happened.event), date: \(happened.date)}") }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyMatterTypeHasProcedureQuestionsAnsweredAsTheAuditAnswers() throws {
        let questions = QuizGenerator(packs: packs, asOf: day).questions(
            jurisdiction: nil, license: nil, topics: [.procedure])
        #expect(!packs.matterTypes.isEmpty)
        for type in packs.matterTypes {
            let own = questions.filter {
                guard case .procedure(let procedure) = $0.basis else { return false }
                return procedure.matterType.id == type.id && procedure.matterType.jurisdiction == type.jurisdiction
            }
            #expect(!own.isEmpty, "no procedure question for \(type.jurisdiction)/\(type.id)")
        }
        var kinds = Set<String>()
        for question in questions {
            guard case .procedure(let procedure) = question.basis else {
                Issue.record("\(question.id) is not a procedure question")
                continue
            }
            let text = matterFile(procedure)
            let matter: Matter
            do {
                matter = try MatterLoader.load(text: text, file: "check.yaml", packs: packs)
            } catch {
                Issue.record("\(question.id): \(error)\n\(text)")
                continue
            }
            let report = packs.audit(matter, asOf: procedure.asOf)
            let type = procedure.matterType
            // Read from the findings here, by their codes and sources, not through the generator's reader.
            func due(_ rule: String) -> CivilDate? {
                report.findings.first {
                    $0.source == .deadline(rule) && $0.code.category == .deadline && $0.dateRole == .due
                        && $0.date != nil
                }?.date
            }
            switch procedure.ask {
            case .requiredForm(let codes):
                kinds.insert("forms")
                let required = codes.filter { code in
                    report.findings.contains {
                        $0.source == .form(code) && [.formDue, .formMissing, .formLate].contains($0.code)
                    }
                }
                try #require(required.count == 1, "\(question.id): \(required)\n\(text)")
                let form = try #require(type.form(required[0]))
                #expect(question.answerText == "\(form.code) (\(form.name))", "\(question.id)")
            case .dueFirst(let rules):
                kinds.insert("first")
                let dated = rules.compactMap { rule in due(rule).map { (rule, $0) } }
                #expect(dated.count == rules.count, "\(question.id)")
                let first = try #require(dated.min { $0.1 < $1.1 })
                #expect(dated.filter { $0.1 == first.1 }.count == 1, "\(question.id): a tie")
                #expect(question.answerText == packs.deadline(first.0, in: type.jurisdiction)?.name, "\(question.id)")
            case .startedBy(let event, let rules):
                kinds.insert("starts")
                let started = rules.filter { due($0) != nil }
                try #require(started.count == 1, "\(question.id): \(started)\n\(text)")
                let rule = try #require(packs.deadline(started[0], in: type.jurisdiction))
                #expect(rule.trigger == event && question.answerText == rule.name, "\(question.id)")
            case .waitingPeriodEnds(let rule):
                kinds.insert("waiting")
                let running = report.findings.first { $0.source == .deadline(rule) && $0.code == .waitingPeriodRunning }
                #expect(question.answerText == running?.date?.description, "\(question.id)")
            case .missedRemedy(let rule, let remedies):
                kinds.insert("missed")
                let missed = report.findings.first { $0.source == .deadline(rule) && $0.code == .deadlineMissed }
                guard case .deadlineMissed(let missedRule, _, _)? = missed?.detail, let remedy = missedRule.remedy
                else {
                    Issue.record("\(question.id): the audit finds \(rule) not missed, or without a remedy\n\(text)")
                    continue
                }
                #expect(question.answerText == remedy, "\(question.id)")
                // Each distractor is another rule's remedy of the same jurisdiction, worded otherwise.
                guard case .choice(let options, _) = question.answer else {
                    Issue.record("\(question.id) is not a multiple choice")
                    continue
                }
                #expect(Set(options) == Set(remedies) && options.count >= 3, "\(question.id)")
                let others = packs.deadlines(in: missedRule.jurisdiction).filter { $0.id != rule }
                for option in options where option != remedy {
                    #expect(option.lowercased() != remedy.lowercased(), "\(question.id)")
                    #expect(others.contains { $0.remedy == option }, "\(question.id): \(option)")
                }
            }
        }
        #expect(kinds == ["forms", "first", "starts", "waiting", "missed"], "\(kinds)")
    }

    /// Worked by hand from the Washington pack: a dissolution petition served on Tuesday 2026-12-01 starts the
    /// 90-day wait before a decree (RCW 26.09.030): December has 30 days after the 1st, January 31, February
    /// 28, so day 90 is 2027-03-01 (30 + 31 + 28 = 89 is 2027-02-28, day 90 the next). The 90 days have elapsed
    /// when day 90 ends (counted as CR 6(a) counts), so the decree may be entered from day 91, Tuesday 2027-03-02.
    @Test func aWaitingPeriodWorkedByHand() throws {
        let questions = QuizGenerator(packs: packs, asOf: day).questions(
            jurisdiction: "us-wa", license: nil, topics: [.procedure])
        let question = try #require(
            questions.first {
                $0.id == "procedure:us-wa:dissolution:waiting:dissolution-waiting-after-service:2026-12-01"
            },
            "\(questions.map(\.id))")
        #expect(question.answerText == "2027-03-02")
    }

    /// Worked by hand from the Utah pack: the answer is due 21 days after service (Utah R. Civ. P. 12(a)). From
    /// a service on Tuesday 2026-12-01 it would be due Tuesday 2026-12-22, so the question moves the service back
    /// 21 + 1 days, to Monday 2026-11-09: day 21 is Monday 2026-11-30 (no weekend or holiday), missed on
    /// Tuesday 2026-12-01. The answer is the rule's own remedy in the pack.
    @Test func aMissedDeadlineWorkedByHand() throws {
        let questions = QuizGenerator(packs: packs, asOf: day).questions(
            jurisdiction: "us-ut", license: nil, topics: [.procedure])
        let question = try #require(
            questions.first {
                $0.id == "procedure:us-ut:debt-collection-answer:missed:answer-to-complaint:2026-12-01"
            },
            "\(questions.map(\.id))")
        #expect(question.prompt.contains("Service of the summons: Monday 2026-11-09."))
        #expect(question.prompt.contains("was due Monday 2026-11-30"))
        #expect(question.answerText.hasPrefix("File and serve the answer at once and tell the supervising lawyer"))
        #expect(question.answerText == packs.deadline("answer-to-complaint", in: "us-ut")?.remedy)
    }
}
