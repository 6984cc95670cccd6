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
        /// The days it is in force, as day numbers, both ends included (an open end is the
        /// smallest or the largest `Int`).
        let from: Int
        let until: Int
        /// The rule's `areas` as positions in `areaNumbers`; nil when it covers every area.
        let areas: Range<Int>?
        /// The rule's `when` as steps of `program`; empty when it has none.
        let when: Range<Int>
        /// Its requirements, as positions in `requirements`.
        let requires: Range<Int>
        /// Its exceptions that are candidates of the same list, as positions in `exceptionPositions`,
        /// each of which is a position in the list.
        let exceptions: Range<Int>
    }

    /// A licence as a decision checks it, by its position in `PackSet.licenses`.
    struct LicenseEntry: Sendable {
        /// The days the licence existed, as `Entry.from` and `until`.
        let from: Int
        let until: Int
        /// The areas it is limited to, as positions in `areaNumbers`; nil when it covers every area.
        let covered: Range<Int>?
    }

    private(set) var entries: [Entry] = []
    /// The areas the rules and licences are limited to, each as its number in `areaNumber`.
    private(set) var areaNumbers: [Int] = []
    /// Every rule's `when` and requirements, laid out as steps.
    private(set) var program = ConditionProgram()
    /// Each requirement's steps in `program`.
    private(set) var requirements: [Range<Int>] = []
    private(set) var exceptionPositions: [Int] = []
    private(set) var licenses: [LicenseEntry] = []
    /// Every area id of the packs, their licences and their rules, numbered, so that a decision
    /// compares numbers, not strings.
    private(set) var areaNumber: [String: Int] = [:]
    /// Each candidate list's entries, by licence and jurisdiction, then by action.
    private(set) var lists: [PackSet.CandidateKey: [Range<Int>]] = [:]

    init(licenses: [License] = [], areas: [PracticeArea] = []) {
        for area in areas { _ = intern(area: area.id) }
        for license in licenses {
            var covered: Range<Int>?
            if case .only(let ids) = license.areas { covered = numbers(of: ids) }
            self.licenses.append(
                LicenseEntry(
                    from: license.validity.from?.dayNumber ?? .min, until: license.validity.until?.dayNumber ?? .max,
                    covered: covered))
        }
    }

    /// Adds the entries of one candidate list (rule positions, in the order the decision visits them).
    mutating func add(
        _ candidates: [Int], rules: [ScopeRule], exceptionsTo: [[Int]]
    ) -> Range<Int> {
        let start = entries.count
        for index in candidates {
            let rule = rules[index]
            let areas = rule.areas.map { numbers(of: $0) }
            let when = rule.when.map { program.append($0.compiled) } ?? 0..<0
            let firstRequirement = requirements.count
            for requirement in rule.requires { requirements.append(program.append(requirement.condition.compiled)) }
            let firstException = exceptionPositions.count
            for exception in exceptionsTo[index] {
                if let position = candidates.firstIndex(of: exception) { exceptionPositions.append(position) }
            }
            entries.append(
                Entry(
                    rule: index, forbids: rule.effect == .forbid, from: rule.period.from?.dayNumber ?? .min,
                    until: rule.period.until?.dayNumber ?? .max, areas: areas, when: when,
                    requires: firstRequirement..<requirements.count,
                    exceptions: firstException..<exceptionPositions.count))
        }
        return start..<entries.count
    }

    private mutating func numbers(of ids: [String]) -> Range<Int> {
        let first = areaNumbers.count
        for id in ids { areaNumbers.append(intern(area: id)) }
        return first..<areaNumbers.count
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
    /// The tables in memory of their own, made once per pack set, which a decision reads as
    /// plain buffers: no closure to enter and no reference to count for each table.
    final class Buffers: @unchecked Sendable {
        let entries: UnsafeMutableBufferPointer<Entry>
        let areaNumbers: UnsafeMutableBufferPointer<Int>
        let requirements: UnsafeMutableBufferPointer<Range<Int>>
        let exceptionPositions: UnsafeMutableBufferPointer<Int>
        let licenses: UnsafeMutableBufferPointer<LicenseEntry>
        let program: ConditionProgram.Buffers

        init(_ tables: DecisionTables) {
            entries = .copy(tables.entries)
            areaNumbers = .copy(tables.areaNumbers)
            requirements = .copy(tables.requirements)
            exceptionPositions = .copy(tables.exceptionPositions)
            licenses = .copy(tables.licenses)
            program = ConditionProgram.Buffers(tables.program)
        }

        deinit {
            entries.free()
            areaNumbers.free()
            requirements.free()
            exceptionPositions.free()
            licenses.free()
        }
    }
}
