import Bailiwick

/// A loaded pack set in the compact form (CompactForm.swift): what the build embeds for the shipped
/// packs, so that start-up decodes the model the loader made instead of parsing and checking YAML.
///
/// Only the loader makes pack sets; this writes and reads back exactly what it made, through the
/// model's own initialisers (the indexes are rebuilt by `PackSet.init`). Every field of every type is
/// written: CompiledPacksTests compares a decoded set with the loaded one, field by field.
package enum CompiledPackSet {
    package static func encode(_ packs: PackSet) -> [UInt8] {
        var writer = CompactWriter()
        writer.write(packs)
        return writer.bytes
    }

    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(CompactReader.Malformed) -> PackSet {
        var reader = try CompactReader(bytes)
        let packs = try reader.packSet()
        guard reader.isAtEnd else { throw reader.malformed() }
        return packs
    }
}

// MARK: Writing

extension CompactWriter {
    mutating func write(_ packs: PackSet) {
        array(packs.warnings) { $0.write($1) }
        array(packs.actions) { w, action in
            w.string(action.id)
            w.string(action.title)
            w.string(action.description)
            w.int(action.index)
        }
        array(packs.areas) { w, area in
            w.string(area.id)
            w.string(area.title)
            w.string(area.description)
        }
        array(packs.facts) { $0.write($1) }
        array(packs.jurisdictions) { $0.write($1) }
        array(packs.licenses) { $0.write($1) }
        array(packs.rules) { $0.write($1) }
        array(packs.events) { w, event in
            w.string(event.id)
            w.string(event.name)
            w.string(event.description)
        }
        array(packs.calendars.keys.sorted().map { packs.calendars[$0]! }) { $0.write($1) }
        array(packs.timeRules) { $0.write($1) }
        array(packs.deadlines) { $0.write($1) }
        array(packs.matterTypes) { $0.write($1) }
    }

    mutating func write(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        write(diagnostic.location)
        string(diagnostic.message)
    }

    mutating func write(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }

    mutating func write(_ date: CivilDate) {
        int(date.year)
        int(date.month)
        int(date.day)
    }

    mutating func write(_ period: EffectivePeriod) {
        optional(period.from) { $0.write($1) }
        optional(period.until) { $0.write($1) }
    }

    mutating func write(_ citation: Citation) {
        string(citation.text)
        string(citation.status.rawValue)
        array(citation.sourceKeys) { $0.string($1) }
    }

    mutating func write(_ source: SourceDocument) {
        string(source.key)
        string(source.title)
        optional(source.url) { $0.string($1) }
        optional(source.version) { $0.string($1) }
    }

    mutating func write(_ fact: FactDefinition) {
        string(fact.id)
        string(fact.type.rawValue)
        string(fact.description)
        optional(fact.allowedValues) { w, values in w.array(values) { $0.string($1) } }
        int(fact.slot)
        optional(fact.minimum) { $0.int($1) }
        optional(fact.maximum) { $0.int($1) }
        bool(fact.isProblem)
    }

    mutating func write(_ jurisdiction: Jurisdiction) {
        string(jurisdiction.id)
        string(jurisdiction.name)
        string(jurisdiction.country)
        write(jurisdiction.reviewed)
        array(jurisdiction.sources) { $0.write($1) }
    }

    mutating func write(_ key: LicenseKey) {
        optional(key.jurisdiction) { $0.string($1) }
        string(key.id)
    }

    mutating func write(_ license: License) {
        write(license.key)
        string(license.title)
        string(license.governingRule)
        switch license.areas {
        case .any: optional(nil as [String]?) { _, _ in }
        case .only(let areas): optional(areas) { w, areas in w.array(areas) { $0.string($1) } }
        }
        write(license.validity)
        optional(license.admissionsUntil) { $0.write($1) }
        array(license.countries) { $0.string($1) }
        write(license.citation)
        optional(license.note) { $0.string($1) }
    }

