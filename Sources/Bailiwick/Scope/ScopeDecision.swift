/// The answer to a scope question, with everything needed to explain it. The explanation is
/// derived from the evaluation's recorded state when it is read, so deciding stays cheap.
public struct ScopeDecision: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A rule grants the action and none forbids it.
        case permitted
        /// Granted only if the listed requirements hold.
        case conditional
        /// A rule forbids it: unauthorized practice.
        case prohibited
        /// No rule grants it (default deny).
        case notAuthorized = "not-authorized"
        /// The answer depends on facts the matter does not give.
        case undetermined
    }

    /// Where the facts still to find come from.
    enum MissingFacts: Sendable {
        case none, area, uncertainRules, requirements
    }

    public let kind: Kind
    public let query: ScopeQuery
    /// For `undetermined` where only a forbid is in doubt: the decision if it does not apply.
    public let otherwise: Kind?
    /// True when a `conditional` grant has a requirement that the facts show is not met.
    public let hasUnmetRequirement: Bool

    /// The packs' store, not the `PackSet`: one reference to count.
    let packs: PackSet.Storage
    let missingFrom: MissingFacts
    let showsRequirements: Bool
    let license: LicenseCheck

    init(_ verdict: Verdict, query: ScopeQuery, storage: PackSet.Storage) {
        kind = verdict.kind
        self.query = query
        otherwise = verdict.otherwise
        hasUnmetRequirement = verdict.kind == .conditional && verdict.unmet
        packs = storage
        missingFrom = verdict.missing
        showsRequirements = verdict.showsRequirements
        license = verdict.license
    }

    /// The practice area the decision was made for: the one given, or the licence's only one.
    public var area: String? { query.decisionArea }
    public var areaAssumed: Bool { query.areaAssumed }

    /// Why the licence itself does not reach the action, if it does not.
    public var licenseFinding: LicenseFinding? {
        let covered: [String]
        if case .only(let areas) = query.license.areas { covered = areas } else { covered = [] }
        let held = query.heldAreas ?? []
        switch license {
        case .reaches: return nil
        case .notInForce: return .notInForce(query.license.validity)
        case .areaNotCovered: return .areaNotCovered(area: area ?? "", covered: covered)
        case .areaNotHeld: return .areaNotHeld(area: area ?? "", held: held)
        case .areaNotGivenCovered: return .areaNotGiven(covered: covered)
        case .areaNotGivenHeld: return .areaNotGiven(covered: held)
        }
    }

    private var candidates: [Int] { query.candidates }

    /// Each candidate's fate, worked out again for the explanation: the decision keeps none.
    private var states: [CandidateState] { packs.candidateStates(of: query) }

    /// True when the action is out of scope: the user must not go ahead.
    public var isOutOfScope: Bool {
        kind == .prohibited || kind == .notAuthorized || hasUnmetRequirement
    }

    /// Every rule that names the licence and the action, with what became of it.
    public var rules: [RuleOutcome] {
        let states = self.states
        return candidates.indices.map { outcome($0, states) }
    }

    /// The rules that decided: the active forbids for `prohibited`, the active grants otherwise.
    public var decisiveRules: [RuleOutcome] {
        let states = self.states
        return candidates.indices.filter { states[$0].decisive }.map { outcome($0, states) }
    }

    /// The rules of `decisiveRules` without their outcomes (what an audit's finding names): no
    /// defeaters or missing facts are worked out for them.
    public var decidingRules: [ScopeRule] {
        let states = self.states
        return candidates.indices.filter { states[$0].decisive }.map { packs.rules[candidates[$0]] }
    }

    /// The decisive rules that rest on less than the rule's own text.
    public var weaklySourcedRules: [ScopeRule] { decidingRules.filter(Self.isWeaklySourced) }

    /// Whether a decisive rule rests on less than its own text.
    static func isWeaklySourced(_ rule: ScopeRule) -> Bool { rule.citation.status != .primary }

    /// The requirements of the granting rules, each met, unmet or unknown.
    public var requirements: [RequirementOutcome] { requirements(states) }

    private func requirements(_ states: [CandidateState]) -> [RequirementOutcome] {
        guard showsRequirements else { return [] }
        let grants = candidates.indices.filter { position in
            packs.rules[candidates[position]].effect == .permit
                && (kind == .undetermined ? states[position].active == .true : states[position].decisive)
        }
        return grants.flatMap { position -> [RequirementOutcome] in
            let rule = packs.rules[candidates[position]]
            return rule.requires.indices.map { index in
                let condition = rule.requires[index].condition
                return RequirementOutcome(
                    rule: rule, index: index, truth: condition.evaluate(query.facts, on: query.date),
                    unknownFacts: unknownFacts(of: condition))
            }
        }
    }

    /// What must be found before the decision can be final: the practice area, or facts.
    public var missingFacts: [MissingFact] { missingFacts(states, requirements: nil) }

    /// Every fact the decision read, with its value (nil: not given).
    public var factsRead: [(id: String, value: FactValue?)] {
        let states = self.states
        return factsRead(states, requirements: requirements(states))
    }

    /// The pack parameters the in-force rules read, each with the value it has on the date.
    public var parametersUsed: [ParameterUse] { parametersUsed(states) }

    /// Things the user should know that do not change the decision.
    public var notes: [DecisionNote] { notes(parametersUsed: parametersUsed) }

    /// The whole explanation, its lists worked out from one evaluation of the candidates: each of
    /// the decision's own lists, read alone, evaluates them again.
    public var explanation: Explanation {
        let states = self.states
        let requirements = requirements(states)
        let parameters = parametersUsed(states)
        return Explanation(
            rules: candidates.indices.map { outcome($0, states) }, requirements: requirements,
            missingFacts: missingFacts(states, requirements: requirements),
            factsRead: factsRead(states, requirements: requirements), parametersUsed: parameters,
            notes: notes(parametersUsed: parameters))
    }

    /// A decision's lists, as `explanation` works them out together.
    public struct Explanation: Sendable {
        public let rules: [RuleOutcome]
        public let requirements: [RequirementOutcome]
        public let missingFacts: [MissingFact]
        public let factsRead: [(id: String, value: FactValue?)]
        public let parametersUsed: [ParameterUse]
        public let notes: [DecisionNote]

        public var decisiveRules: [RuleOutcome] { rules.filter(\.decisive) }
        /// `ScopeDecision.weaklySourcedRules`.
        public var weaklySourcedRules: [ScopeRule] {
            decisiveRules.map(\.rule).filter(ScopeDecision.isWeaklySourced)
        }
    }

    /// `requirements`, when the caller has them already; worked out here only when they are needed.
    private func missingFacts(_ states: [CandidateState], requirements: [RequirementOutcome]?) -> [MissingFact] {
        let facts: [MissingFact]
        switch missingFrom {
        case .none: facts = []
        case .area: facts = [.area]
        case .uncertainRules:
            var found: [Int] = []
            for position in candidates.indices where states[position].decisive {
                gatherMissing(ofRuleAt: position, states, into: &found)
            }
            return found.map(missingFact) // each once already
        case .requirements:
            facts = (requirements ?? self.requirements(states)).flatMap(\.unknownFacts).map(MissingFact.fact)
        }
        var seen = Set<MissingFact>()
        return facts.filter { seen.insert($0).inserted }
    }

    private func factsRead(_ states: [CandidateState], requirements: [RequirementOutcome])
        -> [(id: String, value: FactValue?)]
    {
        // Each fact once, in the order first read: marked by slot, not hashed.
        var seen = [Bool](repeating: false, count: packs.facts.count)
        var read: [(id: String, value: FactValue?)] = []
        func add(_ slots: [Int]) {
            for slot in slots where !seen[slot] {
                seen[slot] = true
                read.append((id: packs.facts[slot].id, value: query.facts[slot]))
            }
        }
        for position in candidates.indices where states[position].inForce {
            if let when = packs.rules[candidates[position]].when { add(when.factSlots) }
        }
        for requirement in requirements { add(requirement.requirement.condition.factSlots) }
        return read
    }

    private func parametersUsed(_ states: [CandidateState]) -> [ParameterUse] {
        var uses: [ParameterUse] = []
        // Few rules read a parameter: the list stays short, and is searched rather than hashed.
        func add(_ condition: Condition) {
            for parameter in condition.parameters where !uses.contains(where: { $0.parameter.id == parameter.id }) {
                uses.append(ParameterUse(parameter: parameter, value: parameter.value(on: query.date)))
            }
        }
        for position in candidates.indices where states[position].inForce {
            let rule = packs.rules[candidates[position]]
            if let when = rule.when { add(when) }
            for requirement in rule.requires { add(requirement.condition) }
        }
        return uses
    }

    private func notes(parametersUsed: [ParameterUse]) -> [DecisionNote] {
        var notes: [DecisionNote] = []
        for use in parametersUsed where use.value == nil {
            notes.append(.parameterHasNoValue(use.parameter.id, firstDate: use.parameter.firstDate))
        }
        if areaAssumed, let area { notes.append(.areaAssumed(area)) }
        if let closed = query.license.admissionsUntil, closed < query.date { notes.append(.admissionsClosed(closed)) }
        return notes
    }

    private func unknownFacts(of condition: Condition?) -> [String] {
        condition.map { $0.unknownSlots(in: query.facts).map { packs.facts[$0].id } } ?? []
    }

    /// What leaves a rule's activity unknown: the area it is limited to when none is given, the
    /// facts of its own conditions, and those of the exceptions whose own activity is unknown.
    private func missing(ofRuleAt position: Int, _ states: [CandidateState]) -> [MissingFact] {
        var found: [Int] = []
        gatherMissing(ofRuleAt: position, states, into: &found)
        return found.map(missingFact)
    }

    /// `missing(ofRuleAt:)` as fact slots (`areaSlot` for the area), each once, in the order first
    /// met: the lists are short, so they are searched, and a fact's id is looked up only at the end.
    private func gatherMissing(ofRuleAt position: Int, _ states: [CandidateState], into found: inout [Int]) {
        let index = candidates[position]
        let rule = packs.rules[index]
        if rule.areas != nil, area == nil, !found.contains(Self.areaSlot) { found.append(Self.areaSlot) }
        if let when = rule.when {
            for slot in when.factSlots where query.facts[slot] == nil && !found.contains(slot) { found.append(slot) }
        }
        for exception in packs.exceptionsTo[index] {
            if let other = candidates.firstIndex(of: exception), states[other].active == .unknown {
                gatherMissing(ofRuleAt: other, states, into: &found)
            }
        }
    }

    private static let areaSlot = -1

    private func missingFact(_ slot: Int) -> MissingFact {
        slot == Self.areaSlot ? .area : .fact(packs.facts[slot].id)
    }

    private func outcome(_ position: Int, _ states: [CandidateState]) -> RuleOutcome {
        let index = candidates[position]
        let rule = packs.rules[index]
        let state = states[position]
        guard state.inForce else {
            return RuleOutcome(
                rule: rule, status: .notInForce, defeatedBy: [], mayBeDefeatedBy: [], unknownFacts: [], decisive: false)
        }
        let exceptions = packs.exceptionsTo[index].compactMap { candidates.firstIndex(of: $0) }
        let defeaters = exceptions.filter { states[$0].active == .true }.map { packs.rules[candidates[$0]].id }
        let status: RuleOutcome.Status
        switch (state.applies, state.active) {
        case (.false, _): status = .notApplicable
        case (_, .true): status = .active
        case (.true, .false): status = .defeated
        default: status = .unknown
        }
        let doubtful =
            status == .unknown && state.applies == .true
            ? exceptions.filter { states[$0].active == .unknown }.map { packs.rules[candidates[$0]].id } : []
        return RuleOutcome(
            rule: rule, status: status, defeatedBy: defeaters, mayBeDefeatedBy: doubtful,
            unknownFacts: status == .unknown ? missing(ofRuleAt: position, states) : [],
            decisive: state.decisive)
    }
}

