import Bailiwick

/// Events, court calendars, time rules and deadlines.
extension PackSetBuilder {
    func readEvents(_ section: Section) {
        for entry in namedEntries(section, what: "event", kind: "event", nameKey: "name", keys: PackFileKeys.event) {
            events.append(Event(id: entry.id, name: entry.name, description: entry.description))
        }
    }

    // MARK: Calendars

    func readCalendar(_ section: Section) {
        guard let jurisdiction = section.jurisdiction,
            let reader = MappingReader(
                section.node, what: "the calendar", in: section.document, diagnostics: diagnostics)
        else { return }
        reader.rejectUnknownKeys(allowed: PackFileKeys.calendar)
        let name = reader.text("name")
        let citation = readCitation(reader, jurisdiction: jurisdiction)
        let observance = reader.node("observed").flatMap { readObservance($0, in: section.document) } ?? .none
        var holidays: [Holiday] = []
        var holidayIDs: [String: Located<String>] = [:]
        var relatives: [(id: Located<String>, base: Located<String>)] = []
        for node in reader.sequence("holidays", required: true) ?? [] {
            guard let entry = MappingReader(node, what: "a holiday", in: section.document, diagnostics: diagnostics)
            else { continue }
            entry.rejectUnknownKeys(allowed: [
                "id", "name", "date", "observed", "from-year", "until-year",
                "citation", "source", "sources", "note",
            ])
            let id = entry.id("id")
            let holidayName = entry.text("name")
            let date = readHolidayDate(entry)
            let own = entry.node("observed").flatMap { readObservance($0, in: section.document) }
            let fromYear = entry.integer("from-year", in: 1...9999)
            let untilYear = entry.integer("until-year", in: 1...9999)
            let holidayCitation = readCitation(entry, jurisdiction: jurisdiction)
            if let fromYear, let untilYear, untilYear.value < fromYear.value {
                diagnostics.error(
                    untilYear.location, "'until-year' \(untilYear.value) is before 'from-year' \(fromYear.value)")
            }
            guard let id, define("holiday", id, scope: jurisdiction), let holidayName, let date = date?.value,
                let holidayCitation
            else { continue }
            holidayIDs[id.value] = id
            if case .relative(let base, _) = date,
                let baseLocation = entry.mapping("date", what: "a date")?.text("holiday")
            {
                relatives.append((id, Located(value: base, location: baseLocation.location)))
            }
            holidays.append(
                Holiday(
                    id: id.value, name: holidayName.value, date: date, observance: own,
                    fromYear: fromYear?.value, untilYear: untilYear?.value, citation: holidayCitation,
                    note: entry.text("note", required: false)?.value))
        }
        checkRelativeHolidays(relatives, known: holidayIDs)
        guard let name, let citation else { return }
        if calendars.contains(where: { $0.jurisdiction == jurisdiction }) {
            diagnostics.error(reader.location, "jurisdiction '\(jurisdiction)' has a second calendar")
            return
        }
        let calendar = CourtCalendar(
            jurisdiction: jurisdiction, name: name.value, observance: observance,
            holidays: holidays, citation: citation, note: reader.text("note", required: false)?.value)
        let closures = readUnconfirmedClosures(reader, calendar: calendar, in: section.document)
        calendars.append(closures.isEmpty ? calendar : calendar.with(unconfirmedClosures: closures))
    }

