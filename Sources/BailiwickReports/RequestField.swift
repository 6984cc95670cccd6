import Bailiwick

/// A field of a request, named without any front end's syntax. Each front end says it its own
/// way: the command line as its option (`--days`), the API as its parameter (`days`), a page as
/// its form field's label. The raw value is the name the API's parameter and the option share.
public enum RequestField: String, CaseIterable, Sendable {
    case jurisdiction, license, action, area
    /// The areas (or endorsements) the person holds the licence in.
    case holds
    /// The date of the action asked about.
    case on
    case fact
    case from, rule, days, hours
    case courtDays = "court-days"
    case at, before, service
    case timeRule = "time-rule"
    case year, topic, count, seed
    case asOf = "as-of"
    case horizon, redact, format
    /// The matter file's text.
    case matter
    /// The parts of a matter described in the audit page's form instead of a file.
    case matterType = "matter-type"
    case matterID = "id"
    case technicianName = "tech-name"
    case licensedFrom = "licensed-from"
    case events, filings, actions
    /// The people of a matter built in the web matter editor.
    case people

    /// The field an unknown id was given in; nil for ids no request field takes.
    public init?(_ kind: QueryError.Kind) {
        switch kind {
        case .jurisdiction: self = .jurisdiction
        case .license: self = .license
        case .action: self = .action
        case .area: self = .area
        case .fact: self = .fact
        case .rule, .deadline: self = .rule
        case .timeRule: self = .timeRule
        case .event: return nil
        }
    }
}
