import Bailiwick
import BailiwickLoading
import Testing

/// A licence held in some of its program's areas (Utah LPP areas, Arizona LP endorsements).
struct HeldAreasTests {
    /// Licence `tech` is offered in two areas; one rule permits advice in any area.
    static func packs() throws -> PackSet {
        let twoAreas = TestPacks.jurisdiction.replacingOccurrences(
            of: "areas: [family]", with: "areas: [family, landlord-tenant]")
        return try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c,
                    source: official-summary}
                """, jurisdiction: twoAreas)
    }

    func decide(area: String?, holds: [String]?) throws -> ScopeDecision {
        let packs = try Self.packs()
        let query = try ScopeQuery(
            in: packs, jurisdiction: "xx", license: "tech", action: "advise", area: area,
            date: CivilDate("2026-03-01")!, facts: FactValues(slotCount: packs.factSlotCount), heldAreas: holds)
        return packs.decide(query)
    }

    @Test func anAreaNotHeldIsNotAuthorizedAndTheHeldAreaIsPermitted() throws {
        let other = try decide(area: "landlord-tenant", holds: ["family"])
        #expect(other.kind == .notAuthorized)
        #expect(other.licenseFinding == .areaNotHeld(area: "landlord-tenant", held: ["family"]))
        #expect(other.isOutOfScope)
        let held = try decide(area: "family", holds: ["family"])
        #expect(held.kind == .permitted)
        #expect(held.licenseFinding == nil)
    }

    @Test func namingNoAreasChangesNothing() throws {
        #expect(try decide(area: "landlord-tenant", holds: nil).kind == .permitted)
        #expect(try decide(area: "family", holds: nil).kind == .permitted)
        let unknown = try decide(area: nil, holds: nil)
        #expect(unknown.kind == .undetermined)
        #expect(unknown.licenseFinding == .areaNotGiven(covered: ["family", "landlord-tenant"]))
    }

    @Test func oneAreaHeldIsTheAreaAssumedAndSeveralNeedTheArea() throws {
        let one = try decide(area: nil, holds: ["landlord-tenant"])
        #expect(one.kind == .permitted)
        #expect(one.area == "landlord-tenant" && one.areaAssumed)
        let both = try decide(area: nil, holds: ["family", "landlord-tenant"])
        #expect(both.kind == .undetermined)
        #expect(both.missingFacts == [.area])
        #expect(try decide(area: "landlord-tenant", holds: ["family", "landlord-tenant"]).kind == .permitted)
    }

    @Test func anAreaTheLicenceDoesNotCoverIsReportedAsSuch() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c,
                    source: official-summary}
                """)
        let query = try ScopeQuery(
            in: packs, jurisdiction: "xx", license: "tech", action: "advise", area: "landlord-tenant",
            date: CivilDate("2026-03-01")!, facts: FactValues(slotCount: packs.factSlotCount), heldAreas: ["family"])
        #expect(packs.decide(query).licenseFinding == .areaNotCovered(area: "landlord-tenant", covered: ["family"]))
    }

    @Test func theLicenceOffersItsOwnAreasOrEveryAreaForAny() throws {
        let packs = try Self.packs()
        let tech = try #require(packs.license("tech", in: "xx"))
        #expect(tech.offeredAreas(in: packs) == ["family", "landlord-tenant"])
        #expect(tech.firstUnoffered(["landlord-tenant", "family"], in: packs) == nil)
        let any = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c,
                    source: official-summary}
                """,
            jurisdiction: TestPacks.jurisdiction.replacingOccurrences(of: "areas: [family]", with: "areas: any"))
        let anyTech = try #require(any.license("tech", in: "xx"))
        #expect(anyTech.firstUnoffered(["landlord-tenant", "family"], in: any) == nil)
        #expect(tech.firstUnoffered(["family", "criminal"], in: packs) == "criminal")
    }
}

/// `people[].areas` in a matter file: checked against the licence, and used by the audit.
struct HeldAreasMatterTests {
    static let scope = AuditTests.scope
        .replacingOccurrences(of: "areas: [family], valid-from", with: "areas: [family, landlord-tenant], valid-from")

    static func packs() throws -> PackSet {
        let shared = """
            actions:
              - {id: advise, title: Advise, description: Advise.}
              - {id: complete-forms, title: Complete forms, description: Fill in forms.}
              - {id: appear-in-court, title: Appear in court, description: Speak in court.}
              - {id: negotiate, title: Negotiate, description: Bargain.}
            areas:
              - {id: family, title: Family, description: Family law.}
              - {id: landlord-tenant, title: Landlord and tenant, description: Housing.}
            facts:
              - {id: abroad, type: boolean, description: Served abroad.}
              - {id: waived, type: boolean, description: Service waived.}
              - {id: written-contract, type: boolean, description: A written contract.}
              - {id: consent, type: boolean, description: Written consent.}
              - {id: children, type: integer, description: Minor children.}
              - {id: amount, type: integer, description: Amount.}
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
            PackFile(displayPath: "Jurisdictions/tt/scope.yaml", packPath: "Jurisdictions/tt/scope.yaml", text: scope),
        ])
    }

    func matter(holding areas: String) throws -> String {
        let person = "{id: tech, role: technician, name: Pat Lee, license: tech, licensed-from: 2020-01-01}"
        try #require(AuditTests.clean.contains(person))
        return AuditTests.clean.replacingOccurrences(
            of: person,
            with: "{id: tech, role: technician, name: Pat Lee, license: tech, licensed-from: 2020-01-01, "
                + "areas: \(areas)}")
    }

    @Test func anActionInAnAreaThePersonDoesNotHoldIsNotAuthorized() throws {
        let packs = try Self.packs()
        // The divorce is a family matter: holding only landlord-tenant leaves its forms out of scope.
        let other = try MatterLoader.load(text: try matter(holding: "[landlord-tenant]"), file: "m.yaml", packs: packs)
        #expect(other.people.first?.areas == ["landlord-tenant"])
        let report = packs.audit(other, asOf: other.asOf!, horizon: 14)
        let finding = try #require(report.findings.first { $0.code == .scopeNotAuthorized })
        guard case .notAuthorized(_, _, let reason) = finding.detail else {
            Issue.record("not a not-authorized finding: \(finding.detail)")
            return
        }
        #expect(reason == .areaNotHeld(area: "family", held: ["landlord-tenant"]))
        // Holding family, or naming nothing, the same action is in scope.
        for areas in ["[family]", "[family, landlord-tenant]"] {
            let held = try MatterLoader.load(text: try matter(holding: areas), file: "m.yaml", packs: packs)
            #expect(
                !packs.audit(held, asOf: held.asOf!, horizon: 14).findings.contains { $0.code == .scopeNotAuthorized })
        }
        let unnamed = try MatterLoader.load(text: AuditTests.clean, file: "m.yaml", packs: packs)
        #expect(unnamed.people.first?.areas == nil)
        #expect(
            !packs.audit(unnamed, asOf: unnamed.asOf!, horizon: 14).findings.contains { $0.code == .scopeNotAuthorized }
        )
    }

    @Test func anAreaTheLicenceDoesNotOfferIsALocatedError() throws {
        let packs = try Self.packs()
        let text = try matter(holding: "[family, debt-collection]")
        do {
            _ = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
            Issue.record("a matter holding an area the licence does not offer loaded")
        } catch {
            let line = try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.contains("debt-collection")
                })
            let column = try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false)[line].range(
                    of: "debt-collection"))
            let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line]
            let offset = lineText.distance(from: lineText.startIndex, to: column.lowerBound)
            #expect(
                error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
                    "\(line + 1):\(offset + 1): the tech licence offers no area 'debt-collection' "
                        + "(known: family, landlord-tenant)"
                ])
        }
    }
}
