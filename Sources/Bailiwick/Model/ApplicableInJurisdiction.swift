/// What applies in one jurisdiction: the one answer that `list --jurisdiction` and
/// `/v1/packs/{jurisdiction}` both give. Each list keeps the packs' order. An unknown
/// jurisdiction has nothing.
extension PackSet {
    /// The rules that can decide a question there: its own and the shared ones, of licences that
    /// exist there (a shared rule of a licence of another country does not apply).
    public func rules(applicableIn jurisdictionID: String) -> [ScopeRule] {
        let licenses = Set(licenses(in: jurisdictionID).map(\.key))
        return rules.filter { rule in
            (rule.jurisdiction == nil || rule.jurisdiction == jurisdictionID)
                && rule.licenses.contains(where: licenses.contains)
        }
    }

    public func matterTypes(in jurisdictionID: String) -> [MatterType] {
        matterTypes.filter { $0.jurisdiction == jurisdictionID }
    }

    /// The facts that can change an answer there: those a condition reads in a rule that applies
    /// there, in one of its deadlines' variants, or in one of its matter types.
    public func facts(applicableIn jurisdictionID: String) -> [FactDefinition] {
        var conditions: [Condition?] = []
        for rule in rules(applicableIn: jurisdictionID) {
            conditions += [rule.when] + rule.requires.map(\.condition)
        }
        for deadline in deadlines(in: jurisdictionID) {
            conditions += deadline.variants.map(\.when)
        }
        for type in matterTypes(in: jurisdictionID) {
            conditions += type.forms.map(\.when) + type.deadlines.map(\.when) + type.followUps.map(\.when)
        }
        let slots = Set(conditions.flatMap { $0?.factSlots ?? [] })
        return facts.filter { slots.contains($0.slot) }
    }

    /// The practice areas a question there can be about. Areas are not tied to a place in the
    /// packs: an area applies where a licence that exists there lists it, a rule that applies there
    /// is limited to it, or a matter type there is in it. A licence for any area covers the areas
    /// of its country, so where one exists, so do the areas named in the same country, and the
    /// areas named nowhere; an area named only in other countries (an Ontario forum) does not.
    public func areas(applicableIn jurisdictionID: String) -> [PracticeArea] {
        guard let place = jurisdiction(jurisdictionID) else { return [] }
        var applicable = namedAreas(in: place)
        if licenses(in: jurisdictionID).contains(where: { $0.areas == .any }) {
            var home = Set<String>()
            var abroad = Set<String>()
            for other in jurisdictions {
                if other.country == place.country {
                    home.formUnion(namedAreas(in: other))
                } else {
                    abroad.formUnion(namedAreas(in: other))
                }
            }
            applicable.formUnion(areas.map(\.id).filter { home.contains($0) || !abroad.contains($0) })
        }
        return areas.filter { applicable.contains($0.id) }
    }

    /// The areas a jurisdiction's packs name: in its licences' lists, its rules and its matter types.
    private func namedAreas(in place: Jurisdiction) -> Set<String> {
        var named = Set<String>()
        for license in licenses(in: place.id) {
            if case .only(let ids) = license.areas { named.formUnion(ids) }
        }
        for rule in rules(applicableIn: place.id) {
            named.formUnion(rule.areas ?? [])
        }
        named.formUnion(matterTypes(in: place.id).map(\.area))
        return named
    }
}
