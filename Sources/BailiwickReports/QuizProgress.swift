import Bailiwick

/// A trainee's answers kept from quiz to quiz: the results file that `--results FILE` appends to, `--review`
/// reads to ask the misses again, and `quiz --report` sums up for a group.
///
/// The file is JSON Lines, one answer a line, oldest first:
/// `{"question": ID, "lesson": ID without its date, "topic": TOPIC, "jurisdiction": ID, "right": BOOL, "on": DATE}`
/// where `on` is the day the quiz was set on. Nothing else is kept: not the text typed, nor a time of day.
public enum QuizProgress {
    public struct Entry: Sendable, Equatable {
        public let question: String
        public let lesson: String
        public let topic: String
        public let jurisdiction: String
        public let right: Bool
        public let on: CivilDate

        public init(question: String, lesson: String, topic: String, jurisdiction: String, right: Bool, on: CivilDate) {
            self.question = question
            self.lesson = lesson
            self.topic = topic
            self.jurisdiction = jurisdiction
            self.right = right
            self.on = on
        }
    }

    public static func entries(_ grade: QuizGrade, on day: CivilDate) -> [Entry] {
        grade.results.filter { $0.given != nil }.map {
            Entry(
                question: $0.question.id, lesson: $0.question.lesson, topic: $0.question.topic.rawValue,
                jurisdiction: $0.question.jurisdiction, right: $0.correct, on: day)
        }
    }

    /// The lines to append, each ending in a newline.
    public static func lines(_ entries: [Entry]) -> String {
        entries.map { entry in
            let members: [(String, JSONValue)] = [
                ("question", .string(entry.question)), ("lesson", .string(entry.lesson)),
                ("topic", .string(entry.topic)), ("jurisdiction", .string(entry.jurisdiction)),
                ("right", .bool(entry.right)), ("on", .string(entry.on.description)),
            ]
            // One line each: scalars render on one line, so the object is written member by member.
            let body = members.map { "\(JSONValue.string($0.0).rendered(indent: 0)):\($0.1.rendered(indent: 0))" }
            return "{" + body.joined(separator: ",") + "}\n"
        }.joined()
    }

    /// The questions whose last answer was wrong, by the oldest miss not since put right, oldest first.
    public static func missed(_ entries: [Entry]) -> [String] {
        var since: [String: (position: Int, question: String)] = [:]
        for (position, entry) in entries.enumerated() {
            if entry.right {
                since[entry.lesson] = nil
            } else if since[entry.lesson] == nil {
                since[entry.lesson] = (position, entry.question)
            }
        }
        return since.values.sorted { $0.position < $1.position }.map(\.question)
    }

    /// A trainer's summary: by topic, how often a group answered and missed, then the questions most missed.
    public static func report(_ entries: [Entry], files: Int) -> String {
        let missedCount = entries.filter { !$0.right }.count
        var lines: [TerminalText] = [
            "Quiz results: \(files) \(files == 1 ? "file" : "files"), \(entries.count) answers, \(missedCount) missed"
        ]
        guard !entries.isEmpty else { return lines.map(\.rendered).joined(separator: "\n") + "\n" }
        lines.append("")
        var rows: [[String]] = [["Topic", "Answers", "Missed", "Share missed"]]
        let topics = Set(entries.map(\.topic)).sorted { one, other in
            let a = entries.filter { $0.topic == one && !$0.right }.count
            let b = entries.filter { $0.topic == other && !$0.right }.count
            return (b, one) < (a, other)
        }
        for topic in topics {
            let answered = entries.filter { $0.topic == topic }
            let missed = answered.filter { !$0.right }.count
            rows.append([topic, String(answered.count), String(missed), "\(missed * 100 / answered.count)%"])
        }
        let table = TextStyle.table(rows.map { ["  " + $0[0]] + $0.dropFirst() })
        lines.append(TerminalText(trusted: String(table.rendered.dropLast())))
        var byLesson: [String: (asked: Int, missed: Int)] = [:]
        for entry in entries {
            let old = byLesson[entry.lesson] ?? (0, 0)
            byLesson[entry.lesson] = (old.asked + 1, old.missed + (entry.right ? 0 : 1))
        }
        let most = byLesson.filter { $0.value.missed > 0 }
            .sorted { ($1.value.missed, $0.key) < ($0.value.missed, $1.key) }.prefix(10)
        if !most.isEmpty {
            lines.append("")
            lines.append("Most missed")
            for (lesson, tally) in most { lines.append("  \(tally.missed) of \(tally.asked)  \(lesson)") }
        }
        return lines.map(\.rendered).joined(separator: "\n") + "\n"
    }
}
