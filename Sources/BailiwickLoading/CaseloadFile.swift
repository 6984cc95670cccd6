import Bailiwick

/// One matter file of a caseload, read as every caseload reader reads it: `bailiwick audit DIR`,
/// `audit --since`, `diff --caseload` and `serve --caseload` walk folders and read files here, so a
/// file is a matter, a report left behind or a broken file the same way everywhere.
public enum CaseloadFile {
    /// The names a folder's matter files may have, in any case.
    public static let extensions = [".yaml", ".yml", ".json"]

    /// What a file holds.
    public enum Content: Sendable {
        /// A matter, with the text it was loaded from (the journal records its digest).
        case matter(Matter, text: String)
        /// A Bailiwick report a previous run left in a searched folder: not a matter, so not audited.
        case report
        /// The file's problems, with places and keys only: never its values.
        case unreadable(DiagnosticList)
    }

    /// The files under `folder` that may be matter files, and each entry that could not be searched.
    public static func walk(_ folder: String) -> FolderWalk.Result {
        FolderWalk.files(under: folder) { FolderWalk.hasExtension($0, in: extensions) }
    }

    /// Reads and loads the file at `path`. `name` is what diagnostics and the matter call the file
    /// (a path relative to the caseload, say); `found` says it was found in a folder rather than
    /// named, for a report is passed over only where it was found.
    public static func read(_ path: String, name: String? = nil, found: Bool, packs: PackSet) -> Content {
        let name = name ?? path
        let text: String
        do throws(Diagnostic) {
            text = try InputFile.text(at: path)
        } catch {
            let location = SourceLocation(file: name, line: error.location.line, column: error.location.column)
            return .unreadable(DiagnosticList([Diagnostic(error.severity, at: location, error.message)]))
        }
        if AuditReportFile.recognises(text) {
            guard found else {
                let start = SourceLocation(file: name, line: 1, column: 1)
                return .unreadable(
                    DiagnosticList([Diagnostic(at: start, "this is a Bailiwick audit report, not a matter file")]))
            }
            return .report
        }
        do throws(DiagnosticList) {
            return .matter(try MatterLoader.load(text: text, file: name, packs: packs), text: text)
        } catch {
            return .unreadable(error)
        }
    }
}

/// Recognises a report `audit` wrote (JSON, HTML, JUnit or iCalendar), so that a report left in a caseload
/// folder is not read back as a broken matter. Text reports have no mark to tell them by.
public enum AuditReportFile {
    public static func holdsReport(at path: String) -> Bool {
        guard let text = try? InputFile.text(at: path) else { return false }
        return recognises(text)
    }

    public static func recognises(_ text: String) -> Bool {
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
