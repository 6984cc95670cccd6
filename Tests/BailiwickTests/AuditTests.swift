import Bailiwick
import BailiwickLoading
import Testing

/// The audit, finding by finding, on a small pack and matters written in the test.
struct AuditTests {
    /// Jurisdiction `tt` of the timeline tests, plus a licence, scope rules and a matter type.
    static let scope = """
        licenses:
          - {id: tech, title: Test Technician, governing-rule: Rule 1, areas: [family], valid-from: 2012-09-01, \
        admissions-until: 2023-07-31, citation: Rule 1, source: primary}
        rules:
          - {id: tech-forms, summary: s, effect: permit, licenses: [tech], actions: [complete-forms], requires: \
        [written-contract], citation: R. 2, source: official-summary}
          - {id: tech-no-court, summary: No court., effect: forbid, licenses: [tech], actions: [appear-in-court], \
        citation: R. 3, source: official-summary, remedy: Refer to a lawyer.}
          - {id: tech-negotiate, summary: s, effect: permit, licenses: [tech], actions: [negotiate], requires: \
        [consent], citation: R. 4, source: official-summary}
          - {id: tech-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], when: 'amount < 100', \
        citation: R. 5, source: official-summary}
        matter-types:
          - id: divorce
            name: Divorce
            area: family
            citation: Stat. 1
            source: primary
            forms:
              - {code: F-1, name: Petition, due: {event: filed}, citation: F-1, source: primary}
              - {code: F-2, name: Parenting plan, when: children > 0, due: {event: decree}, citation: F-2, source: \
        primary}
              - {code: F-3, name: Response, required: false, citation: F-3, source: primary}
              - {code: F-4, name: Answer, due: {deadline: answer}, citation: F-4, source: primary}
            deadlines:
              - {rule: answer, met-by: {form: F-4}}
              - {rule: decree-wait, guards: decree}
              - {rule: reply}
            follow-ups:
              - {text: Check the parenting class certificate., when: children > 0, due: {event: decree}, citation: \
        Local rule, source: secondary}
        """

    static func packs() throws -> PackSet {
        let shared = """
            actions:
              - {id: advise, title: Advise, description: Advise.}
              - {id: complete-forms, title: Complete forms, description: Fill in forms.}
              - {id: appear-in-court, title: Appear in court, description: Speak in court.}
              - {id: negotiate, title: Negotiate, description: Bargain.}
            areas:
              - {id: family, title: Family, description: Family law.}
            facts:
              - {id: abroad, type: boolean, description: Served abroad.}
              - {id: waived, type: boolean, description: Service waived.}
              - {id: written-contract, type: boolean, description: A written contract.}
              - {id: consent, type: boolean, description: Written consent.}
              - {id: children, type: integer, description: Minor children.}
              - {id: amount, type: integer, description: Amount.}
            events:
              - {id: served, name: Service, description: The paper was served.}
              - {id: waiver-sent, name: Waiver sent, description: A waiver request was sent.}
              - {id: filed, name: Filing, description: The petition was filed.}
              - {id: decree, name: Decree entered, description: The decree was entered.}
            """
        return try PackSetLoader.load([
            PackFile(displayPath: "Rules/shared.yaml", packPath: "Rules/shared.yaml", text: shared),
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(
                displayPath: "Jurisdictions/tt/timelines.yaml", packPath: "Jurisdictions/tt/timelines.yaml",
                text: TimelineTestPacks.calendar),
            PackFile(displayPath: "Jurisdictions/tt/scope.yaml", packPath: "Jurisdictions/tt/scope.yaml", text: scope),
        ])
    }

    /// A clean matter: filed 2026-01-09, served 2026-01-12, answer (F-4) filed on time, no decree yet.
    static let clean = """
        id: T-1
        jurisdiction: tt
        type: divorce
        as-of: 2026-02-20
        people:
          - {id: tech, role: technician, name: Pat Lee, license: tech, licensed-from: 2020-01-01}
        facts: {written-contract: true, consent: true, children: 0, amount: 5, abroad: false, waived: false}
        events:
          - {event: filed, date: 2026-01-09}
          - {event: served, date: 2026-01-12, method: personal}
        actions:
          - {by: tech, action: complete-forms, date: 2026-01-05}
        filings:
          - {form: F-1, filed: 2026-01-09}
          - {form: F-4, filed: 2026-01-30}
        """

