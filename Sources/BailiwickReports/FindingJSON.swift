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

    static func object(_ finding: Finding) -> JSONValue {
        let (rules, form, license, deadline) = sourceKeys(finding.source)
        return .object([
            ("severity", .string(finding.severity.rawValue)),
            ("code", .string(finding.code.rawValue)),
            ("category", .string(finding.code.category.rawValue)),
            ("subject", .string(FindingText.subject(finding))),
            ("message", .string(FindingText.message(finding))),
            ("file", .string(finding.location.file)),
            ("line", .number(finding.location.line)),
            ("column", .number(finding.location.column)),
            ("rules", .strings(rules)),
            ("form", .optional(form)),
            ("license", .optional(license)),
            ("deadline", .optional(deadline)),
            ("citation", finding.citation.map(PackJSON.citation) ?? .null),
            ("remedy", .string(FindingText.remedy(finding))),
            ("date", .optional(finding.date?.description)),
            ("date-role", finding.date == nil ? .null : .string(finding.dateRole.rawValue)),
            ("set-by", finding.setBy.map(setBy) ?? .null),
            ("detail", detail(finding.detail)),
        ])
    }

    /// How an order or stipulation set the finding's date, and the date the rule alone gives.
    static func setBy(_ setBy: DateSetBy) -> JSONValue {
        .object([
            ("by", .string(setBy.by.rawValue)), ("on", .optional(setBy.on?.description)),
            ("computed", .optional(setBy.computed?.description)),
        ])
    }

    /// The finding's data: `kind` names the case, the other keys its values (dates as YYYY-MM-DD).
    static func detail(_ detail: FindingDetail) -> JSONValue {
        func date(_ date: CivilDate) -> JSONValue { .string(date.description) }
        func act(_ record: ActionRecord) -> [(String, JSONValue)] {
            // The person as the report names them (a placeholder under --redact): an id may be a name.
            [("person", .string(record.person.name)), ("action", .string(record.action.id)), ("on", date(record.date))]
        }
        func facts(_ missing: [MissingFact]) -> JSONValue { .strings(missing.map(\.name)) }
        func requirements(_ list: [Requirement]) -> JSONValue { .strings(list.map(\.condition.text)) }
        func met(_ met: DeadlineMet) -> JSONValue {
            switch met.by {
            case .event(_, let id): .object([("date", date(met.date)), ("event", .string(id))])
            case .form(let code): .object([("date", date(met.date)), ("form", .string(code))])
            }
        }
        func due(_ due: DueDate?) -> JSONValue {
            guard let due else { return .null }
            let basis: (String, JSONValue) =
                switch due.basis {
                case .event(_, let id): ("event", .string(id))
                case .deadline(_, let id): ("deadline", .string(id))
                }
            return .object([("date", .optional(due.date?.description)), basis])
        }
        let members: [(String, JSONValue)]
        switch detail {
        case .noLicense(let record):
            members = [("kind", "no-license")] + act(record)
        case .admissionsClosed(let person, let license, let issued, let closed):
            members = [
                ("kind", "admissions-closed"), ("person", .string(person.name)),
                ("license", .string(license.key.description)), ("issued", date(issued)),
                ("closed", date(closed)),
            ]
        case .beforeLicense(let record, let license, let issued):
            members =
                [("kind", "before-license")] + act(record)
                + [("license", .string(license.key.description)), ("issued", date(issued))]
        case .afterLicense(let record, let license, let ended):
            members =
                [("kind", "after-license")] + act(record)
                + [("license", .string(license.key.description)), ("ended", date(ended))]
        case .prohibited(let record, let rules):
            members = [("kind", "prohibited")] + act(record) + [("rules", .strings(rules.map(\.id)))]
        case .notAuthorized(let record, let license, let reason):
            var why: [(String, JSONValue)] = []
            switch reason {
            case .areaNotCovered(let area, let covered)?:
                why = [("reason", "area-not-covered"), ("area", .string(area)), ("covered", .strings(covered))]
            case .notInForce(let period)?:
                why = [("reason", "license-not-in-force"), ("license-in-force", PackJSON.period(period))]
            case .areaNotHeld(let area, let held)?:
                why = [("reason", "area-not-held"), ("area", .string(area)), ("held", .strings(held))]
            case .areaNotGiven(let covered)?:
                why = [("reason", "area-not-given"), ("covered", .strings(covered))]
            case nil:
                why = [("reason", "no-grant")]
            }
            members = [("kind", "not-authorized")] + act(record) + [("license", .string(license.key.description))] + why
        case .conditionsUnmet(let record, let unmet):
            members = [("kind", "conditions-unmet")] + act(record) + [("unmet", requirements(unmet))]
        case .conditionsUnknown(let record, let unknown, let missing):
            members =
                [("kind", "conditions-unknown")] + act(record)
                + [("unknown", requirements(unknown)), ("missing-facts", facts(missing))]
        case .undetermined(let record, let missing):
            members = [("kind", "undetermined")] + act(record) + [("missing-facts", facts(missing))]
        case .deadlineApplicabilityUnknown(_, let when, let missing):
            members = [
                ("kind", "applicability-unknown"), ("when", .string(when.text)),
                ("missing-facts", .strings(missing)),
            ]
        case .deadlineNeedsTime:
            members = [("kind", "needs-time")]
        case .deadlineNotComputable:
            members = [("kind", "not-computable")]
        case .deadlineNotTriggered(let rule, _):
            members = [("kind", "not-triggered"), ("trigger", .string(rule.trigger))]
        case .deadlineVariantsUnknown(_, let plain, let unless, let missing, let earliest):
            members = [
                ("kind", "variants-unknown"), ("date", date(plain)), ("unless", .strings(unless.map(\.text))),
                ("missing-facts", .strings(missing)), ("earliest", date(earliest)),
            ]
        case .deadlineMet(_, let dueDate, let record):
            members = [("kind", "met"), ("due", date(dueDate)), ("met", met(record))]
        case .deadlineLate(_, let dueDate, let record, let daysLate):
            members = [
                ("kind", "late"), ("due", date(dueDate)), ("met", met(record)), ("days-late", .number(daysLate)),
            ]
        case .deadlineMissed(_, let dueDate, let daysAgo):
            members = [("kind", "missed"), ("due", date(dueDate)), ("days-ago", .number(daysAgo))]
        case .deadlineDueSoon(_, let dueDate, let inDays):
            members = [("kind", "due-soon"), ("due", date(dueDate)), ("in-days", .number(inDays))]
        case .deadlinePending(_, let dueDate):
            members = [("kind", "pending"), ("due", date(dueDate))]
        case .deadlineTracked(_, let dueDate, let passed):
            members = [("kind", "tracked"), ("due", date(dueDate)), ("passed", .bool(passed))]
        case .orderedDateUnusual(_, let dueDate, let set, .beforeTrigger(let trigger)):
            members = [
                ("kind", "ordered-date-unusual"), ("concern", "before-trigger"), ("due", date(dueDate)),
                ("trigger", date(trigger)), ("computed", .optional(set.computed?.description)),
            ]
        case .orderedDateUnusual(_, let dueDate, let set, .farFromComputed(let days)):
            members = [
                ("kind", "ordered-date-unusual"), ("concern", "far-from-computed"), ("due", date(dueDate)),
                ("computed", .optional(set.computed?.description)), ("days-from-computed", .number(days)),
            ]
        case .waitingPeriodViolated(_, _, let on, let firstAllowed):
            members = [
                ("kind", "waiting-violated"), ("act", .optional(guarded(detail))),
                ("on", date(on)), ("first-allowed", date(firstAllowed)),
            ]
        case .waitingPeriodMet(_, _, let on, let firstAllowed, let planned):
            members = [
                ("kind", "waiting-met"), ("act", .optional(guarded(detail))), ("on", date(on)),
                ("first-allowed", date(firstAllowed)), ("planned", .bool(planned)),
            ]
        case .waitingPeriodRunning(_, _, let firstAllowed):
            members = [
                ("kind", "waiting-running"), ("act", .optional(guarded(detail))),
                ("first-allowed", date(firstAllowed)),
            ]
        case .formLate(let form, let filed, let dueDate):
            members = [
                ("kind", "form-late"), ("form", .string(form.code)), ("filed", date(filed)),
                ("due", due(dueDate)),
            ]
        case .formMayBeRequired(let form, let when, let missing, let dueDate):
            members = [
                ("kind", "form-may-be-required"), ("form", .string(form.code)), ("when", .string(when.text)),
                ("missing-facts", .strings(missing)), ("due", due(dueDate)),
            ]
        case .formMissing(let form, let dueDate):
            members = [("kind", "form-missing"), ("form", .string(form.code)), ("due", due(dueDate))]
        case .formDue(let form, let dueDate):
            members = [("kind", "form-due"), ("form", .string(form.code)), ("due", due(dueDate))]
        case .followUp(_, let dueDate):
            members = [("kind", "follow-up"), ("due", due(dueDate))]
        case .typeNotGiven(let jurisdiction, let hasMatterTypes):
            members = [
                ("kind", "type-not-given"), ("jurisdiction", .string(jurisdiction.id)),
                ("has-matter-types", .bool(hasMatterTypes)),
            ]
        }
        return .object(members)
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
