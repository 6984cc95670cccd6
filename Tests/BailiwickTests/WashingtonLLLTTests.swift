import Bailiwick
import Testing

/// The shipped Washington LLLT pack, against what the research says of APR 28 and the LLLT RPC.
struct WashingtonLLLTTests {
    /// A clean engagement: written contract, self-represented client, no conflict, no
    /// out-of-scope issue. Each test adds or changes what it is about.
    static let clean: [String: FactValue] = [
        "written-contract": .boolean(true), "client.pro-se": .boolean(true),
        "represents-other-party": .boolean(false), "issues": .list([]),
    ]

    static func facts(_ changes: [String: FactValue]) -> [String: FactValue] {
        clean.merging(changes) { _, new in new }
    }

    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    func decide(
        _ action: String, on date: String, _ facts: [String: FactValue] = clean,
        license: String = "lllt", area: String? = nil
    ) throws -> ScopeDecision {
        try packs.decide("us-wa", license: license, action: action, area: area, on: date, facts: facts)
    }

    @Test func approvedFormsArePermittedInACleanEngagement() throws {
        for action in [
            "select-forms", "complete-forms", "file-document", "serve-document", "consult", "advise", "legal-research",
        ] {
            let decision = try decide(action, on: "2026-03-01")
            #expect(decision.kind == .permitted, "\(action): \(decision.kind)")
        }
    }

    @Test func servicesWithoutAWrittenContractAreOutOfScope() throws {
        // APR 28(G)(2): the written contract comes before any service.
        let decision = try decide("complete-forms", on: "2026-03-01", Self.facts(["written-contract": .boolean(false)]))
        #expect(decision.kind == .conditional)
        #expect(decision.isOutOfScope)
    }

    @Test func negotiationWasForbiddenUntilThe2019AmendmentsAndNeedsWrittenConsentAfter() throws {
        // The amendments took effect 2019-06-04 (APR 28's history), not on the order's entry date 2019-05-01.
        let consent = Self.facts(["written-consent-to-negotiate": .boolean(true)])
        #expect(try decide("negotiate", on: "2019-05-01", consent).kind == .prohibited)
        #expect(try decide("negotiate", on: "2019-06-03", consent).kind == .prohibited)
        #expect(try decide("negotiate", on: "2019-06-04", consent).kind == .permitted)
        let noConsent = try decide(
            "negotiate", on: "2026-03-01", Self.facts(["written-consent-to-negotiate": .boolean(false)]))
        #expect(noConsent.kind == .conditional && noConsent.isOutOfScope)
        let unknown = try decide("negotiate", on: "2026-03-01")
        #expect(unknown.kind == .conditional && !unknown.isOutOfScope)
        #expect(unknown.missingFacts == [.fact("written-consent-to-negotiate")])
    }

    @Test func anLLLTNeverRepresentsTheClientInCourtButMayAccompanyThem() throws {
        for action in ["appear-in-court", "oral-argument", "examine-witness", "jury-trial"] {
            let decision = try decide(action, on: "2026-03-01")
            #expect(decision.kind == .prohibited, "\(action)")
            #expect(decision.decisiveRules.map(\.rule.id) == ["wa-lllt-no-court-representation"])
        }
        // Reg. 2(B)(2)(g): agreed, uncontested and default orders may be presented.
        #expect(try decide("present-agreed-order", on: "2026-03-01").kind == .permitted)
        // Reg. 2(B)(2)(h): only at the hearings it lists; a trial is not one of them.
        let temporary = Self.facts(["hearing-type": .string("temporary-orders")])
        #expect(try decide("accompany-at-hearing", on: "2026-03-01", temporary).kind == .permitted)
        let trial = Self.facts(["hearing-type": .string("trial")])
        #expect(try decide("accompany-at-hearing", on: "2026-03-01", trial).kind == .notAuthorized)
        // The explanation gives every other rule its own status, not just the decisive one.
        let court = try decide("appear-in-court", on: "2026-03-01")
        #expect(court.rules.first { $0.rule.id == "wa-lllt-one-party-only" }?.status == .notApplicable)
    }

