import Bailiwick
import BailiwickReports
import Testing

/// Long research notes are folded behind "more" on every page that prints them, with their first
/// sentence in view; short ones are shown whole; nothing of a note is lost.
@Suite struct NoteFoldingTests {
    /// The note again from its two parts: the words, in order, with nothing left out or added.
    static func reassembled(_ lead: String, _ rest: String?) -> String {
        guard let rest else { return lead }
        guard lead.hasSuffix("…"), rest.hasPrefix("…") else { return lead + " " + rest }
        return String(lead.dropLast()) + " " + String(rest.dropFirst())
    }

    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }

    @Test func aShortNoteIsShownWhole() {
        let note = "Read in the 2024 text. Not compared with the Legislature's copy."
        let folded = NoteText.fold(note)
        #expect(folded.lead == note)
        #expect(folded.rest == nil)
    }

    /// The first sentence ends at its stop, not at the abbreviations of a citation before it.
    @Test func theFirstSentenceIsNotCutAtACitationsAbbreviations() {
        let first =
            "Utah R. Civ. P. 12(a) and A.R.S. § 12-341 were read in the texts on the courts' own sites (Minn. Stat. "
            + "ch. 481 too)."
        let rest = "The later amendments were not read, so the version in force since then is not encoded here at all."
        let folded = NoteText.fold(first + " " + rest)
        #expect(folded.lead == first)
        #expect(folded.rest == rest)
    }

    /// A first sentence too long to take in at a glance is cut at a space and continued after "more".
    @Test func aLongFirstSentenceIsCutAtASpace() {
        let note = String(repeating: "the period runs from service of the summons ", count: 8) + "and ends."
        let folded = NoteText.fold(note)
        #expect(folded.lead.count <= NoteText.longestLead + 1)
        // Cut between words: the lead ends in a whole word, and the rest starts with one.
        #expect(folded.lead.dropLast().last?.isLetter == true)
        #expect(folded.rest?.dropFirst().first?.isLetter == true)
        #expect(folded.rest?.hasPrefix("…") == true)
        #expect(Self.reassembled(folded.lead, folded.rest) == note)
    }

    /// Every note of the shipped packs: folded only when long, and nothing of it lost.
    @Test func everyShippedNoteFoldsWithoutLosingAWord() {
        let packs = Server.packs
        var notes = packs.rules.compactMap(\.note) + packs.licenses.compactMap(\.note)
        notes += packs.matterTypes.compactMap(\.note)
        notes += packs.jurisdictions.compactMap { packs.calendar(for: $0.id)?.note }
        #expect(notes.count > 100)
        var folded = 0
        for note in notes {
            let (lead, rest) = NoteText.fold(note)
            #expect(Self.words(Self.reassembled(lead, rest)) == Self.words(note), "\(note)")
            #expect((rest == nil) == (note.trimmingSpaces.count <= NoteText.shownWhole), "\(note)")
            if rest != nil {
                folded += 1
                #expect(lead.count <= NoteText.shownWhole + 1, "\(lead)")
            }
        }
        #expect(folded > notes.count / 2)
    }

    /// On the page, a folded note shows its lead and "more"; the rest is inside the fold, and the
    /// note is never printed whole beside it.
    static func expectFolded(_ note: String, in page: String, _ where: String) {
        let (lead, rest) = NoteText.fold(note)
        guard let rest else {
            let shown = page.contains("<p class=\"note\">Note: \(escapeHTML(lead))</p>")
            #expect(shown, "\(`where`): \(lead)")
            return
        }
        let folded = page.contains(
            "<details class=\"note\"><summary>Note: \(escapeHTML(lead)) <span class=\"more\">more</span>"
                + "</summary><p>\(escapeHTML(rest))</p></details>")
        #expect(folded, "\(`where`): \(lead)")
        let printedWhole = page.contains("Note: " + escapeHTML(note.trimmingSpaces))
        #expect(!printedWhole, "\(`where`): printed whole: \(lead)")
    }

    @Test(arguments: Server.packs.jurisdictions.map(\.id))
    func thePacksPageFoldsEveryLicenceAndRuleNote(_ id: String) async throws {
        let page = try await Server.request("/packs/\(id)").body.withTableDatesUnwrapped
        let packs = Server.packs
        for license in packs.licenses(in: id) { license.note.map { Self.expectFolded($0, in: page, license.title) } }
        for rule in packs.rules(applicableIn: id) { rule.note.map { Self.expectFolded($0, in: page, rule.id) } }
    }

    @Test func theDeadlineAndHolidayPagesFoldTheirNotes() async throws {
        let deadline = try await Server.request(
            "/deadlines?jurisdiction=us-ut&rule=answer-to-complaint&from=2026-12-18")
        var request = DeadlineRequest(jurisdiction: "us-ut", from: CivilDate(year: 2026, month: 12, day: 18)!)
        request.rule = "answer-to-complaint"
        let item = try request.compute(in: Server.packs)
        #expect(!item.notes.isEmpty)
        for note in item.notes { Self.expectFolded(note, in: deadline.body, "deadline") }

        let holidays = try await Server.request("/holidays?jurisdiction=us-ut&year=2026")
        let calendar = try #require(Server.packs.calendar(for: "us-ut"))
        let note = try #require(calendar.note)
        Self.expectFolded(note, in: holidays.body, "holidays")
    }

    /// The check page's caution names each weakly sourced rule with its note, folded.
    @Test func theCheckPageFoldsTheNotesOfItsCaution() async throws {
        let page = try await Server.request(
            "/check?jurisdiction=us-or&license=lp&action=advise&area=family&on=2026-12-01")
        let rules = Server.packs.rules(applicableIn: "us-or").filter {
            page.body.contains("<li>\($0.id) <span class=\"tag")
        }
        #expect(!rules.isEmpty)
        for rule in rules { rule.note.map { Self.expectFolded($0, in: page.body, rule.id) } }
    }
}