    mutating func write(_ rule: ScopeRule) {
        string(rule.id)
        string(rule.summary)
        string(rule.effect.rawValue)
        optional(rule.jurisdiction) { $0.string($1) }
        array(rule.licenses) { $0.write($1) }
        optional(rule.actions.isAll ? nil : rule.actions.ids) { w, ids in w.array(ids) { $0.string($1) } }
        optional(rule.areas) { w, areas in w.array(areas) { $0.string($1) } }
        optional(rule.when) { $0.write($1) }
        array(rule.requires) { w, requirement in
            w.write(requirement.condition)
            w.optional(requirement.description) { $0.string($1) }
        }
        array(rule.exceptionTo) { $0.string($1) }
        write(rule.period)
        write(rule.citation)
        optional(rule.evidence) { w, evidence in
            w.string(evidence.sourceKey)
            w.string(evidence.pinpoint)
            w.write(evidence.read)
            w.string(evidence.words)
        }
        optional(rule.remedy) { $0.string($1) }
        optional(rule.note) { $0.string($1) }
        optional(rule.location) { $0.write($1) }
    }

    mutating func write(_ condition: Condition) {
        string(condition.text)
        write(condition.compiled)
        array(condition.factSlots) { $0.int($1) }
        array(condition.parameters) { $0.write($1) }
    }

    mutating func write(_ compiled: CompiledCondition) {
        switch compiled {
        case .constant(let value):
            unsigned(0)
            bool(value)
        case .fact(let slot):
            unsigned(1)
            int(slot)
        case .not(let operand):
            unsigned(2)
            write(operand)
        case .and(let lhs, let rhs):
            unsigned(3)
            write(lhs)
            write(rhs)
        case .or(let lhs, let rhs):
            unsigned(4)
            write(lhs)
            write(rhs)
        case .compare(let lhs, let op, let rhs):
            unsigned(5)
            write(lhs)
            string(op.rawValue)
            write(rhs)
        case .member(let element, let set):
            unsigned(6)
            write(element)
            write(set)
        case .overlaps(let lhs, let rhs):
            unsigned(7)
            write(lhs)
            write(rhs)
        }
    }

    mutating func write(_ operand: CompiledCondition.Operand) {
        switch operand {
        case .fact(let slot):
            unsigned(0)
            int(slot)
        case .value(let value):
            unsigned(1)
            write(value)
        case .parameter(let parameter):
            unsigned(2)
            write(parameter)
        }
    }

    mutating func write(_ value: FactValue) {
        switch value {
        case .boolean(let value):
            unsigned(0)
            bool(value)
        case .integer(let value):
            unsigned(1)
            int(value)
        case .string(let value):
            unsigned(2)
            string(value)
        case .date(let value):
            unsigned(3)
            write(value)
        case .list(let values):
            unsigned(4)
            array(values.sorted()) { $0.string($1) }
        }
    }

    mutating func write(_ parameter: Parameter) {
        string(parameter.id)
        string(parameter.jurisdiction)
        string(parameter.description)
        string(parameter.type.rawValue)
        optional(parameter.unit) { $0.string($1) }
        array(parameter.values) { w, value in
            w.write(value.from)
            w.write(value.value)
            w.write(value.citation)
            w.optional(value.note) { $0.string($1) }
        }
    }

    mutating func write(_ calendar: CourtCalendar) {
        string(calendar.jurisdiction)
        string(calendar.name)
        write(calendar.observance)
        array(calendar.holidays) { w, holiday in
            w.string(holiday.id)
            w.string(holiday.name)
            w.write(holiday.date)
            w.optional(holiday.observance) { $0.write($1) }
            w.optional(holiday.fromYear) { $0.int($1) }
            w.optional(holiday.untilYear) { $0.int($1) }
            w.write(holiday.citation)
            w.optional(holiday.note) { $0.string($1) }
        }
        write(calendar.citation)
        optional(calendar.note) { $0.string($1) }
        array(calendar.unconfirmedClosures) { w, closure in
            w.write(closure.date)
            w.string(closure.reason)
            w.write(closure.citation)
            w.optional(closure.note) { $0.string($1) }
        }
    }

