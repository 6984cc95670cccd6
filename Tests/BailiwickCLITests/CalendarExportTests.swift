import Foundation
import Testing

/// `audit --format ics` and `deadlines --format ics`: events a calendar keeps, updates and cancels.
///
/// The caseload in Tests/GoldenInputs/calendar-before (as of Friday 2026-05-15) holds three federal answers; the
/// answer is due 21 days after service (Fed. R. Civ. P. 12(a)(1)(A)(i)), counted under Rule 6(a)(1): the day of
/// service is left out, every day counts, and a last day on a weekend or legal holiday runs to the next day.
/// - US-TEST-A: served Monday 2026-05-04; + 21 = Monday 2026-05-25, Memorial Day (the last Monday of May,
///   Rule 6(a)(6)(A)), so Tuesday 2026-05-26.
/// - US-TEST-B: served Wednesday 2026-05-06; + 21 = Wednesday 2026-05-27.
/// - US-TEST-C: served Tuesday 2026-05-05; + 21 = Tuesday 2026-05-26; the file does not say whether service was
///   waived (60 days after the request, 12(a)(1)(A)(ii)), so the date is a possible one.
/// In calendar-after, A's answer is filed on 2026-05-20 (met), and B's service is corrected to Thursday
/// 2026-05-07, so its answer moves to Thursday 2026-05-28; C is unchanged.
struct CalendarExportTests {
    static let before = PackVerbTests.repository.appendingPathComponent("Tests/GoldenInputs/calendar-before").path
    static let after = PackVerbTests.repository.appendingPathComponent("Tests/GoldenInputs/calendar-after").path
    static func uid(_ matter: String) -> String { "\(matter)-deadline-answer-to-complaint@bailiwick" }

    @Test func auditWritesAllDayEventsWithRemindersAStandardParserAccepts() throws {
        let result = try CLI.run(["audit", Self.before, "--format", "ics"])
        #expect(result.status == 0)
        let calendar = try StrictICalendar(result.stdout)
        #expect(calendar.events.count == 3)
        let a = try #require(calendar.event(Self.uid("US-TEST-A")))
        #expect(a["DTSTART;VALUE=DATE"] == ["20260526"])
        #expect(a["DTEND;VALUE=DATE"] == ["20260527"])
        #expect(a["DTSTAMP"] == ["20260515T000000Z"])
        #expect(a["SUMMARY"] == ["US-TEST-A: Due: Answer to a complaint"])
        #expect(a["STATUS"] == ["CONFIRMED"])
        #expect(a["SEQUENCE"] == ["0"])
        #expect(a.alarms == ["-P7D", "-P1D"])
        let description = try #require(a["DESCRIPTION"]?.first)
        #expect(description.contains("Rule: answer-to-complaint - Fed. R. Civ. P. 12(a)(1)"))
        #expect(description.contains("How the date was counted:\\n1. "))
        #expect(calendar.event(Self.uid("US-TEST-B"))?["DTSTART;VALUE=DATE"] == ["20260527"])
        let c = try #require(calendar.event(Self.uid("US-TEST-C")))
        #expect(c["STATUS"] == ["TENTATIVE"])
        #expect(c["DTSTART;VALUE=DATE"] == ["20260526"])
    }

