import Bailiwick
import Foundation

/// The audit as a calendar to import or subscribe to: every dated deadline, waiting-period and
/// form finding of each matter as an all-day event (docs/calendar.md). It streams like the other
/// reporters; it remembers which events it wrote, from whatever thread, so that the tail can
/// cancel the previous export's events no longer there.
public final class AuditICalendar: AuditReporter, @unchecked Sendable {
    private let options: CalendarOptions
    /// To show how each deadline's date was counted; without them the description has no trace.
    private let packs: PackSet?
    private let lock = NSLock()
    private var written: Set<String> = []
    private var latestAsOf: CivilDate?

    public init(options: CalendarOptions = CalendarOptions(), packs: PackSet? = nil) {
        self.options = options
        self.packs = packs
    }

    public func head(_ summary: CaseloadSummary) -> String { ICalendar.header }

    public var separator: String { "" }

    /// A matter file that could not be read has no events; the command says so on standard error.
    public func unreadable(_ matter: UnreadableMatter, in caseload: Bool) -> String { "" }

    public func tail(_ summary: CaseloadSummary) -> String {
        // A matter that could not be read has not withdrawn its deadlines: cancel nothing then.
        guard let previous = options.previous, summary.invalid.isEmpty else { return ICalendar.footer }
        let (written, stamp) = lock.withLock { (self.written, latestAsOf) }
        return previous.withdrawn(keeping: written, stamp: summary.asOf ?? stamp) + ICalendar.footer
    }

    public func matter(_ report: AuditReport, in caseload: Bool) -> String {
        let events = Self.events(of: report, options: options, packs: packs)
        lock.withLock {
            written.formUnion(events.map(\.uid))
            latestAsOf = max(latestAsOf ?? report.asOf, report.asOf)
        }
        return events.map { ICalendar.render($0, stamp: report.asOf, previous: options.previous) }.joined()
    }

    static func events(of report: AuditReport, options: CalendarOptions, packs: PackSet?) -> [CalendarEvent] {
        let matter = report.matter
        let title = options.names ? matter.title.map { " (\($0))" } ?? "" : ""
        var seen: Set<String> = []
        // Two items whose keys differ only in characters a UID cannot hold are one event.
        return DueItem.items(of: report).filter { seen.insert(ICalendar.uid($0.key)).inserted }.map { item in
            let status: CalendarEvent.Status =
                switch item.status {
                case .confirmed: .confirmed
                case .tentative: .tentative
                case .cancelled: .cancelled
                }
            return CalendarEvent(
                uid: ICalendar.uid(item.key), date: item.date, summary: "\(matter.id)\(title): \(item.title)",
                description: description(of: item.finding, in: report, options: options, packs: packs),
                status: status,
                reminders: ICalendar.reminders(options.reminders, before: item.date, from: report.asOf))
        }
    }

    private static func description(
        of finding: Finding, in report: AuditReport, options: CalendarOptions, packs: PackSet?
    ) -> [String] {
        var lines = [FindingText.message(finding)] + FindingText.closureWarnings(finding).map { "Caution: \($0)" }
        lines.append("Finding: \(finding.code.rawValue)")
        if let citation = finding.citation {
            let rule = if case .deadline(let id)? = finding.source { "\(id) - " } else { "" }
            lines.append("Rule: \(rule)\(citation.text) (source: \(citation.status.rawValue))")
        }
        let remedy = FindingText.remedy(finding)
        if !remedy.isEmpty { lines.append("What to do: \(remedy)") }
        if let packs, let rule = rule(of: finding) {
            lines += ICalendar.traceLines(trace(of: rule, in: report.matter, packs: packs))
        }
        if options.names {
            if let title = report.matter.title { lines.append("Matter: \(title)") }
            let people = report.matter.people.map { "\($0.name) (\($0.role.rawValue))" }
            if !people.isEmpty { lines.append("People: " + people.joined(separator: ", ")) }
        }
        return lines
    }

    private static func rule(of finding: Finding) -> DeadlineRule? {
        switch finding.detail {
        case .deadlineMet(let rule, _, _), .deadlineLate(let rule, _, _, _), .deadlineMissed(let rule, _, _),
            .deadlineDueSoon(let rule, _, _), .deadlinePending(let rule, _), .deadlineTracked(let rule, _, _),
            .waitingPeriodViolated(let rule, _, _, _), .waitingPeriodMet(let rule, _, _, _, _),
            .waitingPeriodRunning(let rule, _, _):
            rule
        default: nil
        }
    }

    /// The deadline counted again as the audit counted it, for its steps.
    private static func trace(of rule: DeadlineRule, in matter: Matter, packs: PackSet) -> [TraceEntry] {
        let trigger = matter.event(rule.trigger)
        let result = try? packs.computeDeadline(
            rule, triggerDate: { matter.event($0)?.date }, time: trigger?.time, facts: matter.facts,
            service: trigger?.method)
        return result?.computed.trace ?? []
    }
}
