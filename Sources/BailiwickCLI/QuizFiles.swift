import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The results file of `quiz --results` (its format: `QuizProgress`).
enum QuizResultsFile {
    /// The answers in the file, oldest first; a line that is not an answer stops with its file and line.
    static func read(_ path: String, missingIsEmpty: Bool = false) throws -> [QuizProgress.Entry] {
        if missingIsEmpty, !FileManager.default.fileExists(atPath: path) { return [] }
        let text: String
        do {
            text = try InputFile.text(at: path)
        } catch {
            throw Console.invalidInput("\(error.location.file): \(error.message)")
        }
        var entries: [QuizProgress.Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let question = object["question"] as? String, let topic = object["topic"] as? String,
                let jurisdiction = object["jurisdiction"] as? String, let right = object["right"] as? Bool,
                let on = (object["on"] as? String).flatMap(CivilDate.init)
            else {
                throw Console.invalidInput(
                    "\(path):\(index + 1): expected a quiz answer: {\"question\", \"lesson\", \"topic\", "
                        + "\"jurisdiction\", \"right\", \"on\"}")
            }
            let lesson = object["lesson"] as? String ?? QuizQuestion.lesson(of: question)
            entries.append(
                QuizProgress.Entry(
                    question: question, lesson: lesson, topic: topic, jurisdiction: jurisdiction, right: right, on: on))
        }
        return entries
    }

    /// Adds the answers at the end of the file, creating it if need be.
    static func append(_ entries: [QuizProgress.Entry], to path: String) throws {
        guard !entries.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Console.invalidInput("\(path): cannot write the results: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        do {
            try Console.write(QuizProgress.lines(entries), to: descriptor, what: path)
        } catch {
            throw Console.invalidInput("\(path): cannot write the results: \(error)")
        }
    }
}

/// An audit JSON report (`bailiwick audit --format json`), read for the findings a quiz is built on.
enum QuizAuditFile {
    /// Codes whose remedy is fixed text or the pack's own words: the remedy of any other code may carry a
    /// matter's dates or fact names, so it is left out.
    static let codesWithPackRemedies: Set<String> = [
        "FORM-MISSING", "FORM-LATE", "DEADLINE-MISSED", "DEADLINE-LATE", "WAITING-PERIOD-VIOLATED",
        "SCOPE-PROHIBITED", "SCOPE-NOT-AUTHORIZED", "SCOPE-CONDITION-UNMET",
    ]

    /// The errors and warnings of every matter in the report, with nothing of the client kept.
    static func findings(_ path: String, in packs: PackSet) throws -> [QuizFinding] {
        let text: String
        do {
            text = try InputFile.text(at: path)
        } catch {
            throw Console.invalidInput("\(error.location.file): \(error.message)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let matters = object["matters"] as? [[String: Any]]
        else {
            throw Console.invalidInput("\(path): expected an audit report (bailiwick audit --format json)")
        }
        var findings: [QuizFinding] = []
        for matter in matters {
            guard let jurisdiction = matter["jurisdiction"] as? String, packs.jurisdiction(jurisdiction) != nil
            else { continue }
            // The matter's own words: a remedy that repeats any of them is not used.
            let own = [matter["id"], matter["title"], matter["file"]].compactMap { $0 as? String }.filter {
                !$0.isEmpty
            }
            for finding in matter["findings"] as? [[String: Any]] ?? [] {
                guard let severity = finding["severity"] as? String, severity == "error" || severity == "warning",
                    let code = finding["code"] as? String, FindingCode(rawValue: code) != nil
                else { continue }
                let people = (finding["detail"] as? [String: Any])?["person"] as? String
                let remedy = (finding["remedy"] as? String).flatMap { remedy -> String? in
                    guard codesWithPackRemedies.contains(code) else { return nil }
                    return (own + [people].compactMap { $0 }).contains { remedy.contains($0) } ? nil : remedy
                }
                findings.append(
                    QuizFinding(
                        jurisdiction: jurisdiction, matterType: matter["type"] as? String, code: code,
                        rules: finding["rules"] as? [String] ?? [], form: finding["form"] as? String,
                        deadline: finding["deadline"] as? String, remedy: remedy,
                        citation: (finding["citation"] as? [String: Any])?["text"] as? String))
            }
        }
        return findings
    }
}
