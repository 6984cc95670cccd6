import BailiwickImport
import Testing

/// The CSV reader against RFC 4180's cases and the exports firms make (a byte order mark, CRLF).
struct CSVTableTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "id,note,amount\n1,\"Said, Jr.\",2\n2,\"He said \"\"no\"\"\nthen left\",3\n"
        let table = try CSVTable(text: text, file: "t.csv")
        #expect(table.header == ["id", "note", "amount"])
        #expect(table.rows.map(\.fields) == [["1", "Said, Jr.", "2"], ["2", "He said \"no\"\nthen left", "3"]])
        // The second record starts on line 3; its quoted field runs on to line 4.
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let table = try CSVTable(text: "\u{FEFF}Matter,Client\r\nWA-1,\"A\r\nB\"\r\n\r\nWA-2,C\r\n", file: "t.csv")
        #expect(table.header == ["Matter", "Client"])
        // A line break inside quotes is kept as written; a blank line is no record.
        #expect(table.rows.map(\.fields) == [["WA-1", "A\r\nB"], ["WA-2", "C"]])
        #expect(table.column("matter") == 0)
    }

    @Test func aLastRecordWithoutALineEndIsRead() throws {
        let table = try CSVTable(text: "a,b\n1,\"\"", file: "t.csv")
        #expect(table.rows.map(\.fields) == [["1", ""]])
    }

    @Test(arguments: [
        ("a,b\n1,\"open\n2,3\n", 2, "never closed"),
        ("a,b\n1,2,3\n", 2, "3 fields, the header 2"),
        ("a,b\n1,x\"y\"\n", 2, "does not start with one"),
        ("a,b\n1,\"x\"y\n", 2, "after a field's closing quote"),
        ("", 1, "no header"),
    ])
    func aMalformedFileIsRefusedAtItsLine(text: String, line: Int, words: String) {
        #expect {
            _ = try CSVTable(text: text, file: "t.csv")
        } throws: { error in
            guard let problem = error as? ImportProblem else { return false }
            return problem.line == line && problem.message.contains(words) && !problem.message.contains("open")
        }
    }
}