    let packs: PackSet

    init() throws {
        packs = try Self.packs()
    }

    func audit(_ text: String, asOf: String? = nil) throws -> AuditReport {
        let matter = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
        return packs.audit(matter, asOf: asOf.flatMap(CivilDate.init) ?? matter.asOf!, horizon: 14)
    }

    /// `CODE@line:column` for each finding of a severity at least `minimum`.
    func codes(_ report: AuditReport, _ minimum: Finding.Severity = .warning) -> [String] {
        report.findings.filter { $0.severity >= minimum }.map {
            "\($0.code.rawValue)@\($0.location.line):\($0.location.column)"
        }
    }

    func replacing(_ old: String, _ new: String, in text: String = clean) throws -> String {
        try #require(text.contains(old), "the test matter does not contain \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func aCleanMatterHasNoErrorsOrWarnings() throws {
        let report = try audit(Self.clean)
        #expect(codes(report) == [])
        // Served Monday 2026-01-12: 21 days = Monday 2026-02-02; the answer was filed 2026-01-30.
        #expect(report.findings.contains { $0.code == .deadlineMet && $0.date?.description == "2026-02-02" })
        // Filed 2026-01-09: the decree may not come before 90 days later, Thursday 2026-04-09.
        #expect(report.findings.contains { $0.code == .waitingPeriodRunning && $0.date?.description == "2026-04-09" })
    }

    @Test func scopeFindingsPointAtTheAction() throws {
        let text =
            Self.clean + """

                  - {by: tech, action: appear-in-court, date: 2026-02-01}
                  - {by: tech, action: negotiate, date: 2026-02-02, facts: {consent: false}}
                  - {by: tech, action: advise, date: 2026-02-03, facts: {amount: 500}}
                """
        let moved =
            text.replacingOccurrences(
                of: "filings:\n  - {form: F-1, filed: 2026-01-09}\n  - {form: F-4, filed: 2026-01-30}\n", with: "")
            + "\nfilings:\n  - {form: F-1, filed: 2026-01-09}\n  - {form: F-4, filed: 2026-01-30}\n"
        let report = try audit(moved)
        #expect(codes(report) == ["SCOPE-PROHIBITED@13:5", "SCOPE-CONDITION-UNMET@14:5", "SCOPE-NOT-AUTHORIZED@15:5"])
        let prohibited = try #require(report.findings.first { $0.code == .scopeProhibited })
        #expect(prohibited.source == .scopeRules(["tech-no-court"]))
        guard case .prohibited(let act, let rules) = prohibited.detail else {
            Issue.record("a prohibition carries its rules")
            return
        }
        #expect(act.action.id == "appear-in-court" && act.date.description == "2026-02-01" && act.person.id == "tech")
        #expect(rules.map(\.id) == ["tech-no-court"] && rules.first?.remedy == "Refer to a lawyer.")
        let unmet = try #require(report.findings.first { $0.code == .scopeConditionUnmet })
        guard case .conditionsUnmet(_, let requirements) = unmet.detail else {
            Issue.record("an unmet condition carries the requirements")
            return
        }
        #expect(requirements.map(\.condition.text) == ["consent"] && unmet.source == .scopeRules(["tech-negotiate"]))
    }

    @Test func unknownConditionsAreWarnings() throws {
        let report = try audit(
            try replacing("facts: {written-contract: true, consent: true,", "facts: {consent: true,"))
        #expect(codes(report) == ["SCOPE-CONDITION-UNKNOWN@12:5"])
    }

