/// The practice areas a person's licence is held in (Utah LPP areas, Arizona LP endorsements).
/// Where a person names none, the licence covers every area its program allows.
extension License {
    /// The areas one may hold this licence in: its own list, or every area when it covers any.
    public func offeredAreas(in packs: PackSet) -> [String] {
        switch areas {
        case .any: packs.areas.map(\.id)
        case .only(let ids): ids
        }
    }

    /// The first of `held` that this licence does not offer, or nil when it offers them all.
    public func firstUnoffered(_ held: [String], in packs: PackSet) -> String? {
        let offered = offeredAreas(in: packs)
        return held.first { !offered.contains($0) }
    }
}