    @Test func aReExportUpdatesAndCancelsInsteadOfDuplicating() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old.ics").path
        #expect(try CLI.run(["audit", Self.before, "--format", "ics", "--output", old]).status == 0)
        let result = try CLI.run(["audit", Self.after, "--format", "ics", "--previous", old])
        #expect(result.status == 0)
        let first = try StrictICalendar(String(contentsOfFile: old, encoding: .utf8))
        let second = try StrictICalendar(result.stdout)
        #expect(Set(second.events.map(\.uid)) == Set(first.events.map(\.uid)))
        let met = try #require(second.event(Self.uid("US-TEST-A")))
        #expect(met["STATUS"] == ["CANCELLED"])
        #expect(met["SEQUENCE"] == ["1"])
        #expect(met.alarms.isEmpty)
        let moved = try #require(second.event(Self.uid("US-TEST-B")))
        #expect(moved["DTSTART;VALUE=DATE"] == ["20260528"])
        #expect(moved["SEQUENCE"] == ["1"])
        #expect(second.event(Self.uid("US-TEST-C"))?["SEQUENCE"] == ["0"])
        // Exported again against the new file, nothing changed: the numbers stay.
        let new = folder.appendingPathComponent("new.ics").path
        try result.stdout.write(toFile: new, atomically: true, encoding: .utf8)
        let third = try StrictICalendar(
            try CLI.run(["audit", Self.after, "--format", "ics", "--previous", new]).stdout)
        #expect(third.events.map { $0["SEQUENCE"] } == second.events.map { $0["SEQUENCE"] })
    }

    @Test func anEventNoLongerInTheAuditIsCancelledUnlessAFileCouldNotBeRead() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old.ics").path
        #expect(try CLI.run(["audit", Self.before, "--format", "ics", "--output", old]).status == 0)
        let matters = folder.appendingPathComponent("matters")
        try FileManager.default.createDirectory(at: matters, withIntermediateDirectories: true)
        for name in ["us-test-a.yaml", "us-test-c.yaml"] {
            try FileManager.default.copyItem(
                atPath: Self.before + "/" + name, toPath: matters.appendingPathComponent(name).path)
        }
        let withdrawn = try StrictICalendar(
            try CLI.run(["audit", matters.path, "--format", "ics", "--previous", old]).stdout)
        let b = try #require(withdrawn.event(Self.uid("US-TEST-B")))
        #expect(b["STATUS"] == ["CANCELLED"])
        #expect(b["SEQUENCE"] == ["1"])
        #expect(b["DTSTART;VALUE=DATE"] == ["20260527"])
        // A broken file may be B: nothing is cancelled, and the command fails.
        try "id: [".write(to: matters.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["audit", matters.path, "--format", "ics", "--previous", old])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.yaml could not be read"))
        #expect(try StrictICalendar(broken.stdout).event(Self.uid("US-TEST-B")) == nil)
    }

    @Test func remindersAreConfigurableAndNoneIsPast() throws {
        // B is due 2026-05-27: 14 days before is 2026-05-13, before the as-of date 2026-05-15, so it is left out.
        let three = try StrictICalendar(
            try CLI.run(["audit", Self.before, "--format", "ics", "--reminders", "14,7,1"]).stdout)
        #expect(three.event(Self.uid("US-TEST-B"))?.alarms == ["-P7D", "-P1D"])
        // Seen from 2026-05-01, all three are ahead.
        let early = try StrictICalendar(
            try CLI.run(["audit", Self.before, "--format", "ics", "--reminders", "1,14,7", "--as-of", "2026-05-01"])
                .stdout)
        #expect(early.event(Self.uid("US-TEST-B"))?.alarms == ["-P14D", "-P7D", "-P1D"])
        let none = try StrictICalendar(
            try CLI.run(["audit", Self.before, "--format", "ics", "--reminders", "none"]).stdout)
        #expect(none.events.allSatisfy { $0.alarms.isEmpty })
        // A date already past gets no reminder: as of 2026-06-01 every answer date is behind.
        let late = try StrictICalendar(
            try CLI.run(["audit", Self.before, "--format", "ics", "--as-of", "2026-06-01"]).stdout)
        #expect(late.events.count == 3)
        #expect(late.events.allSatisfy { $0.alarms.isEmpty })
    }

    @Test func namesAreLeftOutUnlessAskedFor() throws {
        let plain = try CLI.run(["audit", Self.before, "--format", "ics"]).stdout
        for name in ["Calendar Test Holdings", "Quill", "Mei Tanaka"] { #expect(!plain.contains(name)) }
        let named = try StrictICalendar(try CLI.run(["audit", Self.before, "--format", "ics", "--names"]).stdout)
        let a = try #require(named.event(Self.uid("US-TEST-A")))
        #expect(a["SUMMARY"] == ["US-TEST-A (Calendar Test Holdings LLC v. Quill): Due: Answer to a complaint"])
        #expect(a["DESCRIPTION"]?.first?.contains("People: Mei Tanaka (technician)\\, Ada Quill (client)") == true)
    }

    @Test func badCalendarOptionsAreRefused() throws {
        let yaml = Self.before + "/us-test-a.yaml"
        let notCalendar = try CLI.run(["audit", Self.before, "--format", "ics", "--previous", yaml])
        #expect(notCalendar.status == 2)
        #expect(notCalendar.stderr.contains("us-test-a.yaml:1: this is not an iCalendar file"))
        #expect(!notCalendar.stderr.contains("Quill"))
        #expect(try CLI.run(["audit", Self.before, "--format", "ics", "--reminders", "7,x"]).status == 2)
        #expect(try CLI.run(["audit", Self.before, "--format", "ics", "--reminders", "400"]).status == 2)
        let wrongFormat = try CLI.run(["audit", Self.before, "--reminders", "7"])
        #expect(wrongFormat.status == 2)
        #expect(wrongFormat.stderr.contains("are for --format ics"))
    }

    @Test func deadlinesWritesTheCalendarToAFileWithAUIDWithoutTheDate() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("answer.ics").path
        let result = try CLI.run([
            "deadlines", "-j", "us", "--rule", "answer-to-complaint", "--from", "2026-05-04", "--fact",
            "waiver-of-service=false", "--fact", "united-states-party=false", "--format", "ics", "--output", file,
        ])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let calendar = try StrictICalendar(String(contentsOfFile: file, encoding: .utf8))
        // 2026-05-04 + 21 = Memorial Day 2026-05-25, so Tuesday 2026-05-26 (see the suite's comment).
        let event = try #require(calendar.event("us-answer-to-complaint-20260504@bailiwick"))
        #expect(event["DTSTART;VALUE=DATE"] == ["20260526"])
        #expect(event.alarms == ["-P7D", "-P1D"])
    }
}

