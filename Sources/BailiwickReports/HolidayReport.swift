import Bailiwick

/// `holidays`' reports.
enum HolidayReport {
    static func text(
        _ holidays: [ObservedHoliday], calendar: CourtCalendar, jurisdiction: Jurisdiction, year: Int,
        style: TextStyle
    ) -> String {
        var lines: [TerminalText] = [
            style.bold("\(jurisdiction.name) court holidays, \(year)")
                + style.dim(" · \(calendar.citation.text) · source: \(calendar.citation.status.rawValue)")
        ]
        for holiday in holidays {
            var line: TerminalText =
                "  \(holiday.observed.weekday.description.prefix(3)) \(holiday.observed)  \(holiday.name)"
            if holiday.observed != holiday.date {
                line += style.dim(" (observed; falls on \(holiday.date.weekday) \(holiday.date))")
            }
            if let rule = calendar.holiday(holiday.holidayID), rule.citation.status != .primary {
                line += style.yellow(" [\(rule.citation.status.rawValue)]")
            }
            lines.append(line)
        }
        if holidays.isEmpty { lines.append("  (none)") }
        lines.append("Saturdays and Sundays are not court days either.")
        let closures = closures(of: calendar, in: year)
        if !closures.isEmpty {
            lines.append(
                style.bold("Courts may have been closed (not confirmed; counted as court days, and a deadline")
                    + style.bold(" one would move carries a warning):"))
            for closure in closures {
                lines.append(
                    "  \(closure.date.weekday.description.prefix(3)) \(closure.date)  \(closure.reason)"
                        + style.yellow(" [\(closure.citation.status.rawValue)]"))
            }
        }
        if let note = calendar.note { lines.append(style.dim("Note: \(note)")) }
        return lines.joined(separator: "\n").rendered + "\n"
    }

    /// The calendar's unconfirmed closures that fall in the year.
    static func closures(of calendar: CourtCalendar, in year: Int) -> [UnconfirmedClosure] {
        calendar.unconfirmedClosures.filter { $0.date.year == year }
    }

    static func json(
        _ holidays: [ObservedHoliday], calendar: CourtCalendar, jurisdiction: Jurisdiction, year: Int
    ) -> String {
        var members: [(String, JSONValue)] = [
            ("schema-version", 1),
            ("jurisdiction", .string(jurisdiction.id)),
            ("year", .number(year)),
            ("calendar", .string(calendar.name)),
            ("citation", PackJSON.citation(calendar.citation)),
            (
                "holidays",
                .array(
                    holidays.map { holiday in
                        let rule = calendar.holiday(holiday.holidayID)
                        return .object([
                            ("id", .string(holiday.holidayID)),
                            ("name", .string(holiday.name)),
                            ("date", .string(holiday.date.description)),
                            ("observed", .string(holiday.observed.description)),
                            ("citation", rule.map { PackJSON.citation($0.citation) } ?? .null),
                        ])
                    })
            ),
            ("note", .optional(calendar.note)),
        ]
        // Written only when the year has some, so that every other answer stays as it was.
        let closures = closures(of: calendar, in: year)
        if !closures.isEmpty {
            members.append(
                (
                    ClosureWarningJSON.key,
                    .array(
                        closures.map { closure in
                            .object([
                                ("date", .string(closure.date.description)),
                                ("reason", .string(closure.reason)),
                                ("citation", PackJSON.citation(closure.citation)),
                                ("note", .optional(closure.note)),
                            ])
                        })
                ))
        }
        return JSONValue.object(members).rendered()
    }
}
