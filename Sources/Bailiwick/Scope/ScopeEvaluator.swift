extension PackSet {
    /// Decides a scope question: forbid beats permit, an active exception defeats the rule it
    /// names, nothing granted is `not-authorized`, and unknown facts stay unknown.
    ///
    /// Only the decision itself is worked out here, over the decision tables and with each
    /// candidate's state on the stack, so that it allocates nothing; its explanation (each rule's
    /// fate, the requirements, the missing facts) is worked out again when a reporter reads it.
    public func decide(_ query: ScopeQuery) -> ScopeDecision {
        let count = query.entries.count
        let verdict = storage.decisionTables.withBuffers { tables in
            withUnsafeTemporaryAllocation(of: CandidateState.self, capacity: count) { states in
                states.initialize(repeating: CandidateState())
                return RuleEvaluation(tables: tables, query: query, states: states).verdict()
            }
        }
        return ScopeDecision(verdict, query: query, packs: self)
    }

    /// What became of each candidate of a query: the decision's own evaluation, kept.
    func candidateStates(of query: ScopeQuery) -> [CandidateState] {
        let count = query.entries.count
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let states = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            states.initialize(repeating: CandidateState())
            storage.decisionTables.withBuffers { tables in
                _ = RuleEvaluation(tables: tables, query: query, states: states).verdict()
            }
            initialized = count
        }
    }
}

/// What became of one candidate rule during a decision.
struct CandidateState: Sendable {
    var inForce = false
    var applies = Truth.false
    var active = Truth.false
    var evaluated = false
    var decisive = false
    /// For an active grant: every requirement is met.
    var requirementsMet = false
}

/// How a decision came out: what `ScopeDecision` keeps besides the query.
struct Verdict {
    var kind: ScopeDecision.Kind
    var licenseFinding: LicenseFinding? = nil
    var missing: ScopeDecision.MissingFacts = .none
    var otherwise: ScopeDecision.Kind? = nil
    var unmet = false
    var showsRequirements = false
}

/// One decision's evaluation: the candidates' truth values, by position among the candidates,
/// in storage the caller provides. It holds the tables as buffers and the query unretained: both
/// outlive it, and reading them counts no references.
private struct RuleEvaluation {
    let tables: DecisionTables.Buffers
    unowned(unsafe) let query: ScopeQuery
    let states: UnsafeMutableBufferPointer<CandidateState>
    /// The position of the first candidate's entry in the decision tables.
    let first: Int

    init(tables: DecisionTables.Buffers, query: ScopeQuery, states: UnsafeMutableBufferPointer<CandidateState>) {
        self.tables = tables
        self.query = query
        self.states = states
        first = query.entries.lowerBound
        for position in states.indices {
            states[position].inForce = tables.entries[first + position].period.contains(query.date)
        }
    }

    private func forbids(_ position: Int) -> Bool { tables.entries[first + position].forbids }

    /// Active: in force, applies, and not defeated by an active exception. Exceptions form an
    /// acyclic graph (the loader rejects cycles), so the recursion ends.
    private func active(_ position: Int) -> Truth {
        if states[position].evaluated { return states[position].active }
        states[position].evaluated = true
        guard states[position].inForce else { return .false }
        let entry = first + position
        var applies = Truth.true
        if let areas = tables.entries[entry].areas {
            if let area = query.areaNumber {
                applies = .false
                for slot in areas where tables.areaNumbers[slot] == area { applies = .true }
            } else {
                applies = .unknown
            }
        }
        if applies != .false, let when = tables.entries[entry].when {
            applies = applies && tables.conditions[when].evaluate(query.facts, on: query.date)
        }
        states[position].applies = applies
        var defeated = Truth.false
        // Only an exception that is itself a candidate (same licence and action) can apply.
        for slot in tables.entries[entry].exceptions {
            let truth = active(tables.exceptionPositions[slot])
            defeated = defeated || truth
        }
        let result = applies && !defeated
        states[position].active = result
        return result
    }

