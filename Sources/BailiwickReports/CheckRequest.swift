import Bailiwick
import Foundation

/// A scope question as a user asks it, by ids: from the command line or from the web app.
public struct CheckRequest: Sendable {
    public var jurisdiction: String
    public var license: String
    public var action: String
    public var area: String?
    /// The areas the person holds the licence in, as typed; nil (or empty) for every area it offers.
    public var holds: [String]?
    public var date: CivilDate
    /// Facts as typed: id and value text (`issues` = `bankruptcy,business-entity`).
    public var facts: [(id: String, value: String)]

    public init(
        jurisdiction: String, license: String, action: String, area: String?, date: CivilDate,
        facts: [(id: String, value: String)], holds: [String]? = nil
    ) {
        self.holds = holds
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
        let held = Self.heldAreas(holds)
        let query: ScopeQuery
        do {
            query = try ScopeQuery(
                in: packs, jurisdiction: jurisdiction, license: license, action: action,
                area: area, date: date, facts: values, heldAreas: held)
        } catch {
            throw .unknown(error)
        }
        if let held, let unoffered = query.license.firstUnoffered(held, in: packs) {
            let offered = query.license.offeredAreas(in: packs)
            throw .invalid(.holds, .areaNotOffered(license: query.license.key.id, offered: offered, given: unoffered))
        }
        return packs.decide(query)
    }

    /// `family,debt-collection` as typed, each item trimmed, repeats dropped; nil when none is named.
    public static func heldAreas(_ typed: [String]?) -> [String]? {
        var held: [String] = []
        for item in (typed ?? []).flatMap({ $0.split(separator: ",") }) {
            let id = item.trimmingCharacters(in: .whitespaces)
            if !id.isEmpty, !held.contains(id) { held.append(id) }
        }
        return held.isEmpty ? nil : held
    }
}
