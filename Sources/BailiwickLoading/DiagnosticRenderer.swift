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

    /// The message and the source line come from input: both are shown through `TerminalEscape`,
    /// and the caret is placed under the escaped column.
    public func render(_ diagnostic: Diagnostic) -> String {
        var output = TerminalEscape.escape(diagnostic.description)
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
        var head = ""
        var tail = ""
        if scalars.count > width {
            let start = max(0, min(column - width / 2, scalars.count - width))
            let end = min(scalars.count, start + width)
            head = start > 0 ? "…" : ""
            tail = end < scalars.count ? "…" : ""
            scalars = Array(scalars[start..<end])
            column -= start
        }
        var shown = head
        var padding = String(repeating: " ", count: head.count)
        for (index, scalar) in scalars.enumerated() {
            // A tab is shown as a tab, so that the caret lines up with what the terminal shows.
            let text = scalar == "\t" ? "\t" : TerminalEscape.escape(String(scalar))
            shown += text
            if index < column {
                padding += scalar == "\t" ? "\t" : String(repeating: " ", count: text.unicodeScalars.count)
            }
        }
        output += "\n    \(shown + tail)\n    \(padding)^"
        return output
    }

    public func render(_ list: DiagnosticList) -> String {
        list.diagnostics.map(render).joined(separator: "\n")
    }
}