    func verdict() -> Verdict {
        // Every candidate is evaluated, with no short-circuit: the explanation shows each rule's fate.
        var forbidden = Truth.false
        var granted = Truth.false
        for position in states.indices {
            let truth = active(position)
            if forbids(position) {
                forbidden = forbidden || truth
            } else {
                granted = granted || truth
            }
        }
        if !query.license.validity.contains(query.date) {
            return Verdict(kind: .notAuthorized, licenseFinding: .notInForce(query.license.validity))
        }
        let area = query.decisionArea
        var licenseFinding: LicenseFinding?
        if case .only(let covered) = query.license.areas {
            if let area, !covered.contains(area) {
                return Verdict(kind: .notAuthorized, licenseFinding: .areaNotCovered(area: area, covered: covered))
            }
            if area == nil { licenseFinding = .areaNotGiven(covered: covered) }
        }
        if let held = query.heldAreas {
            if let area, !held.contains(area) {
                return Verdict(kind: .notAuthorized, licenseFinding: .areaNotHeld(area: area, held: held))
            }
            if area == nil { licenseFinding = .areaNotGiven(covered: held) }
        }
        if forbidden == .true {
            for position in states.indices where forbids(position) && states[position].active == .true {
                states[position].decisive = true
            }
            return Verdict(kind: .prohibited)
        }
        if licenseFinding != nil {
            return Verdict(kind: .undetermined, licenseFinding: licenseFinding, missing: .area)
        }
        if granted == .false {
            return Verdict(kind: .notAuthorized)
        }
        if forbidden == .unknown || granted == .unknown {
            // Every grant that could apply needs something the facts show unmet: whatever the
            // unknown facts turn out to be, the action is out of scope until that is met.
            var anyPossibleGrant = false
            var everyPossibleGrantUnmet = true
            for position in states.indices where mayGrant(position) {
                anyPossibleGrant = true
                if !hasUnmetRequirement(position) {
                    everyPossibleGrantUnmet = false
                    break
                }
            }
            if anyPossibleGrant, everyPossibleGrantUnmet {
                for position in states.indices where mayGrant(position) { states[position].decisive = true }
                return Verdict(kind: .conditional, missing: .requirements, unmet: true, showsRequirements: true)
            }
            // When only a forbid is in doubt, say what the answer is if it does not apply.
            let otherwise = granted == .true ? grant(marking: false).kind : nil
            for position in states.indices where states[position].inForce && states[position].active == .unknown {
                states[position].decisive = true
            }
            return Verdict(
                kind: .undetermined, missing: .uncertainRules, otherwise: otherwise, showsRequirements: otherwise != nil
            )
        }
        let grant = grant(marking: true)
        return Verdict(
            kind: grant.kind, missing: grant.kind == .conditional ? .requirements : .none, unmet: grant.unmet,
            showsRequirements: true)
    }

    /// A permit in force whose activity the facts do not rule out.
    private func mayGrant(_ position: Int) -> Bool {
        !forbids(position) && states[position].inForce && states[position].active != .false
    }

    private func isActiveGrant(_ position: Int) -> Bool {
        !forbids(position) && states[position].active == .true
    }

    /// Whether a rule's requirements include one the facts show is not met.
    private func hasUnmetRequirement(_ position: Int) -> Bool {
        tables.entries[first + position].requires.contains {
            tables.requirementConditions[$0].evaluate(query.facts, on: query.date) == .false
        }
    }

    /// Among the active permits: one with every requirement met makes the action permitted (and
    /// those decide); otherwise it is conditional on the requirements of them all.
    private func grant(marking: Bool) -> (kind: ScopeDecision.Kind, unmet: Bool) {
        var anyUnconditional = false
        var everyGrantHasAnUnmetRequirement = true
        for position in states.indices where isActiveGrant(position) {
            var allMet = true
            var anyUnmet = false
            for slot in tables.entries[first + position].requires {
                switch tables.requirementConditions[slot].evaluate(query.facts, on: query.date) {
                case .true: continue
                case .false:
                    anyUnmet = true
                    allMet = false
                case .unknown: allMet = false
                }
            }
            states[position].requirementsMet = allMet
            if allMet { anyUnconditional = true }
            if !anyUnmet { everyGrantHasAnUnmetRequirement = false }
        }
        if marking {
            for position in states.indices where isActiveGrant(position) {
                if !anyUnconditional || states[position].requirementsMet { states[position].decisive = true }
            }
        }
        return anyUnconditional ? (.permitted, false) : (.conditional, everyGrantHasAnUnmetRequirement)
    }
}
