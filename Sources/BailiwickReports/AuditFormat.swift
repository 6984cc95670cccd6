import Bailiwick

/// The formats an audit report is written in, with their names, media types and file names. The
/// command line writes caseloads, so it offers the streaming formats; the server writes one
/// matter, so it can offer the calendar too.
public enum AuditFormat: String, CaseIterable, Sendable {
    case text, json, html, junit, ics

    /// What `bailiwick audit --format` takes.
    public static let commandLine: [AuditFormat] = [.text, .json, .html, .junit]
    /// What `/v1/audit?format=` and the audit page's downloads take.
    public static let served: [AuditFormat] = [.json, .html, .ics, .text]

    /// A format by name, among those a front end offers.
    public init(_ name: String, among offered: [AuditFormat]) throws(RequestError) {
        guard let format = AuditFormat(rawValue: name), offered.contains(format) else {
            throw .invalid(.format, .notOneOf(offered.map(\.rawValue), given: name))
        }
        self = format
    }

    public var mediaType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .junit: "application/xml; charset=utf-8"
        case .ics: "text/calendar; charset=utf-8"
        }
    }

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .junit: "junit.xml"
        default: rawValue
        }
    }

    /// The reporter that streams this format; nil for the calendar, which is written whole.
    public func reporter(style: TextStyle, failOn: FailOn = .error) -> (any AuditReporter)? {
        switch self {
        case .text: AuditText(style: style)
        case .json: AuditJSON()
        case .html: AuditHTML()
        case .junit: AuditJUnit(failOn: failOn)
        case .ics: nil
        }
    }

    /// One matter's whole report in this format.
    public func document(of report: AuditReport, for request: AuditRequest, style: TextStyle = .plain) -> String {
        reporter(style: style)?.document(of: report, for: request) ?? ICalendar.render(report)
    }
}