    /// `{month, day}`, `{month, weekday, nth}`, `{holiday, offset}` or `{easter}`.
    private func readHolidayDate(_ entry: MappingReader) -> Located<HolidayDate>? {
        guard let spec = entry.mapping("date", what: "a holiday date", required: true) else { return nil }
        let keys = Set(spec.keys)
        let location = spec.location
        if keys == ["month", "day"] {
            guard let month = spec.integer("month", in: 1...12), let day = spec.integer("day", in: 1...31) else {
                return nil
            }
            guard day.value <= CivilDate.daysIn(month: month.value, year: 2001) else {
                diagnostics.error(
                    day.location,
                    month.value == 2 && day.value == 29
                        ? "February 29 does not occur every year; a holiday needs a date every year"
                        : "month \(month.value) has no day \(day.value)")
                return nil
            }
            return Located(value: .fixed(month: month.value, day: day.value), location: location)
        }
        if keys == ["month", "weekday", "nth"] {
            let month = spec.integer("month", in: 1...12)
            let weekday = spec.choice("weekday", WeekdayName.self)
            guard let nthText = spec.text("nth") else { return nil }
            let nth = nthText.value == "last" ? -1 : Int(nthText.value)
            guard let nth, nth == -1 || (1...5).contains(nth) else {
                diagnostics.error(nthText.location, "'nth' must be 1 to 5 or 'last', not '\(nthText.value)'")
                return nil
            }
            guard let month, let weekday else { return nil }
            return Located(
                value: .nthWeekday(month: month.value, weekday: weekday.value.weekday, nth: nth), location: location)
        }
        if keys == ["holiday", "offset"] {
            guard let holiday = spec.id("holiday"), let offset = spec.integer("offset", in: -366...366) else {
                return nil
            }
            return Located(value: .relative(holiday: holiday.value, offset: offset.value), location: location)
        }
        if keys == ["easter"] {
            guard let offset = spec.integer("easter", in: -366...366) else { return nil }
            return Located(value: .easter(offset: offset.value), location: location)
        }
        diagnostics.error(
            location,
            "a holiday date is {month, day}, {month, weekday, nth}, {holiday, offset} or {easter}; found "
                + "{\(spec.keys.joined(separator: ", "))}"
        )
        return nil
    }

    /// `none`, or a map from weekday to `previous-<weekday>` / `next-<weekday>`.
    private func readObservance(_ node: Node, in document: YAMLDocument) -> Observance? {
        if document.scalar(node)?.string == "none" { return Observance.none }
        guard
            let reader = MappingReader(
                node, what: "an observance (weekday: previous-friday or next-monday)", in: document,
                diagnostics: diagnostics)
        else { return nil }
        let weekdays = WeekdayName.allCases.map(\.rawValue)
        reader.rejectUnknownKeys(allowed: weekdays)
        var shifts: [Weekday: Observance.Shift] = [:]
        for day in WeekdayName.allCases {
            guard let target = reader.text(day.rawValue, required: false) else { continue }
            let parts = target.value.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["previous", "next"].contains(parts[0]),
                let weekday = WeekdayName(rawValue: parts[1])
            else {
                diagnostics.error(
                    target.location,
                    "'\(target.value)' must be previous-<weekday> or next-<weekday>, e.g. previous-friday")
                continue
            }
            shifts[day.weekday] = parts[0] == "previous" ? .previous(weekday.weekday) : .next(weekday.weekday)
        }
        return Observance(shifts)
    }

    /// A relative holiday must name a holiday of the same calendar, and not lead back to itself.
    private func checkRelativeHolidays(
        _ relatives: [(id: Located<String>, base: Located<String>)], known: [String: Located<String>]
    ) {
        let bases = Dictionary(relatives.map { ($0.id.value, $0.base.value) }, uniquingKeysWith: { first, _ in first })
        for relative in relatives {
            guard known[relative.base.value] != nil else {
                diagnostics.error(
                    relative.base.location,
                    Suggestions.message(
                        "unknown holiday '\(relative.base.value)'",
                        for: relative.base.value, in: known.keys))
                continue
            }
            var seen: Set<String> = [relative.id.value]
            var next = bases[relative.base.value] == nil ? nil : relative.base.value
            while let current = next {
                guard seen.insert(current).inserted else {
                    diagnostics.error(
                        relative.base.location,
                        "holiday '\(relative.id.value)' is dated from a chain of holidays that leads back to itself")
                    break
                }
                next = bases[current]
            }
        }
    }

    // MARK: Time rules

