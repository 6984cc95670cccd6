/// Dates in the pages' tables kept on one line: a browser may break "2018-11-01" after a hyphen
/// when a table is squeezed onto a phone, and a date is one word to its reader.
enum TableDates {
    /// `html` with each YYYY-MM-DD in the text of a table (not in a tag or an attribute) wrapped
    /// in a `nowrap` span. Tables hold no form fields, so no submitted text is changed.
    static func keptWhole(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.count >= 10 else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var tables = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                if starts(bytes, at: index, with: "<table") { tables += 1 }
                if starts(bytes, at: index, with: "</table") { tables = max(0, tables - 1) }
                out += bytes[index...end]
                index = end + 1
                continue
            }
            if tables > 0, isDate(bytes, at: index) {
                out += Array("<span class=\"nowrap\">".utf8) + bytes[index..<index + 10] + Array("</span>".utf8)
                index += 10
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return index + prefix.count <= bytes.count && Array(bytes[index..<index + prefix.count]) == prefix
    }

    /// YYYY-MM-DD at `index`, not inside a longer run of digits.
    private static func isDate(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 10 <= bytes.count else { return false }
        func digit(_ offset: Int) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + offset]) }
        let shape = (0..<10).allSatisfy { offset in
            offset == 4 || offset == 7 ? bytes[index + offset] == UInt8(ascii: "-") : digit(offset)
        }
        let before = index == 0 || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index - 1])
        let after = index + 10 == bytes.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 10])
        return shape && before && after
    }
}
