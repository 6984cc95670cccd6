import BailiwickReports

extension RequestField {
    /// The label of the field on the page that asks for it: the forms show it, and a page's
    /// error names the field by it.
    var label: String {
        switch self {
        case .jurisdiction: "Jurisdiction"
        case .license: "Licence"
        case .action: "Action"
        case .area: "Practice area"
        case .holds: "Areas the licence is held in"
        case .on: "Date of the action"
        case .fact: "Facts of the matter"
        case .from: "Trigger date"
        case .rule: "Named deadline"
        case .days: "Or a period in days"
        case .hours: "Or a period in hours"
        case .courtDays: "Count court days only (with a period in days)"
        case .at: "Time of the trigger (for hours)"
        case .before: "Count back from the trigger (a deadline before a hearing)"
        case .service: "How the paper was served"
        case .timeRule: "Time rule"
        case .year: "Year"
        case .topic: "Topics"
        case .count: "Questions"
        case .seed: "Seed (optional)"
        case .asOf: "Audit as of"
        case .horizon: "Due soon within (days)"
        case .redact: "Redact names and free text in the report"
        case .format: "Format"
        case .matter: "Matter file"
        case .matterType: "Matter type"
        case .matterID: "Matter reference"
        case .technicianName: "Technician's name"
        case .licensedFrom: "Licensed from"
        case .events: "What happened, and when"
        case .filings: "Forms filed"
        case .actions: "What the technician did"
        case .people: "People"
        }
    }
}

extension RequestError {
    /// The error as a page says it: a sentence naming the form's fields by their labels.
    var sentence: String { Layout.sentence(message { "“\($0.label)”" }) }
}

extension Layout {
    /// A message as a sentence: capitalised, and ending in a stop.
    static func sentence(_ text: String) -> String {
        let capitalised = text.prefix(1).uppercased() + text.dropFirst()
        return capitalised.last.map { ".?!".contains($0) } == true ? capitalised : capitalised + "."
    }

    /// An error box for a request the user must correct, worded for the page.
    static func problem(_ error: RequestError) -> String { problem(error.sentence) }
}
