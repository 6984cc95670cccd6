import Bailiwick

/// Clio's matters CSV export (research section 1, "Clio CSV"): the Matters report's columns (client,
/// matter, description, practice area, status, responsible and originating attorney) and the
/// matters template's (status, location, open_date…, client_first_name…), dates MM/DD/YYYY. Clio
/// exports a custom field as a column named after it: every other column is read as one.
public enum ClioCSVReader {
    /// The columns Clio documents, by their normal spelling (no case, spaces or underscores).
    static let number = ["matter", "displaynumber", "matternumber"]
    static let known: Set<String> = [
        "matter", "displaynumber", "matternumber", "description", "practicearea", "client", "clientfirstname",
        "clientlastname", "clientcompanyname", "responsibleattorney", "originatingattorney", "responsiblestaff",
        "status", "location", "clientreference", "opendate", "closedate", "pendingdate", "customnumber", "note",
    ]
    static let dateColumns: Set<String> = ["opendate", "closedate", "pendingdate"]
    static let plainColumns: Set<String> = ["status", "customnumber"]

    public static func read(_ table: CSVTable, file: String) throws(ImportProblem) -> ImportBatch {
        guard let numberColumn = table.header.firstIndex(where: { number.contains(CSVTable.normal($0)) }) else {
            throw ImportProblem(
                file: file, line: 1, "a Clio matters export has a 'Matter' (or 'display_number') column")
        }
        var batch = ImportBatch()
        var seen: Set<String> = []
        for row in table.rows {
            let number = row.fields[numberColumn].trimmingSpaces
            guard !number.isEmpty else {
                throw ImportProblem(file: file, line: row.line, "the matter's number is empty")
            }
            guard seen.insert(number).inserted else {
                throw ImportProblem(file: file, line: row.line, "a second row for the same matter")
            }
            var matter = ImportedMatter(id: number)
            matter.displayNumber = number
            var first: String?
            var last: String?
            for (index, column) in table.header.enumerated() where index != numberColumn {
                let value = row.fields[index].trimmingSpaces
                guard !value.isEmpty else { continue }
                let key = CSVTable.normal(column)
                switch key {
                case "description": matter.description = value
                case "practicearea": matter.practiceArea = value
                case "client", "clientcompanyname":
                    matter.contacts.append(ImportedContact(name: value, role: .client))
                case "clientfirstname": first = value
                case "clientlastname": last = value
                case "responsibleattorney":
                    matter.users.append(ImportedUser(name: value, role: .responsibleAttorney))
                case "originatingattorney":
                    matter.users.append(ImportedUser(name: value, role: .originatingAttorney))
                case "responsiblestaff":
                    matter.users.append(ImportedUser(name: value, role: .responsibleStaff))
                case _ where known.contains(key):
                    let plain = plainColumns.contains(key) || dateColumns.contains(key)
                    matter.leftOver.append(ImportedField("\(column)", value, kind: plain ? .plain : .text))
                default:
                    matter.customFields.append(ImportedField(column, value, kind: .text))
                }
            }
            let name = [first, last].compactMap { $0 }.joined(separator: " ")
            if !name.isEmpty { matter.contacts.append(ImportedContact(name: name, role: .client)) }
            batch.matters.append(matter)
        }
        return batch
    }
}
