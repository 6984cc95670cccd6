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
        if let note = calendar.note { lines.append(style.dim("Note: \(note)")) }
        return lines.joined(separator: "\n").rendered + "\n"
    }

    static func json(
        _ holidays: [ObservedHoliday], calendar: CourtCalendar, jurisdiction: Jurisdiction, year: Int
    ) -> String {
        JSONValue.object([
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
        ]).rendered()
    }
}
