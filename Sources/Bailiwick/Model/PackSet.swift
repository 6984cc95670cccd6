/// Everything the shipped (or given) packs say, checked and indexed for evaluation.
///
/// Built by the loader only after every cross-reference has been validated, so lookups by an id
/// taken from the packs themselves cannot fail.
public struct PackSet: Sendable {
    public let actions: [Action]
    public let areas: [PracticeArea]
    public let facts: [FactDefinition]
    public let jurisdictions: [Jurisdiction]
    public let licenses: [License]
    public let rules: [ScopeRule]
    public let events: [Event]
    public let calendars: [String: CourtCalendar]
    public let timeRules: [TimeRule]
    public let deadlines: [DeadlineRule]
    public let matterTypes: [MatterType]

    public let actionIndex: [String: Int]
    public let areaIndex: [String: Int]
    public let factIndex: [String: Int]
    public let jurisdictionIndex: [String: Int]
    public let licenseIndex: [LicenseKey: Int]
    public let ruleIndex: [String: Int]
    /// For each rule, the rules that name it in `exception-to`.
    let exceptionsTo: [[Int]]
    /// For each jurisdiction and licence valid there: the candidate rules of each action.
    let candidates: [CandidateKey: [[Int]]]

    struct CandidateKey: Hashable {
        let jurisdiction: Int
        let license: Int
    }

    public init(
        actions: [Action], areas: [PracticeArea], facts: [FactDefinition],
        jurisdictions: [Jurisdiction], licenses: [License], rules: [ScopeRule],
        events: [Event] = [], calendars: [CourtCalendar] = [], timeRules: [TimeRule] = [], deadlines: [DeadlineRule] = [],
        matterTypes: [MatterType] = []
    ) {
        self.matterTypes = matterTypes
        self.events = events
        self.calendars = Dictionary(calendars.map { ($0.jurisdiction, $0) }, uniquingKeysWith: { first, _ in first })
        self.timeRules = timeRules
        self.deadlines = deadlines
        self.actions = actions
        self.areas = areas
        self.facts = facts
        self.jurisdictions = jurisdictions.sorted { $0.id < $1.id }
        self.licenses = licenses
        self.rules = rules
        actionIndex = Dictionary(actions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        areaIndex = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        factIndex = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        jurisdictionIndex = Dictionary(self.jurisdictions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        licenseIndex = Dictionary(licenses.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.ruleIndex = ruleIndex

        var exceptionsTo = Array(repeating: [Int](), count: rules.count)
        for (index, rule) in rules.enumerated() {
            for target in rule.exceptionTo {
                if let targetIndex = ruleIndex[target] { exceptionsTo[targetIndex].append(index) }
            }
        }
        self.exceptionsTo = exceptionsTo

        var candidates: [CandidateKey: [[Int]]] = [:]
        for (jurisdictionNumber, jurisdiction) in self.jurisdictions.enumerated() {
            for (licenseNumber, license) in licenses.enumerated()
            where PackSet.license(license, existsIn: jurisdiction) {
                var byAction = Array(repeating: [Int](), count: actions.count)
                for (ruleNumber, rule) in rules.enumerated()
                where rule.licenses.contains(license.key) && (rule.jurisdiction == nil || rule.jurisdiction == jurisdiction.id) {
                    for action in actions where rule.actions.covers(action.id) {
                        byAction[action.index].append(ruleNumber)
                    }
                }
                candidates[CandidateKey(jurisdiction: jurisdictionNumber, license: licenseNumber)] = byAction
            }
        }
        self.candidates = candidates
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

    public func rule(_ id: String) -> ScopeRule? { ruleIndex[id].map { rules[$0] } }

    /// The licences a technician can hold in a jurisdiction: its own, then the shared ones.
    public func licenses(in jurisdictionID: String) -> [License] {
        guard let jurisdiction = jurisdiction(jurisdictionID) else { return [] }
        return licenses.filter { $0.key.jurisdiction == jurisdictionID }
            + licenses.filter { $0.key.jurisdiction == nil && PackSet.license($0, existsIn: jurisdiction) }
    }

    /// A licence by the id a user types, as it exists in a jurisdiction.
    public func license(_ id: String, in jurisdictionID: String) -> License? {
        licenses(in: jurisdictionID).first { $0.key.id == id }
    }

    /// The rules that name `ruleID` in their `exception-to`.
    public func exceptions(to ruleID: String) -> [ScopeRule] {
        guard let index = ruleIndex[ruleID] else { return [] }
        return exceptionsTo[index].map { rules[$0] }
    }

    /// The rules of a jurisdiction's pack (`nil`: the shared `Rules/`).
    public func rules(of jurisdictionID: String?) -> [ScopeRule] {
        rules.filter { $0.jurisdiction == jurisdictionID }
    }

    /// The rules that govern a licence in a jurisdiction: its pack's and the shared ones.
    public func rules(for license: License, in jurisdictionID: String) -> [ScopeRule] {
        rules.filter { $0.licenses.contains(license.key) && ($0.jurisdiction == nil || $0.jurisdiction == jurisdictionID) }
    }

    public func matterType(_ id: String, in jurisdiction: String) -> MatterType? {
        matterTypes.first { $0.jurisdiction == jurisdiction && $0.id == id }
    }

    /// The number of fact slots a `FactValues` for this pack set needs.
    public var factSlotCount: Int { facts.count }
}
