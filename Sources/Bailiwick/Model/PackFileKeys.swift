/// The sections a pack file may hold and the keys of each section's entries: the pack loader
/// accepts exactly these, and the JSON Schema of pack files (`bailiwick schema pack`) lists
/// exactly these. Deeper parts (a holiday's date, a deadline's period, a matter type's forms) are
/// checked by the loader only.
package enum PackFileKeys {
    /// A file under Rules/: shared by every jurisdiction.
    package static let sharedSections = [
        "actions", "areas", "facts", "events", "licenses", "rules", "sources", "tests",
    ]
    /// A file under Jurisdictions/<id>/.
    package static let jurisdictionSections = [
        "jurisdiction", "facts", "licenses", "parameters", "rules", "calendar", "time-rules", "deadlines",
        "matter-types", "tests",
    ]
    /// Sections that are one mapping; every other section is a list of entries.
    package static let mappingSections = ["jurisdiction", "calendar"]

    package static let action = ["id", "title", "description"]
    package static let area = ["id", "title", "description"]
    package static let event = ["id", "name", "description"]
    package static let fact = ["id", "type", "description", "values", "minimum", "maximum", "problem"]
    package static let license = [
        "id", "title", "governing-rule", "areas", "valid-from", "valid-until", "admissions-until",
        "citation", "source", "sources", "note",
    ]
    /// A shared licence also names the countries it exists in.
    package static let sharedLicense = license + ["countries"]
    package static let rule = [
        "id", "summary", "effect", "licenses", "actions", "areas", "when", "requires",
        "exception-to", "from", "until", "citation", "source", "sources", "evidence", "remedy", "note",
    ]
    package static let source = ["key", "title", "url", "version"]
    package static let jurisdiction = ["id", "name", "country", "reviewed", "sources"]
    package static let parameter = ["id", "description", "type", "unit", "values"]
    package static let calendar = [
        "name", "citation", "source", "sources", "observed", "holidays", "unconfirmed-closures", "note",
    ]
    package static let timeRule = ["id", "name", "default", "versions"]
    package static let deadline = [
        "id", "name", "kind", "trigger", "period", "direction", "service-extension",
        "time-rule", "citation", "source", "sources", "variants", "remedy", "note", "from", "until", "dated-by",
    ]
    package static let matterType = [
        "id", "name", "area", "citation", "source", "sources", "note", "forms", "deadlines", "follow-ups",
    ]
    /// A pack test of one scope question.
    package static let scopeTest = [
        "name", "jurisdiction", "license", "action", "area", "on", "facts", "expect", "rules",
    ]
    /// A pack test of a whole matter and the findings its audit must give.
    package static let matterTest = ["name", "matter", "findings", "unconfirmed-closures"]

    /// The keys of an entry of `section` (for `tests`, a scope test's), in a shared file or not.
    package static func entry(of section: String, shared: Bool) -> [String] {
        switch section {
        case "actions": action
        case "areas": area
        case "events": event
        case "facts": fact
        case "licenses": shared ? sharedLicense : license
        case "rules": rule
        case "sources": source
        case "jurisdiction": jurisdiction
        case "parameters": parameter
        case "calendar": calendar
        case "time-rules": timeRule
        case "deadlines": deadline
        case "matter-types": matterType
        case "tests": scopeTest
        default: []
        }
    }
}