    mutating func write(_ observance: Observance) {
        array(observance.shifts.keys.sorted { $0.rawValue < $1.rawValue }) { w, weekday in
            w.int(weekday.rawValue)
            switch observance.shifts[weekday]! {
            case .previous(let day):
                w.unsigned(0)
                w.int(day.rawValue)
            case .next(let day):
                w.unsigned(1)
                w.int(day.rawValue)
            }
        }
    }

    mutating func write(_ date: HolidayDate) {
        switch date {
        case .fixed(let month, let day):
            unsigned(0)
            int(month)
            int(day)
        case .nthWeekday(let month, let weekday, let nth):
            unsigned(1)
            int(month)
            int(weekday.rawValue)
            int(nth)
        case .relative(let holiday, let offset):
            unsigned(2)
            string(holiday)
            int(offset)
        case .easter(let offset):
            unsigned(3)
            int(offset)
        }
    }

    mutating func write(_ rule: TimeRule) {
        string(rule.id)
        string(rule.jurisdiction)
        string(rule.name)
        bool(rule.isDefault)
        array(rule.versions) { w, version in
            w.write(version.period)
            w.optional(version.shortPeriodUnder) { $0.int($1) }
            w.bool(version.roll)
            w.array(version.serviceDays.keys.sorted { $0.rawValue < $1.rawValue }) { w, method in
                w.string(method.rawValue)
                w.int(version.serviceDays[method]!)
            }
            w.string(version.serviceDaysAdded.rawValue)
            w.write(version.citation)
            w.optional(version.serviceCitation) { $0.string($1) }
            w.optional(version.note) { $0.string($1) }
        }
    }

    mutating func write(_ period: Period) {
        switch period {
        case .days(let count):
            unsigned(0)
            int(count)
        case .courtDays(let count):
            unsigned(1)
            int(count)
        case .hours(let count):
            unsigned(2)
            int(count)
        case .months(let count, let less):
            unsigned(3)
            int(count)
            int(less)
        case .years(let count, let less):
            unsigned(4)
            int(count)
            int(less)
        }
    }

    mutating func write(_ rule: DeadlineRule) {
        string(rule.id)
        string(rule.jurisdiction)
        string(rule.name)
        string(rule.kind.rawValue)
        string(rule.trigger)
        write(rule.period)
        string(rule.direction.rawValue)
        bool(rule.serviceExtension)
        optional(rule.timeRule) { $0.string($1) }
        write(rule.citation)
        array(rule.variants) { w, variant in
            w.write(variant.when)
            w.optional(variant.trigger) { $0.string($1) }
            w.optional(variant.period) { $0.write($1) }
            w.optional(variant.citation) { $0.write($1) }
            w.optional(variant.note) { $0.string($1) }
            w.write(variant.inForce)
        }
        optional(rule.remedy) { $0.string($1) }
        optional(rule.note) { $0.string($1) }
        write(rule.inForce)
        optional(rule.datedBy) { $0.string($1) }
    }

    mutating func write(_ type: MatterType) {
        string(type.id)
        string(type.jurisdiction)
        string(type.name)
        string(type.area)
        write(type.citation)
        optional(type.note) { $0.string($1) }
        array(type.forms) { w, form in
            w.string(form.code)
            w.string(form.name)
            w.bool(form.required)
            w.optional(form.when) { $0.write($1) }
            w.optional(form.due) { $0.write($1) }
            w.write(form.citation)
            w.optional(form.note) { $0.string($1) }
        }
        array(type.deadlines) { w, deadline in
            w.string(deadline.rule)
            w.optional(deadline.when) { $0.write($1) }
            w.optional(deadline.metBy) { w, metBy in
                switch metBy {
                case .form(let code):
                    w.unsigned(0)
                    w.string(code)
                case .event(let event):
                    w.unsigned(1)
                    w.string(event)
                }
            }
            w.optional(deadline.guards) { $0.string($1) }
        }
        array(type.followUps) { w, followUp in
            w.string(followUp.text)
            w.optional(followUp.when) { $0.write($1) }
            w.optional(followUp.due) { $0.write($1) }
            w.write(followUp.citation)
        }
    }

    mutating func write(_ due: DueBy) {
        switch due {
        case .event(let event):
            unsigned(0)
            string(event)
        case .deadline(let deadline):
            unsigned(1)
            string(deadline)
        }
    }
}

