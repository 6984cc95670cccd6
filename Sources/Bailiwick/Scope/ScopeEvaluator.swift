extension PackSet {
    /// Decides a scope question: forbid beats permit, an active exception defeats the rule it
    /// names, nothing granted is `not-authorized`, and unknown facts stay unknown.
    ///
    /// Only the decision itself is worked out here, over the decision tables and with each
    /// candidate's state on the stack, so that it allocates nothing; its explanation (each rule's
    /// fate, the requirements, the missing facts) is worked out again when a reporter reads it.
    public func decide(_ query: ScopeQuery) -> ScopeDecision {
        let verdict = query.facts.withCells { cells, facts in
            withUnsafeTemporaryAllocation(of: CandidateState.self, capacity: query.entries.count) { states in
                states.initialize(repeating: CandidateState())
                return RuleEvaluation(
                    tables: storage.decisionBuffers, query: query, cells: cells, facts: facts, states: states
                )
                .verdict()
            }
        }
        return ScopeDecision(verdict, query: query, storage: storage)
    }

    /// What became of each candidate of a query: the decision's own evaluation, kept.
    func candidateStates(of query: ScopeQuery) -> [CandidateState] {
        storage.candidateStates(of: query)
    }
}

extension PackSet.Storage {
    func candidateStates(of query: ScopeQuery) -> [CandidateState] {
        let count = query.entries.count
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let states = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            states.initialize(repeating: CandidateState())
            query.facts.withCells { cells, facts in
                _ = RuleEvaluation(tables: decisionBuffers, query: query, cells: cells, facts: facts, states: states)
                    .verdict()
            }
            initialized = count
        }
    }
}

/// What became of one candidate rule during a decision.
struct CandidateState: Sendable {
    var inForce = false
    var appliesValue = Kleene.false
    var activeValue = Kleene.false
    var evaluated = false
    var decisive = false
    /// For an active grant: every requirement is met.
    var requirementsMet = false

    var applies: Truth { appliesValue.truth }
    var active: Truth { activeValue.truth }
}

/// How a decision came out: what `ScopeDecision` keeps besides the query. Plain values only, so
/// that handing it on copies bytes; the licence finding is named, and made from the query when read.
struct Verdict {
    var kind: ScopeDecision.Kind
    var license: LicenseCheck = .reaches
    var missing: ScopeDecision.MissingFacts = .none
    var otherwise: ScopeDecision.Kind? = nil
    var unmet = false
    var showsRequirements = false
}

/// Which `LicenseFinding` a decision has, if any.
enum LicenseCheck: Sendable {
    case reaches
    case notInForce
    case areaNotCovered
    case areaNotHeld
    /// `areaNotGiven` with the licence's areas.
    case areaNotGivenCovered
    /// `areaNotGiven` with the areas the person holds.
    case areaNotGivenHeld
}

/// One decision's evaluation: the candidates' truth values, by position among the candidates,
/// in storage the caller provides. It holds the tables as buffers and the query unretained: both
/// outlive it, and reading them counts no references.
private struct RuleEvaluation {
    let entries: UnsafeMutableBufferPointer<DecisionTables.Entry>
    unowned(unsafe) let tables: DecisionTables.Buffers
    let program: ConditionProgram.Reader
    unowned(unsafe) let query: ScopeQuery
    let states: UnsafeMutableBufferPointer<CandidateState>
    let input: ProgramInput

    init(
        tables: DecisionTables.Buffers, query: ScopeQuery, cells: UnsafeBufferPointer<FactCell>,
        facts: UnsafePointer<FactValues>,
        states: UnsafeMutableBufferPointer<CandidateState>
    ) {
        self.tables = tables
        self.query = query
        self.states = states
        program = tables.program.reader
        let day = query.date.dayNumber
        input = ProgramInput(cells: cells, facts: facts, date: query.date, day: day)
        // This query's own entries, by position among its candidates.
        entries = UnsafeMutableBufferPointer(rebasing: tables.entries[query.entries])
        for position in states.indices {
            states[position].inForce = entries[position].from <= day && day <= entries[position].until
        }
    }

