import Bailiwick

/// A scope question as a user asks it, by ids: from the command line or from the web app.
public struct CheckRequest: Sendable {
    public var jurisdiction: String
    public var license: String
    public var action: String
    public var area: String?
    public var date: CivilDate
    /// Facts as typed: id and value text (`issues` = `bankruptcy,business-entity`).
    public var facts: [(id: String, value: String)]

    public init(
        jurisdiction: String, license: String, action: String, area: String?, date: CivilDate,
        facts: [(id: String, value: String)]
    ) {
        self.jurisdiction = jurisdiction
        self.license = license
        self.action = action
        self.area = area
        self.date = date
        self.facts = facts
    }

    /// Resolves the ids and facts against the packs and decides, or says what was mistyped.
    public func decide(in packs: PackSet) throws(RequestError) -> ScopeDecision {
        let values = try FactArguments.parse(pairs: facts, packs: packs)
        do {
            let query = try ScopeQuery(
                in: packs, jurisdiction: jurisdiction, license: license, action: action,
                area: area, date: date, facts: values)
            return packs.decide(query)
        } catch {
            throw .unknown(error)
        }
    }
}
