extension PackSet {
    /// Decides a scope question: forbid beats permit, an active exception defeats the rule it
    /// names, nothing granted is `not-authorized`, and unknown facts stay unknown.
    public func decide(_ query: ScopeQuery) -> ScopeDecision {
        var evaluation = RuleEvaluation(packs: self, query: query)
        return evaluation.decision()
    }
}

/// The state of one decision: the candidate rules' truth values, memoised.
private struct RuleEvaluation {
    let packs: PackSet
    let query: ScopeQuery
    let candidates: [Int]
    let area: String?
    let areaAssumed: Bool
    var applies: [Int: Truth] = [:]
    var active: [Int: Truth] = [:]

    init(packs: PackSet, query: ScopeQuery) {
        self.packs = packs
        self.query = query
        let key = PackSet.CandidateKey(
            jurisdiction: packs.jurisdictionIndex[query.jurisdiction.id]!,
            license: packs.licenseIndex[query.license.key]!
        )
        candidates = packs.candidates[key]?[query.action.index] ?? []
        if let given = query.area {
            area = given.id
            areaAssumed = false
        } else if case .only(let covered) = query.license.areas, covered.count == 1 {
            area = covered[0]
            areaAssumed = true
        } else {
            area = nil
            areaAssumed = false
        }
    }

    private func inForce(_ rule: Int) -> Bool { packs.rules[rule].period.contains(query.date) }

    private mutating func appliesTruth(_ index: Int) -> Truth {
        if let known = applies[index] { return known }
        let rule = packs.rules[index]
        var truth = Truth.true
        if let areas = rule.areas {
            truth = area.map { Truth(areas.contains($0)) } ?? .unknown
        }
        if truth != .false, let condition = rule.when {
            truth = truth && condition.evaluate(query.facts)
        }
        applies[index] = truth
        return truth
    }

    /// Active: in force, applies, and not defeated by an active exception. Exceptions form an
    /// acyclic graph (the loader rejects cycles), so the recursion ends.
    private mutating func activeTruth(_ index: Int) -> Truth {
        if let known = active[index] { return known }
        guard candidates.contains(index), inForce(index) else { return .false }
        let truth = appliesTruth(index) && !defeatedTruth(index)
        active[index] = truth
        return truth
    }

    private mutating func defeatedTruth(_ index: Int) -> Truth {
        var truth = Truth.false
        for exception in packs.exceptionsTo[index] {
            let exceptionTruth = activeTruth(exception)
            truth = truth || exceptionTruth
        }
        return truth
    }

    private func unknownFacts(of condition: Condition?) -> [String] {
        condition.map { $0.unknownSlots(in: query.facts).map { packs.facts[$0].id } } ?? []
    }

    /// The facts that leave a rule's activity unknown: those of its own conditions, and of the
    /// exceptions whose own activity is unknown.
    private func unknownFacts(ofRule index: Int) -> [String] {
        let rule = packs.rules[index]
        let areaMissing = rule.areas != nil && area == nil
        var facts = (areaMissing ? ["area"] : []) + unknownFacts(of: rule.when)
        for exception in packs.exceptionsTo[index] where active[exception] == .unknown {
            facts += unknownFacts(ofRule: exception)
        }
        var seen = Set<String>()
        return facts.filter { seen.insert($0).inserted }
    }

    mutating func decision() -> ScopeDecision {
        // Every candidate is evaluated first, so that the explanation shows each rule's fate
        // even when the licence itself settles the question.
        let forbids = candidates.filter { packs.rules[$0].effect == .forbid }
        let permits = candidates.filter { packs.rules[$0].effect == .permit }
        // No short-circuit: the explanation needs every rule's own status.
        var forbidden = Truth.false
        for rule in forbids {
            let truth = activeTruth(rule)
            forbidden = forbidden || truth
        }
        var granted = Truth.false
        for rule in permits {
            let truth = activeTruth(rule)
            granted = granted || truth
        }

        let license = query.license
        if !license.validity.contains(query.date) {
            return finish(.notAuthorized, licenseFinding: .notInForce(license.validity), decisive: [])
        }
        var licenseFinding: LicenseFinding?
        if case .only(let covered) = license.areas {
            if let area, !covered.contains(area) {
                return finish(.notAuthorized, licenseFinding: .areaNotCovered(area: area, covered: covered), decisive: [])
            }
            if area == nil { licenseFinding = .areaNotGiven(covered: covered) }
        }

        if forbidden == .true {
            let decisive = Set(forbids.filter { active[$0] == .true })
            return finish(.prohibited, licenseFinding: nil, decisive: decisive)
        }
        if licenseFinding != nil {
            return finish(.undetermined, licenseFinding: licenseFinding, decisive: [], missing: ["area"])
        }
        if granted == .false {
            return finish(.notAuthorized, licenseFinding: nil, decisive: [])
        }
        if forbidden == .unknown || granted == .unknown {
            let uncertain = candidates.filter { inForce($0) && active[$0] == .unknown }
            // When only a forbid is in doubt, say what the answer is if it does not apply.
            let otherwise = granted == .true ? grantDecision(permits) : nil
            return finish(.undetermined, licenseFinding: nil, decisive: Set(uncertain),
                          requirements: otherwise?.requirements ?? [],
                          missing: uncertain.flatMap { unknownFacts(ofRule: $0) }, otherwise: otherwise?.kind)
        }
        let grant = grantDecision(permits)
        return finish(grant.kind, licenseFinding: nil, decisive: grant.decisive, requirements: grant.requirements,
                      missing: grant.kind == .conditional ? grant.requirements.flatMap(\.unknownFacts) : [])
    }