/// Something the user should know about a decision that does not change it.
public enum DecisionNote: Sendable, Equatable {
    /// The area was not given; the licence's only area was used.
    case areaAssumed(String)
    /// No new licences were issued after this day: the answer holds for a licence issued by then.
    case admissionsClosed(CivilDate)
    /// The pack gives the parameter no value on the decision's date (its first value starts
    /// later), so a rule reading it is undetermined rather than guessed.
    case parameterHasNoValue(String, firstDate: CivilDate?)
}

/// Something a decision needs that the question did not give.
public enum MissingFact: Sendable, Hashable {
    /// The matter's practice area.
    case area
    /// A fact, by id.
    case fact(String)

    /// How it is named where a word is wanted: `area`, or the fact's id.
    public var name: String {
        switch self {
        case .area: "area"
        case .fact(let id): id
        }
    }
}

/// Why a licence does not reach the question at all.
public enum LicenseFinding: Sendable, Equatable {
    /// The licence did not exist yet, or no longer existed, on the date.
    case notInForce(EffectivePeriod)
    /// The matter's area is outside the licence's areas.
    case areaNotCovered(area: String, covered: [String])
    /// The licence covers the matter's area, but the person holds it only in other areas.
    case areaNotHeld(area: String, held: [String])
    /// The licence covers several areas and the matter's area was not given.
    case areaNotGiven(covered: [String])
}

/// What became of one candidate rule.
public struct RuleOutcome: Sendable {
    public enum Status: String, Sendable {
        /// In force, applies and is not defeated: it counts.
        case active
        /// Applies, but an active exception defeats it.
        case defeated
        /// In force, but its `when` or `areas` does not hold for this matter.
        case notApplicable = "not-applicable"
        /// Whether it applies depends on facts not given.
        case unknown
        /// Not in force on the date.
        case notInForce = "not-in-force"
    }

    public let rule: ScopeRule
    public let status: Status
    /// The active exceptions that defeat it.
    public let defeatedBy: [String]
    /// The exceptions that would defeat it, if facts not given turn out to hold.
    public let mayBeDefeatedBy: [String]
    /// What its conditions read that was not given: facts, or the practice area.
    public let unknownFacts: [MissingFact]
    /// Whether this rule decided the outcome.
    public let decisive: Bool
}

/// One requirement of a granting rule, evaluated.
public struct RequirementOutcome: Sendable {
    /// The granting rule, and where in its `requires` the requirement is.
    public let rule: ScopeRule
    public let index: Int
    public let truth: Truth
    public let unknownFacts: [String]

    public var ruleID: String { rule.id }
    public var requirement: Requirement { rule.requires[index] }
}
