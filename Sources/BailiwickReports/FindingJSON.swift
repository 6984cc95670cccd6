import Bailiwick

/// A finding as JSON (docs/json-output.md, audit section): the rendered words under the keys
/// clients already read (`subject`, `message`, `remedy`), and the typed data beside them (`source`
/// keys, `detail`), so a client can act on the facts without parsing sentences.
enum FindingJSON {
    /// A finding's source as the JSON's keys hold it: the scope rules, or the form, licence or deadline.
    static func sourceKeys(
        _ source: FindingSource?
    ) -> (rules: [String], form: String?, license: String?, deadline: String?) {
        switch source {
        case .scopeRules(let ids)?: (ids, nil, nil, nil)
        case .form(let code)?: ([], code, nil, nil)
        case .license(let key)?: ([], nil, key.description, nil)
        case .deadline(let id)?: ([], nil, nil, id)
        case nil: ([], nil, nil, nil)
        }
    }

    /// Writes the finding's object; `file` stands for the file's name where one is given (the journal's
    /// reports without names). A citation with `parts` is copied from them.
    static func write(
        _ finding: Finding, to writer: inout JSONWriter, file: String? = nil, parts: FindingJSONParts? = nil
    ) {
        let (rules, form, license, deadline) = sourceKeys(finding.source)
        writer.object { writer in
            writer.member("severity", finding.severity.rawValue)
            writer.member("code", finding.code.rawValue)
            writer.member("category", finding.code.category.rawValue)
            writer.member("subject", FindingText.subject(finding))
            writer.member("message", FindingText.message(finding))
            writer.member("file", file ?? finding.location.file)
            writer.member("line", finding.location.line)
            writer.member("column", finding.location.column)
            writer.member("rules", strings: rules)
            writer.member("form", form)
            writer.member("license", license)
            writer.member("deadline", deadline)
            writer.key("citation")
            if let citation = finding.citation {
                writer.object { writer in
                    if let fragment = parts?.citation(citation, at: writer.depth) {
                        writer.append(fragment)
                    } else {
                        PackJSON.writeCitation(citation, to: &writer)
                    }
                }
            } else {
                writer.null()
            }
            writer.member("remedy", FindingText.remedy(finding))
            writer.member("date", finding.date?.description)
            writer.member("date-role", finding.date == nil ? nil : finding.dateRole.rawValue)
            writer.key("set-by")
            if let setBy = finding.setBy {
                writer.object { writer in
                    writer.member("by", setBy.by.rawValue)
                    writer.member("on", setBy.on?.description)
                    writer.member("computed", setBy.computed?.description)
                }
            } else {
                writer.null()
            }
            if !finding.closureWarnings.isEmpty {
                let kind: DeadlineRule.Kind = finding.code.category == .waitingPeriod ? .waitingPeriod : .deadline
                writer.member(ClosureWarningJSON.key, ClosureWarningJSON.value(finding.closureWarnings, kind: kind))
            }
            writer.member("detail", object: { writeDetail(finding.detail, to: &$0) })
        }
    }