    @Test func licenceProblems() throws {
        let early = try audit(try replacing("licensed-from: 2020-01-01", "licensed-from: 2026-01-06"))
        // 2026-01-06 is also after admissions closed (2023-07-31).
        #expect(codes(early) == ["LICENSE-ADMISSIONS-CLOSED@6:5", "LICENSE-NOT-VALID@12:5"])
        let closed = try audit(try replacing("licensed-from: 2020-01-01", "licensed-from: 2024-01-01"))
        #expect(codes(closed).contains("LICENSE-ADMISSIONS-CLOSED@6:5"))
        let admission = try #require(closed.findings.first { $0.code == .licenseAdmissionsClosed })
        #expect(admission.source == .license(LicenseKey(jurisdiction: "tt", id: "tech")))
        guard case .admissionsClosed(_, _, let issued, let until) = admission.detail else {
            Issue.record("an admissions finding carries the dates")
            return
        }
        #expect(issued.description == "2024-01-01" && until.description == "2023-07-31")
        // The act of a person whose licence is in error is marked with that error on the timeline.
        #expect(closed.timeline.first { $0.kind == .action }?.severity == .error)
        let none = try audit(try replacing("license: tech, licensed-from: 2020-01-01", "licensed-from: 2020-01-01"))
        #expect(codes(none) == ["LICENSE-NOT-VALID@12:5"])
    }

    @Test func formsMissingDueAndConditional() throws {
        // The petition (due by filing, 2026-01-09) was not filed: an error once that day has passed.
        let missing = try audit(try replacing("  - {form: F-1, filed: 2026-01-09}\n", ""))
        #expect(codes(missing) == ["FORM-MISSING@3:7"])
        // With children, the parenting plan is due by the decree, which has not happened: a warning.
        let plan = try audit(try replacing("children: 0", "children: 2"))
        #expect(codes(plan) == ["FORM-DUE@3:7"])
        // Whether there are children is not recorded: the plan may be required.
        let unknown = try audit(try replacing("children: 0, ", ""))
        #expect(codes(unknown) == ["FORM-MAY-BE-REQUIRED@3:7"])
        // The answer form (due with the answer deadline, 2026-02-02) filed late.
        let late = try audit(try replacing("{form: F-4, filed: 2026-01-30}", "{form: F-4, filed: 2026-02-05}"))
        #expect(codes(late) == ["DEADLINE-LATE@15:5", "FORM-LATE@15:5"])
    }

