import Bailiwick

/// Writes a fact's value into a matter file's top-level `facts:` mapping by editing its text, so
/// the file keeps its comments, order and layout: an empty key (`written-contract:`, as `bailiwick
/// new` writes them) is filled in place, keeping its comment; a missing key is added at the end of
/// the block; a one-line flow mapping (`facts: {}`) gets the pair inside its braces; a file without
/// `facts:` gets the mapping at its end. Nothing goes through a YAML serializer.
public enum MatterFactsEdit {
    public struct Problem: Error, Sendable, Equatable {
        public let message: String
    }

    public static func setting(_ id: String, to value: FactValue, in text: String) throws(Problem) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        let written = "\(key(id)): \(yaml(value))"
        let top = lines.indices.filter { lines[$0].hasPrefix("facts:") || lines[$0].hasPrefix("facts :") }
        guard top.count <= 1 else { throw Problem(message: "the file has more than one top-level facts: key") }
        if let line = top.first {
            try edit(&lines, facts: line, id: id, written: written)
        } else {
            if lines.last.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? false { lines.append("") }
            lines += ["facts:", "  " + written]
        }
        return lines.joined(separator: newline) + (endsWithNewline || top.isEmpty ? newline : "")
    }

    private static func edit(_ lines: inout [String], facts line: Int, id: String, written: String) throws(Problem) {
        let (rest, comment) = splitComment(String(lines[line].drop { $0 != ":" }.dropFirst()))
        let value = rest.trimmingCharacters(in: .whitespaces)
        let suffix = comment.map { " " + $0 } ?? ""
        if value == "{}" || value == "~" || value == "null" {
            lines[line] = "facts: {\(written)}" + suffix
            return
        }
        if value.hasPrefix("{") {
            guard value.hasSuffix("}") else {
                throw Problem(message: "the facts: mapping spans several lines in braces; write it one fact a line")
            }
            lines[line] = "facts: \(value.dropLast()), \(written)}" + suffix
            return
        }
        guard value.isEmpty else { throw Problem(message: "facts: is not a mapping") }
        // The block: every line after `facts:` up to the next top-level key; comments at column 0
        // after its last entry belong to what follows.
        var end = line + 1
        while end < lines.count, isInBlock(lines[end]) { end += 1 }
        var last = end - 1
        while last > line, !startsWithSpace(lines[last]) { last -= 1 }
        let block = (line + 1)..<(last + 1)
        for index in block {
            guard let entry = entry(lines[index]), entry.key == id else { continue }
            let (given, keyComment) = splitComment(entry.rest)
            let trimmed = given.trimmingCharacters(in: .whitespaces)
            let nested =
                index + 1 < lines.count && indent(lines[index + 1]).count > entry.indent.count
                && !lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            guard trimmed.isEmpty || trimmed == "~" || trimmed == "null", !nested else {
                throw Problem(message: "\(id) already has a value in the file")
            }
            lines[index] = entry.indent + written + (keyComment.map { "  " + $0 } ?? "")
            return
        }
        let entries = block.compactMap { entry(lines[$0]) }
        let indents = block.map { indent(lines[$0]) }
        let childIndent = entries.first?.indent ?? indents.first { !$0.isEmpty } ?? "  "
        lines.insert(childIndent + written, at: block.isEmpty ? line + 1 : block.upperBound)
    }

    /// A fact id as a key: plain when YAML reads it back as the same text.
    private static func key(_ id: String) -> String { scalar(id) }

    /// A value as YAML reads it back into the fact's type.
    static func yaml(_ value: FactValue) -> String {
        switch value {
        case .boolean(let yes): yes ? "true" : "false"
        case .integer(let number): "\(number)"
        case .date(let date): "\(date)"
        case .string(let text): scalar(text)
        case .list(let items): "[" + items.sorted().map(scalar).joined(separator: ", ") + "]"
        }
    }

    /// Plain when the text is an id-like word YAML cannot read as anything else; double-quoted otherwise.
    /// Line breaks YAML reads inside quotes (NEL, LS, PS) and the byte-order mark are escaped too, so
    /// the text reads back as written.
    static func scalar(_ text: String) -> String {
        let plain =
            text.first.map { $0.isASCII && $0.isLetter } ?? false
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            && !["true", "false", "yes", "no", "on", "off", "y", "n", "null"].contains(text.lowercased())
        if plain { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value):
                quoted += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static func isInBlock(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces).isEmpty || startsWithSpace(line) || line.hasPrefix("#")
    }

    private static func startsWithSpace(_ line: String) -> Bool { line.first == " " || line.first == "\t" }

    private static func indent(_ line: String) -> String { String(line.prefix { $0 == " " }) }

    /// `  id: rest` (the key plain or quoted), or nil for a comment, a blank or a continuation.
    private static func entry(_ line: String) -> (indent: String, key: String, rest: String)? {
        let indent = indent(line)
        var body = line.dropFirst(indent.count)
        guard !indent.isEmpty, let first = body.first, first != "#", first != "-" else { return nil }
        var key: Substring
        if first == "\"" || first == "'" {
            body = body.dropFirst()
            guard let close = body.firstIndex(of: first) else { return nil }
            key = body[..<close]
            body = body[body.index(after: close)...]
            guard body.first == ":" else { return nil }
        } else {
            guard let colon = body.firstIndex(of: ":") else { return nil }
            key = body[..<colon]
            body = body[colon...]
        }
        return (indent, String(key).trimmingCharacters(in: .whitespaces), String(body.dropFirst()))
    }

    /// A value and its trailing comment (`# …` after a space), outside quotes.
    private static func splitComment(_ text: String) -> (String, String?) {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return (String(text[..<index]), String(text[index...]))
            }
            previous = character
        }
        return (text, nil)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
