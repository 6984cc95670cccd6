import Bailiwick

/// The formats an audit report is written in, with their names, media types and file names.
public enum AuditFormat: String, CaseIterable, Sendable {
    case text, json, html, junit, ics

    /// What `bailiwick audit --format` takes.
    public static let commandLine: [AuditFormat] = [.text, .json, .html, .junit, .ics]
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

    /// The reporter that streams this format. The calendar's options and packs (for the trace of
    /// each date) matter to the calendar only; `parts` (the findings' unchanging JSON, written once
    /// for the packs) to JSON only.
    public func reporter(
        style: TextStyle, failOn: FailOn = .error, calendar: CalendarOptions = CalendarOptions(), packs: PackSet? = nil,
        parts: FindingJSONParts? = nil
    ) -> any AuditReporter {
        switch self {
        case .text: AuditText(style: style)
        case .json: AuditJSON(parts: parts)
        case .html: AuditHTML()
        case .junit: AuditJUnit(failOn: failOn)
        case .ics: AuditICalendar(options: calendar, packs: packs)
        }
    }

    /// One matter's whole report in this format.
    public func document(
        of report: AuditReport, for request: AuditRequest, style: TextStyle = .plain, packs: PackSet? = nil,
        parts: FindingJSONParts? = nil
    ) -> String {
        reporter(style: style, packs: packs, parts: parts).document(of: report, for: request)
    }
}
