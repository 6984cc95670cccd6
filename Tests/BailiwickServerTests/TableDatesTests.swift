import Testing

/// A date in a table is kept on one line; the same date in a form field, a link or plain text is
/// left as it was.
@Suite struct TableDatesTests {
    @Test func aDateInATableIsKeptWholeAndNowhereElse() async throws {
        let packs = try await Server.request("/packs/us-ut").body
        #expect(packs.contains("<td>from <span class=\"nowrap\">2018-11-01</span></td>"))
        let css = try await Server.request("/assets/app.css").body
        #expect(css.contains(".nowrap{white-space:nowrap}"))
        let deadline = try await Server.request(
            "/deadlines?jurisdiction=us-ut&rule=answer-to-complaint&from=2026-12-18"
        ).body
        #expect(deadline.contains("value=\"2026-12-18\""))
        #expect(deadline.contains("from=2026-12-18"))
        #expect(!deadline.contains("<span class=\"nowrap\">"))
        let holidays = try await Server.request("/holidays?jurisdiction=us-wa&year=2026").body
        #expect(holidays.contains("<td>Friday <span class=\"nowrap\">2026-07-03</span> (observed; falls on"))
    }
}

extension String {
    /// A page with its tables' dates unwrapped (`TableDates`), to find text as the reader sees it.
    var withTableDatesUnwrapped: String {
        replacing(/<span class="nowrap">(\d{4}-\d{2}-\d{2})<\/span>/) { String($0.1) }
    }
}
