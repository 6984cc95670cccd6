import Bailiwick

/// The words of every audit finding: its subject, its message and what to do. The one place they
/// are written; text, HTML, JSON, JUnit, iCalendar and the pages all read them from here.
enum FindingText {
    /// What the finding is about, in a few words: a form, a deadline, an action.
    static func subject(_ finding: Finding) -> String {
        switch finding.detail {
        case .noLicense(let act), .beforeLicense(let act, _, _), .afterLicense(let act, _, _), .prohibited(let act, _),
            .notAuthorized(let act, _, _), .conditionsUnmet(let act, _), .conditionsUnknown(let act, _, _),
            .undetermined(let act, _):
            "\(act.person.name): \(act.action.id) on \(act.date)"
        case .admissionsClosed(let person, _, _, _):
            "\(person.name)'s licence"
        case .deadlineApplicabilityUnknown(let rule, _, _), .deadlineNeedsTime(let rule),
            .deadlineNotComputable(let rule, _), .deadlineNotTriggered(let rule, _),
            .deadlineVariantsUnknown(let rule, _, _, _, _), .deadlineMet(let rule, _, _),
            .deadlineLate(let rule, _, _, _),
            .deadlineMissed(let rule, _, _), .deadlineDueSoon(let rule, _, _), .deadlinePending(let rule, _),
            .deadlineTracked(let rule, _, _), .orderedDateUnusual(let rule, _, _, _),
            .waitingPeriodViolated(let rule, _, _, _),
            .waitingPeriodMet(let rule, _, _, _, _), .waitingPeriodRunning(let rule, _, _):
            rule.name
        case .formLate(let form, _, _), .formMayBeRequired(let form, _, _, _), .formMissing(let form, _),
            .formDue(let form, _):
            "\(form.code) (\(form.name))"
        case .followUp:
            "Reminder"
        case .typeNotGiven:
            "Forms and deadlines"
        }
    }

    /// What was found, in one or two sentences, and, when an order or stipulation set the date,
    /// how it was set and the date the rule alone gives.
    static func message(_ finding: Finding) -> String {
        guard let setBy = finding.setBy else { return detailMessage(finding) }
        return detailMessage(finding) + " " + dateSet(setBy)
    }

    /// "Date set by court order of 2026-03-02; the rule alone gives Mon 2026-03-16."
    static func dateSet(_ setBy: DateSetBy) -> String {
        let how =
            switch setBy.by {
            case .order: "court order"
            case .stipulation: "stipulation"
            }
        let set = "Date set by \(how)" + (setBy.on.map { " of \($0)" } ?? "")
        guard let computed = setBy.computed else { return set + "; the rule alone gives no date from the file." }
        return set + "; the rule alone gives \(day(computed))."
    }

