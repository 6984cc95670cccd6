extension PackSet {
    /// Decides a scope question: forbid beats permit, an active exception defeats the rule it
    /// names, nothing granted is `not-authorized`, and unknown facts stay unknown.
    ///
    /// Only the decision itself is worked out here; its explanation (each rule's fate, the
    /// requirements, the missing facts) is derived from the recorded state when it is read.
    public func decide(_ query: ScopeQuery) -> ScopeDecision {
        var evaluation = RuleEvaluation(packs: self, query: query)
        return evaluation.decision()
    }
}

/// What became of one candidate rule during a decision.
struct CandidateState: Sendable {
    var inForce = false
    var applies = Truth.false
    var active = Truth.false
    var evaluated = false
    var decisive = false
}

/// The state of one decision: the candidate rules' truth values, by position among the candidates.
private struct RuleEvaluation {
    let packs: PackSet
    let query: ScopeQuery
    let candidates: [Int]
    let area: String?
    let areaAssumed: Bool
    var states: [CandidateState]

    init(packs: PackSet, query: ScopeQuery) {
        self.packs = packs
        self.query = query
        candidates = query.candidates
        if let given = query.area {
            area = given.id
            areaAssumed = false
        } else if let held = query.heldAreas, held.count == 1 {
            area = held[0]
            areaAssumed = true
        } else if case .only(let covered) = query.license.areas, covered.count == 1 {
            area = covered[0]
            areaAssumed = true
        } else {
            area = nil
            areaAssumed = false
        }
        states = Array(repeating: CandidateState(), count: candidates.count)
        for position in candidates.indices {
            states[position].inForce = packs.rules[candidates[position]].period.contains(query.date)
        }
    }

    /// Active: in force, applies, and not defeated by an active exception. Exceptions form an
    /// acyclic graph (the loader rejects cycles), so the recursion ends.
    private mutating func active(_ position: Int) -> Truth {
        if states[position].evaluated { return states[position].active }
        states[position].evaluated = true
        guard states[position].inForce else { return .false }
        let index = candidates[position]
        var applies = Truth.true
        if let areas = packs.rules[index].areas {
            applies = area.map { Truth(areas.contains($0)) } ?? .unknown
        }
        if applies != .false, let condition = packs.rules[index].when {
            applies = applies && condition.evaluate(query.facts, on: query.date)
        }
        states[position].applies = applies
        var defeated = Truth.false
        for exception in packs.exceptionsTo[index] {
            // Only an exception that is itself a candidate (same licence and action) can apply.
            guard let other = candidates.firstIndex(of: exception) else { continue }
            let truth = active(other)
            defeated = defeated || truth
        }
        let result = applies && !defeated
        states[position].active = result
        return result
    }

    mutating func decision() -> ScopeDecision {
        // Every candidate is evaluated, with no short-circuit: the explanation shows each rule's fate.
        var forbidden = Truth.false
        var granted = Truth.false
        for position in candidates.indices {
            let truth = active(position)
            if packs.rules[candidates[position]].effect == .forbid {
                forbidden = forbidden || truth
            } else {
                granted = granted || truth
            }
        }
        let license = query.license
        if !license.validity.contains(query.date) {
            return finish(.notAuthorized, licenseFinding: .notInForce(license.validity))
        }
        var licenseFinding: LicenseFinding?
        if case .only(let covered) = license.areas {
            if let area, !covered.contains(area) {
                return finish(.notAuthorized, licenseFinding: .areaNotCovered(area: area, covered: covered))
            }
            if area == nil { licenseFinding = .areaNotGiven(covered: covered) }
        }
        if let held = query.heldAreas {
            if let area, !held.contains(area) {
                return finish(.notAuthorized, licenseFinding: .areaNotHeld(area: area, held: held))
            }
            if area == nil { licenseFinding = .areaNotGiven(covered: held) }
        }
        if forbidden == .true {
            mark(
                candidates.indices.filter {
                    packs.rules[candidates[$0]].effect == .forbid && states[$0].active == .true
                })
            return finish(.prohibited)
        }
        if licenseFinding != nil {
            return finish(.undetermined, licenseFinding: licenseFinding, missing: .area)
        }
        if granted == .false {
            return finish(.notAuthorized)
        }
        if forbidden == .unknown || granted == .unknown {
            // Every grant that could apply needs something the facts show unmet: whatever the
            // unknown facts turn out to be, the action is out of scope until that is met.
            let possibleGrants = candidates.indices.filter {
                packs.rules[candidates[$0]].effect == .permit && states[$0].inForce && states[$0].active != .false
            }
            if !possibleGrants.isEmpty, possibleGrants.allSatisfy(hasUnmetRequirement) {
                mark(possibleGrants)
                return finish(.conditional, missing: .requirements, unmet: true, showsRequirements: true)
            }
            // When only a forbid is in doubt, say what the answer is if it does not apply.
            let otherwise = granted == .true ? grantKind() : nil
            mark(candidates.indices.filter { states[$0].inForce && states[$0].active == .unknown })
            return finish(
                .undetermined, missing: .uncertainRules, otherwise: otherwise?.kind,
                showsRequirements: otherwise != nil)
        }
        let grant = grantKind()
        mark(grant.decisive)
        return finish(
            grant.kind, missing: grant.kind == .conditional ? .requirements : .none, unmet: grant.unmet,
            showsRequirements: true)
    }

    private mutating func mark(_ decisive: [Int]) {
        for position in decisive { states[position].decisive = true }
    }

    /// Whether a rule's requirements include one the facts show is not met.
    private func hasUnmetRequirement(_ position: Int) -> Bool {
        packs.rules[candidates[position]].requires.contains {
            $0.condition.evaluate(query.facts, on: query.date) == .false
        }
    }

    /// Among the active permits: one with every requirement met makes the action permitted;
    /// otherwise it is conditional on the requirements of them all.
    private func grantKind() -> (kind: ScopeDecision.Kind, decisive: [Int], unmet: Bool) {
        var grants: [Int] = []
        var unconditional: [Int] = []
        var everyGrantHasAnUnmetRequirement = true
        for position in candidates.indices
        where packs.rules[candidates[position]].effect == .permit && states[position].active == .true {
            grants.append(position)
            var allMet = true
            var anyUnmet = false
            for requirement in packs.rules[candidates[position]].requires {
                switch requirement.condition.evaluate(query.facts, on: query.date) {
                case .true: continue
                case .false:
                    anyUnmet = true
                    allMet = false
                case .unknown: allMet = false
                }
            }
            if allMet { unconditional.append(position) }
            if !anyUnmet { everyGrantHasAnUnmetRequirement = false }
        }
        if !unconditional.isEmpty { return (.permitted, unconditional, false) }
        return (.conditional, grants, everyGrantHasAnUnmetRequirement)
    }

    private func finish(
        _ kind: ScopeDecision.Kind, licenseFinding: LicenseFinding? = nil, missing: ScopeDecision.MissingFacts = .none,
        otherwise: ScopeDecision.Kind? = nil, unmet: Bool = false, showsRequirements: Bool = false
    ) -> ScopeDecision {
        ScopeDecision(
            kind: kind, query: query, area: area, areaAssumed: areaAssumed, licenseFinding: licenseFinding,
            otherwise: otherwise, hasUnmetRequirement: kind == .conditional && unmet, packs: packs,
            candidates: candidates, states: states, missingFrom: missing, showsRequirements: showsRequirements)
    }
}