/// A strict reader of the iCalendar the tests check: every line ends in CRLF and has at most 75 octets, folds
/// are undone (RFC 5545 3.1), components nest and close, and each event has the properties RFC 5545 3.6.1
/// requires (UID, DTSTAMP, DTSTART), each once. .ci/calendar-check parses the same outputs with Python's
/// `icalendar` package.
struct StrictICalendar {
    struct Event {
        let properties: [(name: String, value: String)]
        let alarms: [String]
        var uid: String { self["UID"]?.first ?? "" }
        subscript(name: String) -> [String]? {
            let values = properties.filter { $0.name == name }.map(\.value)
            return values.isEmpty ? nil : values
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let events: [Event]

    func event(_ uid: String) -> Event? { events.first { $0.uid == uid } }

    init(_ text: String) throws {
        guard text.hasSuffix("\r\n") else { throw Malformed(description: "does not end in CRLF") }
        var physical = text.components(separatedBy: "\r\n")
        physical.removeLast()
        var lines: [String] = []
        for line in physical {
            guard !line.contains("\n"), !line.contains("\r") else { throw Malformed(description: "a bare LF or CR") }
            guard line.utf8.count <= 75 else { throw Malformed(description: "a line of \(line.utf8.count) octets") }
            if line.hasPrefix(" ") {
                guard !lines.isEmpty else { throw Malformed(description: "a fold before any line") }
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        guard lines.first == "BEGIN:VCALENDAR", lines.last == "END:VCALENDAR" else {
            throw Malformed(description: "not one VCALENDAR")
        }
        var stack: [String] = []
        var events: [Event] = []
        var properties: [(String, String)] = []
        var alarms: [String] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "no colon: \(line)") }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...])
            switch name {
            case "BEGIN": stack.append(value)
            case "END":
                guard stack.popLast() == value else { throw Malformed(description: "END:\(value) out of place") }
                if value == "VEVENT" {
                    let event = Event(properties: properties, alarms: alarms)
                    for required in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE"] where event[required]?.count != 1 {
                        throw Malformed(description: "an event without exactly one \(required)")
                    }
                    events.append(event)
                    properties = []
                    alarms = []
                }
            default:
                if stack.last == "VEVENT" { properties.append((name, value)) }
                if stack.last == "VALARM", name == "TRIGGER" { alarms.append(value) }
            }
        }
        guard stack.isEmpty else { throw Malformed(description: "unclosed \(stack)") }
        self.events = events
    }
}
