import Bailiwick
import Foundation

/// Terminal styling: colour only when writing to a terminal and `NO_COLOR` is not set.
public struct TextStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public static let standardOutput = TextStyle(
        enabled: isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    )

    public static let plain = TextStyle(enabled: false)

    public enum Colour: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case green = "1;32"
        case yellow = "1;33"
    }

    /// `text` in `colour`: values inside it are already escaped.
    private func wrap(_ text: TerminalText, _ colour: Colour) -> TerminalText {
        var output: TerminalText = ""
        append(colour, to: &output) { $0 += text }
        return output
    }

    private static let reset = TerminalText(trusted: "\u{1B}[0m")

    public func bold(_ text: TerminalText) -> TerminalText { wrap(text, .bold) }
    public func dim(_ text: TerminalText) -> TerminalText { wrap(text, .dim) }
    public func red(_ text: TerminalText) -> TerminalText { wrap(text, .red) }
    public func green(_ text: TerminalText) -> TerminalText { wrap(text, .green) }
    public func yellow(_ text: TerminalText) -> TerminalText { wrap(text, .yellow) }

    /// What `write` appends to `output`, in `colour`, written straight into the report: the only
    /// place escape sequences are written.
    public func append(
        _ colour: Colour, to output: inout TerminalText, _ write: (inout TerminalText) -> Void
    ) {
        if enabled { output += TerminalText(trusted: "\u{1B}[\(colour.rawValue)m") }
        write(&output)
        if enabled { output += Self.reset }
    }

    /// Aligns all columns but the last, each line starting with `indent`. Every cell is a value,
    /// escaped before it is measured. Written into one text: a caseload's table has a row a matter.
    public static func table(_ cells: [[String]], indent: TerminalText = "") -> TerminalText {
        let rows = cells.map { $0.map(TerminalEscape.escape) }
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: width)
        var bytes = 0
        for row in rows {
            for (index, cell) in row.enumerated() {
                bytes += cell.utf8.count + 2
                if index < row.count - 1 { widths[index] = max(widths[index], cellWidth(cell)) }
            }
        }
        var output = ""
        output.reserveCapacity(bytes + rows.count * (indent.rendered.utf8.count + widths.reduce(0, +)))
        for row in rows {
            output += indent.rendered
            for (index, cell) in row.enumerated() {
                if index > 0 { output += "  " }
                output += cell
                if index < row.count - 1 { appendSpaces(widths[index] - cellWidth(cell), to: &output) }
            }
            output += "\n"
        }
        return TerminalText(trusted: output)
    }

    private static let spaces = String(repeating: " ", count: 64)

    private static func appendSpaces(_ count: Int, to output: inout String) {
        var left = count
        while left > 0 {
            let run = min(left, 64)
            output += spaces.prefix(run)
            left -= run
        }
    }

    /// A cell's width in characters: printable ASCII (nearly every cell, and a caseload's table has one
    /// row a matter) is measured by its bytes, without grouping characters.
    private static func cellWidth(_ cell: String) -> Int {
        let bytes = cell.utf8
        return bytes.allSatisfy { (0x20..<0x7F).contains($0) } ? bytes.count : cell.count
    }
}