    /// Among the active permits: one with every requirement met makes the action permitted;
    /// otherwise it is conditional on the requirements of them all.
    private func grantDecision(_ permits: [Int]) -> (kind: ScopeDecision.Kind, decisive: Set<Int>, requirements: [RequirementOutcome]) {
        let grants = permits.filter { active[$0] == .true }
        var requirements: [RequirementOutcome] = []
        var unconditional = Set<Int>()
        for grant in grants {
            let rule = packs.rules[grant]
            let outcomes = rule.requires.map { requirement in
                RequirementOutcome(
                    ruleID: rule.id, requirement: requirement,
                    truth: requirement.condition.evaluate(query.facts),
                    unknownFacts: unknownFacts(of: requirement.condition)
                )
            }
            if outcomes.allSatisfy({ $0.truth == .true }) { unconditional.insert(grant) }
            requirements += outcomes
        }
        if !unconditional.isEmpty {
            let shown = requirements.filter { outcome in unconditional.contains { packs.rules[$0].id == outcome.ruleID } }
            return (.permitted, unconditional, shown)
        }
        return (.conditional, Set(grants), requirements)
    }

    private func finish(
        _ kind: ScopeDecision.Kind, licenseFinding: LicenseFinding?, decisive: Set<Int>,
        requirements: [RequirementOutcome] = [], missing: [String] = [], otherwise: ScopeDecision.Kind? = nil
    ) -> ScopeDecision {
        let outcomes = candidates.map { index in outcome(of: index, decisive: decisive.contains(index)) }
        var seenMissing = Set<String>()
        var readSlots: [Int] = []
        for index in candidates where inForce(index) {
            readSlots += packs.rules[index].when?.factSlots ?? []
        }
        readSlots += requirements.flatMap(\.requirement.condition.factSlots)
        var seenRead = Set<Int>()
        let factsRead = readSlots.filter { seenRead.insert($0).inserted }
            .map { (id: packs.facts[$0].id, value: query.facts[$0]) }
        return ScopeDecision(
            kind: kind, query: query, area: area, areaAssumed: areaAssumed, licenseFinding: licenseFinding,
            rules: outcomes, requirements: requirements,
            missingFacts: missing.filter { seenMissing.insert($0).inserted },
            factsRead: factsRead, notes: notes(), otherwise: otherwise
        )
    }

    private func outcome(of index: Int, decisive: Bool) -> RuleOutcome {
        let rule = packs.rules[index]
        guard inForce(index) else {
            return RuleOutcome(rule: rule, status: .notInForce, defeatedBy: [], mayBeDefeatedBy: [], unknownFacts: [], decisive: false)
        }
        let defeaters = packs.exceptionsTo[index].filter { active[$0] == .true }.map { packs.rules[$0].id }
        let status: RuleOutcome.Status
        switch (applies[index] ?? .true, active[index] ?? .false) {
        case (.false, _): status = .notApplicable
        case (_, .true): status = .active
        case (.true, .false): status = .defeated
        default: status = .unknown
        }
        let doubtfulExceptions = status == .unknown && applies[index] == .true
            ? packs.exceptionsTo[index].filter { active[$0] == .unknown }.map { packs.rules[$0].id } : []
        return RuleOutcome(rule: rule, status: status, defeatedBy: defeaters, mayBeDefeatedBy: doubtfulExceptions,
                           unknownFacts: status == .unknown ? unknownFacts(ofRule: index) : [], decisive: decisive)
    }

    private func notes() -> [String] {
        var notes: [String] = []
        let license = query.license
        if areaAssumed, let area {
            notes.append("Practice area taken as '\(area)', the only area the \(license.key.id) licence covers.")
        }
        if let closed = license.admissionsUntil, closed < query.date {
            notes.append("No new \(license.title) licences were issued after \(closed); this answer holds for a licence issued by then and still in good standing.")
        }
        return notes
    }
}
