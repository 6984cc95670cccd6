import Bailiwick

/// The firm's mapping from a case-management system to matter files (`bailiwick import --mapping`):
/// which matters become which matter type, which custom fields are which facts, which calendar
/// entries are events or the deadlines to check, which documents are forms, who each user is
/// (the roster: Clio holds no licence data) and which time entries are which actions. Every id is
/// checked against the packs when the mapping is read (`ImportMappingLoader`).
package struct ImportMapping: Sendable {
    /// How a matter is recognised as a matter type (or, without one, an area): every key given must match.
    package struct MatterTypeRule: Sendable {
        package let practiceArea: String?
        /// A custom field and the value it must hold.
        package let field: (name: String, value: String)?
        package let jurisdiction: String
        package let type: String?
        package let area: String
        package let location: SourceLocation
    }

    /// A custom field read as a fact; `values` turns the field's own words into the fact's (YAML text).
    package struct FactRule: Sendable {
        package let field: String
        package let fact: FactDefinition
        package let values: [(from: String, to: FactValue)]
        package let location: SourceLocation
    }

    /// A name (a calendar entry's summary, a docket's trigger, a document's name) and what it maps to.
    package struct NameRule: Sendable {
        package let name: String
        package let target: String
        package let location: SourceLocation

        package func matches(_ text: String) -> Bool { ImportMapping.sameName(name, text) }
    }

    /// A person of the firm: the system's user (by id or name) as a matter file's person.
    package struct RosterEntry: Sendable {
        package let user: String?
        package let userName: String?
        package let id: String
        package let role: Person.Role
        package let name: String?
        package let license: String?
        package let licensedFrom: CivilDate?
        package let licensedUntil: CivilDate?
        package let areas: [String]?
        package let location: SourceLocation

        /// By the user's id when both have one, else by name (the source's user name against
        /// `user-name`, or the roster's `name`).
        package func matches(id: String?, name: String?) -> Bool {
            if let user, let id { return user == id }
            guard let name, let wanted = userName ?? self.name else { return false }
            return ImportMapping.sameName(wanted, name)
        }
    }

    /// A time entry read as an action: every key given must match (codes, description, timekeeper class).
    package struct ActionRule: Sendable {
        package let activityCode: String?
        package let taskCode: String?
        package let description: String?
        package let timekeeper: String?
        package let action: String
        package let location: SourceLocation
    }

    /// The columns a generic CSV file is read by.
    package struct CSVColumns: Sendable {
        /// What one row is: a matter, a calendar entry of a matter, or a time entry (a LEDES line item).
        package enum Rows: String, Sendable, CaseIterable {
            case matter, event
            case timeEntry = "time-entry"
        }

        package enum DateOrder: String, Sendable, CaseIterable {
            case iso = "YYYY-MM-DD"
            case monthFirst = "MM/DD/YYYY"
            case dayFirst = "DD/MM/YYYY"
        }

        package let rows: Rows
        package let dates: DateOrder
        /// Column names by role: id, number, description, practice-area, client, event, date, court-rule,
        /// user, activity, task, timekeeper, action-description.
        package let columns: [String: String]
        /// Columns read as custom fields.
        package let fields: [String]
        package let location: SourceLocation

        package static let roles = [
            "id", "number", "description", "practice-area", "client", "event", "date", "court-rule", "user",
            "activity", "task", "timekeeper", "activity-description",
        ]
    }

    package let file: String
    package let matterTypes: [MatterTypeRule]
    package let facts: [FactRule]
    package let events: [NameRule]
    package let deadlines: [NameRule]
    package let forms: [NameRule]
    package let roster: [RosterEntry]
    package let actions: [ActionRule]
    package let csv: CSVColumns?

    /// Names from another system compare without regard to case or surrounding spaces.
    package static func sameName(_ a: String, _ b: String) -> Bool {
        a.trimmingSpaces.lowercased() == b.trimmingSpaces.lowercased()
    }
}

/// The keys of a mapping file, for the loader and its documentation.
package enum ImportMappingKeys {
    package static let top = [
        "jurisdiction", "matter-types", "facts", "events", "deadlines", "forms", "people", "actions", "csv",
    ]
    package static let matterType = ["practice-area", "field", "value", "jurisdiction", "type", "area"]
    package static let fact = ["field", "fact", "values"]
    package static let event = ["name", "event"]
    package static let deadline = ["name", "rule"]
    package static let form = ["name", "form"]
    package static let person = [
        "user", "user-name", "id", "role", "name", "license", "licensed-from", "licensed-until", "areas",
    ]
    package static let action = ["activity", "task", "description", "timekeeper", "action"]
    package static let csv = ["rows", "dates", "columns", "fields"]
}
