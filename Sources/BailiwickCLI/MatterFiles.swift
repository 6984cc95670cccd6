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
            let found = CaseloadFile.walk(path)
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
