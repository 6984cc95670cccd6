import Bailiwick
import Foundation

/// iCalendar (RFC 5545) output: one all-day event per deadline, with the rule and the trace in
/// its description. Lines end in CRLF and are folded at 75 octets, as the format requires.
enum ICalendar {
    static func render(_ items: [DeadlineItem]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bailiwick//Deadlines//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        for item in items {
            let date = item.computed.date
            var description = [item.headline]
            if let citation = item.citation { description.append("Rule: \(citation.text) (source: \(citation.status.rawValue))") }
            description += item.computed.trace.enumerated().map { "\($0 + 1). \($1.text)" + ($1.citation.map { " [\($0)]" } ?? "") }
            if item.weakestSource != .primary {
                description.append("Caution: part of this computation rests on a \(item.weakestSource.rawValue) source.")
            }
            description.append(DecisionText.disclaimer)
            lines += [
                "BEGIN:VEVENT",
                "UID:\(item.jurisdiction)-\(item.ruleID ?? "period")-\(item.triggerDate.compact)-\(date.compact)@bailiwick",
                // A fixed stamp derived from the inputs keeps the file byte-for-byte reproducible.
                "DTSTAMP:\(item.triggerDate.compact)T000000Z",
                "DTSTART;VALUE=DATE:\(date.compact)",
                "DTEND;VALUE=DATE:\(date.adding(days: 1).compact)",
                "SUMMARY:" + escape((item.kind == .waitingPeriod ? "Not before: " : "Due: ") + item.title + " (\(item.jurisdiction))"),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping of RFC 5545 section 3.3.11.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case "\r": continue
            default: output.append(character)
            }
        }
        return output
    }

    /// Folds a content line into lines of at most 75 octets, never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
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
    var compact: String { description.replacingOccurrences(of: "-", with: "") }
}
