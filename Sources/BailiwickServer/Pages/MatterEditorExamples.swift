import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports

/// The example matters shipped with Bailiwick (`Examples/`), offered in the matter editor: an
/// example of the form's type fills the form in, read by the matter loader as any matter file is.
/// What the form has no field for (a title, notes, an action's own facts, held areas, the end of a
/// licence, an event's time, dates set by order) is left out.
enum MatterEditorExamples {
    /// The examples of a matter type, by file name (`wa-dissolution-clean.yaml`).
    static func names(of type: MatterType, packs: PackSet) -> [String] {
        // Only files naming the jurisdiction are read; the loader says which are of the type.
        EmbeddedPacks.examples.filter { $0.text.contains("jurisdiction: \(type.jurisdiction)") }.compactMap { file in
            guard let matter = try? MatterLoader.load(text: file.text, file: file.path, packs: packs),
                matter.type?.id == type.id, matter.jurisdiction.id == type.jurisdiction
            else { return nil }
            return name(of: file.path)
        }
    }

    /// The editor's fields filled in from the example of that name; nil when there is none or it
    /// is not of the type.
    static func fields(_ name: String, type: MatterType, packs: PackSet) -> [(String, String)]? {
        guard let file = EmbeddedPacks.examples.first(where: { Self.name(of: $0.path) == name }),
            let matter = try? MatterLoader.load(text: file.text, file: file.path, packs: packs),
            matter.type?.id == type.id, matter.jurisdiction.id == type.jurisdiction
        else { return nil }
        return fields(of: matter, type: type, packs: packs)
    }

    private static func name(of path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    private static func fields(of matter: Matter, type: MatterType, packs: PackSet) -> [(String, String)] {
        let rows = MatterEditorForm.rows
        var fields: [(String, String)] = [
            ("matter-type", "\(type.jurisdiction)/\(type.id)"), ("id", matter.id),
            ("person-rows", String(min(rows.most, max(rows.people, matter.people.count)))),
            ("action-rows", String(min(rows.most, max(rows.actions, matter.actions.count)))),
        ]
        if let asOf = matter.asOf { fields.append(("as-of", asOf.description)) }
        for (index, person) in matter.people.prefix(rows.most).enumerated() {
            let row = "person-\(index + 1)"
            fields += [("\(row)-name", person.name), ("\(row)-role", person.role.rawValue)]
            if let license = person.license { fields.append(("\(row)-license", license.key.id)) }
            if let from = person.licensedFrom { fields.append(("\(row)-licensed-from", from.description)) }
        }
        for (index, entry) in MatterTemplate.events(of: type, in: packs).enumerated() {
            guard let event = matter.event(entry.event) else { continue }
            fields.append(("event-\(index + 1)-date", event.date.description))
            if let method = event.method { fields.append(("event-\(index + 1)-method", method.rawValue)) }
        }
        for (index, action) in matter.actions.prefix(rows.most).enumerated() where action.person < rows.most {
            let row = "action-\(index + 1)"
            fields += [
                ("\(row)-by", String(action.person + 1)), ("\(row)-action", action.action.id),
                ("\(row)-date", action.date.description),
            ]
        }
        for (index, form) in type.forms.enumerated() {
            if let filed = matter.filing(form.code)?.filed {
                fields.append(("filing-\(index + 1)-date", filed.description))
            }
        }
        for fact in packs.facts {
            guard let value = matter.facts[fact.slot] else { continue }
            let name = MatterEditorForm.factField(fact)
            switch value {
            case .list(let items) where items.isEmpty: fields.append((name, FactQuestion.none))
            case .list(let items): fields += items.sorted().map { (name, $0) }
            default: fields.append((name, value.description))
            }
        }
        return fields
    }
}
