import Bailiwick

/// The part of an audit's JSON report that is the same in every finding that holds it, written once
/// for a pack set: each citation's members (its text, source level, what the level means and its
/// sources). A caseload writes thousands of findings from one pack set and the server many answers;
/// they copy these bytes instead of writing the citation again. Made before the work starts and never
/// changed, so workers read it without a lock.
public final class FindingJSONParts: Sendable {
    /// Where a finding's citation members sit in a caseload's report and in a served one (a matter in
    /// `matters`, a finding in its `findings`, the members of its `citation`): the depth they are made at.
    /// A report written at another depth (the journal's) writes its citations in place.
    static let citationDepth = 6

    private let citations: [CitationKey: JSONWriter.Fragment]

    /// Every citation a finding can carry: the scope rules', licences', deadlines' and their
    /// variants', and the matter types' forms' and reminders'.
    public init(packs: PackSet) {
        var all: [Citation] = packs.rules.map(\.citation) + packs.licenses.map(\.citation)
        for deadline in packs.deadlines {
            all.append(deadline.citation)
            all += deadline.variants.compactMap(\.citation)
        }
        for type in packs.matterTypes {
            all += type.forms.map(\.citation) + type.followUps.map(\.citation)
        }
        var citations: [CitationKey: JSONWriter.Fragment] = [:]
        for citation in all where citations[CitationKey(citation)] == nil {
            citations[CitationKey(citation)] = JSONWriter.fragment(depth: Self.citationDepth) {
                PackJSON.writeCitation(citation, to: &$0)
            }
        }
        self.citations = citations
    }

    /// The members of `citation`'s object, if it has parts, for a writer at their depth.
    func citation(_ citation: Citation, at depth: Int) -> JSONWriter.Fragment? {
        depth == Self.citationDepth ? citations[CitationKey(citation)] : nil
    }

    /// A citation by its contents: every field is compared, its text and level hashed (its sources
    /// nearly always follow from its text).
    private struct CitationKey: Hashable {
        let citation: Citation

        init(_ citation: Citation) {
            self.citation = citation
        }

        static func == (lhs: CitationKey, rhs: CitationKey) -> Bool {
            lhs.citation.text == rhs.citation.text && lhs.citation.status == rhs.citation.status
                && lhs.citation.sourceKeys == rhs.citation.sourceKeys
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(citation.text)
            hasher.combine(citation.status)
        }
    }
}
