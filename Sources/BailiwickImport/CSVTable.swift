/// A CSV file read as RFC 4180 says: fields separated by commas, records by CRLF (or LF), a field
/// in double quotes may hold commas, line breaks and doubled quotes. A byte order mark is skipped.
/// The first record is the header. Problems name the line, never a field's content.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line the record starts on (a quoted field may span lines).
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]

    public init(text: String, file: String) throws(ImportProblem) {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        // Whether the current field was quoted and its closing quote has been read.
        var closed = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            fields.append(field)
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty && !closed) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            closed = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                closed = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty && !closed else {
                    throw ImportProblem(
                        file: file, line: line,
                        "a double quote inside a field that does not start with one: quote the whole field")
                }
                quoted = true
            default:
                guard !closed else {
                    throw ImportProblem(
                        file: file, line: line, "text after a field's closing quote: a comma or a line end must follow")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw ImportProblem(
                file: file, line: recordLine, "a quoted field is never closed: a double quote is missing")
        }
        if !field.isEmpty || !fields.isEmpty || closed { endRecord() }
        guard let first = records.first else {
            throw ImportProblem(file: file, line: 1, "the file holds no header line")
        }
        header = first.fields.map(\.trimmingSpaces)
        for row in records.dropFirst() where row.fields.count != header.count {
            throw ImportProblem(
                file: file, line: row.line,
                "this record has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), "
                    + "the header \(header.count)")
        }
        rows = Array(records.dropFirst())
    }

    /// The column's index, by a header name compared without regard to case, spaces or underscores.
    public func column(_ name: String) -> Int? {
        let wanted = Self.normal(name)
        return header.firstIndex { Self.normal($0) == wanted }
    }

    static func normal(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
