import Bailiwick
import BailiwickLoading
import Testing

/// A `primary` rule must show where its own text was read: `evidence` with a known, dated source,
/// a pinpoint, a read date no later than the pack's review, and the operative words.
struct EvidenceDiagnosticsTests {
    static let jurisdiction = """
        jurisdiction:
          id: xx
          name: Testland
          country: us
          reviewed: 2026-01-01
          sources:
            - {key: T1, title: Test rule book, version: amended 2025-09-01}
            - {key: T2, title: Test FAQ}
        licenses:
          - id: tech
            title: Test Technician
            governing-rule: Rule 1
            areas: [family]
            citation: Rule 1
            source: primary
        """

    /// A primary rule with good evidence; the tests break one piece of it at a time.
    static let rule = """
        rules:
          - id: may-advise
            summary: A technician may advise.
            effect: permit
            licenses: [tech]
            actions: [advise]
            citation: Rule 2(a)
            source: primary
            sources: [T1]
            evidence:
              source: T1
              pinpoint: Rule 2(a)
              read: 2026-01-01
              words: >-
                A technician may advise a client.
        """

    func problems(_ scope: String, jurisdiction: String = jurisdiction) -> [String] {
        LoaderDiagnosticsTests().problems(scope: scope, jurisdiction: jurisdiction)
    }

    func load(_ scope: String) throws -> PackSet {
        try PackSetLoader.load([
            PackFile(
                displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml",
                text: LoaderDiagnosticsTests.catalog),
            PackFile(
                displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml",
                text: Self.jurisdiction),
            PackFile(displayPath: "scope.yaml", packPath: "Jurisdictions/xx/scope.yaml", text: scope),
        ])
    }

    @Test func aPrimaryRuleWithEvidenceLoadsWithIt() throws {
        let packs = try load(Self.rule)
        let rule = try #require(packs.rules.first { $0.id == "may-advise" })
        let evidence = try #require(rule.evidence)
        #expect(evidence.sourceKey == "T1")
        #expect(evidence.pinpoint == "Rule 2(a)")
        #expect(evidence.read == CivilDate("2026-01-01"))
        #expect(evidence.words == "A technician may advise a client.")
        #expect(packs.jurisdiction("xx")?.sources.first?.version == "amended 2025-09-01")
    }

    @Test func aPrimaryRuleWithoutEvidenceIsAnError() {
        let scope = MarkedText(
            Self.rule.components(separatedBy: "    evidence:")[0]
                .replacingOccurrences(of: "source: primary", with: "source: 1️⃣primary"))
        #expect(
            problems(scope.text) == [
                "\(scope["1️⃣"]): a primary rule needs 'evidence' (source, pinpoint, read, words): primary means "
                    + "the rule's own text was read at a pinpoint; otherwise mark it official-summary or lower"
            ])
        // The same rule one level down needs none.
        let lower = Self.rule.components(separatedBy: "    evidence:")[0]
            .replacingOccurrences(of: "source: primary", with: "source: official-summary")
        #expect(problems(lower) == [])
    }

    @Test func emptyWordsOrPinpointAreErrors() {
        let words = MarkedText(
            Self.rule.replacingOccurrences(
                of: "words: >-\n        A technician may advise a client.", with: "words: 1️⃣\"  \""))
        #expect(problems(words.text) == ["\(words["1️⃣"]): 'words' is empty"])
        let pinpoint = MarkedText(
            Self.rule.replacingOccurrences(of: "pinpoint: Rule 2(a)", with: "1️⃣pinpont: x")
                .replacingOccurrences(of: "      source: T1", with: "      2️⃣source: T1"))
        #expect(
            problems(pinpoint.text) == [
                "\(pinpoint["2️⃣"]): the evidence is missing the required key 'pinpoint'",
                "\(pinpoint["1️⃣"]): unknown key 'pinpont' in the evidence; did you mean 'pinpoint'?",
            ])
    }

    @Test func theReadDateMustBeADateNoLaterThanTheReview() {
        let notADate = MarkedText(Self.rule.replacingOccurrences(of: "read: 2026-01-01", with: "read: 1️⃣last week"))
        #expect(
            problems(notADate.text) == [
                "\(notADate["1️⃣"]): 'read' must be a date written YYYY-MM-DD, not 'last week'"
            ])
        // reviewed is 2026-01-01: read that day is fine (the rule above); the day after is not.
        let late = MarkedText(Self.rule.replacingOccurrences(of: "read: 2026-01-01", with: "read: 1️⃣2026-01-02"))
        #expect(
            problems(late.text) == [
                "\(late["1️⃣"]): the evidence was read on 2026-01-02, after the pack's 'reviewed' date 2026-01-01"
            ])
    }

    @Test func theSourceMustBeAKnownSourceWithAVersion() {
        let unknown = MarkedText(Self.rule.replacingOccurrences(of: "source: T1", with: "source: 1️⃣T3"))
        #expect(
            problems(unknown.text) == ["\(unknown["1️⃣"]): unknown source 'T3' in 'evidence'; did you mean 'T1'?"])
        let undated = MarkedText(Self.rule.replacingOccurrences(of: "source: T1", with: "source: 1️⃣T2"))
        #expect(
            problems(undated.text) == [
                "\(undated["1️⃣"]): primary requires a pinpoint and the source's date or version: "
                    + "give source 'T2' a 'version' (its edition, amendment date or document date)"
            ])
        // Below primary, an undated source is enough.
        let summary = undated.text.replacingOccurrences(of: "source: primary", with: "source: official-summary")
        #expect(problems(summary) == [])
    }
}
