import Bailiwick
import BailiwickLoading
import BailiwickPacks
import Testing

/// Bounds on integer facts (`minimum`, `maximum`): checked in the packs that declare them and in
/// every matter that gives a value.
struct FactBoundsTests {
    static let facts = """
          - {id: children, type: integer, minimum: 0, description: Minor children.}
          - {id: amount, type: integer, minimum: 0, maximum: 1000, description: Amount.}
        """

    /// The packs of `AuditTests`, with `facts` in place of its two integer facts.
    static func packs(facts: String = facts) throws(DiagnosticList) -> PackSet {
        let shared = """
            actions:
              - {id: advise, title: Advise, description: Advise.}
              - {id: complete-forms, title: Complete forms, description: Fill in forms.}
              - {id: appear-in-court, title: Appear in court, description: Speak in court.}
              - {id: negotiate, title: Negotiate, description: Bargain.}
            areas:
              - {id: family, title: Family, description: Family law.}
            facts:
              - {id: abroad, type: boolean, description: Served abroad.}
              - {id: waived, type: boolean, description: Service waived.}
              - {id: written-contract, type: boolean, description: A written contract.}
              - {id: consent, type: boolean, description: Written consent.}
            \(facts)
            events:
              - {id: served, name: Service, description: The paper was served.}
              - {id: waiver-sent, name: Waiver sent, description: A waiver request was sent.}
              - {id: filed, name: Filing, description: The petition was filed.}
              - {id: decree, name: Decree entered, description: The decree was entered.}
            """
        return try PackSetLoader.load([
            PackFile(displayPath: "Rules/shared.yaml", packPath: "Rules/shared.yaml", text: shared),
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(
                displayPath: "Jurisdictions/tt/timelines.yaml", packPath: "Jurisdictions/tt/timelines.yaml",
                text: TimelineTestPacks.calendar),
            PackFile(
                displayPath: "Jurisdictions/tt/scope.yaml", packPath: "Jurisdictions/tt/scope.yaml",
                text: AuditTests.scope),
        ])
    }

    func packProblems(_ facts: String) -> [String] {
        do {
            _ = try Self.packs(facts: facts)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    func matterProblems(_ old: String, _ new: String) throws -> [String] {
        let packs = try Self.packs()
        try #require(AuditTests.clean.contains(old))
        do {
            let text = AuditTests.clean.replacingOccurrences(of: old, with: new)
            _ = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func packsDeclareBoundsOnIntegerFactsOnly() throws {
        let packs = try Self.packs()
        #expect(packs.fact("children")?.minimum == 0 && packs.fact("children")?.maximum == nil)
        #expect(packs.fact("amount")?.minimum == 0 && packs.fact("amount")?.maximum == 1000)
        #expect(
            packProblems(
                "  - {id: children, type: integer, minimum: 5, maximum: 2, description: C.}\n"
                    + "  - {id: amount, type: integer, description: A.}")
                == ["Rules/shared.yaml:13:56: the 'maximum' of 'children' is below its 'minimum' (5)"])
        #expect(
            packProblems(
                "  - {id: children, type: integer, description: C.}\n"
                    + "  - {id: amount, type: integer, maximum: 0, description: A.}\n"
                    + "  - {id: pets, type: boolean, minimum: 0, description: P.}")
                == ["Rules/shared.yaml:15:40: only integer facts can have a 'minimum' or a 'maximum'"])
        #expect(
            packProblems(
                "  - {id: children, type: integer, minimum: none, description: C.}\n"
                    + "  - {id: amount, type: integer, description: A.}")
                == ["Rules/shared.yaml:13:44: 'minimum' must be a whole number, not 'none'"])
        // A minimum equal to the maximum is one allowed value.
        #expect(
            packProblems(
                "  - {id: children, type: integer, minimum: 2, maximum: 2, description: C.}\n"
                    + "  - {id: amount, type: integer, description: A.}") == [])
    }

    @Test func aMatterValueOutsideTheBoundsIsALocatedError() throws {
        #expect(
            try matterProblems("children: 0", "children: -2")
                == ["7:58: 'children' must be a whole number of 0 or more"])
        #expect(
            try matterProblems("amount: 5", "amount: 1001")
                == ["7:69: 'amount' must be a whole number from 0 to 1000"])
        #expect(
            try matterProblems("amount: 5", "amount: -1")
                == ["7:69: 'amount' must be a whole number from 0 to 1000"])
        #expect(try matterProblems("amount: 5", "amount: 1000") == [])
        #expect(try matterProblems("children: 0", "children: 0") == [])
    }

    @Test func theBoundsAreCheckedInOnePlace() throws {
        let packs = try Self.packs()
        let amount = try #require(packs.fact("amount"))
        #expect(amount.outOfBounds(0) == nil && amount.outOfBounds(1000) == nil)
        #expect(amount.outOfBounds(-1) == "a whole number from 0 to 1000")
        #expect(amount.outOfBounds(Int.max) == "a whole number from 0 to 1000")
        let children = try #require(packs.fact("children"))
        #expect(children.outOfBounds(Int.min) == "a whole number of 0 or more")
        #expect(children.outOfBounds(Int.max) == nil)
    }

    @Test func theShippedCountsAndAmountsCannotBeNegative() throws {
        let packs = try PackSetLoader.load(PackFiles.shipped)
        for id in ["children", "amount-in-controversy"] {
            #expect(packs.fact(id)?.outOfBounds(-1) != nil, "\(id)")
            #expect(packs.fact(id)?.outOfBounds(0) == nil, "\(id)")
        }
        #expect(packs.fact("court-judicial-district")?.outOfBounds(0) != nil)
        #expect(packs.fact("court-judicial-district")?.outOfBounds(1) == nil)
    }
}
