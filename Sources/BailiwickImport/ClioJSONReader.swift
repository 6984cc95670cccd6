import Bailiwick
import Foundation

/// What a reader made of its input: the matters, and what it read that belongs to no matter of the import.
public struct ImportBatch: Sendable {
    public var matters: [ImportedMatter] = []
    public var leftOver: [ImportedField] = []

    public init() {}
}

/// Clio Manage API v4 pages (`{"data": [...]}`), as research section 1 documents them: matters,
/// contacts, calendar entries (with `court_rule` and `matter_docket`), tasks, activities and
/// documents. Which objects a page holds is told by its file name, the endpoint's
/// (`matters.json`, `calendar_entries-2.json`…), since the pages do not say.
public enum ClioJSONReader {
    public enum Endpoint: String, CaseIterable, Sendable {
        case matters, contacts, tasks, activities, documents
        case calendarEntries = "calendar_entries"
    }

    /// The endpoint a page's file name starts with.
    public static func endpoint(of path: String) -> Endpoint? {
        let name = (path as NSString).lastPathComponent.lowercased()
        return Endpoint.allCases.sorted { $0.rawValue.count > $1.rawValue.count }.first { name.hasPrefix($0.rawValue) }
    }

    public static func read(_ files: [(path: String, text: String)]) throws(ImportProblem) -> ImportBatch {
        var pages: [Endpoint: [SourceRecord]] = [:]
        for file in files {
            guard let endpoint = endpoint(of: file.path) else {
                let names = Endpoint.allCases.map(\.rawValue).joined(separator: ", ")
                throw ImportProblem(
                    file: file.path, "a Clio page is named after its endpoint, one of \(names) (then anything)")
            }
            let decoded: SourceJSON
            do {
                decoded = try JSONDecoder().decode(SourceJSON.self, from: Data(file.text.utf8))
            } catch {
                throw ImportProblem(file: file.path, "not JSON that can be read")
            }
            guard case .object(let top) = decoded, case .array(let data)? = top["data"] else {
                throw ImportProblem(file: file.path, "a Clio page is an object with a \"data\" list")
            }
            for (index, item) in data.enumerated() {
                guard case .object(let object) = item else {
                    throw ImportProblem(file: file.path, "item \(index + 1) of \"data\" is not an object")
                }
                let id = object["id"]?.text ?? "#\(index + 1)"
                pages[endpoint, default: []].append(SourceRecord(object, path: "\(endpoint.rawValue)[\(id)]"))
            }
        }
        return assemble(pages)
    }

    static func assemble(_ pages: [Endpoint: [SourceRecord]]) -> ImportBatch {
        var batch = ImportBatch()
        var contacts: [String: SourceRecord] = [:]
        for contact in pages[.contacts] ?? [] {
            if let id = contact.text("id") { contacts[id] = contact }
        }
        var index: [String: Int] = [:]
        for record in pages[.matters] ?? [] {
            guard let matter = readMatter(record, contacts: contacts) else {
                batch.leftOver += record.everything()
                continue
            }
            index[matter.id] = batch.matters.count
            batch.matters.append(matter)
        }
        // The contacts were read for the matters' names; their other fields are reported once each.
        for id in contacts.keys.sorted() {
            let contact = contacts[id]!
            _ = (contact.text("name"), contact.text("first_name"), contact.text("last_name"))
            batch.leftOver += contact.leftOver()
        }
        // `add` says whether it used the record; one it could not use is reported whole.
        func attach(_ endpoint: Endpoint, _ add: (inout ImportedMatter, SourceRecord) -> Bool) {
            for record in pages[endpoint] ?? [] {
                let owner = record.link("matter")
                guard let id = owner.id, let position = index[id] else {
                    batch.leftOver += record.everything()
                    continue
                }
                let used = add(&batch.matters[position], record)
                batch.matters[position].leftOver += used ? record.leftOver() : record.everything()
            }
        }
        attach(.calendarEntries) { matter, record in
            guard let entry = calendarEntry(record) else { return false }
            matter.calendarEntries.append(entry)
            return true
        }
        attach(.tasks) { matter, record in
            guard let id = record.text("id"), let name = record.text("name") else { return false }
            matter.tasks.append(ImportedTask(id: id, name: name, due: record.date("due_at")))
            return true
        }
        attach(.activities) { matter, record in
            guard let entry = timeEntry(record) else { return false }
            matter.timeEntries.append(entry)
            return true
        }
        attach(.documents) { matter, record in
            guard let id = record.text("id"), let name = record.text("name") else { return false }
            matter.documents.append(ImportedDocument(id: id, name: name, received: record.date("received_at")))
            return true
        }
        return batch
    }

