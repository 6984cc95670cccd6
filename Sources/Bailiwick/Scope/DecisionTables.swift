/// What a scope decision reads, laid out once when the pack set is built: for every candidate
/// list (the rules that name one licence and one action in one jurisdiction), one plain entry per
/// rule in a contiguous array. Reading an entry copies no rule and counts no references, so a
/// decision over resolved ids allocates nothing (docs/performance.md, "hot path").
struct DecisionTables: Sendable {
    /// One candidate rule as a decision reads it: plain values and positions in the tables below.
    struct Entry: Sendable {
        /// The rule's position in `PackSet.rules`, for the explanation.
        let rule: Int
        let forbids: Bool
        let period: EffectivePeriod
        /// The rule's `areas` as positions in `areaNumbers`; nil when it covers every area.
        let areas: Range<Int>?
        /// The rule's `when` as a position in `conditions`; nil when it has none.
        let when: Int?
        /// Its requirements' conditions, as positions in `requirementConditions`.
        let requires: Range<Int>
        /// Its exceptions that are candidates of the same list, as positions in `exceptionPositions`,
        /// each of which is a position in the list.
        let exceptions: Range<Int>
    }

    private(set) var entries: [Entry] = []
    /// The areas the rules are limited to, each as its number in `areaNumber`.
    private(set) var areaNumbers: [Int] = []
    private(set) var conditions: [CompiledCondition] = []
    private(set) var requirementConditions: [CompiledCondition] = []
    private(set) var exceptionPositions: [Int] = []
    /// Every area id a rule names, numbered, so that a decision compares numbers, not strings.
    private(set) var areaNumber: [String: Int] = [:]
    /// Each candidate list's entries, by licence and jurisdiction, then by action.
    private(set) var lists: [PackSet.CandidateKey: [Range<Int>]] = [:]

    /// Adds the entries of one candidate list (rule positions, in the order the decision visits them).
    mutating func add(
        _ candidates: [Int], rules: [ScopeRule], exceptionsTo: [[Int]]
    ) -> Range<Int> {
        let start = entries.count
        for index in candidates {
            let rule = rules[index]
            var areas: Range<Int>?
            if let ids = rule.areas {
                let first = areaNumbers.count
                for id in ids { areaNumbers.append(intern(area: id)) }
                areas = first..<areaNumbers.count
            }
            var when: Int?
            if let condition = rule.when {
                when = conditions.count
                conditions.append(condition.compiled)
            }
            let firstRequirement = requirementConditions.count
            requirementConditions += rule.requires.map(\.condition.compiled)
            let firstException = exceptionPositions.count
            for exception in exceptionsTo[index] {
                if let position = candidates.firstIndex(of: exception) { exceptionPositions.append(position) }
            }
            entries.append(
                Entry(
                    rule: index, forbids: rule.effect == .forbid, period: rule.period, areas: areas, when: when,
                    requires: firstRequirement..<requirementConditions.count,
                    exceptions: firstException..<exceptionPositions.count))
        }
        return start..<entries.count
    }

    mutating func setLists(_ byAction: [Range<Int>], for key: PackSet.CandidateKey) {
        lists[key] = byAction
    }

    /// The number of an area id; an id no rule names gets one no rule holds (-1).
    func number(ofArea id: String) -> Int { areaNumber[id] ?? -1 }

    private mutating func intern(area id: String) -> Int {
        if let known = areaNumber[id] { return known }
        let next = areaNumber.count
        areaNumber[id] = next
        return next
    }
}

extension DecisionTables {
    /// The tables as buffers, which a decision reads without counting references.
    struct Buffers {
        let entries: UnsafeBufferPointer<Entry>
        let areaNumbers: UnsafeBufferPointer<Int>
        let conditions: UnsafeBufferPointer<CompiledCondition>
        let requirementConditions: UnsafeBufferPointer<CompiledCondition>
        let exceptionPositions: UnsafeBufferPointer<Int>
    }

    /// Runs `body` with the tables as buffers, valid only for its length.
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        entries.withUnsafeBufferPointer { entries in
            areaNumbers.withUnsafeBufferPointer { areaNumbers in
                conditions.withUnsafeBufferPointer { conditions in
                    requirementConditions.withUnsafeBufferPointer { requirementConditions in
                        exceptionPositions.withUnsafeBufferPointer { exceptionPositions in
                            body(
                                Buffers(
                                    entries: entries, areaNumbers: areaNumbers, conditions: conditions,
                                    requirementConditions: requirementConditions,
                                    exceptionPositions: exceptionPositions))
                        }
                    }
                }
            }
        }
    }
}