    @Test func draftingBeyondApprovedFormsNeedsAWashingtonLawyersReview() throws {
        let unreviewed = try decide("draft-document", on: "2026-03-01", Self.facts(["lawyer-review": .boolean(false)]))
        #expect(unreviewed.isOutOfScope)
        #expect(
            try decide("draft-document", on: "2026-03-01", Self.facts(["lawyer-review": .boolean(true)])).kind
                == .permitted)
    }

    @Test func outOfScopeIssuesForbidEveryActionExceptDocumentsAfterWrittenNotice() throws {
        let qdro = Self.facts(["issues": .list(["qdro"]), "out-of-scope-notice-given": .boolean(false)])
        #expect(try decide("advise", on: "2026-03-01", qdro).kind == .prohibited)
        #expect(try decide("complete-forms", on: "2026-03-01", qdro).kind == .prohibited)
        // Whether the notice was given is not known: the exception may or may not defeat the forbid.
        var noticeUnknown = qdro
        noticeUnknown["out-of-scope-notice-given"] = nil
        let doubtful = try decide("complete-forms", on: "2026-03-01", noticeUnknown)
        #expect(doubtful.kind == .undetermined)
        #expect(doubtful.missingFacts.first == .fact("out-of-scope-notice-given"))
        #expect(
            doubtful.rules.first { $0.rule.id == "wa-lllt-out-of-scope-issues" }?.mayBeDefeatedBy == [
                "wa-lllt-out-of-scope-forms-after-notice"
            ])
        // Reg. 2(A): after written notice, documents on an engaged lawyer's written instructions.
        let noticed = qdro.merging(["out-of-scope-notice-given": .boolean(true), "lawyer-instructions": .boolean(true)])
        { _, new in new }
        let forms = try decide("complete-forms", on: "2026-03-01", noticed)
        #expect(forms.kind == .permitted)
        #expect(forms.rules.contains { $0.rule.id == "wa-lllt-out-of-scope-issues" && $0.status == .defeated })
        #expect(try decide("advise", on: "2026-03-01", noticed).kind == .prohibited)
    }

    @Test func withoutTheIssuesTheAnswerIsUndeterminedAndSaysWhatItWouldBe() throws {
        var facts = Self.clean
        facts["issues"] = nil
        let decision = try decide("advise", on: "2026-03-01", facts)
        #expect(decision.kind == .undetermined)
        #expect(decision.missingFacts == [.fact("issues")])
        #expect(decision.otherwise == .permitted)
    }

    @Test func actingForBothSidesIsProhibited() throws {
        #expect(
            try decide("advise", on: "2026-03-01", Self.facts(["represents-other-party": .boolean(true)])).kind
                == .prohibited)
    }

    @Test func theLicenceCoversFamilyLawOnlyAndDidNotExistBefore2012() throws {
        let housing = try decide("advise", on: "2026-03-01", area: "landlord-tenant")
        #expect(housing.kind == .notAuthorized)
        #expect(try decide("advise", on: "2012-08-31").kind == .notAuthorized)
        #expect(try decide("advise", on: "2012-09-01").kind == .permitted)
    }

    @Test func admissionsClosedAfterJuly2023IsNotedNotDecisive() throws {
        let decision = try decide("advise", on: "2026-03-01")
        #expect(decision.kind == .permitted)
        #expect(decision.notes.contains(.admissionsClosed(CivilDate("2023-07-31")!)))
    }

    @Test func contingentFeesAndUngrantedActsAreOutOfScope() throws {
        #expect(try decide("charge-contingency-fee", on: "2026-03-01").kind == .prohibited)
        // APR 28(H)(8)-(9): depositions and appeals are forbidden outright.
        for action in ["file-appeal", "take-deposition"] {
            #expect(try decide(action, on: "2026-03-01").kind == .prohibited, "\(action)")
        }
        for action in ["represent-at-mediation", "modify-forms"] {
            #expect(try decide(action, on: "2026-03-01").kind == .notAuthorized, "\(action)")
        }
    }

    @Test func aSupervisedParalegalMayResearchButNeverAdvise() throws {
        let supervised: [String: FactValue] = ["supervised-by-lawyer": .boolean(true)]
        #expect(try decide("legal-research", on: "2026-03-01", supervised, license: "paralegal").kind == .permitted)
        let unsupervised = try decide(
            "legal-research", on: "2026-03-01", ["supervised-by-lawyer": .boolean(false)], license: "paralegal")
        #expect(unsupervised.isOutOfScope)
        for action in ["advise", "set-fee", "accept-client", "appear-in-court", "take-deposition", "sign-document"] {
            #expect(
                try decide(action, on: "2026-03-01", supervised, license: "paralegal").kind == .prohibited, "\(action)")
        }
    }

    @Test func everyShippedRuleCitesItsSourceAndExplainsWeakSources() throws {
        for rule in packs.rules {
            #expect(!rule.citation.text.isEmpty, "\(rule.id)")
            if rule.citation.status == .unverified {
                #expect(rule.note != nil, "\(rule.id) is unverified but says nothing about why")
            }
            if rule.effect == .forbid {
                #expect(rule.remedy != nil, "\(rule.id) forbids but gives no remedy")
            }
        }
    }
}
