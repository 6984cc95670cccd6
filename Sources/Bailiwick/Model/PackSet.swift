/// Everything the shipped (or given) packs say, checked and indexed for evaluation.
///
/// Built by the loader only after every cross-reference has been validated, so lookups by an id
/// taken from the packs themselves cannot fail.
public struct PackSet: Sendable {
    /// What the loader flagged without refusing the packs (an id with an invisible character).
    public var warnings: [Diagnostic] = []

    /// One shared, immutable store: copying a PackSet (into a decision, an audit) costs one
    /// reference count, not one per table.
    final class Storage: Sendable {
        let actions: [Action]
        let areas: [PracticeArea]
        let facts: [FactDefinition]
        let jurisdictions: [Jurisdiction]
        let licenses: [License]
        let rules: [ScopeRule]
        let events: [Event]
        let calendars: [String: CourtCalendar]
        let timeRules: [TimeRule]
        let deadlines: [DeadlineRule]
        let matterTypes: [MatterType]
        let actionIndex: [String: Int]
        let areaIndex: [String: Int]
        let factIndex: [String: Int]
        let jurisdictionIndex: [String: Int]
        let licenseIndex: [LicenseKey: Int]
        let ruleIndex: [String: Int]
        let eventIndex: [String: Int]
        let deadlineIndex: [ScopedID: Int]
        let exceptionsTo: [[Int]]
        let candidates: [CandidateKey: [[Int]]]
        let decisionTables: DecisionTables
        /// The same tables as a decision reads them.
        let decisionBuffers: DecisionTables.Buffers

        init(
            actions: [Action],
            areas: [PracticeArea],
            facts: [FactDefinition],
            jurisdictions: [Jurisdiction],
            licenses: [License],
            rules: [ScopeRule],
            events: [Event],
            calendars: [String: CourtCalendar],
            timeRules: [TimeRule],
            deadlines: [DeadlineRule],
            matterTypes: [MatterType],
            actionIndex: [String: Int],
            areaIndex: [String: Int],
            factIndex: [String: Int],
            jurisdictionIndex: [String: Int],
            licenseIndex: [LicenseKey: Int],
            ruleIndex: [String: Int],
            eventIndex: [String: Int],
            deadlineIndex: [ScopedID: Int],
            exceptionsTo: [[Int]],
            candidates: [CandidateKey: [[Int]]],
            decisionTables: DecisionTables
        ) {
            self.actions = actions
            self.areas = areas
            self.facts = facts
            self.jurisdictions = jurisdictions
            self.licenses = licenses
            self.rules = rules
            self.events = events
            self.calendars = calendars
            self.timeRules = timeRules
            self.deadlines = deadlines
            self.matterTypes = matterTypes
            self.actionIndex = actionIndex
            self.areaIndex = areaIndex
            self.factIndex = factIndex
            self.jurisdictionIndex = jurisdictionIndex
            self.licenseIndex = licenseIndex
            self.ruleIndex = ruleIndex
            self.eventIndex = eventIndex
            self.deadlineIndex = deadlineIndex
            self.exceptionsTo = exceptionsTo
            self.candidates = candidates
            self.decisionTables = decisionTables
            decisionBuffers = DecisionTables.Buffers(decisionTables)
        }
    }

    let storage: Storage

    public var actions: [Action] { storage.actions }
    public var areas: [PracticeArea] { storage.areas }
    public var facts: [FactDefinition] { storage.facts }
    public var jurisdictions: [Jurisdiction] { storage.jurisdictions }
    public var licenses: [License] { storage.licenses }
    public var rules: [ScopeRule] { storage.rules }
    public var events: [Event] { storage.events }
    public var calendars: [String: CourtCalendar] { storage.calendars }
    public var timeRules: [TimeRule] { storage.timeRules }
    public var deadlines: [DeadlineRule] { storage.deadlines }
    public var matterTypes: [MatterType] { storage.matterTypes }
    var actionIndex: [String: Int] { storage.actionIndex }
    var areaIndex: [String: Int] { storage.areaIndex }
    var factIndex: [String: Int] { storage.factIndex }
    var jurisdictionIndex: [String: Int] { storage.jurisdictionIndex }
    var licenseIndex: [LicenseKey: Int] { storage.licenseIndex }
    var ruleIndex: [String: Int] { storage.ruleIndex }
    var exceptionsTo: [[Int]] { storage.exceptionsTo }
    var candidates: [CandidateKey: [[Int]]] { storage.candidates }
    var decisionTables: DecisionTables { storage.decisionTables }

    /// An id that is unique within a jurisdiction (a deadline's).
    struct ScopedID: Hashable {
        let scope: String
        let id: String
    }

    struct CandidateKey: Hashable {
        let jurisdiction: Int
        let license: Int
    }