// MARK: Reading, in the order written

extension CompactReader {
    mutating func packSet() throws(Malformed) -> PackSet {
        let warnings = try array { r throws(Malformed) in try r.diagnostic() }
        let actions = try array { r throws(Malformed) in
            Action(id: try r.string(), title: try r.string(), description: try r.string(), index: try r.int())
        }
        let areas = try array { r throws(Malformed) in
            PracticeArea(id: try r.string(), title: try r.string(), description: try r.string())
        }
        let facts = try array { r throws(Malformed) in try r.fact() }
        let jurisdictions = try array { r throws(Malformed) in try r.jurisdiction() }
        let licenses = try array { r throws(Malformed) in try r.license() }
        let rules = try array { r throws(Malformed) in try r.scopeRule() }
        let events = try array { r throws(Malformed) in
            Event(id: try r.string(), name: try r.string(), description: try r.string())
        }
        let calendars = try array { r throws(Malformed) in try r.calendar() }
        let timeRules = try array { r throws(Malformed) in try r.timeRule() }
        let deadlines = try array { r throws(Malformed) in try r.deadlineRule() }
        let matterTypes = try array { r throws(Malformed) in try r.matterType() }
        var packs = PackSet(
            actions: actions, areas: areas, facts: facts, jurisdictions: jurisdictions, licenses: licenses,
            rules: rules, events: events, calendars: calendars, timeRules: timeRules, deadlines: deadlines,
            matterTypes: matterTypes)
        packs.warnings = warnings
        return packs
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        Diagnostic(try raw(Diagnostic.Severity.self), at: try location(), try string())
    }

    mutating func location() throws(Malformed) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func date() throws(Malformed) -> CivilDate {
        guard let date = CivilDate(year: try int(), month: try int(), day: try int()) else { throw malformed() }
        return date
    }

    mutating func effectivePeriod() throws(Malformed) -> EffectivePeriod {
        EffectivePeriod(
            from: try optional { r throws(Malformed) in try r.date() },
            until: try optional { r throws(Malformed) in try r.date() })
    }

    mutating func strings() throws(Malformed) -> [String] {
        try array { r throws(Malformed) in try r.string() }
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try optional { r throws(Malformed) in try r.string() }
    }

    mutating func optionalInt() throws(Malformed) -> Int? {
        try optional { r throws(Malformed) in try r.int() }
    }

    mutating func citation() throws(Malformed) -> Citation {
        Citation(text: try string(), status: try raw(SourceStatus.self), sourceKeys: try strings())
    }

    mutating func fact() throws(Malformed) -> FactDefinition {
        FactDefinition(
            id: try string(), type: try raw(FactType.self), description: try string(),
            allowedValues: try optional { r throws(Malformed) in try r.strings() }, slot: try int(),
            minimum: try optionalInt(), maximum: try optionalInt(), isProblem: try bool())
    }

    mutating func jurisdiction() throws(Malformed) -> Jurisdiction {
        Jurisdiction(
            id: try string(), name: try string(), country: try string(), reviewed: try date(),
            sources: try array { r throws(Malformed) in
                SourceDocument(
                    key: try r.string(), title: try r.string(), url: try r.optionalString(),
                    version: try r.optionalString())
            })
    }

    mutating func licenseKey() throws(Malformed) -> LicenseKey {
        LicenseKey(jurisdiction: try optionalString(), id: try string())
    }

    mutating func license() throws(Malformed) -> License {
        License(
            key: try licenseKey(), title: try string(), governingRule: try string(),
            areas: try optional { r throws(Malformed) in try r.strings() }.map(AreaScope.only) ?? .any,
            validity: try effectivePeriod(), admissionsUntil: try optional { r throws(Malformed) in try r.date() },
            countries: try strings(), citation: try citation(), note: try optionalString())
    }