    static func readMatter(_ record: SourceRecord, contacts: [String: SourceRecord]) -> ImportedMatter? {
        guard let id = record.text("id") else { return nil }
        var matter = ImportedMatter(id: id)
        matter.displayNumber = record.text("display_number")
        matter.description = record.text("description")
        if let area = record.object("practice_area") {
            matter.practiceArea = area.text("name")
            _ = area.text("id")
        }
        for field in record.objects("custom_field_values") {
            let type = field.text("field_type")
            _ = field.text("id")
            if let name = field.text("field_name"), let value = field.text("value") {
                let plain = ["checkbox", "numeric", "date"].contains(type?.lowercased() ?? "")
                matter.customFields.append(ImportedField(name, value, kind: plain ? .plain : .text))
            }
        }
        if let client = record.object("client") {
            let id = client.text("id")
            if let name = client.text("name") ?? id.flatMap({ contacts[$0]?.text("name") }) {
                matter.contacts.append(ImportedContact(id: id, name: name, role: .client))
            }
        }
        for relationship in record.objects("relationships") {
            let words = relationship.text("description")
            let contact = relationship.link("contact")
            let name = contact.record?.text("name") ?? contact.id.flatMap { contacts[$0]?.text("name") }
            let opposing = words.map { $0.lowercased().contains("opposing") } ?? false
            if let name {
                matter.contacts.append(
                    ImportedContact(
                        id: contact.id, name: name, role: opposing ? .opposingParty : .other, relationship: words))
            }
            _ = relationship.text("id")
        }
        let users: [(String, ImportedUser.Role)] = [
            ("responsible_attorney", .responsibleAttorney), ("originating_attorney", .originatingAttorney),
            ("responsible_staff", .responsibleStaff),
        ]
        for (key, role) in users {
            guard let user = record.object(key) else { continue }
            matter.users.append(ImportedUser(id: user.text("id"), name: user.text("name"), role: role))
        }
        matter.leftOver = record.leftOver()
        return matter
    }

    static func calendarEntry(_ record: SourceRecord) -> ImportedCalendarEntry? {
        guard let id = record.text("id"), let summary = record.text("summary"), let date = record.date("start_at")
        else { return nil }
        var docket: ImportedDocket?
        if let found = record.object("matter_docket"), let name = found.text("name") {
            _ = found.text("id")
            let trigger = found.object("trigger")
            docket = ImportedDocket(name: name, trigger: trigger?.text("name"), startDate: found.date("start_date"))
        }
        return ImportedCalendarEntry(
            id: id, summary: summary, date: date, courtRule: record.bool("court_rule") ?? false, docket: docket)
    }

    static func timeEntry(_ record: SourceRecord) -> ImportedTimeEntry? {
        guard let id = record.text("id"), let date = record.date("date") else { return nil }
        if let type = record.text("type"), type != "TimeEntry" { return nil }
        let user = record.object("user")
        let activity = record.object("activity_description")
        let name = activity?.text("name")
        _ = activity?.text("id")
        let code = name.flatMap(UTBMS.leadingCode)
        return ImportedTimeEntry(
            id: id, date: date,
            user: ImportedUser(id: user?.text("id"), name: user?.text("name"), role: .responsibleStaff),
            description: name, note: record.text("note"), activityCode: code.flatMap { $0.hasPrefix("A") ? $0 : nil },
            taskCode: code.flatMap { $0.hasPrefix("A") ? nil : $0 }, timekeeper: nil)
    }
}

/// UTBMS codes (ABA litigation code set: tasks L100–L500, activities A101–A111), research section 1.
enum UTBMS {
    /// The code a description starts with ("A109 Appear for/attend"), as Clio's UTBMS
    /// activity descriptions are named.
    static func leadingCode(_ text: String) -> String? {
        let word = text.prefix { !$0.isWhitespace }
        guard word.count == 4, let first = word.first, "ABELPX".contains(first),
            word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return String(word)
    }
}
