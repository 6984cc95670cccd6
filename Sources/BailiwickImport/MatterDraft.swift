import Bailiwick
import BailiwickLoading
import BailiwickReports

/// A source field the mapping did not carry into the matter file, and why.
public struct UnmappedField: Sendable {
    public let field: ImportedField
    public let reason: String
}

/// A calendar entry the system computed from a court rule, to be checked against Bailiwick's date.
public struct DocketEntry: Sendable {
    public let entryID: String
    public let summary: String
    public let rule: String
    public let date: CivilDate
    public let docket: String?
}

/// The matter file an imported matter becomes, in blocks the importer owns (`ImportBlocks`), with
/// everything it could not carry over. Made by `MatterDraft.make`, one per matter.
public struct MatterDraft: Sendable {
    public let source: ImportedMatter
    public let matterID: String
    public let fileName: String
    public let jurisdiction: String
    public let type: String?
    public let area: String
    public var blocks: [ImportBlock]
    public var unmapped: [UnmappedField]
    public var docket: [DocketEntry]
    /// Values the mapping named but that could not be used (a custom field that is not a value of its fact).
    public var problems: [String]
}

/// Why a matter was not drafted: no matter-type mapping matched it.
public struct SkippedMatter: Error, Sendable {
    public let source: ImportedMatter
    public let reason: String
}

extension MatterDraft {
    /// The file name a matter id gives: letters, digits, `-`, `_` and `.` kept, anything else a `-`.
    public static func fileName(for id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            name += keep || "-_.".unicodeScalars.contains(scalar) ? String(scalar) : "-"
        }
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        return (name.isEmpty ? "matter" : name) + ".yaml"
    }

    package static func make(_ matter: ImportedMatter, mapping: ImportMapping, packs: PackSet) -> Result<
        MatterDraft, SkippedMatter
    > {
        guard let rule = mapping.matterTypes.first(where: { $0.matches(matter) }) else {
            let area = matter.practiceArea.map { "practice area '\($0)'" } ?? "no practice area"
            return .failure(SkippedMatter(source: matter, reason: "no matter-type mapping matches (\(area))"))
        }
        var builder = DraftBuilder(matter: matter, rule: rule, mapping: mapping, packs: packs)
        return .success(builder.build())
    }
}

extension ImportMapping.MatterTypeRule {
    func matches(_ matter: ImportedMatter) -> Bool {
        if let practiceArea, !ImportMapping.sameName(practiceArea, matter.practiceArea ?? "") { return false }
        if let field {
            guard let value = matter.customFields.first(where: { ImportMapping.sameName($0.path, field.name) })
            else { return false }
            return ImportMapping.sameName(value.value, field.value)
        }
        return true
    }
}

private struct DraftBuilder {
    let matter: ImportedMatter
    let rule: ImportMapping.MatterTypeRule
    let mapping: ImportMapping
    let packs: PackSet
    var unmapped: [UnmappedField] = []
    var problems: [String] = []
    var docket: [DocketEntry] = []
    var type: MatterType? { rule.type.flatMap { packs.matterType($0, in: rule.jurisdiction) } }

    init(matter: ImportedMatter, rule: ImportMapping.MatterTypeRule, mapping: ImportMapping, packs: PackSet) {
        self.matter = matter
        self.rule = rule
        self.mapping = mapping
        self.packs = packs
    }

    mutating func skip(_ field: ImportedField, _ reason: String) {
        unmapped.append(UnmappedField(field: field, reason: reason))
    }