    @Test func deadlinesMissedDueSoonPendingAndNotTriggered() throws {
        let withoutAnswer = try replacing("\n  - {form: F-4, filed: 2026-01-30}", "")
        // Due Monday 2026-02-02. As of 2026-02-20 it is missed; the F-4 form is missing too.
        #expect(codes(try audit(withoutAnswer)) == ["FORM-MISSING@3:7", "DEADLINE-MISSED@10:5"])
        // As of 2026-01-25, 8 days before: due soon (and the form is due).
        // The tracked reply (14 days from service, Monday 2026-01-26) is due soon as well.
        #expect(
            codes(try audit(withoutAnswer, asOf: "2026-01-25")) == [
                "FORM-DUE@3:7", "DEADLINE-DUE-SOON@10:5", "DEADLINE-DUE-SOON@10:5",
            ])
        // As of 2026-01-13, 20 days before: pending (a note).
        let pending = try audit(withoutAnswer, asOf: "2026-01-13")
        #expect(pending.findings.contains { $0.code == .deadlinePending && $0.date?.description == "2026-02-02" })
        // No service recorded: the answer deadline has not started.
        let unserved = try audit(
            try replacing("  - {event: served, date: 2026-01-12, method: personal}\n", "", in: withoutAnswer))
        #expect(unserved.findings.contains { $0.code == .deadlineNotTriggered })
    }

    @Test func aTrackedDeadlineThatHasPassedIsANote() throws {
        // The reply is tracked by date only: 14 days from service on 2026-01-12, Monday 2026-01-26.
        let report = try audit(Self.clean)
        let passed = try #require(report.findings.first { $0.code == .deadlinePassed })
        #expect(passed.date?.description == "2026-01-26" && passed.severity == .info && passed.location.line == 10)
    }

    @Test func anActionWhoseScopeDependsOnAMissingFactIsUndetermined() throws {
        let text = try replacing(
            "  - {by: tech, action: complete-forms, date: 2026-01-05}",
            "  - {by: tech, action: complete-forms, date: 2026-01-05}\n  - {by: tech, action: advise, date: 2026-01-20}"
        )
        let report = try audit(try replacing(", amount: 5", "", in: text))
        #expect(codes(report) == ["SCOPE-UNDETERMINED@13:5"])
        let undetermined = try #require(report.findings.first { $0.code == .scopeUndetermined })
        guard case .undetermined(_, let facts) = undetermined.detail else {
            Issue.record("an undetermined finding carries the missing facts")
            return
        }
        #expect(facts == [.fact("amount")])
    }

    @Test func aDeadlineThatDependsOnAFactUsesTheEarliestDate() throws {
        // The answer runs 21 days, or 60 if served abroad: the file does not say. Filed on 2026-02-03,
        // after the 21-day date, it is late (and its form too) if it was not served abroad.
        let report = try audit(
            try replacing("abroad: false, ", "", in: try replacing("filed: 2026-01-30", "filed: 2026-02-03")))
        #expect(codes(report) == ["DEADLINE-LATE@15:5", "DEADLINE-DEPENDS-ON-FACT@10:5", "FORM-LATE@15:5"])
        let depends = try #require(report.findings.first { $0.code == .deadlineDependsOnFact })
        guard case .deadlineVariantsUnknown(_, let plain, _, let facts, let earliest) = depends.detail else {
            Issue.record("the finding carries the dates and facts")
            return
        }
        #expect(facts == ["abroad"] && earliest <= plain && depends.source == .deadline("answer"))
    }

    @Test func aDeadlineMetBeforeItsEarliestPossibleDateNeedsNoFact() throws {
        // Filed 2026-01-30, before the 21-day date (2026-02-02): whether service was abroad no longer matters.
        let report = try audit(try replacing("abroad: false, ", ""))
        #expect(codes(report) == [])
        #expect(report.findings.contains { $0.code == .deadlineMet })
    }

    @Test func aDecreeBeforeTheWaitingPeriodEnds() throws {
        let early = try audit(
            try replacing(
                "  - {event: served, date: 2026-01-12, method: personal}\n",
                "  - {event: served, date: 2026-01-12, method: personal}\n  - {event: decree, date: 2026-04-08}\n"),
            asOf: "2026-04-20")
        #expect(codes(early) == ["WAITING-PERIOD-VIOLATED@11:5"])
        let violated = try #require(early.findings.first)
        guard case .waitingPeriodViolated(let rule, let act, let on, let firstAllowed) = violated.detail else {
            Issue.record("a violation carries the dates")
            return
        }
        #expect(rule.id == "decree-wait" && act?.id == "decree")
        #expect(
            on.description == "2026-04-08" && firstAllowed.description == "2026-04-09" && violated.dateRole == .occurred
        )
        let onTime = try audit(
            try replacing(
                "  - {event: served, date: 2026-01-12, method: personal}\n",
                "  - {event: served, date: 2026-01-12, method: personal}\n  - {event: decree, date: 2026-04-09}\n"),
            asOf: "2026-04-20")
        #expect(onTime.findings.contains { $0.code == .waitingPeriodMet })
        guard
            case .waitingPeriodMet(_, _, _, _, let planned)? = onTime.findings.first(where: {
                $0.code == .waitingPeriodMet
            })?.detail
        else {
            Issue.record("a met waiting period says whether the act is done")
            return
        }
        #expect(!planned)
    }

    @Test func aDecreeAfterTheAsOfDateIsPlannedNotDone() throws {
        let planned = try audit(
            try replacing(
                "  - {event: served, date: 2026-01-12, method: personal}\n",
                "  - {event: served, date: 2026-01-12, method: personal}\n  - {event: decree, date: 2026-04-20}\n"),
            asOf: "2026-04-10")
        let met = try #require(planned.findings.first { $0.code == .waitingPeriodMet })
        guard case .waitingPeriodMet(_, _, let on, _, let isPlanned) = met.detail else {
            Issue.record("a met waiting period says whether the act is done")
            return
        }
        #expect(on.description == "2026-04-20" && isPlanned)
    }

    @Test func followUpsAreListedInDateOrder() throws {
        let report = try audit(try replacing("children: 0", "children: 1"))
        #expect(
            report.findings.contains { finding in
                guard case .followUp(let followUp, _) = finding.detail else { return false }
                return followUp.text == "Check the parenting class certificate."
            })
        let days = report.followUps.compactMap { $0.actOn(asOf: report.asOf) }
        #expect(days == days.sorted())
        #expect(report.followUps.map(\.code).contains(.waitingPeriodRunning))
    }

    @Test func theTimelineNamesEachEntryAndListsThemByDateThenName() throws {
        // Two more acts on the day of the filing (2026-01-09), by a second technician and by Pat Lee.
        let text = try replacing(
            "licensed-from: 2020-01-01}\n",
            "licensed-from: 2020-01-01}\n  - {id: ann, role: technician, name: Ann Bo, license: tech, "
                + "licensed-from: 2020-01-01}\n"
        ).replacingOccurrences(
            of: "  - {by: tech, action: complete-forms, date: 2026-01-05}\n",
            with: "  - {by: tech, action: complete-forms, date: 2026-01-05}\n"
                + "  - {by: tech, action: advise, date: 2026-01-09}\n"
                + "  - {by: ann, action: complete-forms, date: 2026-01-09}\n")
        let report = try audit(text)
        let entries = report.timeline.map { "\($0.date) \($0.kind.rawValue) \($0.name)" }
        // Served Monday 2026-01-12 in person: the reply (14 days) is due Monday 2026-01-26, the answer (21 days)
        // Monday 2026-02-02. Filed 2026-01-09: 22 days to 01-31, 28 to 02-28 (50), 31 to 03-31 (81), 9 more to
        // 04-09 (90), the first day the decree may come. Entries of one day are in name order.
        #expect(
            entries == [
                "2026-01-05 action Pat Lee: Complete forms",
                "2026-01-09 action Ann Bo: Complete forms",
                "2026-01-09 filing F-1",
                "2026-01-09 event Filing",
                "2026-01-09 action Pat Lee: Advise",
                "2026-01-12 event Service",
                "2026-01-26 deadline Reply to a motion",
                "2026-01-30 filing F-4",
                "2026-02-02 deadline Answer to a complaint",
                "2026-04-09 waiting-period Decree entered",
            ])
    }

    @Test func matterErrorsNameThePlaceAndTheKeyButNeverTheClientsData() throws {
        let secret = try replacing(
            "name: Pat Lee, license: tech, licensed-from: 2020-01-01",
            "name: Pat Lee, license: tech, licensed-from: 2020-13-45, nickname: Sunny")
        let problems = try problems(secret)
        #expect(
            !problems.joined().contains("Pat Lee") && !problems.joined().contains("Sunny")
                && !problems.joined().contains("2020-13-45"))
        #expect(problems.contains { $0.contains("unknown key 'nickname'") })
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func matterFileErrorsHaveLineAndColumn() throws {
        #expect(
            try problems(replacing("type: divorce", "type: divorse")) == [
                "3:7: unknown matter type 'divorse' in tt; did you mean 'divorce'?"
            ])
        #expect(
            try problems(replacing("as-of: 2026-02-20", "as-of: 2026-02-30")) == [
                "4:8: 'as-of' is not a real calendar date"
            ])
        #expect(try problems(replacing("children: 0", "children: two")) == ["7:58: 'children' must be a whole number"])
        #expect(
            try problems(replacing("action: complete-forms", "action: complete-form")) == [
                "12:24: unknown action 'complete-form'; did you mean 'complete-forms'?"
            ])
        #expect(
            try problems(replacing("{form: F-1,", "{form: F-7,")) == [
                "14:12: form 'F-7' is not a form of the divorce matter type; did you mean 'F-1'?"
            ])
        #expect(
            try problems(replacing("by: tech, action", "by: tec, action")) == [
                "12:10: unknown person 'tec'; did you mean 'tech'?"
            ])
        #expect(
            try problems(replacing("method: personal", "method: fax")) == [
                "10:47: 'method' must be one of personal, mail, electronic, clerk, consented, not the value given"
            ])
        #expect(
            try problems(replacing("as-of: 2026-02-20", "as-of: 2026-02-20\nowner: me")) == [
                "5:1: unknown key 'owner' in a matter file (known: actions, area, as-of, deadlines, events, facts, "
                    + "filings, id, jurisdiction, people, title, type)"
            ])
        #expect(
            try problems(replacing("{written-contract: true,", "{writen-contract: true,")) == [
                "7:9: unknown key 'writen-contract' in the facts (id: value); did you mean 'written-contract'?"
            ])
    }
}
