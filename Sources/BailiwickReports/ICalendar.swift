import Bailiwick
import Foundation

/// iCalendar (RFC 5545) output: one all-day event per deadline, with the rule and the trace in
/// its description. Lines end in CRLF and are folded at 75 octets, as the format requires.
public enum ICalendar {
    public static func render(_ items: [DeadlineItem]) -> String {
        document(
            items.map { item in
                var description = [item.headline]
                if let citation = item.citation {
                    description.append("Rule: \(citation.text) (source: \(citation.status.rawValue))")
                }
                description += item.computed.trace.enumerated().map { number, entry in
                    "\(number + 1). \(TraceText.sentence(entry.step))" + (entry.citation.map { " [\($0)]" } ?? "")
                }
                if item.weakestSource != .primary {
                    description.append(
                        "Caution: part of this computation rests on a \(item.weakestSource.rawValue) source.")
                }
                return Event(
                    uid: uid(
                        "\(item.jurisdiction)-\(item.ruleID ?? "period")-\(item.triggerDate.compact)-"
                            + "\(item.computed.date.compact)"
                    ),
                    stamp: item.triggerDate, date: item.computed.date,
                    summary: (item.kind == .waitingPeriod ? "Not before: " : "Due: ") + item.title
                        + " (\(item.jurisdiction))",
                    description: description)
            })
    }

    /// A matter's dated deadline, waiting-period and form findings, as a calendar to import.
    public static func render(_ report: AuditReport) -> String {
        let calendared: Set<FindingCode.Category> = [.deadline, .waitingPeriod, .form]
        let dated = report.findings.filter { $0.date != nil && calendared.contains($0.code.category) }
        return document(
            dated.map { finding in
                let subject = FindingText.subject(finding)
                let remedy = FindingText.remedy(finding)
                var description = [FindingText.message(finding)]
                if let citation = finding.citation {
                    description.append("Rule: \(citation.text) (source: \(citation.status.rawValue))")
                }
                if !remedy.isEmpty { description.append("What to do: \(remedy)") }
                let about = FindingText.source(finding) ?? subject
                return Event(
                    uid: uid("\(report.matter.id)-\(finding.code.rawValue)-\(about)-\(finding.date!.compact)"),
                    stamp: report.asOf, date: finding.date!,
                    summary: "\(subject) [\(finding.code.rawValue)] (\(report.matter.id))",
                    description: description)
            })
    }

    /// A UID of letters, digits and hyphens only: it is written unescaped, and a matter id or a
    /// person's name must not be able to add lines to the calendar.
    private static func uid(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-"
            })
    }

    private struct Event {
        let uid: String
        /// A fixed stamp derived from the inputs keeps the file byte-for-byte reproducible.
        let stamp: CivilDate
        let date: CivilDate
        let summary: String
        let description: [String]
    }

    private static func document(_ events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bailiwick//Deadlines//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(event.uid)@bailiwick",
                "DTSTAMP:\(event.stamp.compact)T000000Z",
                "DTSTART;VALUE=DATE:\(event.date.compact)",
                // DTEND is the day after; 9999-12-31 has none, and a date alone lasts one day (RFC 5545 3.6.1).
                (try? event.date.adding(days: 1)).map { "DTEND;VALUE=DATE:\($0.compact)" } ?? "DURATION:P1D",
                "SUMMARY:" + escape(event.summary),
                "DESCRIPTION:" + escape((event.description + [DecisionText.disclaimer]).joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
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