    mutating func build() -> MatterDraft {
        let id = matter.displayNumber ?? matter.id
        var top = [ImportBlock.Line("id: \(YAMLText.scalar(id))")]
        if let title = matter.description { top.append(.init("title: \(YAMLText.scalar(title))")) }
        top.append(.init("jurisdiction: \(rule.jurisdiction)"))
        if let type = rule.type { top.append(.init("type: \(type)")) } else { top.append(.init("area: \(rule.area)")) }
        let roster = people()
        var blocks = [
            ImportBlock(name: "matter", section: nil, lines: top),
            ImportBlock(name: "people", section: "people", lines: roster.lines),
            ImportBlock(name: "facts", section: "facts", lines: facts()),
            ImportBlock(name: "events", section: "events", lines: events()),
            ImportBlock(name: "actions", section: "actions", lines: actions(roster.ids)),
        ]
        if type != nil { blocks.append(ImportBlock(name: "filings", section: "filings", lines: filings())) }
        for task in matter.tasks {
            skip(ImportedField("task \(task.id).name", task.name, kind: .text), "a task has no place in a matter file")
        }
        for field in matter.leftOver { skip(field, "not read by the import") }
        return MatterDraft(
            source: matter, matterID: id, fileName: MatterDraft.fileName(for: id), jurisdiction: rule.jurisdiction,
            type: rule.type, area: rule.area, blocks: blocks, unmapped: unmapped, docket: docket, problems: problems)
    }

    /// The roster's people the matter names (its users and its time entries' users), then its contacts.
    mutating func people() -> (lines: [ImportBlock.Line], ids: [String: String]) {
        var lines: [ImportBlock.Line] = []
        var ids: [String: String] = [:]
        var written: Set<String> = []
        let users = matter.users + matter.timeEntries.compactMap(\.user)
        for user in users {
            guard let person = mapping.roster.first(where: { $0.matches(id: user.id, name: user.name) }) else {
                let what = user.id.map { "user \($0)" } ?? "a user"
                skip(
                    ImportedField("\(user.role.rawValue) (\(what))", user.name ?? user.id ?? "", kind: .text),
                    "not in the mapping's roster (people:)")
                continue
            }
            ids[user.id ?? user.name ?? ""] = person.id
            guard written.insert(person.id).inserted else { continue }
            var entry = [
                "id: \(person.id)", "role: \(person.role.rawValue)",
                "name: \(YAMLText.scalar(person.name ?? user.name ?? person.id))",
            ]
            if let license = person.license { entry.append("license: \(license)") }
            if let from = person.licensedFrom { entry.append("licensed-from: \(from)") }
            if let until = person.licensedUntil { entry.append("licensed-until: \(until)") }
            if let areas = person.areas { entry.append("areas: [\(areas.joined(separator: ", "))]") }
            lines.append(.init("- {\(entry.joined(separator: ", "))}", key: person.id))
        }
        var counts: [String: Int] = [:]
        for contact in matter.contacts {
            let base = contact.role == .other ? "contact" : contact.role.rawValue
            counts[base, default: 0] += 1
            let id = counts[base]! == 1 ? base : "\(base)-\(counts[base]!)"
            let role = contact.role == .other ? "other" : contact.role.rawValue
            lines.append(.init("- {id: \(id), role: \(role), name: \(YAMLText.scalar(contact.name))}", key: id))
        }
        return (lines, ids)
    }

    mutating func facts() -> [ImportBlock.Line] {
        var lines: [ImportBlock.Line] = []
        var set: Set<String> = []
        for field in matter.customFields {
            let rules = mapping.facts.filter { ImportMapping.sameName($0.field, field.path) }
            guard !rules.isEmpty else {
                if rule.field.map({ ImportMapping.sameName($0.name, field.path) }) != true {
                    skip(field, "no fact mapping for this custom field")
                }
                continue
            }
            for factRule in rules {
                let fact = factRule.fact
                let value: FactValue
                if let word = factRule.values.first(where: { ImportMapping.sameName($0.from, field.value) }) {
                    value = word.to
                } else {
                    do {
                        value = try FactArguments.value(field.value, for: fact)
                    } catch {
                        problems.append(
                            "custom field '\(field.path)' holds no value the fact \(fact.id) takes "
                                + "(its type: \(fact.type.rawValue)); "
                                + "give the field's words under the fact's values: in the mapping")
                        continue
                    }
                }
                guard set.insert(fact.id).inserted else {
                    problems.append("the fact \(fact.id) is mapped from two custom fields; the first is kept")
                    continue
                }
                lines.append(.init("\(fact.id): \(YAMLText.fact(value))", key: fact.id))
            }
        }
        return lines
    }