    mutating func scopeRule() throws(Malformed) -> ScopeRule {
        let id = try string()
        let summary = try string()
        let effect = try raw(Effect.self)
        let jurisdiction = try optionalString()
        let licenses = try array { r throws(Malformed) in try r.licenseKey() }
        let actions = try optional { r throws(Malformed) in try r.strings() }.map(ActionScope.only) ?? .all
        let areas = try optional { r throws(Malformed) in try r.strings() }
        let when = try optional { r throws(Malformed) in try r.condition() }
        let requires = try array { r throws(Malformed) in
            Requirement(condition: try r.condition(), description: try r.optionalString())
        }
        let exceptionTo = try strings()
        let period = try effectivePeriod()
        let citation = try citation()
        let evidence = try optional { r throws(Malformed) in
            Evidence(sourceKey: try r.string(), pinpoint: try r.string(), read: try r.date(), words: try r.string())
        }
        return ScopeRule(
            id: id, summary: summary, effect: effect, jurisdiction: jurisdiction, licenses: licenses,
            actions: actions, areas: areas, when: when, requires: requires, exceptionTo: exceptionTo,
            period: period, citation: citation, remedy: try optionalString(), note: try optionalString(),
            location: try optional { r throws(Malformed) in try r.location() }, evidence: evidence)
    }

    mutating func condition() throws(Malformed) -> Condition {
        Condition(
            text: try string(), compiled: try compiledCondition(),
            factSlots: try array { r throws(Malformed) in try r.int() },
            parameters: try array { r throws(Malformed) in try r.parameter() })
    }

    mutating func compiledCondition() throws(Malformed) -> CompiledCondition {
        switch try unsigned() {
        case 0: return .constant(try bool())
        case 1: return .fact(slot: try int())
        case 2: return .not(try compiledCondition())
        case 3: return .and(try compiledCondition(), try compiledCondition())
        case 4: return .or(try compiledCondition(), try compiledCondition())
        case 5: return .compare(try operand(), try raw(BinaryOperator.self), try operand())
        case 6: return .member(try operand(), in: try operand())
        case 7: return .overlaps(try operand(), try operand())
        default: throw malformed()
        }
    }

    mutating func operand() throws(Malformed) -> CompiledCondition.Operand {
        switch try unsigned() {
        case 0: return .fact(slot: try int())
        case 1: return .value(try factValue())
        case 2: return .parameter(try parameter())
        default: throw malformed()
        }
    }

    mutating func factValue() throws(Malformed) -> FactValue {
        switch try unsigned() {
        case 0: return .boolean(try bool())
        case 1: return .integer(try int())
        case 2: return .string(try string())
        case 3: return .date(try date())
        case 4: return .list(Set(try strings()))
        default: throw malformed()
        }
    }

    mutating func parameter() throws(Malformed) -> Parameter {
        Parameter(
            id: try string(), jurisdiction: try string(), description: try string(), type: try raw(FactType.self),
            unit: try optionalString(),
            values: try array { r throws(Malformed) in
                ParameterValue(
                    from: try r.date(), value: try r.factValue(), citation: try r.citation(),
                    note: try r.optionalString())
            })
    }

    mutating func weekday() throws(Malformed) -> Weekday {
        guard let weekday = Weekday(rawValue: try int()) else { throw malformed() }
        return weekday
    }

    mutating func calendar() throws(Malformed) -> CourtCalendar {
        CourtCalendar(
            jurisdiction: try string(), name: try string(), observance: try observance(),
            holidays: try array { r throws(Malformed) in
                Holiday(
                    id: try r.string(), name: try r.string(), date: try r.holidayDate(),
                    observance: try r.optional { r throws(Malformed) in try r.observance() },
                    fromYear: try r.optionalInt(), untilYear: try r.optionalInt(), citation: try r.citation(),
                    note: try r.optionalString())
            },
            citation: try citation(), note: try optionalString(),
            unconfirmedClosures: try array { r throws(Malformed) in
                UnconfirmedClosure(
                    date: try r.date(), reason: try r.string(), citation: try r.citation(),
                    note: try r.optionalString())
            })
    }

    mutating func observance() throws(Malformed) -> Observance {
        var shifts: [Weekday: Observance.Shift] = [:]
        for _ in 0..<(try count()) {
            let weekday = try self.weekday()
            switch try unsigned() {
            case 0: shifts[weekday] = .previous(try self.weekday())
            case 1: shifts[weekday] = .next(try self.weekday())
            default: throw malformed()
            }
        }
        return Observance(shifts)
    }