    private static func detailMessage(_ finding: Finding) -> String {
        let subject = subject(finding)
        switch finding.detail {
        case .noLicense(let act):
            return """
                \(what(act)): \(act.person.name) holds no licence in the matter file, \
                so nothing authorizes the act.
                """
        case .admissionsClosed(let person, let license, let issued, let closed):
            return """
                \(person.name)'s \(license.key.id) licence is recorded as issued \(issued), \
                after admissions closed on \(closed).
                """
        case .beforeLicense(let act, _, let issued):
            return "\(what(act)): before \(act.person.name)'s licence was issued (\(issued))."
        case .afterLicense(let act, _, let ended):
            return "\(what(act)): after \(act.person.name)'s licence ended (\(ended))."
        case .prohibited(let act, let rules):
            return "\(what(act)) is prohibited: \(rules.first?.summary ?? "a rule forbids it.")"
        case .notAuthorized(let act, let license, let reason):
            let why =
                switch reason {
                case .areaNotCovered(let area, let covered)?:
                    "'\(area)' is outside the licence's practice areas (\(covered.joined(separator: ", ")))"
                case .areaNotHeld(let area, let held)?:
                    "the person \(Self.notHeld(area, held: held))"
                case .notInForce(let period)?:
                    "the licence did not exist on that date (it is valid \(period.description))"
                default:
                    "no rule grants it to the \(license.key.id) licence"
                }
            return "\(what(act)) is not authorized: \(why)."
        case .conditionsUnmet(let act, let unmet):
            return "\(what(act)) needed conditions the file shows were not met: \(labels(unmet))."
        case .conditionsUnknown(let act, let unknown, _):
            return "\(what(act)) is permitted only if: \(labels(unknown)). The file does not say."
        case .undetermined(let act, let facts):
            return "\(what(act)) could not be decided: it depends on \(names(facts))."
        case .deadlineApplicabilityUnknown(_, let when, let facts):
            return """
                '\(subject)' applies only if \(when.text); \
                the file does not say (\(facts.joined(separator: ", "))).
                """
        case .deadlineNeedsTime:
            return "'\(subject)' could not be computed: a period in hours needs the time of the event it runs from."
        case .deadlineNotComputable(_, let error):
            return "'\(subject)' could not be computed: \(error)."
        case .deadlineNotTriggered(let rule, let trigger):
            return """
                '\(subject)' has not started: it runs from \((trigger?.name ?? rule.trigger).lowercased()), \
                which the file does not record.
                """
        case .deadlineVariantsUnknown(_, let date, let unless, _, let earliest):
            return """
                '\(subject)' is \(day(date)) unless \(unless.map(\.text).joined(separator: " or ")); \
                the file does not say. The earliest possible date, \(earliest), is used.
                """
        case .deadlineMet(_, let due, let met):
            return "'\(subject)' was due \(day(due)); met on \(met.date) (\(name(met.by)))."
        case .deadlineLate(_, let due, let met, let daysLate):
            return """
                '\(subject)' was due \(day(due)) but was met only on \(met.date) (\(name(met.by))), \
                \(plural(daysLate, "day")) late.
                """
        case .deadlineMissed(_, let due, let daysAgo):
            return "'\(subject)' was due \(day(due)) and the file shows it was not met (\(plural(daysAgo, "day")) ago)."
        case .deadlineDueSoon(_, let due, let inDays):
            return "'\(subject)' is due \(day(due)), \(inDays == 0 ? "today" : "in \(plural(inDays, "day"))")."
        case .deadlinePending(_, let due):
            return "'\(subject)' is due \(day(due))."
        case .deadlineTracked(_, let due, let passed):
            // Tracked with no met-by (the other side's deadline, say): the file cannot show it met,
            // so say what the date is for rather than that nothing meets it.
            return """
                '\(subject)' \(passed ? "was" : "is") due \(day(due)). The matter type tracks this date for the \
                calendar only: it does not check who acted or whether the deadline was met.
                """
        case .orderedDateUnusual(_, let due, _, .beforeTrigger(let trigger)):
            return "The date set for '\(subject)', \(day(due)), is before the event it runs from (\(trigger))."
        case .orderedDateUnusual(_, let due, let setBy, .farFromComputed(let days)):
            return """
                The date set for '\(subject)', \(day(due)), is \(plural(abs(days), "day")) \
                \(days > 0 ? "after" : "before") the rule's date (\(setBy.computed.map(\.description) ?? "-")).
                """
        case .waitingPeriodViolated(_, let act, let on, let firstAllowed):
            return """
                \(act?.name ?? "The act") on \(on) came before the end of '\(subject)': \
                the first allowed day was \(day(firstAllowed)).
                """
        case .waitingPeriodMet(_, let act, let on, let firstAllowed, let planned):
            if planned {
                return """
                    \(act?.name ?? "The act") is planned for \(on), on or after the first allowed day under \
                    '\(subject)' (\(firstAllowed)); it is not done yet.
                    """
            }
            return "\(act?.name ?? "The act") on \(on) respected '\(subject)' (first allowed day \(firstAllowed))."
        case .waitingPeriodRunning(_, let act, let firstAllowed):
            return "\(act?.name ?? "The act") may not happen before \(day(firstAllowed)) ('\(subject)')."
        case .formLate(_, let filed, let due):
            return """
                \(subject) was filed \(filed), after it was due (\(due.date.map(\.description) ?? "-"), \
                \(basis(due))).
                """
        case .formMayBeRequired(_, let when, let facts, _):
            return "\(subject) is required if \(when.text); the file does not say (\(facts.joined(separator: ", ")))."
        case .formMissing(_, let due):
            return "\(subject) is missing: it was due by \(due.date.map(\.description) ?? "-") (\(basis(due)))."
        case .formDue(_, let due):
            return "\(subject) is required and not yet filed: due \(when(due))."
        case .followUp(let followUp, _):
            return followUp.text
        case .typeNotGiven:
            return "Forms and deadlines were not checked because no matter type was given; "
                + "only each action's scope and the people's licences on their dates were."
        }
    }

