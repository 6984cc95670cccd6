import Bailiwick
import BailiwickLoading
import Foundation

/// The matter files a command line names: files as given, folders searched (through linked
/// folders) for `.yaml`, `.yml` and `.json` in any case, and every entry of those folders that
/// could not be searched, so that it is reported rather than left out.
struct Caseload {
    struct File {
        let path: String
        /// Found in a folder rather than named on the command line.
        let found: Bool
    }

    var files: [File] = []
    var problems: [Diagnostic] = []

    static let extensions = [".yaml", ".yml", ".json"]

    init(_ paths: [String]) throws {
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                let reason = errno == ENOENT ? "no such file or folder" : InputFile.reason(errno)
                throw Console.invalidInput("\(path): \(reason)")
            }
            guard stat(path, &info) == 0 else {
                throw Console.invalidInput("\(path): \(InputFile.openFailure(errno, path: path))")
            }
            guard FileKind(info.st_mode) == .folder else {
                files.append(File(path: path, found: false))
                continue
            }
            let found = FolderWalk.files(under: path) { FolderWalk.hasExtension($0, in: Self.extensions) }
            files += found.files.map { File(path: $0, found: true) }
            problems += found.problems
        }
    }

    /// Makes sure the report at `output` replaces no matter file, whatever path spells either:
    /// files are compared by device and inode. The target found in a searched folder is left out
    /// when it holds a Bailiwick report (the one this run replaces); otherwise it is refused.
    mutating func excludeOutput(_ output: String) throws {
        guard let target = FileIdentity(path: output) else { return }
        let same = files.indices.filter { FileIdentity(path: files[$0].path) == target }
        for index in same where !files[index].found || !AuditReportFile.holdsReport(at: files[index].path) {
            throw Console.invalidInput(
                "--output \(output) is one of the matter files (\(files[index].path)); choose another file")
        }
        files = files.indices.filter { !same.contains($0) }.map { files[$0] }
    }
}

/// Recognises a report `audit` wrote (JSON, HTML, JUnit or iCalendar), so that a report left in a caseload
/// folder is not read back as a broken matter. Text reports have no mark to tell them by.
enum AuditReportFile {
    static func holdsReport(at path: String) -> Bool {
        guard let text = try? InputFile.text(at: path) else { return false }
        return recognises(text)
    }

    static func recognises(_ text: String) -> Bool {
        let head = text.drop { $0.isWhitespace }
        if head.hasPrefix("{") {
            // A matter file cannot have a schema-version key: it would be an unknown key.
            return head.dropFirst().drop { $0.isWhitespace }.hasPrefix("\"schema-version\"")
                && text.contains("\"summary\"") && text.contains("\"horizon\"")
        }
        if head.hasPrefix("<!DOCTYPE html>") { return text.contains("Bailiwick audit report") }
        if head.hasPrefix("<?xml") { return text.contains("<testsuites name=\"bailiwick audit\"") }
        if head.hasPrefix("BEGIN:VCALENDAR") { return text.contains("PRODID:-//Bailiwick//") }
        return false
    }
}
