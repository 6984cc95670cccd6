import Bailiwick

/// Text for a terminal, built by the text renderers: what a renderer writes itself (its literals,
/// line breaks, tabs and `TextStyle`'s colours) is kept as written, and every value interpolated
/// into it is escaped by `TerminalEscape`. The only ways from input to a text report are
/// `Interpolation` and `append(escaping:)`, both escaping, so a renderer cannot forget to escape a
/// name, id, title or note.
public struct TerminalText: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The text to write.
    public private(set) var rendered: String

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    /// Text the renderer itself made (colour codes).
    init(trusted text: String) {
        rendered = text
    }

    /// Room for `capacity` bytes, for a report written into one text.
    public mutating func reserveCapacity(_ capacity: Int) {
        rendered.reserveCapacity(capacity)
    }

    /// Appends a value from input, escaped as `\(value)` escapes it, with no interpolated text made
    /// first: the text report writes its lines piece by piece into one buffer.
    public mutating func append(escaping value: String) {
        rendered += TerminalEscape.escape(value)
    }

    public mutating func append(escaping value: some CustomStringConvertible) {
        rendered += TerminalEscape.escape(value.description)
    }

    public static func + (lhs: TerminalText, rhs: TerminalText) -> TerminalText {
        TerminalText(trusted: lhs.rendered + rhs.rendered)
    }

    public static func += (lhs: inout TerminalText, rhs: TerminalText) {
        lhs.rendered += rhs.rendered
    }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        public mutating func appendInterpolation(_ text: TerminalText) {
            output += text.rendered
        }

        public mutating func appendInterpolation(_ value: String) {
            output += TerminalEscape.escape(value)
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            output += TerminalEscape.escape(value.description)
        }
    }
}

extension Sequence where Element == TerminalText {
    public func joined(separator: TerminalText = "") -> TerminalText {
        TerminalText(trusted: map(\.rendered).joined(separator: separator.rendered))
    }
}
