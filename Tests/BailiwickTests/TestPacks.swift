import Bailiwick
import BailiwickLoading
import BailiwickPacks

/// Small pack sets written inline, so each test reads like the rules it checks.
enum TestPacks {
    static let catalog = """
        actions:
          - {id: negotiate, title: Negotiate, description: Bargain with the other side.}
          - {id: appear-in-court, title: Appear in court, description: Speak for the client in court.}
          - {id: accompany-at-hearing, title: Accompany, description: Sit with the client at a hearing.}
          - {id: advise, title: Advise, description: Tell the client what the law means for them.}
        areas:
          - {id: family, title: Family, description: Family law.}
          - {id: landlord-tenant, title: Landlord and tenant, description: Housing.}
        facts:
          - {id: written-consent, type: boolean, description: The client consented in writing.}
          - {id: client.pro-se, type: boolean, description: The client represents themself.}
          - {id: amount, type: integer, description: Amount in issue in dollars.}
          - {id: issues, type: list, description: Special issues., values: [qdro, bankruptcy, real-estate]}
          - {id: role, type: string, description: The client's side., values: [tenant, landlord]}
          - {id: served-on, type: date, description: Date of service.}
        """

    static let jurisdiction = """
        jurisdiction:
          id: xx
          name: Testland
          country: us
          reviewed: 2026-01-01
          sources:
            - {key: T1, title: Test rule book}
        licenses:
          - id: tech
            title: Test Technician
            governing-rule: Rule 1
            areas: [family]
            valid-from: 2012-09-01
            citation: Rule 1
            source: primary
        """

    /// A pack set of the catalog above, one jurisdiction `xx` with licence `tech`, and `rules`.
    static func load(rules: String, jurisdiction: String = jurisdiction) throws -> PackSet {
        try PackSetLoader.load([
            PackFile(displayPath: "Rules/catalog.yaml", packPath: "Rules/catalog.yaml", text: catalog),
            PackFile(
                displayPath: "Jurisdictions/xx/jurisdiction.yaml", packPath: "Jurisdictions/xx/jurisdiction.yaml",
                text: jurisdiction),
            PackFile(
                displayPath: "Jurisdictions/xx/scope.yaml", packPath: "Jurisdictions/xx/scope.yaml",
                text: "rules:\n" + rules),
        ])
    }

    static var shipped: PackSet {
        get throws { try PackSetLoader.load(PackFiles.shipped) }
    }
}

extension PackSet {
    /// Decides with ids and `id=value` facts, as the CLI would.
    func decide(
        _ jurisdiction: String = "xx", license: String = "tech", action: String, area: String? = nil,
        on date: String, facts: [String: FactValue] = [:]
    ) throws -> ScopeDecision {
        var values = FactValues(slotCount: factSlotCount)
        for (id, value) in facts {
            guard let definition = fact(id) else { throw QueryError(.fact, id, candidates: []) }
            values[definition.slot] = value
        }
        let query = try ScopeQuery(
            in: self, jurisdiction: jurisdiction, license: license, action: action,
            area: area, date: CivilDate(date)!, facts: values)
        return decide(query)
    }
}
