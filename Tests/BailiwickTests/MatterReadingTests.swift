import Bailiwick
import BailiwickLoading
import Testing

/// Reading a matter file the quick way gives what the slow way gave: duplicate keys are found in
/// each mapping on its own, dates and yes/no values read byte by byte mean what they meant, and an
/// id is checked on its bytes with the same verdict.
struct MatterReadingTests {
    /// The clean matter of `AuditTests`, edited and loaded as the tag tests do.
    let edits: YAMLTagTests
    var packs: PackSet { edits.packs }

    init() throws {
        edits = try YAMLTagTests()
    }

    func load(_ old: String, _ new: String) throws -> Result<Matter, DiagnosticList> { try edits.load(old, new) }

    func problems(_ old: String, _ new: String) throws -> [String] { try edits.problems(old, new) }

    @Test func aKeyIsADuplicateOnlyInItsOwnMapping() throws {
        // The same key in a nested mapping and around it is no duplicate.
        #expect(try problems("id: T-1\n", "id: T-1\ntitle: T\n").isEmpty)
        #expect(
            try problems("as-of: 2026-02-20", "as-of: 2026-02-20\nid: again")
                == ["1:1: duplicate key 'id' in the same mapping"])
        // A nested mapping between the two does not hide the duplicate, nor is its own `date` one.
        #expect(
            try problems(
                "  - {event: filed, date: 2026-01-09}", "  - {event: filed, date: 2026-01-09, event: served}")
                == ["9:6: duplicate key 'event' in the same mapping"])
        #expect(
            try problems("facts: {written-contract: true,", "facts: {date: x, written-contract: true, date: y,")
                == ["7:9: duplicate key 'date' in the same mapping"])
        // Mappings opened and closed between two of the top level's keys leave its keys as they were.
        #expect(
            try problems("as-of: 2026-02-20", "as-of: 2026-02-20\nnested: {a: {b: 1}, c: 2}\nid: again")
                .contains("1:1: duplicate key 'id' in the same mapping"))
        // Past 16 keys a mapping is checked by hashing: the same answer.
        let many = (1...20).map { "k\($0): 1" }.joined(separator: ", ")
        #expect(
            try problems("facts: {written-contract: true,", "facts: {\(many), k3: 2, written-contract: true,")
                == ["7:23: duplicate key 'k3' in the same mapping"])
    }

    @Test func datesAreReadExactlyAsYearMonthDay() {
        #expect(CivilDate("2026-02-28") == CivilDate(year: 2026, month: 2, day: 28))
        #expect(CivilDate("2026-02-28"[...]) == CivilDate(year: 2026, month: 2, day: 28))
        for text in [
            "2026-02-30", "2026-2-28", "2026-02-281", "2026-02-2", " 2026-02-28", "2026/02/28", "2026-02-2x",
            "", "0000-01-01", "2026-13-01", "２０２６-02-28", "2026-02-28\n", "-2026-02-28",
        ] {
            #expect(CivilDate(text) == nil, "\(text)")
        }
    }

    @Test func yesAndNoAreReadWhateverTheirCase() throws {
        #expect(ValueSyntax.boolean("true") == true)
        #expect(ValueSyntax.boolean("True") == true)
        #expect(ValueSyntax.boolean("FALSE") == false)
        #expect(ValueSyntax.boolean("yes") == true)
        #expect(ValueSyntax.boolean("truth") == nil)
        let matter = try load("written-contract: true", "written-contract: Yes").get()
        #expect(matter.facts[try #require(packs.fact("written-contract")).slot] == .boolean(true))
    }

    @Test func idsAreCheckedOnTheirBytes() throws {
        #expect(
            try problems("{event: filed,", "{event: fïled,")
                == ["9:13: this is not a valid id: use lower-case letters, digits and hyphens, starting with a letter"])
        #expect(
            try problems("{event: filed,", "{event: 1filed,")
                == ["9:13: this is not a valid id: use lower-case letters, digits and hyphens, starting with a letter"])
        // A matter's own id may be any text; an invisible character in it is flagged, an accent is not.
        let accented = try load("id: T-1", "id: T-é").get()
        #expect(accented.warnings.isEmpty)
        let hidden = try load("id: T-1", "id: T-\u{200B}1").get()
        #expect(
            hidden.warnings.map(\.message) == [
                "'id' holds an invisible character, U+200B, at character 3: it would look like another id"
            ])
    }

    @Test func anAliasIsReadAsTheNodeItRepeats() throws {
        // A mapping, a scalar and a key, each repeated by an alias: a repeated node keeps the place it is
        // written first, as before.
        let matter = try load(
            "  - {by: tech, action: complete-forms, date: 2026-01-05}",
            """
              - &first {by: tech, action: complete-forms, date: &day 2026-01-05}
              - *first
              - {by: tech, action: complete-forms, date: *day}
              - {&by by: tech, action: complete-forms, about: &about Aliased text, date: 2026-01-06}
              - {*by : tech, action: complete-forms, about: *about, date: 2026-01-07}
            """
        ).get()
        let day = { (day: Int) in CivilDate(year: 2026, month: 1, day: day) }
        #expect(matter.actions.map(\.date) == [day(5), day(5), day(5), day(6), day(7)])
        #expect(matter.actions.map(\.person) == [0, 0, 0, 0, 0])
        #expect(matter.actions.map(\.about) == [nil, nil, nil, "Aliased text", "Aliased text"])
        #expect(matter.actions.map(\.location.line) == [12, 12, 14, 15, 16])
        #expect(matter.actions[1].location.column == matter.actions[0].location.column)
    }

    @Test func anAliasedKeyAndACanonicallyEqualKeyAreDuplicates() throws {
        // Deep in the file, through an alias: reported where the key is first written, its anchor.
        #expect(
            try problems(
                "  - {event: filed, date: 2026-01-09}", "  - {&key event: filed, date: 2026-01-09, *key : served}")
                == ["9:6: duplicate key 'event' in the same mapping"])
        // Keys are compared as strings are: \u{E9} and e with a combining accent are one key.
        let problems = try problems("facts: {written-contract: true,", "facts: {\"caf\\u00E9\": 1, \"cafe\\u0301\": 2,")
        #expect(problems == ["7:9: duplicate key 'caf\u{E9}' in the same mapping"])
        // Past 16 keys too, where the check hashes the keys.
        let many = (1...20).map { "k\($0): 1" }.joined(separator: ", ")
        #expect(
            try self.problems(
                "facts: {written-contract: true,", "facts: {\"caf\\u00E9\": 1, \(many), \"cafe\\u0301\": 2,")
                == ["7:9: duplicate key 'caf\u{E9}' in the same mapping"])
    }

    @Test func whiteSpaceAroundAValueIsTrimmedAsTextIs() throws {
        // Values read from their bytes are trimmed as `trimmingSpaces` trims a string: ASCII white space
        // on the bytes, other white space (and a space a combining mark joins) as characters.
        for raw in [
            " Smith ", "\tSmith\r\n", "Smith\u{3000}", "\u{3000}Smith", "\u{A0}Smith\u{A0}", " \u{301}Smith",
            "Smith \u{301}", "Smith\u{200B}", "Jos\u{E9} ", " \u{E9}", "a\u{301} b", "\u{1F600} x \u{1F600}",
            "\u{85}Smith", "Smith\u{2028}", "x", "\u{600}Smith",
        ] {
            let quoted = raw.unicodeScalars.map { scalar -> String in
                (0x21...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\"
                    ? String(scalar) : "\\U" + String(("0000000" + String(scalar.value, radix: 16)).suffix(8))
            }
            let matter = try load("id: T-1", "id: T-1\ntitle: \"\(quoted.joined())\"").get()
            #expect(matter.title == raw.trimmingSpaces, "\(raw.unicodeScalars.map(\.value))")
        }
        // A date too, read from its bytes where the ends are ASCII, from its characters where not.
        for raw in ["\" 2026-02-21 \"", "\"\\u3000 2026-02-21\"", "\"2026-02-21\\t\""] {
            #expect(
                try load("as-of: 2026-02-20", "as-of: \(raw)").get().asOf == CivilDate(year: 2026, month: 2, day: 21))
        }
    }

    @Test func onlyAReportIsPassedOverAsOne() {
        #expect(!AuditReportFile.recognises("id: T-1\n"))
        #expect(!AuditReportFile.recognises("BEGIN: 1\n"))
        #expect(AuditReportFile.recognises("BEGIN:VCALENDAR\nPRODID:-//Bailiwick//audit\n"))
        #expect(AuditReportFile.recognises("\n  {\"schema-version\": 1, \"summary\": {}, \"horizon\": 30}"))
        #expect(!AuditReportFile.recognises("# {\"schema-version\": 1, \"summary\": {}, \"horizon\": 30}"))
    }
}