    func readTimeRules(_ section: Section) {
        guard let jurisdiction = section.jurisdiction else { return }
        for reader in items(of: section, what: "time rule") {
            reader.rejectUnknownKeys(allowed: PackFileKeys.timeRule)
            let id = reader.id("id")
            let name = reader.text("name")
            let isDefault = reader.boolean("default")?.value ?? false
            var read: [(version: TimeRuleVersion, location: SourceLocation)] = []
            for node in reader.sequence("versions", required: true) ?? [] {
                guard
                    let entry = MappingReader(
                        node, what: "a time-rule version", in: section.document, diagnostics: diagnostics)
                else { continue }
                if let version = readTimeRuleVersion(entry, jurisdiction: jurisdiction) {
                    read.append((version, entry.location))
                }
            }
            let versions = closeOpenEnds(read)
            guard let id, define("time rule", id, scope: jurisdiction), let name else { continue }
            if isDefault, timeRules.contains(where: { $0.jurisdiction == jurisdiction && $0.isDefault }) {
                diagnostics.error(id.location, "jurisdiction '\(jurisdiction)' already has a default time rule")
            }
            timeRules.append(
                TimeRule(
                    id: id.value, jurisdiction: jurisdiction, name: name.value, isDefault: isDefault,
                    versions: versions))
        }
    }

    /// Orders versions by start; a version with no `until` ends the day before the next one
    /// starts. Versions whose periods still overlap are an error.
    private func closeOpenEnds(_ read: [(version: TimeRuleVersion, location: SourceLocation)]) -> [TimeRuleVersion] {
        let sorted = read.sorted {
            ($0.version.period.from?.dayNumber ?? Int.min) < ($1.version.period.from?.dayNumber ?? Int.min)
        }
        var versions: [TimeRuleVersion] = []
        for (index, entry) in sorted.enumerated() {
            var version = entry.version
            // A next version from 0001-01-01 leaves no day before it: this one stays open and overlaps it.
            if version.period.until == nil, index + 1 < sorted.count, let next = sorted[index + 1].version.period.from,
                let dayBefore = try? next.adding(days: -1)
            {
                version = version.with(period: EffectivePeriod(from: version.period.from, until: dayBefore))
            }
            if let clash = versions.first(where: { overlap($0.period, version.period) }) {
                diagnostics.error(
                    entry.location,
                    "this version's period (\(version.period.description)) overlaps another "
                        + "(\(clash.period.description))"
                )
            }
            versions.append(version)
        }
        return versions
    }

    private func overlap(_ a: EffectivePeriod, _ b: EffectivePeriod) -> Bool {
        let aStarts = a.from?.dayNumber ?? Int.min
        let bStarts = b.from?.dayNumber ?? Int.min
        let aEnds = a.until?.dayNumber ?? Int.max
        let bEnds = b.until?.dayNumber ?? Int.max
        return aStarts <= bEnds && bStarts <= aEnds
    }

    private func readTimeRuleVersion(_ entry: MappingReader, jurisdiction: String) -> TimeRuleVersion? {
        entry.rejectUnknownKeys(allowed: [
            "from", "until", "citation", "source", "sources", "short-period-under", "roll",
            "service-days", "service-days-added", "service-citation", "note",
        ])
        let added =
            entry.choice("service-days-added", TimeRuleVersion.ServiceDaysAdded.self, required: false)?.value
            ?? .afterPeriod
        let from = entry.date("from")
        let until = entry.date("until")
        let shortPeriod = entry.integer("short-period-under", in: 1...365)
        let roll = entry.boolean("roll")?.value ?? true
        let citation = readCitation(entry, jurisdiction: jurisdiction)
        var serviceDays: [ServiceMethod: Int] = [:]
        if let days = entry.mapping("service-days", what: "service days (method: days)") {
            days.rejectUnknownKeys(allowed: ServiceMethod.allCases.map(\.rawValue))
            for method in ServiceMethod.allCases {
                if let count = days.integer(method.rawValue, in: 0...60) { serviceDays[method] = count.value }
            }
        }
        if let from, let until, until.value < from.value {
            diagnostics.error(until.location, "'until' \(until.value) is before 'from' \(from.value)")
            return nil
        }
        guard let citation else { return nil }
        return TimeRuleVersion(
            period: EffectivePeriod(from: from?.value, until: until?.value), shortPeriodUnder: shortPeriod?.value,
            roll: roll, serviceDays: serviceDays, serviceDaysAdded: added, citation: citation,
            serviceCitation: entry.text("service-citation", required: false)?.value,
            note: entry.text("note", required: false)?.value)
    }

