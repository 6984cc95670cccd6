import Bailiwick

/// Prints diagnostics as compilers do: `path:line:col: error: message`, then the source line
/// and a caret under the column.
public struct DiagnosticRenderer {
    private var linesByFile: [String: [Substring]] = [:]

    /// `sources` maps a display path to the file's text; files not given print without context.
    public init(sources: [String: String]) {
        for (path, text) in sources {
            linesByFile[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
    }

    public init(files: [PackFile]) {
        self.init(sources: Dictionary(files.map { ($0.displayPath, $0.text) }, uniquingKeysWith: { first, _ in first }))
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var output = diagnostic.description
        let location = diagnostic.location
        guard let lines = linesByFile[location.file], location.line >= 1, location.line <= lines.count else {
            return output
        }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        let prefix = line.unicodeScalars.prefix(max(0, location.column - 1))
        let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
        output += "\n    \(line)\n    \(padding)^"
        return output
    }

    public func render(_ list: DiagnosticList) -> String {
        list.diagnostics.map(render).joined(separator: "\n")
    }
}