    /// What to do about it, in plain words.
    static func remedy(_ finding: Finding) -> String {
        switch finding.detail {
        case .noLicense:
            return "Record the person's licence, or have a lawyer or licensed professional do or adopt the work."
        case .admissionsClosed(_, let license, _, let closed):
            return "Check the licence date; no \(license.title) licence could be issued after \(closed)."
        case .beforeLicense:
            return "Work done before licensure must be redone or adopted by a lawyer; "
                + "report it to the supervising attorney."
        case .afterLicense:
            return "Stop: the licence was not in force. Have a lawyer review and adopt or redo the work."
        case .prohibited(_, let rules):
            return rules.first?.remedy ?? "Stop and refer this to a lawyer."
        case .notAuthorized:
            return "Only a lawyer (or a licence that covers it) may do this; "
                + "refer it and tell the supervising attorney."
        case .conditionsUnmet:
            return "Meet the condition before acting again, and have the supervising attorney review what was done."
        case .conditionsUnknown(_, _, let facts):
            return "Confirm and record: \(names(facts))."
        case .undetermined(_, let facts):
            return "Record these facts in the matter file: \(names(facts))."
        case .deadlineApplicabilityUnknown(_, _, let facts), .deadlineVariantsUnknown(_, _, _, let facts, _):
            return "Record \(facts.joined(separator: ", ")) in the matter file."
        case .deadlineNeedsTime:
            return "Record the time of the event it runs from in the matter file."
        case .deadlineNotComputable:
            return "Check the dates of the events it runs from; until then, work it out by hand."
        case .deadlineNotTriggered:
            return "Nothing yet; record the event's date when it happens."
        case .deadlineMet, .waitingPeriodMet:
            return "Nothing to do."
        case .deadlineLate(let rule, _, _, _):
            return rule.remedy
                ?? ("Tell the supervising attorney now: a late filing may need a motion to accept it "
                    + "or to set aside a default.")
        case .deadlineMissed(let rule, _, _):
            return rule.remedy
                ?? "Tell the supervising attorney today; ask whether late filing or relief from default is possible."
        case .deadlineDueSoon(_, let due, _):
            return "Make sure it is done by \(due); check how the date was computed before relying on it."
        case .deadlinePending:
            return "Calendar it."
        case .orderedDateUnusual:
            return "Check the date against the order or stipulation itself, and correct the matter file if it differs."
        case .deadlineTracked(_, let due, let passed):
            return passed
                ? "Check what was done by that day, and record it if the matter depends on it."
                : "Make sure whoever must act does so by \(due)."
        case .waitingPeriodViolated(let rule, _, _, _):
            return rule.remedy
                ?? "Tell the supervising attorney: what was done before the first allowed day may be open to challenge."
        case .waitingPeriodRunning(_, let act, let firstAllowed):
            return "Calendar \(firstAllowed) as the first allowed day for '\(act?.name ?? "the act")'."
        case .formLate:
            return "Check whether the late filing needs leave of court."
        case .formMayBeRequired(_, _, let facts, _):
            return "Record \(facts.joined(separator: ", ")); file the form if it is required."
        case .formMissing:
            return "Prepare and file it now, and tell the supervising attorney it was missed."
        case .formDue(_, let due):
            return "Prepare it and file it \(when(due))."
        case .followUp(let followUp, _):
            return followUp.text
        case .typeNotGiven(let jurisdiction, let hasMatterTypes):
            return hasMatterTypes
                ? "Give the matter's 'type' to check them (bailiwick list matter-types --jurisdiction "
                    + "\(jurisdiction.id)), or check the forms and deadlines by hand."
                : "\(jurisdiction.name) has no matter types in the packs yet: check the forms and deadlines by hand."
        }
    }