    // MARK: Deadlines

    func readDeadlines(_ section: Section, checker: ConditionTypeChecker) {
        guard let jurisdiction = section.jurisdiction else { return }
        for reader in items(of: section, what: "deadline") {
            reader.rejectUnknownKeys(allowed: PackFileKeys.deadline)
            let id = reader.id("id")
            let name = reader.text("name")
            let kind = reader.choice("kind", DeadlineRule.Kind.self, required: false)?.value ?? .deadline
            let trigger = readEventID(reader, "trigger", required: true)
            let direction = reader.choice("direction", Direction.self, required: false)?.value ?? .after
            let period = readPeriod(reader, required: true, direction: direction)
            let serviceExtension = reader.boolean("service-extension")?.value ?? false
            let timeRule = reader.id("time-rule", required: false)
            let citation = readCitation(reader, jurisdiction: jurisdiction)
            let inForce = readInForce(reader)
            let datedBy = readEventID(reader, "dated-by", required: false)
            if let node = reader.node("dated-by"), inForce == EffectivePeriod() {
                diagnostics.error(
                    section.document.location(of: node),
                    "'dated-by' names the event that dates 'from' or 'until': give one of them too")
            }
            var variants: [DeadlineVariant] = []
            for node in reader.sequence("variants") ?? [] {
                guard
                    let entry = MappingReader(
                        node, what: "a deadline variant", in: section.document, diagnostics: diagnostics)
                else { continue }
                entry.rejectUnknownKeys(allowed: [
                    "when", "trigger", "period", "citation", "source", "sources", "note", "from", "until",
                ])
                let when = entry.node("when").flatMap {
                    condition($0, key: "when", in: section.document, checker: checker)
                }
                if entry.node("when") == nil { entry.missing("when") }
                let variantTrigger = readEventID(entry, "trigger", required: false)
                let variantPeriod = readPeriod(entry, required: false, direction: direction)
                let variantCitation =
                    entry.node("citation") == nil ? nil : readCitation(entry, jurisdiction: jurisdiction)
                guard let when else { continue }
                variants.append(
                    DeadlineVariant(
                        when: when, trigger: variantTrigger, period: variantPeriod,
                        citation: variantCitation, note: entry.text("note", required: false)?.value,
                        inForce: readInForce(entry)))
            }
            if let timeRule, !timeRuleIDs(in: jurisdiction).contains(timeRule.value) {
                diagnostics.error(
                    timeRule.location,
                    Suggestions.message(
                        "unknown time rule '\(timeRule.value)' in \(jurisdiction)",
                        for: timeRule.value, in: timeRuleIDs(in: jurisdiction)))
            }
            guard let id, define("deadline", id, scope: jurisdiction), let name, let trigger, let period, let citation
            else { continue }
            if kind == .waitingPeriod, case .hours = period {
                diagnostics.error(reader.location, "a waiting period is counted in days, not hours")
            }
            deadlines.append(
                DeadlineRule(
                    id: id.value, jurisdiction: jurisdiction, name: name.value, kind: kind,
                    trigger: trigger, period: period, direction: direction, serviceExtension: serviceExtension,
                    timeRule: timeRule?.value, citation: citation, variants: variants,
                    remedy: reader.text("remedy", required: false)?.value,
                    note: reader.text("note", required: false)?.value, inForce: inForce, datedBy: datedBy))
        }
    }

