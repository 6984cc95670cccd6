import Bailiwick

/// A research note cut into what a reader sees first and the rest, so that a page can fold a long
/// note behind "more" and still show what it is about.
package enum NoteText {
    /// Notes at most this long are shown whole: folding them would hide less than it costs.
    package static let shownWhole = 200
    /// A first sentence longer than `shownWhole` is cut at a space before this many characters.
    package static let longestLead = 160

    /// The note's first sentence and the rest; `rest` is nil when the note is shown whole.
    /// A first sentence too long to read at a glance is cut at a space, ending in "…", and the
    /// rest then starts with "…" where it was cut.
    package static func fold(_ note: String) -> (lead: String, rest: String?) {
        let note = note.trimmingSpaces
        guard note.count > shownWhole else { return (note, nil) }
        let end = firstSentenceEnd(note) ?? note.endIndex
        let sentence = note[..<end]
        let rest = String(note[end...]).trimmingSpaces
        if sentence.count <= shownWhole {
            return rest.isEmpty ? (note, nil) : (String(sentence), rest)
        }
        let limit = sentence.index(sentence.startIndex, offsetBy: longestLead)
        let cut = sentence[..<limit].lastIndex(of: " ") ?? limit
        let lead = String(sentence[..<cut]).trimmingSpaces + "…"
        return (lead, "…" + String(note[cut...]).trimmingSpaces)
    }

    /// Where the first sentence ends (just after its stop): a stop followed by a space and a
    /// capital, unless the word before it is an abbreviation of the kind citations are full of
    /// ("R. Civ. P.", "A.R.S.", "Minn. Stat.").
    static func firstSentenceEnd(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".?!".contains(character), startsSentence(text[next...]),
                !(character == "." && isAbbreviation(before: index, in: text))
            {
                return next
            }
            index = next
        }
        return nil
    }

    /// Whether what follows a stop is a space and the start of a sentence: a capital, perhaps
    /// after a quote or a parenthesis.
    private static func startsSentence(_ text: Substring) -> Bool {
        guard let space = text.first, space == " " else { return false }
        let start = text.dropFirst().drop { "\"“(".contains($0) }
        return start.first?.isUppercase == true
    }

    private static func isAbbreviation(before stop: String.Index, in text: String) -> Bool {
        let word = text[..<stop].reversed().prefix { !$0.isWhitespace }.reversed().drop { "(\"“".contains($0) }
        return word.count <= 1 || word.contains(".") || abbreviations.contains(String(word))
    }

    /// Abbreviations the packs' notes use before a capital: courts, codes, states and parts of rules.
    private static let abbreviations: Set<String> = [
        "Admin", "Ann", "App", "Ariz", "Art", "Cal", "ch", "Ch", "Cir", "Civ", "Colo", "Crim", "Ct", "Dept", "Dist",
        "Div", "Evid", "Fam", "Fed", "Gen", "Jud", "Minn", "No", "Ont", "Or", "Prac", "Proc", "Prof", "Reg", "Rev",
        "Sec", "Sess", "Stat", "subd", "Sup", "Supp", "cf", "v", "vs", "Wash",
    ]
}