    private func forbids(_ position: Int) -> Bool { entries[position].forbids }

    private func evaluate(_ steps: Range<Int>) -> Kleene { program.evaluate(steps, input) }

    /// Active: in force, applies, and not defeated by an active exception. Exceptions form an
    /// acyclic graph (the loader rejects cycles), so the recursion ends.
    private func active(_ position: Int) -> Kleene {
        if states[position].evaluated { return states[position].activeValue }
        states[position].evaluated = true
        guard states[position].inForce else { return .false }
        let entry = entries[position]
        var applies = Kleene.true
        if let areas = entry.areas {
            if let area = query.areaNumber {
                applies = .false
                for slot in areas where tables.areaNumbers[slot] == area { applies = .true }
            } else {
                applies = .unknown
            }
        }
        if applies != .false, !entry.when.isEmpty {
            applies = applies && evaluate(entry.when)
        }
        states[position].appliesValue = applies
        var defeated = Kleene.false
        // Only an exception that is itself a candidate (same licence and action) can apply.
        for slot in entry.exceptions {
            defeated = defeated || active(tables.exceptionPositions[slot])
        }
        let result = applies && !defeated
        states[position].activeValue = result
        return result
    }

    /// Whether the licence reaches the question at all: in force on the date, and covering (and
    /// held in) the decision's area.
    private func checkLicense() -> LicenseCheck {
        let license = tables.licenses[query.licenseNumber]
        guard license.from <= input.day, input.day <= license.until else { return .notInForce }
        var check = LicenseCheck.reaches
        if let covered = license.covered {
            if let area = query.areaNumber {
                if !covered.contains(where: { tables.areaNumbers[$0] == area }) { return .areaNotCovered }
            } else {
                check = .areaNotGivenCovered
            }
        }
        if let held = query.heldAreas {
            if let area = query.decisionArea {
                if !held.contains(area) { return .areaNotHeld }
            } else {
                check = .areaNotGivenHeld
            }
        }
        return check
    }

    func verdict() -> Verdict {
        // Every candidate is evaluated, with no short-circuit: the explanation shows each rule's fate.
        var forbidden = Kleene.false
        var granted = Kleene.false
        for position in states.indices {
            let truth = active(position)
            if forbids(position) {
                forbidden = forbidden || truth
            } else {
                granted = granted || truth
            }
        }
        let license = checkLicense()
        switch license {
        case .notInForce, .areaNotCovered, .areaNotHeld: return Verdict(kind: .notAuthorized, license: license)
        case .reaches, .areaNotGivenCovered, .areaNotGivenHeld: break
        }
        if forbidden == .true {
            for position in states.indices where forbids(position) && states[position].activeValue == .true {
                states[position].decisive = true
            }
            return Verdict(kind: .prohibited)
        }
        if license != .reaches {
            return Verdict(kind: .undetermined, license: license, missing: .area)
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
            for position in states.indices where states[position].inForce && states[position].activeValue == .unknown {
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
        !forbids(position) && states[position].inForce && states[position].activeValue != .false
    }

    private func isActiveGrant(_ position: Int) -> Bool {
        !forbids(position) && states[position].activeValue == .true
    }

    /// Whether a rule's requirements include one the facts show is not met.
    private func hasUnmetRequirement(_ position: Int) -> Bool {
        entries[position].requires.contains { evaluate(tables.requirements[$0]) == .false }
    }

    /// Among the active permits: one with every requirement met makes the action permitted (and
    /// those decide); otherwise it is conditional on the requirements of them all.
    private func grant(marking: Bool) -> (kind: ScopeDecision.Kind, unmet: Bool) {
        var anyUnconditional = false
        var everyGrantHasAnUnmetRequirement = true
        for position in states.indices where isActiveGrant(position) {
            var allMet = true
            var anyUnmet = false
            for slot in entries[position].requires {
                let truth = evaluate(tables.requirements[slot])
                if truth != .true { allMet = false }
                if truth == .false { anyUnmet = true }
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
