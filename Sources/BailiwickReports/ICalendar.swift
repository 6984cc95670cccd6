import Bailiwick
import Foundation

/// What a calendar export carries besides the dates: its reminders, whether client names go in,
/// and the export it replaces (docs/calendar.md).
public struct CalendarOptions: Sendable {
    public static let defaultReminders = [7, 1]
    /// The most days before a date a reminder may be set: a year.
    public static let maximumReminder = 366

    /// Days before each date, largest first, without repeats; empty for no reminders.
    public var reminders: [Int]
    /// Matter titles and people's names are client data: they go in only when asked for.
    public var names: Bool
    /// The calendar exported last time: its events' SEQUENCE numbers are carried on and raised.
    public var previous: PreviousCalendar?

    public init(reminders: [Int] = defaultReminders, names: Bool = false, previous: PreviousCalendar? = nil) {
        self.reminders = Array(Set(reminders)).sorted(by: >)
        self.names = names
        self.previous = previous
    }
}

/// One all-day event, before it is written.
struct CalendarEvent {
    enum Status: String {
        case confirmed = "CONFIRMED"
        /// A "possible" date: it depends on a fact the file does not give.
        case tentative = "TENTATIVE"
        /// Met, filed or withdrawn: kept so that a calendar which imported it drops it.
        case cancelled = "CANCELLED"
    }

    /// Letters, digits and hyphens, from what the event is about and never from its date.
    let uid: String
    let date: CivilDate
    let summary: String
    let description: [String]
    let status: Status
    /// Days before `date` to remind, those already past left out.
    let reminders: [Int]
}

/// iCalendar (RFC 5545) output: one all-day event per deadline, waiting period or form due date,
/// with the rule and the trace in its description. Lines end in CRLF and are folded at 75
/// octets, as the format requires. DTSTAMP comes from the inputs (the audit's as-of date, the
/// trigger date), never the clock, so the same inputs give the same file byte for byte.
public enum ICalendar {
    public static let header = lines([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bailiwick//Deadlines//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ])
    public static let footer = lines(["END:VCALENDAR"])

    /// Computed deadlines. The UID names the jurisdiction, the rule (or the period) and the
    /// trigger date, which is the question asked; the computed date, the answer, is left out.
    public static func render(_ items: [DeadlineItem], options: CalendarOptions = CalendarOptions()) -> String {
        var text = header
        for item in items {
            var description = [item.headline]
            if let citation = item.citation {
                description.append(
                    "Rule: \(item.ruleID ?? "") - \(citation.text) (source: \(citation.status.rawValue))")
            }
            description += traceLines(item.computed.trace)
            description += item.computed.closureWarnings.map {
                "Caution: " + ClosureWarningText.sentence($0, kind: item.kind)
            }
            if item.weakestSource != .primary {
                description.append(
                    "Caution: part of this computation rests on a \(item.weakestSource.rawValue) source.")
            }
            let what = item.ruleID ?? "\(item.period)-\(item.direction == .after ? "after" : "before")"
            let event = CalendarEvent(
                uid: uid("\(item.jurisdiction)-\(what)-\(item.triggerDate.compact)"), date: item.computed.date,
                summary: (item.kind == .waitingPeriod ? "Not before: " : "Due: ") + item.title
                    + " (\(item.jurisdiction))",
                description: description,
                // A variant that may apply, by a fact not given, makes the date a possible one.
                status: item.alternatives.contains { !$0.unknownFacts.isEmpty } ? .tentative : .confirmed,
                reminders: reminders(options.reminders, before: item.computed.date, from: item.triggerDate))
            text += render(event, stamp: item.triggerDate, previous: options.previous)
        }
        return text + footer
    }

    /// The numbered steps of a date's computation, each with its rule.
    static func traceLines(_ trace: [TraceEntry]) -> [String] {
        guard !trace.isEmpty else { return [] }
        return ["How the date was counted:"]
            + trace.enumerated().map { number, entry in
                "\(number + 1). \(TraceText.sentence(entry.step))" + (entry.citation.map { " [\($0)]" } ?? "")
            }
    }

    /// The reminders to set for a date: those that would go off before `from` are left out, so a
    /// past date gets none.
    static func reminders(_ days: [Int], before date: CivilDate, from: CivilDate) -> [Int] {
        days.filter { date.dayNumber - $0 >= from.dayNumber }
    }

    /// One event's lines, with its SEQUENCE carried on from the previous export and raised when
    /// its date, status or title changed.
    static func render(_ event: CalendarEvent, stamp: CivilDate, previous: PreviousCalendar?) -> String {
        let summary = escape(event.summary)
        let start = event.date.compact
        let sequence =
            previous?.sequence(
                of: event.uid,
                now: PreviousCalendar.fingerprint(start: start, status: event.status.rawValue, summary: summary)
            ) ?? 0
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(event.uid)@bailiwick",
            "DTSTAMP:\(stamp.compact)T000000Z",
            "SEQUENCE:\(sequence)",
            "DTSTART;VALUE=DATE:\(start)",
            // DTEND is the day after; 9999-12-31 has none, and a date alone lasts one day (RFC 5545 3.6.1).
            (try? event.date.adding(days: 1)).map { "DTEND;VALUE=DATE:\($0.compact)" } ?? "DURATION:P1D",
            "SUMMARY:" + summary,
            "DESCRIPTION:" + escape((event.description + [DecisionText.disclaimer]).joined(separator: "\n")),
            "STATUS:\(event.status.rawValue)",
            "TRANSP:TRANSPARENT",
        ]
        for days in event.status == .cancelled ? [] : event.reminders {
            lines += [
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + summary, "TRIGGER:-P\(days)D", "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return Self.lines(lines)
    }

    /// Folded lines, each ended by CRLF.
    static func lines(_ lines: [String]) -> String {
        lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A UID of letters, digits and hyphens only: it is written unescaped, and a matter id or a
    /// person's name must not be able to add lines to the calendar.
    static func uid(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-"
            })
    }

    /// TEXT escaping of RFC 5545 section 3.3.11.
    public static func escape(_ text: String) -> String {
        var output = ""
        // By scalar, so that a CR LF pair (one Character) is seen; other control characters and
        // bidirectional overrides are dropped.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case _ where scalar.properties.generalCategory == .control || TerminalEscape.isUnsafe(scalar): continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Folds a content line into lines of at most 75 octets, never splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        var first = true
        for character in line {
            let size = String(character).utf8.count
            let limit = first ? 75 : 74
            if current + size > limit {
                result += "\r\n "
                current = 0
                first = false
            }
            result.append(character)
            current += size
        }
        return result
    }
}

extension CivilDate {
    /// `YYYYMMDD`, as iCalendar writes dates.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }
}
