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
        // A very long line (minified or hostile input) is shown as a window around the column.
        var scalars = Array(line.unicodeScalars)
        var column = max(0, location.column - 1)
        let width = 120
        if scalars.count > width {
            let start = max(0, min(column - width / 2, scalars.count - width))
            let end = min(scalars.count, start + width)
            let head: [Unicode.Scalar] = start > 0 ? ["…"] : []
            let tail: [Unicode.Scalar] = end < scalars.count ? ["…"] : []
            scalars = head + Array(scalars[start..<end]) + tail
            column = column - start + head.count
        }
        let shown = String(String.UnicodeScalarView(scalars))
        let padding = String(String.UnicodeScalarView(scalars.prefix(min(column, scalars.count)).map { $0 == "\t" ? "\t" : " " }))
        output += "\n    \(shown)\n    \(padding)^"
        return output
    }

    public func render(_ list: DiagnosticList) -> String {
        list.diagnostics.map(render).joined(separator: "\n")
    }
}