    public init(
        actions: [Action], areas: [PracticeArea], facts: [FactDefinition],
        jurisdictions: [Jurisdiction], licenses: [License], rules: [ScopeRule],
        events: [Event] = [], calendars: [CourtCalendar] = [], timeRules: [TimeRule] = [],
        deadlines: [DeadlineRule] = [],
        matterTypes: [MatterType] = []
    ) {
        let calendars = Dictionary(calendars.map { ($0.jurisdiction, $0) }, uniquingKeysWith: { first, _ in first })
        let jurisdictions = jurisdictions.sorted { $0.id < $1.id }
        let actionIndex = Dictionary(actions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let areaIndex = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let factIndex = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let jurisdictionIndex = Dictionary(
            jurisdictions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let licenseIndex = Dictionary(
            licenses.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let eventIndex = Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let deadlineIndex = Dictionary(
            deadlines.enumerated().map { (ScopedID(scope: $1.jurisdiction, id: $1.id), $0) },
            uniquingKeysWith: { first, _ in first })

        var exceptionsTo = Array(repeating: [Int](), count: rules.count)
        for (index, rule) in rules.enumerated() {
            for target in rule.exceptionTo {
                if let targetIndex = ruleIndex[target] { exceptionsTo[targetIndex].append(index) }
            }
        }

        var candidates: [CandidateKey: [[Int]]] = [:]
        var decisionTables = DecisionTables(licenses: licenses, areas: areas)
        for (jurisdictionNumber, jurisdiction) in jurisdictions.enumerated() {
            for (licenseNumber, license) in licenses.enumerated()
            where PackSet.license(license, existsIn: jurisdiction) {
                var byAction = Array(repeating: [Int](), count: actions.count)
                for (ruleNumber, rule) in rules.enumerated()
                where rule.licenses.contains(license.key)
                    && (rule.jurisdiction == nil || rule.jurisdiction == jurisdiction.id)
                {
                    for action in actions where rule.actions.covers(action.id) {
                        byAction[action.index].append(ruleNumber)
                    }
                }
                let key = CandidateKey(jurisdiction: jurisdictionNumber, license: licenseNumber)
                candidates[key] = byAction
                let lists = byAction.map { decisionTables.add($0, rules: rules, exceptionsTo: exceptionsTo) }
                decisionTables.setLists(lists, for: key)
            }
        }
        storage = Storage(
            actions: actions, areas: areas, facts: facts, jurisdictions: jurisdictions, licenses: licenses,
            rules: rules,
            events: events, calendars: calendars, timeRules: timeRules, deadlines: deadlines, matterTypes: matterTypes,
            actionIndex: actionIndex, areaIndex: areaIndex, factIndex: factIndex, jurisdictionIndex: jurisdictionIndex,
            licenseIndex: licenseIndex, ruleIndex: ruleIndex, eventIndex: eventIndex, deadlineIndex: deadlineIndex,
            exceptionsTo: exceptionsTo, candidates: candidates, decisionTables: decisionTables
        )
    }

    static func license(_ license: License, existsIn jurisdiction: Jurisdiction) -> Bool {
        license.key.jurisdiction == jurisdiction.id
            || (license.key.jurisdiction == nil && license.countries.contains(jurisdiction.country))
    }

    // MARK: Lookups

    public func jurisdiction(_ id: String) -> Jurisdiction? {
        jurisdictionIndex[id].map { jurisdictions[$0] }
    }

    public func action(_ id: String) -> Action? { actionIndex[id].map { actions[$0] } }

    public func area(_ id: String) -> PracticeArea? { areaIndex[id].map { areas[$0] } }

    public func fact(_ id: String) -> FactDefinition? { factIndex[id].map { facts[$0] } }

    /// The position of a fact in `facts`, without copying its definition.
    package func factPosition(_ id: String) -> Int? { factIndex[id] }

    public func rule(_ id: String) -> ScopeRule? { ruleIndex[id].map { rules[$0] } }

    /// The licences a technician can hold in a jurisdiction: its own, then the shared ones.
    public func licenses(in jurisdictionID: String) -> [License] {
        guard let jurisdiction = jurisdiction(jurisdictionID) else { return [] }
        return licenses.filter { $0.key.jurisdiction == jurisdictionID }
            + licenses.filter { $0.key.jurisdiction == nil && PackSet.license($0, existsIn: jurisdiction) }
    }

    /// A licence by the id a user types, as it exists in a jurisdiction.
    public func license(_ id: String, in jurisdictionID: String) -> License? {
        // As `licenses(in:)` orders them, without gathering them: matter files look one up a person.
        guard let jurisdiction = jurisdiction(jurisdictionID) else { return nil }
        if let own = licenses.firstIndex(where: { $0.key.jurisdiction == jurisdictionID && $0.key.id == id }) {
            return licenses[own]
        }
        return licenses.first {
            $0.key.id == id && $0.key.jurisdiction == nil && PackSet.license($0, existsIn: jurisdiction)
        }
    }

    /// The rules that name `ruleID` in their `exception-to`.
    public func exceptions(to ruleID: String) -> [ScopeRule] {
        guard let index = ruleIndex[ruleID] else { return [] }
        return exceptionsTo[index].map { rules[$0] }
    }

    public func matterType(_ id: String, in jurisdiction: String) -> MatterType? {
        matterTypes.first { $0.jurisdiction == jurisdiction && $0.id == id }
    }

    /// The number of fact slots a `FactValues` for this pack set needs.
    public var factSlotCount: Int { facts.count }
}
