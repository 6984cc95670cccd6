import Bailiwick
import Testing

/// The decision semantics of docs/pack-format.md ("How a decision is made"), each on a pack small enough
/// to read in the test.
struct ScopeDecisionTests {
    static let negotiation = """
          - id: no-negotiation
            summary: A technician may not negotiate.
            effect: forbid
            licenses: [tech]
            actions: [negotiate]
            citation: Rule 1(a)
            source: official-summary
          - id: negotiate-with-consent
            summary: With written consent, a technician may negotiate.
            effect: permit
            licenses: [tech]
            actions: [negotiate]
            exception-to: [no-negotiation]
            requires:
              - {condition: written-consent, description: The client's written consent.}
            from: 2019-05-01
            citation: Rule 1(b)
            source: unverified
        """

    @Test func anActionNoRuleGrantsIsNotAuthorized() throws {
        let packs = try TestPacks.load(rules: Self.negotiation)
        let decision = try packs.decide(action: "advise", on: "2026-03-01")
        #expect(decision.kind == .notAuthorized)
        #expect(decision.isOutOfScope)
        #expect(decision.decisiveRules.isEmpty)
    }

    @Test func aForbidWithoutAnActiveExceptionProhibits() throws {
        let packs = try TestPacks.load(rules: Self.negotiation)
        // Before 2019-05-01 the exception is not in force, so the forbid stands.
        let decision = try packs.decide(
            action: "negotiate", on: "2019-04-30", facts: ["written-consent": .boolean(true)])
        #expect(decision.kind == .prohibited)
        #expect(decision.decisiveRules.map(\.rule.id) == ["no-negotiation"])
        #expect(decision.rules.first { $0.rule.id == "negotiate-with-consent" }?.status == .notInForce)
    }

    @Test func anExceptionInForceDefeatsTheRuleItNames() throws {
        let packs = try TestPacks.load(rules: Self.negotiation)
        let decision = try packs.decide(
            action: "negotiate", on: "2019-05-01", facts: ["written-consent": .boolean(true)])
        #expect(decision.kind == .permitted)
        let forbid = try #require(decision.rules.first { $0.rule.id == "no-negotiation" })
        #expect(forbid.status == .defeated)
        #expect(forbid.defeatedBy == ["negotiate-with-consent"])
        #expect(decision.weaklySourcedRules.map(\.id) == ["negotiate-with-consent"])
    }

    @Test func anUnknownRequirementMakesTheGrantConditional() throws {
        let packs = try TestPacks.load(rules: Self.negotiation)
        let decision = try packs.decide(action: "negotiate", on: "2026-03-01")
        #expect(decision.kind == .conditional)
        #expect(!decision.isOutOfScope)
        #expect(decision.requirements.map(\.truth) == [.unknown])
        #expect(decision.missingFacts == [.fact("written-consent")])
    }

    @Test func anUnmetRequirementIsOutOfScope() throws {
        let packs = try TestPacks.load(rules: Self.negotiation)
        let decision = try packs.decide(
            action: "negotiate", on: "2026-03-01", facts: ["written-consent": .boolean(false)])
        #expect(decision.kind == .conditional)
        #expect(decision.hasUnmetRequirement)
        #expect(decision.isOutOfScope)
    }

