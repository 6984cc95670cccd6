extension PackSet {
    /// A jurisdiction by id, or the one error every front end and loader reports for an unknown
    /// one: the same message, with the same suggestion, wherever the id was typed.
    public func resolveJurisdiction(_ id: String) throws(QueryError) -> Jurisdiction {
        guard let jurisdiction = jurisdiction(id) else {
            throw QueryError(.jurisdiction, id, candidates: jurisdictions.map(\.id))
        }
        return jurisdiction
    }

    /// A licence id held somewhere in the packs (the quiz's filter, which needs no jurisdiction).
    public func resolveLicenseID(_ id: String) throws(QueryError) -> String {
        guard licenses.contains(where: { $0.key.id == id }) else {
            throw QueryError(.license, id, candidates: Array(Set(licenses.map(\.key.id))).sorted())
        }
        return id
    }
}
