import Bailiwick

/// The events of a calendar Bailiwick exported before (`--previous`): a re-export keeps their
/// UIDs, raises the SEQUENCE of each whose date, status or title changed, and cancels those no
/// longer in the audit, so a calendar that imported the old file updates instead of duplicating.
/// Only what these need is kept: the raw (escaped) values of a few properties. Errors name a
/// line and never quote the file, which holds client data when it was exported with names.
public struct PreviousCalendar: Sendable {
    public struct Event: Sendable {
        public let uid: String
        public let sequence: Int
        let stamp: String?
        let start: String
        let end: String?
        let summary: String
        let status: String

        var fingerprint: String { PreviousCalendar.fingerprint(start: start, status: status, summary: summary) }
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// By UID, without its `@bailiwick`.
    public let events: [String: Event]

    public init(parsing text: String) throws(Problem) {
        var events: [String: Event] = [:]
        var current: [String: String]?
        var depth = 0
        var sawCalendar = false
        var eventLine = 0
        for (number, line) in Self.unfolded(text) {
            let name = line.prefix { $0 != ":" && $0 != ";" }.uppercased()
            let value = line.firstIndex(of: ":").map { String(line[line.index(after: $0)...]) } ?? ""
            if !sawCalendar {
                guard name == "BEGIN", value == "VCALENDAR" else {
                    throw Problem(line: number, message: "this is not an iCalendar file (no BEGIN:VCALENDAR)")
                }
                sawCalendar = true
                continue
            }
            switch name {
            case "BEGIN":
                depth += 1
                if value == "VEVENT" && depth == 1 {
                    current = [:]
                    eventLine = number
                }
            case "END":
                if value == "VEVENT" && depth == 1, let properties = current {
                    let event = try Self.event(properties, line: eventLine)
                    guard events[event.uid] == nil else {
                        throw Problem(line: eventLine, message: "a second event has the same UID")
                    }
                    events[event.uid] = event
                    current = nil
                }
                depth -= 1
            default:
                // The event's own properties only, not its alarms'.
                if depth == 1, current != nil, current?[name] == nil { current?[name] = value }
            }
        }
        guard sawCalendar else { throw Problem(line: 1, message: "this is not an iCalendar file (it is empty)") }
        guard depth == -1 else { throw Problem(line: 1, message: "the calendar is not complete (no END:VCALENDAR)") }
        self.events = events
    }

    private static func event(_ properties: [String: String], line: Int) throws(Problem) -> Event {
        guard let full = properties["UID"], !full.isEmpty else {
            throw Problem(line: line, message: "an event has no UID")
        }
        guard let start = properties["DTSTART"] else { throw Problem(line: line, message: "an event has no DTSTART") }
        let sequence = properties["SEQUENCE"].map { Int($0) } ?? 0
        guard let sequence, sequence >= 0, sequence < Int(Int32.max) else {
            throw Problem(line: line, message: "an event's SEQUENCE is not a whole number")
        }
        let uid = full.hasSuffix("@bailiwick") ? String(full.dropLast("@bailiwick".count)) : full
        return Event(
            uid: uid, sequence: sequence, stamp: properties["DTSTAMP"], start: start, end: properties["DTEND"],
            summary: properties["SUMMARY"] ?? "", status: properties["STATUS"] ?? "CONFIRMED")
    }

    /// Content lines with their folds undone (RFC 5545 3.1), each with the number of its first line.
    private static func unfolded(_ text: String) -> [(Int, String)] {
        var lines: [(Int, String)] = []
        let physical = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0.last == "\r" ? $0.dropLast() : $0[...]))
        }
        for (index, line) in physical.enumerated() {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].1 += line.dropFirst()
            } else if !line.isEmpty {
                lines.append((index + 1, line))
            }
        }
        return lines
    }

    /// What, when it changes, makes an event an update: the date, the status and the title.
    static func fingerprint(start: String, status: String, summary: String) -> String {
        "\(start)|\(status)|\(summary)"
    }

    /// The SEQUENCE for an event now written with `fingerprint`: 0 when new, the old one when
    /// unchanged, one more when changed.
    func sequence(of uid: String, now fingerprint: String) -> Int {
        guard let old = events[uid] else { return 0 }
        return old.fingerprint == fingerprint ? old.sequence : old.sequence + 1
    }

    /// The previous events not written again, cancelled, by UID. One already cancelled is left
    /// out: the calendar that imported it has dropped it.
    func withdrawn(keeping written: Set<String>, stamp: CivilDate?) -> String {
        events.values.filter { !written.contains($0.uid) && $0.status != "CANCELLED" }.sorted { $0.uid < $1.uid }
            .map { event in
                ICalendar.lines(
                    [
                        "BEGIN:VEVENT", "UID:\(ICalendar.uid(event.uid))@bailiwick",
                        "DTSTAMP:" + (stamp.map { "\($0.compact)T000000Z" } ?? event.stamp ?? "19700101T000000Z"),
                        "SEQUENCE:\(event.sequence + 1)", "DTSTART;VALUE=DATE:\(ICalendar.uid(event.start))",
                    ] + (event.end.map { ["DTEND;VALUE=DATE:\(ICalendar.uid($0))"] } ?? [])
                        + [
                            // Already escaped, as it was read.
                            "SUMMARY:" + event.summary,
                            "DESCRIPTION:"
                                + ICalendar.escape(
                                    "No longer in the audit: the matter, the deadline or the form was withdrawn."),
                            "STATUS:CANCELLED", "TRANSP:TRANSPARENT", "END:VEVENT",
                        ])
            }.joined()
    }
}