    /// `from` and `until`, both days included: the days a deadline or a variant is in force.
    private func readInForce(_ reader: MappingReader) -> EffectivePeriod {
        let from = reader.date("from")
        let until = reader.date("until")
        if let from, let until, until.value < from.value {
            diagnostics.error(until.location, "'until' \(until.value) is before 'from' \(from.value)")
        }
        return EffectivePeriod(from: from?.value, until: until?.value)
    }

    private func timeRuleIDs(in jurisdiction: String) -> [String] {
        timeRules.filter { $0.jurisdiction == jurisdiction }.map(\.id)
    }

    private func readEventID(_ reader: MappingReader, _ key: String, required: Bool) -> String? {
        guard let id = reader.id(key, required: required) else { return nil }
        return resolve([id], kind: "event", known: events.map(\.id))?.first
    }

    /// `{days: N}`, `{court-days: N}`, `{hours: N}`, `{months: N}` or `{years: N}`. `{days: 0}` is the
    /// trigger's own day: a deadline on a date the matter records (the answer date an eviction summons states).
    /// Months and years may give `less-days: D`, a window that opens D days before the anniversary; counted
    /// after the trigger only, since "less" before it would count back towards the trigger.
    private func readPeriod(_ reader: MappingReader, required: Bool, direction: Direction) -> Period? {
        guard let spec = reader.mapping("period", what: "a period", required: required) else { return nil }
        spec.rejectUnknownKeys(allowed: ["days", "court-days", "hours", "months", "years", "less-days"])
        let units = spec.keys.filter { $0 != "less-days" }
        guard units.count == 1 else {
            diagnostics.error(
                spec.location,
                "a period is one of {days: N}, {court-days: N}, {hours: N}, {months: N} or {years: N}")
            return nil
        }
        if spec.keys.contains("less-days") {
            guard units == ["months"] || units == ["years"] else {
                diagnostics.error(spec.location, "'less-days' goes with a period in months or years")
                return nil
            }
            guard direction == .after else {
                diagnostics.error(
                    spec.location,
                    "'less-days' counts back from an anniversary after the trigger: not with "
                        + "'direction: before'")
                return nil
            }
        }
        if let days = spec.integer("days", in: 0...Period.longestDays) { return .days(days.value) }
        if let days = spec.integer("court-days", in: 1...Period.longestDays) { return .courtDays(days.value) }
        if let hours = spec.integer("hours", in: 1...Period.longestHours) { return .hours(hours.value) }
        let months = spec.integer("months", in: 1...Period.longestMonths)
        let years = spec.integer("years", in: 1...(Period.longestMonths / 12))
        guard let count = months ?? years else { return nil }
        let span = (months == nil ? 12 : 1) * count.value
        var less = 0
        if spec.keys.contains("less-days") {
            guard let days = spec.integer("less-days", in: 1...(span * Period.lessDaysPerMonth)) else { return nil }
            less = days.value
        }
        return months == nil ? .years(count.value, lessDays: less) : .months(count.value, lessDays: less)
    }

    /// A jurisdiction with deadlines needs a calendar and a default time rule to count them.
    func checkTimelines() {
        let jurisdictionsWithDeadlines = Set(deadlines.map(\.jurisdiction))
        for jurisdiction in jurisdictionsWithDeadlines.sorted() {
            let place =
                folders[jurisdiction].map { SourceLocation(file: $0.displayPath, line: 1, column: 1) }
                ?? SourceLocation(file: "Jurisdictions/\(jurisdiction)", line: 1, column: 1)
            if !calendars.contains(where: { $0.jurisdiction == jurisdiction }) {
                diagnostics.error(place, "jurisdiction '\(jurisdiction)' has deadlines but no 'calendar:' section")
            }
            if !timeRules.contains(where: { $0.jurisdiction == jurisdiction && $0.isDefault }) {
                diagnostics.error(
                    place, "jurisdiction '\(jurisdiction)' has deadlines but no time rule marked 'default: true'")
            }
        }
    }
}

/// Weekday names as packs write them.
enum WeekdayName: String, CaseIterable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    var weekday: Weekday { Weekday(rawValue: WeekdayName.allCases.firstIndex(of: self)!)! }
}
