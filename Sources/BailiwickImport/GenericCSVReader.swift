import Bailiwick
import BailiwickLoading

/// Any system's CSV export, read by the columns the mapping's `csv:` names: one row per matter,
/// per calendar entry of a matter, or per time entry (a LEDES line item). Rows with the same `id`
/// are one matter. Every column the mapping does not name is reported, per matter.
public enum GenericCSVReader {
    package static func read(_ tables: [(table: CSVTable, file: String)], columns: ImportMapping.CSVColumns)
        throws(ImportProblem) -> ImportBatch
    {
        var batch = ImportBatch()
        var index: [String: Int] = [:]
        for (table, file) in tables {
            var position: [String: Int] = [:]
            for (role, name) in columns.columns {
                guard let column = table.column(name) else {
                    throw ImportProblem(file: file, line: 1, "no column '\(name)' (the mapping's \(role) column)")
                }
                position[role] = column
            }
            let fields = try columns.fields.map { name throws(ImportProblem) -> (String, Int) in
                guard let column = table.column(name) else {
                    throw ImportProblem(file: file, line: 1, "no column '\(name)' (a field of the mapping)")
                }
                return (name, column)
            }
            let named = Set(position.values).union(fields.map(\.1))
            for row in table.rows {
                func value(_ role: String) -> String? {
                    position[role].map { row.fields[$0].trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
                }
                func date(_ role: String) throws(ImportProblem) -> CivilDate {
                    guard let text = value(role) else {
                        throw ImportProblem(file: file, line: row.line, "the \(role) column is empty")
                    }
                    guard let date = Self.date(text, order: columns.dates) else {
                        throw ImportProblem(
                            file: file, line: row.line,
                            "the \(role) column is not a date written \(columns.dates.rawValue)")
                    }
                    return date
                }
                guard let id = value("id") else {
                    throw ImportProblem(file: file, line: row.line, "the id column is empty")
                }
                if index[id] == nil {
                    index[id] = batch.matters.count
                    batch.matters.append(ImportedMatter(id: id))
                }
                var matter = batch.matters[index[id]!]
                matter.displayNumber = matter.displayNumber ?? value("number")
                matter.description = matter.description ?? value("description")
                matter.practiceArea = matter.practiceArea ?? value("practice-area")
                if let client = value("client"), !matter.contacts.contains(where: { $0.role == .client }) {
                    matter.contacts.append(ImportedContact(name: client, role: .client))
                }
                for (name, column) in fields {
                    let text = row.fields[column].trimmingSpaces
                    if !text.isEmpty && !matter.customFields.contains(where: { $0.path == name }) {
                        matter.customFields.append(ImportedField(name, text, kind: .text))
                    }
                }
                let rowID = "\(file):\(row.line)"
                switch columns.rows {
                case .matter:
                    break
                case .event:
                    let court = value("court-rule").flatMap { ValueSyntax.boolean($0) } ?? false
                    guard let event = value("event") else {
                        throw ImportProblem(file: file, line: row.line, "the event column is empty")
                    }
                    matter.calendarEntries.append(
                        ImportedCalendarEntry(id: rowID, summary: event, date: try date("date"), courtRule: court))
                case .timeEntry:
                    let user = value("user").map { ImportedUser(id: $0, name: $0, role: .responsibleStaff) }
                    matter.timeEntries.append(
                        ImportedTimeEntry(
                            id: rowID, date: try date("date"), user: user,
                            description: value("activity-description"), activityCode: value("activity"),
                            taskCode: value("task"), timekeeper: value("timekeeper")))
                }
                for (column, name) in table.header.enumerated() where !named.contains(column) {
                    let text = row.fields[column].trimmingSpaces
                    if !text.isEmpty {
                        matter.leftOver.append(ImportedField("\(name) (line \(row.line))", text, kind: .text))
                    }
                }
                batch.matters[index[id]!] = matter
            }
        }
        return batch
    }

    /// A date in the order the mapping says the file writes them.
    static func date(_ text: String, order: ImportMapping.CSVColumns.DateOrder) -> CivilDate? {
        switch order {
        case .iso:
            return SourceRecord.isoDate(text)
        case .monthFirst, .dayFirst:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else {
                return nil
            }
            let (month, day) = order == .monthFirst ? (parts[0], parts[1]) : (parts[1], parts[0])
            let iso = "\(parts[2])-\(month.count == 1 ? "0" : "")\(month)-\(day.count == 1 ? "0" : "")\(day)"
            guard case .success(let date) = ValueSyntax.date(iso) else { return nil }
            return date
        }
    }
}