    @Test func forbidWinsOverPermitWithoutAnException() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c, \
                source: official-summary}
                  - id: no-advice-in-bankruptcy
                    summary: s
                    effect: forbid
                    licenses: [tech]
                    actions: all
                    when: '"bankruptcy" in issues'
                    citation: c
                    source: official-summary
                """)
        let forbidden = try packs.decide(action: "advise", on: "2026-03-01", facts: ["issues": .list(["bankruptcy"])])
        #expect(forbidden.kind == .prohibited)
        let clear = try packs.decide(action: "advise", on: "2026-03-01", facts: ["issues": .list([])])
        #expect(clear.kind == .permitted)
    }

    @Test func aForbidThatMayApplyLeavesTheDecisionUndeterminedAndNamesTheFact() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c, \
                source: official-summary}
                  - {id: cap, summary: s, effect: forbid, licenses: [tech], actions: all, when: amount > 11000, \
                citation: c, source: official-summary}
                """)
        let decision = try packs.decide(action: "advise", on: "2026-03-01")
        #expect(decision.kind == .undetermined)
        #expect(decision.missingFacts == [.fact("amount")])
        #expect(decision.otherwise == .permitted)
        #expect(!decision.isOutOfScope)
        #expect(
            try packs.decide(action: "advise", on: "2026-03-01", facts: ["amount": .integer(11000)]).kind == .permitted)
        #expect(
            try packs.decide(action: "advise", on: "2026-03-01", facts: ["amount": .integer(11001)]).kind == .prohibited
        )
    }

    @Test func aPermitThatMayApplyIsUndetermined() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: tenants-only, summary: s, effect: permit, licenses: [tech], actions: [advise], when: role == \
                "tenant", citation: c, source: official-summary}
                """)
        #expect(try packs.decide(action: "advise", on: "2026-03-01").kind == .undetermined)
        #expect(
            try packs.decide(action: "advise", on: "2026-03-01", facts: ["role": .string("tenant")]).kind == .permitted)
        #expect(
            try packs.decide(action: "advise", on: "2026-03-01", facts: ["role": .string("landlord")]).kind
                == .notAuthorized)
    }

    @Test func aCertainProhibitionIsNotWeakenedByAnUnknownOne() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c, \
                source: official-summary}
                  - {id: never, summary: s, effect: forbid, licenses: [tech], actions: [advise], citation: c, source: \
                official-summary}
                  - {id: cap, summary: s, effect: forbid, licenses: [tech], actions: all, when: amount > 100, \
                citation: c, source: official-summary}
                """)
        #expect(try packs.decide(action: "advise", on: "2026-03-01").kind == .prohibited)
    }

    @Test func anExceptionToAnExceptionRestoresTheOriginalRule() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: no-court, summary: s, effect: forbid, licenses: [tech], actions: [appear-in-court], citation: \
                c, source: official-summary}
                  - {id: court-for-pro-se, summary: s, effect: permit, licenses: [tech], actions: [appear-in-court], \
                exception-to: [no-court], when: client.pro-se, citation: c, source: official-summary}
                  - {id: not-in-qdro, summary: s, effect: forbid, licenses: [tech], actions: [appear-in-court], \
                exception-to: [court-for-pro-se], when: '"qdro" in issues', citation: c, source: official-summary}
                """)
        let proSe: [String: FactValue] = ["client.pro-se": .boolean(true), "issues": .list([])]
        #expect(try packs.decide(action: "appear-in-court", on: "2026-03-01", facts: proSe).kind == .permitted)
        let qdro: [String: FactValue] = ["client.pro-se": .boolean(true), "issues": .list(["qdro"])]
        let decision = try packs.decide(action: "appear-in-court", on: "2026-03-01", facts: qdro)
        #expect(decision.kind == .prohibited)
        #expect(Set(decision.decisiveRules.map(\.rule.id)) == ["no-court", "not-in-qdro"])
    }

    @Test func anExceptionOnlyReachesTheActionsItNames() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-act, summary: s, effect: permit, licenses: [tech], actions: all, citation: c, source: \
                official-summary}
                  - {id: no-bankruptcy, summary: s, effect: forbid, licenses: [tech], actions: all, when: \
                '"bankruptcy" in issues', citation: c, source: official-summary}
                  - {id: forms-anyway, summary: s, effect: permit, licenses: [tech], actions: [accompany-at-hearing], \
                exception-to: [no-bankruptcy], citation: c, source: official-summary}
                """)
        let facts: [String: FactValue] = ["issues": .list(["bankruptcy"])]
        #expect(try packs.decide(action: "accompany-at-hearing", on: "2026-03-01", facts: facts).kind == .permitted)
        #expect(try packs.decide(action: "advise", on: "2026-03-01", facts: facts).kind == .prohibited)
    }

    @Test func effectiveDatesIncludeBothEnds() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: window, summary: s, effect: permit, licenses: [tech], actions: [advise], from: 2020-01-01, \
                until: 2020-12-31, citation: c, source: official-summary}
                """)
        #expect(try packs.decide(action: "advise", on: "2019-12-31").kind == .notAuthorized)
        #expect(try packs.decide(action: "advise", on: "2020-01-01").kind == .permitted)
        #expect(try packs.decide(action: "advise", on: "2020-12-31").kind == .permitted)
        #expect(try packs.decide(action: "advise", on: "2021-01-01").kind == .notAuthorized)
    }

    @Test func theLicenceMustExistOnTheDateAndCoverTheArea() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: may-advise, summary: s, effect: permit, licenses: [tech], actions: [advise], citation: c, \
                source: official-summary}
                """)
        let early = try packs.decide(action: "advise", on: "2012-08-31")
        #expect(early.kind == .notAuthorized)
        #expect(early.licenseFinding == .notInForce(EffectivePeriod(from: CivilDate("2012-09-01"))))
        let housing = try packs.decide(action: "advise", area: "landlord-tenant", on: "2026-03-01")
        #expect(housing.kind == .notAuthorized)
        #expect(housing.licenseFinding == .areaNotCovered(area: "landlord-tenant", covered: ["family"]))
        let assumed = try packs.decide(action: "advise", on: "2026-03-01")
        #expect(assumed.kind == .permitted)
        #expect(assumed.area == "family" && assumed.areaAssumed)
    }

    @Test func aRuleLimitedToAreasNeedsTheArea() throws {
        let multiArea = TestPacks.jurisdiction.replacingOccurrences(
            of: "areas: [family]", with: "areas: [family, landlord-tenant]")
        let packs = try TestPacks.load(
            rules: """
                  - {id: family-advice, summary: s, effect: permit, licenses: [tech], actions: [advise], areas: \
                [family], citation: c, source: official-summary}
                """, jurisdiction: multiArea)
        let unknown = try packs.decide(action: "advise", on: "2026-03-01")
        #expect(unknown.kind == .undetermined)
        #expect(unknown.missingFacts == [.area])
        #expect(try packs.decide(action: "advise", area: "family", on: "2026-03-01").kind == .permitted)
        #expect(try packs.decide(action: "advise", area: "landlord-tenant", on: "2026-03-01").kind == .notAuthorized)
    }

    @Test func theExplanationListsTheFactsRead() throws {
        let packs = try TestPacks.load(
            rules: """
                  - {id: capped, summary: s, effect: permit, licenses: [tech], actions: [advise], when: amount <= \
                11000, requires: [written-consent], citation: c, source: official-summary}
                """)
        let decision = try packs.decide(action: "advise", on: "2026-03-01", facts: ["amount": .integer(500)])
        #expect(decision.kind == .conditional)
        #expect(decision.factsRead.map(\.id) == ["amount", "written-consent"])
        #expect(decision.factsRead.map(\.value) == [.integer(500), nil])
    }

    /// A grant that needs consent, and a forbid for represented clients whose fact may be unknown.
    static let consentOrRepresented = """
          - {id: no-represented-clients, summary: Only self-represented clients., effect: forbid, licenses: [tech],
             actions: [negotiate], when: not client.pro-se, citation: Rule 2(a), source: official-summary}
          - id: negotiate-with-consent
            summary: With written consent, a technician may negotiate.
            effect: permit
            licenses: [tech]
            actions: [negotiate]
            requires:
              - {condition: written-consent, description: The client's written consent.}
            citation: Rule 2(b)
            source: official-summary
        """

    @Test func aGrantWhoseConditionIsUnmetIsOutOfScopeWhateverTheUnknownFacts() throws {
        let packs = try TestPacks.load(rules: Self.consentOrRepresented)
        // No consent, and whether the client has a lawyer is unknown: the forbid may apply or not,
        // but either way the action is out of scope until consent is given.
        let unmet = try packs.decide(action: "negotiate", on: "2026-03-01", facts: ["written-consent": .boolean(false)])
        #expect(unmet.kind == .conditional && unmet.hasUnmetRequirement && unmet.isOutOfScope)
        #expect(unmet.decisiveRules.map(\.rule.id) == ["negotiate-with-consent"])
        #expect(unmet.requirements.map(\.truth) == [.false])
        // With consent given, the unknown forbid still decides: undetermined, permitted if it does not apply.
        let met = try packs.decide(action: "negotiate", on: "2026-03-01", facts: ["written-consent": .boolean(true)])
        #expect(met.kind == .undetermined && !met.isOutOfScope && met.otherwise == .permitted)
        #expect(met.missingFacts == [.fact("client.pro-se")])
        // Consent unknown as well: conditional if the forbid does not apply, so still undetermined.
        let unknown = try packs.decide(action: "negotiate", on: "2026-03-01")
        #expect(unknown.kind == .undetermined && !unknown.isOutOfScope && unknown.otherwise == .conditional)
        // Both known: the plain conditional, not met.
        let known = try packs.decide(
            action: "negotiate", on: "2026-03-01",
            facts: ["written-consent": .boolean(false), "client.pro-se": .boolean(true)])
        #expect(known.kind == .conditional && known.hasUnmetRequirement)
    }
}