    /// The finding's data, as the members of its object: `kind` names the case, the other keys its
    /// values (dates as YYYY-MM-DD).
    static func writeDetail(_ detail: FindingDetail, to writer: inout JSONWriter) {
        func act(_ record: ActionRecord) {
            // The person as the report names them (a placeholder under --redact): an id may be a name.
            writer.member("person", record.person.name)
            writer.member("action", record.action.id)
            writer.member("on", record.date.description)
        }
        func met(_ met: DeadlineMet) {
            writer.member(
                "met",
                object: { writer in
                    writer.member("date", met.date.description)
                    switch met.by {
                    case .event(_, let id): writer.member("event", id)
                    case .form(let code): writer.member("form", code)
                    }
                })
        }
        func due(_ due: DueDate?) {
            writer.key("due")
            guard let due else { return writer.null() }
            writer.object { writer in
                writer.member("date", due.date?.description)
                switch due.basis {
                case .event(_, let id): writer.member("event", id)
                case .deadline(_, let id): writer.member("deadline", id)
                }
            }
        }
        func kind(_ name: String) { writer.member("kind", name) }
        func date(_ key: String, _ date: CivilDate) { writer.member(key, date.description) }
        func facts(_ missing: [MissingFact]) { writer.member("missing-facts", strings: missing.lazy.map(\.name)) }
        func requirements(_ key: String, _ list: [Requirement]) {
            writer.member(key, strings: list.lazy.map(\.condition.text))
        }
        switch detail {
        case .noLicense(let record):
            kind("no-license")
            act(record)
        case .admissionsClosed(let person, let license, let issued, let closed):
            kind("admissions-closed")
            writer.member("person", person.name)
            writer.member("license", license.key.description)
            date("issued", issued)
            date("closed", closed)
        case .beforeLicense(let record, let license, let issued):
            kind("before-license")
            act(record)
            writer.member("license", license.key.description)
            date("issued", issued)
        case .afterLicense(let record, let license, let ended):
            kind("after-license")
            act(record)
            writer.member("license", license.key.description)
            date("ended", ended)
        case .prohibited(let record, let rules):
            kind("prohibited")
            act(record)
            writer.member("rules", strings: rules.lazy.map(\.id))
        case .notAuthorized(let record, let license, let reason):
            kind("not-authorized")
            act(record)
            writer.member("license", license.key.description)
            switch reason {
            case .areaNotCovered(let area, let covered)?:
                writer.member("reason", "area-not-covered")
                writer.member("area", area)
                writer.member("covered", strings: covered)
            case .notInForce(let period)?:
                writer.member("reason", "license-not-in-force")
                writer.member("license-in-force", PackJSON.period(period))
            case .areaNotHeld(let area, let held)?:
                writer.member("reason", "area-not-held")
                writer.member("area", area)
                writer.member("held", strings: held)
            case .areaNotGiven(let covered)?:
                writer.member("reason", "area-not-given")
                writer.member("covered", strings: covered)
            case nil:
                writer.member("reason", "no-grant")
            }
        case .conditionsUnmet(let record, let unmet):
            kind("conditions-unmet")
            act(record)
            requirements("unmet", unmet)
        case .conditionsUnknown(let record, let unknown, let missing):
            kind("conditions-unknown")
            act(record)
            requirements("unknown", unknown)
            facts(missing)
        case .undetermined(let record, let missing):
            kind("undetermined")
            act(record)
            facts(missing)
        case .deadlineApplicabilityUnknown(_, let when, let missing):
            kind("applicability-unknown")
            writer.member("when", when.text)
            writer.member("missing-facts", strings: missing)
        case .deadlineNeedsTime:
            kind("needs-time")
        case .deadlineNotComputable:
            kind("not-computable")
        case .deadlineNotTriggered(let rule, _):
            kind("not-triggered")
            writer.member("trigger", rule.trigger)
        case .deadlineVariantsUnknown(_, let plain, let unless, let missing, let earliest):
            kind("variants-unknown")
            date("date", plain)
            writer.member("unless", strings: unless.lazy.map(\.text))
            writer.member("missing-facts", strings: missing)
            date("earliest", earliest)
        case .deadlineMet(_, let dueDate, let record):
            kind("met")
            date("due", dueDate)
            met(record)
        case .deadlineLate(_, let dueDate, let record, let daysLate):
            kind("late")
            date("due", dueDate)
            met(record)
            writer.member("days-late", daysLate)
        case .deadlineMissed(_, let dueDate, let daysAgo):
            kind("missed")
            date("due", dueDate)
            writer.member("days-ago", daysAgo)
        case .deadlineDueSoon(_, let dueDate, let inDays):
            kind("due-soon")
            date("due", dueDate)
            writer.member("in-days", inDays)
        case .deadlinePending(_, let dueDate):
            kind("pending")
            date("due", dueDate)
        case .deadlineTracked(_, let dueDate, let passed):
            kind("tracked")
            date("due", dueDate)
            writer.member("passed", passed)
        case .orderedDateUnusual(_, let dueDate, let set, .beforeTrigger(let trigger)):
            kind("ordered-date-unusual")
            writer.member("concern", "before-trigger")
            date("due", dueDate)
            date("trigger", trigger)
            writer.member("computed", set.computed?.description)
        case .orderedDateUnusual(_, let dueDate, let set, .farFromComputed(let days)):
            kind("ordered-date-unusual")
            writer.member("concern", "far-from-computed")
            date("due", dueDate)
            writer.member("computed", set.computed?.description)
            writer.member("days-from-computed", days)
        case .waitingPeriodViolated(_, _, let on, let firstAllowed):
            kind("waiting-violated")
            writer.member("act", guarded(detail))
            date("on", on)
            date("first-allowed", firstAllowed)
        case .waitingPeriodMet(_, _, let on, let firstAllowed, let planned):
            kind("waiting-met")
            writer.member("act", guarded(detail))
            date("on", on)
            date("first-allowed", firstAllowed)
            writer.member("planned", planned)
        case .waitingPeriodRunning(_, _, let firstAllowed):
            kind("waiting-running")
            writer.member("act", guarded(detail))
            date("first-allowed", firstAllowed)
        case .formLate(let form, let filed, let dueDate):
            kind("form-late")
            writer.member("form", form.code)
            date("filed", filed)
            due(dueDate)
        case .formMayBeRequired(let form, let when, let missing, let dueDate):
            kind("form-may-be-required")
            writer.member("form", form.code)
            writer.member("when", when.text)
            writer.member("missing-facts", strings: missing)
            due(dueDate)
        case .formMissing(let form, let dueDate):
            kind("form-missing")
            writer.member("form", form.code)
            due(dueDate)
        case .formDue(let form, let dueDate):
            kind("form-due")
            writer.member("form", form.code)
            due(dueDate)
        case .followUp(_, let dueDate):
            kind("follow-up")
            due(dueDate)
        case .typeNotGiven(let jurisdiction, let hasMatterTypes):
            kind("type-not-given")
            writer.member("jurisdiction", jurisdiction.id)
            writer.member("has-matter-types", hasMatterTypes)
        }
    }

    /// The id of the event a waiting period guards, if the binding names one.
    private static func guarded(_ detail: FindingDetail) -> String? {
        switch detail {
        case .waitingPeriodViolated(_, let act, _, _), .waitingPeriodMet(_, let act, _, _, _),
            .waitingPeriodRunning(_, let act, _):
            act?.id
        default:
            nil
        }
    }
}
