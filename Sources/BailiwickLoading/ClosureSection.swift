import Bailiwick

/// A calendar's `unconfirmed-closures`: weekdays the courts may have been closed, each with why and the source.
extension PackSetBuilder {
    /// Reads the list and checks each day against the calendar it belongs to: a day that is already a holiday or a
    /// weekend is closed anyway, so listing it is a mistake, and so is listing a day twice.
    func readUnconfirmedClosures(
        _ reader: MappingReader, calendar: CourtCalendar, in document: YAMLDocument
    ) -> [UnconfirmedClosure] {
        var closures: [UnconfirmedClosure] = []
        var seen: [CivilDate: SourceLocation] = [:]
        for node in reader.sequence("unconfirmed-closures") ?? [] {
            guard
                let entry = MappingReader(
                    node, what: "an unconfirmed closure", in: document, diagnostics: diagnostics)
            else { continue }
            entry.rejectUnknownKeys(allowed: ["date", "reason", "citation", "source", "sources", "note"])
            let date = entry.date("date", required: true)
            let reason = entry.text("reason")
            let citation = readCitation(entry, jurisdiction: calendar.jurisdiction)
            guard let date, let reason, let citation else { continue }
            if let closed = closedAnyway(date.value, in: calendar) {
                diagnostics.error(
                    date.location,
                    "\(date.value) is \(closed), already not a court day; an unconfirmed closure "
                        + "is a weekday the calendar counts as open")
                continue
            }
            if let first = seen[date.value] {
                diagnostics.error(
                    date.location,
                    "\(date.value) is listed twice as an unconfirmed closure (first at line \(first.line))")
                continue
            }
            seen[date.value] = date.location
            closures.append(
                UnconfirmedClosure(
                    date: date.value, reason: reason.value, citation: citation,
                    note: entry.text("note", required: false)?.value))
        }
        return closures
    }

    /// Why a day is closed whatever the sources say: a weekend, or a holiday the calendar observes on it.
    private func closedAnyway(_ date: CivilDate, in calendar: CourtCalendar) -> String? {
        if date.weekday.isWeekend { return "a \(date.weekday)" }
        return calendar.observedHolidays(inYear: date.year).first { $0.observed == date }.map { holiday in
            "\(holiday.name)" + (holiday.observed == holiday.date ? "" : " (observed)")
        }
    }
}