    mutating func holidayDate() throws(Malformed) -> HolidayDate {
        switch try unsigned() {
        case 0: return .fixed(month: try int(), day: try int())
        case 1: return .nthWeekday(month: try int(), weekday: try weekday(), nth: try int())
        case 2: return .relative(holiday: try string(), offset: try int())
        case 3: return .easter(offset: try int())
        default: throw malformed()
        }
    }

    mutating func timeRule() throws(Malformed) -> TimeRule {
        TimeRule(
            id: try string(), jurisdiction: try string(), name: try string(), isDefault: try bool(),
            versions: try array { r throws(Malformed) in
                let period = try r.effectivePeriod()
                let shortPeriodUnder = try r.optionalInt()
                let roll = try r.bool()
                var serviceDays: [ServiceMethod: Int] = [:]
                for _ in 0..<(try r.count()) { serviceDays[try r.raw(ServiceMethod.self)] = try r.int() }
                return TimeRuleVersion(
                    period: period, shortPeriodUnder: shortPeriodUnder, roll: roll, serviceDays: serviceDays,
                    serviceDaysAdded: try r.raw(TimeRuleVersion.ServiceDaysAdded.self), citation: try r.citation(),
                    serviceCitation: try r.optionalString(), note: try r.optionalString())
            })
    }

    mutating func period() throws(Malformed) -> Period {
        switch try unsigned() {
        case 0: return .days(try int())
        case 1: return .courtDays(try int())
        case 2: return .hours(try int())
        case 3: return .months(try int(), lessDays: try int())
        case 4: return .years(try int(), lessDays: try int())
        default: throw malformed()
        }
    }

    mutating func deadlineRule() throws(Malformed) -> DeadlineRule {
        DeadlineRule(
            id: try string(), jurisdiction: try string(), name: try string(), kind: try raw(DeadlineRule.Kind.self),
            trigger: try string(), period: try period(), direction: try raw(Direction.self),
            serviceExtension: try bool(), timeRule: try optionalString(), citation: try citation(),
            variants: try array { r throws(Malformed) in
                DeadlineVariant(
                    when: try r.condition(), trigger: try r.optionalString(),
                    period: try r.optional { r throws(Malformed) in try r.period() },
                    citation: try r.optional { r throws(Malformed) in try r.citation() }, note: try r.optionalString(),
                    inForce: try r.effectivePeriod())
            },
            remedy: try optionalString(), note: try optionalString(), inForce: try effectivePeriod(),
            datedBy: try optionalString())
    }

    mutating func matterType() throws(Malformed) -> MatterType {
        MatterType(
            id: try string(), jurisdiction: try string(), name: try string(), area: try string(),
            citation: try citation(), note: try optionalString(),
            forms: try array { r throws(Malformed) in
                RequiredForm(
                    code: try r.string(), name: try r.string(), required: try r.bool(),
                    when: try r.optional { r throws(Malformed) in try r.condition() },
                    due: try r.optional { r throws(Malformed) in try r.dueBy() }, citation: try r.citation(),
                    note: try r.optionalString())
            },
            deadlines: try array { r throws(Malformed) in
                MatterDeadline(
                    rule: try r.string(), when: try r.optional { r throws(Malformed) in try r.condition() },
                    metBy: try r.optional { r throws(Malformed) -> MatterDeadline.MetBy in
                        switch try r.unsigned() {
                        case 0: return .form(try r.string())
                        case 1: return .event(try r.string())
                        default: throw r.malformed()
                        }
                    },
                    guards: try r.optionalString())
            },
            followUps: try array { r throws(Malformed) in
                FollowUp(
                    text: try r.string(), when: try r.optional { r throws(Malformed) in try r.condition() },
                    due: try r.optional { r throws(Malformed) in try r.dueBy() }, citation: try r.citation())
            })
    }

    mutating func dueBy() throws(Malformed) -> DueBy {
        switch try unsigned() {
        case 0: return .event(try string())
        case 1: return .deadline(try string())
        default: throw malformed()
        }
    }
}
