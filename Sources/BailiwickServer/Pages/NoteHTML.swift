import BailiwickReports

/// A pack's research note on a page, called "Note" as the command line calls it: a short note
/// whole; a long one folded behind "more", its first sentence in view (`NoteText.fold`).
enum NoteHTML {
    static func block(_ note: String) -> String {
        let (lead, rest) = NoteText.fold(note)
        guard let rest else { return "<p class=\"note\">Note: \(escapeHTML(lead))</p>" }
        return "<details class=\"note\"><summary>Note: \(escapeHTML(lead)) <span class=\"more\">more</span>"
            + "</summary><p>\(escapeHTML(rest))</p></details>"
    }
}
