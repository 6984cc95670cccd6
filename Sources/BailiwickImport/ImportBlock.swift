/// A part of a matter file the importer owns: the lines between
/// `# bailiwick-import begin NAME HASH` and `# bailiwick-import end NAME`. Each import rewrites
/// them; every line outside them (a fact, an event, an action or a whole section a person added)
/// is kept as it is. The hash is of the lines as the importer wrote them, so lines edited inside
/// a block are seen, and the import refuses to replace them (see `ImportBlocks.merge`).
public struct ImportBlock: Sendable {
    public struct Line: Sendable {
        public let text: String
        /// The key or id the line writes (a fact's id, a person's id), for what a person wrote by hand to win.
        public let key: String?

        init(_ text: String, key: String? = nil) {
            self.text = text
            self.key = key
        }
    }

    public let name: String
    /// The top-level key the block sits under (`facts`), or nil for the file's top keys.
    public let section: String?
    public var lines: [Line]

    var indent: String { section == nil ? "" : "  " }

    /// The block as written: markers and lines, indented.
    var rendered: [String] {
        let body = lines.map { indent + $0.text }
        return ["\(indent)\(ImportBlocks.begin) \(name) \(ImportBlocks.hash(body))"] + body
            + ["\(indent)\(ImportBlocks.end) \(name)"]
    }
}

/// Writes a matter file from its blocks, and merges new blocks into a file written before.
public enum ImportBlocks {
    static let begin = "# bailiwick-import begin"
    static let end = "# bailiwick-import end"

    /// Why a file written before cannot be updated, at which line.
    public struct Refusal: Error, Sendable {
        public let line: Int
        public let message: String
    }

    /// A new file: the schema line, a note on what the importer owns, then each block under its section.
    static func render(_ blocks: [ImportBlock], schema: String, source: String) -> String {
        var lines = [
            "# yaml-language-server: $schema=\(schema)",
            "# Written by 'bailiwick import' from \(source) (docs/import.md). Each import rewrites the lines between",
            "# a 'bailiwick-import begin' line and its 'end' line; whatever you add outside them is kept.",
        ]
        for block in blocks {
            lines.append("")
            if let section = block.section { lines.append("\(section):") }
            lines += block.rendered
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `existing` with each block's lines replaced by the new ones; what is outside the blocks is kept.
    /// A fact (or other keyed line) a person wrote outside the block wins: the import leaves its own out
    /// and names it in `kept`. Refuses when a block's lines were edited, unless `force`.
    static func merge(_ blocks: [ImportBlock], into existing: String, force: Bool) throws(Refusal) -> (
        text: String, kept: [String]
    ) {
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        var found: [String: (begin: Int, end: Int)] = [:]
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingSpaces
            if trimmed.hasPrefix(end + " ") {
                throw Refusal(line: index + 1, message: "an import block's end line with no begin line before it")
            }
            guard trimmed.hasPrefix(begin + " ") else {
                index += 1
                continue
            }
            let words = trimmed.dropFirst(begin.count).split(separator: " ").map(String.init)
            guard words.count == 2 else {
                throw Refusal(line: index + 1, message: "an import block's begin line must give its name and hash")
            }
            let name = words[0]
            guard found[name] == nil else {
                throw Refusal(line: index + 1, message: "a second import block named '\(name)'")
            }
            guard let close = lines[(index + 1)...].firstIndex(where: { $0.trimmingSpaces == "\(end) \(name)" })
            else {
                throw Refusal(line: index + 1, message: "the import block '\(name)' begun here has no end line")
            }
            let body = Array(lines[(index + 1)..<close])
            if hash(body) != words[1] && !force {
                throw Refusal(
                    line: index + 1,
                    message:
                        "the lines of the import block '\(name)' (to line \(close + 1)) were edited: each import "
                        + "rewrites them. Move your change outside the block (it is then kept), or give --force "
                        + "to replace the block")
            }
            found[name] = (index, close)
            index = close + 1
        }
        var blocks = blocks
        var kept: [String] = []
        for position in blocks.indices {
            guard let section = blocks[position].section else { continue }
            let own = found[blocks[position].name]
            let hand = handKeys(lines, section: section, skipping: own.map { $0.begin...$0.end })
            let before = blocks[position].lines
            blocks[position].lines = before.filter { line in line.key.map { !hand.contains($0) } ?? true }
            kept += before.compactMap(\.key).filter { hand.contains($0) }.map { "\(section): \($0)" }
        }
        let byName = Dictionary(uniqueKeysWithValues: blocks.map { ($0.name, $0) })
        var output: [String] = []
        index = 0
        while index < lines.count {
            if let entry = found.first(where: { $0.value.begin == index }) {
                let block =
                    byName[entry.key]
                    ?? ImportBlock(name: entry.key, section: lines[index].hasPrefix(" ") ? entry.key : nil, lines: [])
                output += block.rendered
                index = entry.value.end + 1
                continue
            }
            output.append(lines[index])
            index += 1
        }
        while output.last == "" { output.removeLast() }
        for block in blocks where found[block.name] == nil {
            output.append("")
            if let section = block.section { output.append("\(section):") }
            output += block.rendered
        }
        return (output.joined(separator: "\n") + "\n", kept)
    }

    /// The keys (`  key:`) or ids (`  - {id: x`, `  - id: x`) written under a top-level section, outside the block.
    static func handKeys(_ lines: [String], section: String, skipping: ClosedRange<Int>?) -> Set<String> {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(section):") }) else { return [] }
        var keys: Set<String> = []
        for index in (start + 1)..<lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#" { break }
            if skipping?.contains(index) == true { continue }
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            var text = Substring(line.dropFirst(2))
            if text.hasPrefix("- ") {
                text = text.dropFirst(2)
                if text.hasPrefix("{") { text = text.dropFirst() }
                guard text.hasPrefix("id:") else { continue }
                let value = String(text.dropFirst(3).prefix { $0 != "," && $0 != "}" }).trimmingSpaces
                keys.insert(value)
            } else if !text.hasPrefix("#"), let colon = text.firstIndex(of: ":") {
                keys.insert(String(text[..<colon]).trimmingSpaces)
            }
        }
        return keys
    }

    /// FNV-1a, 64 bits, in hex: enough to see an edit, not a guard against forgery.
    static func hash(_ lines: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lines.joined(separator: "\n").utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