    mutating func events() -> [ImportBlock.Line] {
        var lines: [ImportBlock.Line] = []
        var written: Set<String> = []
        func add(_ event: String, _ date: CivilDate) {
            let line = "- {event: \(event), date: \(date)}"
            if written.insert(line).inserted { lines.append(.init(line)) }
        }
        for entry in matter.calendarEntries {
            if let found = entry.docket, let date = found.startDate,
                let event = mapping.events.first(where: { rule in
                    found.trigger.map(rule.matches) == true || rule.matches(found.name)
                })
            {
                add(event.target, date)
            }
            if let event = mapping.events.first(where: { $0.matches(entry.summary) }) {
                add(event.target, entry.date)
            } else if let deadline = mapping.deadlines.first(where: { $0.matches(entry.summary) }) {
                docket.append(
                    DocketEntry(
                        entryID: entry.id, summary: entry.summary, rule: deadline.target, date: entry.date,
                        docket: entry.docket?.name))
            } else {
                let field = ImportedField("calendar entry \(entry.id).summary", entry.summary, kind: .text)
                skip(
                    field,
                    entry.courtRule
                        ? "from a court rule, but mapped to no deadline (deadlines:), so its date is not checked"
                        : "mapped to no event (events:)")
            }
        }
        return lines.sorted { $0.text < $1.text }
    }

    /// Time entries as actions. A lawyer's own entries are not: the audit checks what a technician or
    /// paralegal did under a licence, and a lawyer's work needs no such check.
    mutating func actions(_ people: [String: String]) -> [ImportBlock.Line] {
        var lines: [ImportBlock.Line] = []
        for entry in matter.timeEntries.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            let what = "time entry \(entry.id)"
            guard let user = entry.user, let person = people[user.id ?? user.name ?? ""] else {
                skip(ImportedField("\(what).user", entry.user?.id ?? "", kind: .plain), "its user is not in the roster")
                continue
            }
            if mapping.roster.first(where: { $0.id == person })?.role == .attorney {
                skip(ImportedField("\(what).user", user.id ?? "", kind: .plain), "a lawyer's entry: not audited")
                continue
            }
            guard let action = mapping.actions.first(where: { $0.matches(entry) }) else {
                let shown = [entry.activityCode, entry.taskCode, entry.description].compactMap { $0 }
                skip(
                    // A line's description is the biller's free text: client data, like any other.
                    ImportedField(
                        "\(what).activity", shown.joined(separator: " "),
                        kind: entry.description == nil ? .plain : .text),
                    "maps to no action (actions:)")
                continue
            }
            var fields = ["by: \(person)", "action: \(action.action)", "date: \(entry.date)"]
            if let description = entry.description { fields.append("about: \(YAMLText.scalar(description))") }
            lines.append(.init("- {\(fields.joined(separator: ", "))}"))
            if let note = entry.note {
                skip(ImportedField("\(what).note", note, kind: .text), "a note is not copied into the matter file")
            }
        }
        return lines
    }

    mutating func filings() -> [ImportBlock.Line] {
        var lines: [ImportBlock.Line] = []
        for document in matter.documents {
            let field = ImportedField("document \(document.id).name", document.name, kind: .text)
            guard let form = mapping.forms.first(where: { $0.matches(document.name) }) else {
                skip(field, "mapped to no form (forms:)")
                continue
            }
            guard type?.form(form.target) != nil else {
                skip(field, "its form, \(form.target), is not a form of the \(rule.type ?? "") matter type")
                continue
            }
            let filed = document.received.map { ", filed: \($0)" } ?? ""
            lines.append(.init("- {form: \(YAMLText.scalar(form.target))\(filed)}", key: form.target))
        }
        return lines
    }
}

extension ImportMapping.ActionRule {
    func matches(_ entry: ImportedTimeEntry) -> Bool {
        func same(_ rule: String?, _ value: String?) -> Bool {
            guard let rule else { return true }
            guard let value else { return false }
            return ImportMapping.sameName(rule, value)
        }
        let description = entry.description.map { text in
            UTBMS.leadingCode(text).map { String(text.dropFirst($0.count)).trimmingSpaces } ?? text
        }
        return same(activityCode, entry.activityCode) && same(taskCode, entry.taskCode)
            && same(timekeeper, entry.timekeeper)
            && (same(self.description, entry.description) || same(self.description, description))
    }
}
