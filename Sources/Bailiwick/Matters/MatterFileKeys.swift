/// The keys each part of a matter file may hold: the loader accepts exactly these, and the JSON
/// Schema of matter files (`bailiwick schema matter`) lists exactly these, so the two cannot
/// disagree about what a matter file is.
package enum MatterFileKeys {
    package static let top = [
        "id", "title", "jurisdiction", "type", "area", "as-of", "people", "facts", "events", "actions", "filings",
        "deadlines",
    ]
    /// Required at the top, whatever the matter: `type` or `area` is also needed (one of them).
    package static let topRequired = ["id", "jurisdiction"]
    package static let person = ["id", "role", "name", "license", "licensed-from", "licensed-until", "areas"]
    package static let personRequired = ["id", "role", "name"]
    package static let event = ["event", "date", "time", "method", "note"]
    package static let eventRequired = ["event", "date"]
    package static let action = ["by", "action", "date", "about", "facts"]
    package static let actionRequired = ["by", "action", "date"]
    package static let filing = ["form", "filed", "served"]
    package static let filingRequired = ["form"]
    /// A deadline's date set by a court order or a stipulation.
    package static let orderedDeadline = ["rule", "due", "by", "on", "note"]
    package static let orderedDeadlineRequired = ["rule", "due", "by"]
}
