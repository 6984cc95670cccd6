import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

/// `bailiwick audit --ask FILE`: asks, one at a time, for each fact the matter's audit lacks, and
/// writes each answer into the file's `facts:` as it is given (so stopping keeps the answers so far),
/// then leaves the audit itself to the command.
enum AuditAsk {
    static func run(paths: [String], packs: PackSet, request: AuditRequest, piped: Bool) throws {
        guard paths.count == 1, let path = paths.first else {
            throw Console.invalidInput("--ask completes one matter file at a time; give exactly one file")
        }
        var info = stat()
        if stat(path, &info) == 0, FileKind(info.st_mode) == .folder {
            throw Console.invalidInput("--ask completes one matter file, not a caseload folder: \(path)")
        }
        // Answers typed at a terminal, or piped on purpose: a script's stray input never edits a file.
        guard piped || isatty(STDIN_FILENO) == 1 else {
            throw Console.invalidInput(
                "--ask asks on a terminal and standard input is not one; add --ask-stdin to read the answers from it")
        }
        let today = CivilDate.todayUTC
        var written = 0
        while true {
            let text: String
            do throws(Diagnostic) {
                text = try InputFile.text(at: path)
            } catch {
                throw Console.invalidInput(error.description)
            }
            // A file that does not load is left to the audit, which reports where it is wrong.
            guard let matter = try? MatterLoader.load(text: text, file: path, packs: packs) else { break }
            let report = request.audit(matter, in: packs, today: today)
            guard let fact = FactQuestion.missing(in: report, packs: packs).first,
                let value = FactPrompt.ask(fact)?.value
            else { break }
            let edited: String
            do throws(MatterFactsEdit.Problem) {
                edited = try MatterFactsEdit.setting(fact.id, to: value, in: text)
            } catch {
                throw Console.invalidInput("\(path): cannot write \(fact.id) into the file: \(error.message)")
            }
            // The edit must read back as the answer, or the file is left as it was.
            let reread = try? MatterLoader.load(text: edited, file: path, packs: packs)
            guard let reread, reread.facts[fact.slot] == value else {
                throw Console.invalidInput(
                    "\(path): cannot write \(fact.id) into the file: the edited file would not read back; "
                        + "add it by hand")
            }
            do {
                try Data(edited.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw Console.invalidInput("\(path): could not be written: \(error.localizedDescription)")
            }
            written += 1
        }
        if written > 0 { Console.error("wrote \(written) answer\(written == 1 ? "" : "s") to \(path)") }
    }
}