    /// What a finding's date is, in a word or two: "due", "happened", "not before".
    static func dateRole(_ role: FindingDateRole) -> String {
        switch role {
        case .due: "due"
        case .occurred: "happened"
        case .notBefore: "not before"
        case .event: "on the event's day"
        }
    }

    /// A follow-up's line: the reminder itself, or the subject and what to do.
    static func followUp(_ finding: Finding) -> String {
        finding.code == .followUp ? message(finding) : "\(subject(finding)): \(remedy(finding))"
    }

    /// The follow-up's own date and what it is, for beside the day to act: "due 2026-05-01".
    static func followUpDate(_ finding: Finding) -> String {
        guard let date = finding.date else { return "" }
        if case .followUp(_, let due?) = finding.detail, case .event(let event, let id) = due.basis {
            return "\(event?.name ?? id) on \(date)"
        }
        return "\(dateRole(finding.dateRole)) \(date)"
    }

    /// The sentences for the other dates a deadline would have if the courts were closed on an unconfirmed day.
    static func closureWarnings(_ finding: Finding) -> [String] {
        let kind: DeadlineRule.Kind = finding.code.category == .waitingPeriod ? .waitingPeriod : .deadline
        return finding.closureWarnings.map { ClosureWarningText.sentence($0, kind: kind) }
    }

    static func closureWarnings(_ entry: TimelineEntry) -> [String] {
        entry.closureWarnings.map { ClosureWarningText.sentence($0, kind: entry.closureKind) }
    }

    /// A timeline entry's label: its name, with the words for its kind.
    static func label(_ entry: TimelineEntry) -> String {
        switch entry.kind {
        case .event, .action: entry.name
        case .filing: "Filed \(entry.name)"
        case .deadline: "Due: \(entry.name)"
        case .waitingPeriod: "Not before: \(entry.name.isEmpty ? "the act" : entry.name)"
        }
    }

    /// What the audit headers say in place of a matter type's name when the file gives none.
    public static let noMatterType = "no matter type"

    /// "2 errors", "1 warning".
    /// A severity as every report for people names it: a finding of severity `info` is a note.
    static func severityName(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    private static func what(_ act: ActionRecord) -> String { "\(act.person.name)'s '\(act.action.id)' on \(act.date)" }

    private static func day(_ date: CivilDate) -> String { "\(date.weekday) \(date)" }

    /// Requirements as one clause: their own full stops dropped, so a sentence never ends in two.
    private static func labels(_ requirements: [Requirement]) -> String {
        requirements.map { $0.label.withoutFinalStop }.joined(separator: "; ")
    }

    private static func names(_ facts: [MissingFact]) -> String { facts.map(\.name).joined(separator: ", ") }

    private static func name(_ by: DeadlineMet.By) -> String {
        switch by {
        case .event(let event, let id): event?.name ?? id
        case .form(let code): code
        }
    }

    private static func basis(_ due: DueDate) -> String {
        switch due.basis {
        case .event(let event, let id): event?.name.lowercased() ?? id
        case .deadline(let rule, let id): rule?.name.lowercased() ?? id
        }
    }

    private static func when(_ due: DueDate?) -> String {
        guard let due else { return "before the matter ends" }
        return due.date.map { "by \($0) (\(basis(due)))" } ?? "before \(basis(due))"
    }
}

extension FindingText {
    /// The rule behind a finding as a reader names it: rule ids, a form code, a licence, a deadline id.
    static func source(_ finding: Finding) -> String? {
        switch finding.source {
        case .scopeRules(let ids)?: ids.isEmpty ? nil : ids.joined(separator: ", ")
        case .license(let key)?: key.description
        case .deadline(let id)?: id
        case .form(let code)?: code
        case nil: nil
        }
    }
}

extension FindingText {
    /// Why a licence held in some areas does not reach this one; the check report says the same.
    public static func notHeld(_ area: String, held: [String]) -> String {
        "holds the licence but not its '\(area)' area (holds \(held.joined(separator: ", ")))"
    }
}
