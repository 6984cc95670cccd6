import Bailiwick

/// Jurisdictions, and the two documents of the API that list the packs.
extension PackJSON {
    /// A jurisdiction as `list jurisdictions` and `/v1/packs` show it: what it is, the ids of
    /// the licences that exist there, and what Bailiwick can check there.
    public static func jurisdiction(_ place: Jurisdiction, packs: PackSet) -> JSONValue {
        .object(
            heading(place) + [
                ("levels", levels(packs.sourceLevels(of: place.id))),
                ("licenses", .strings(packs.licenses(in: place.id).map(\.key.id))),
                ("capabilities", .strings(packs.capabilities(of: place.id).names)),
            ])
    }

    public static func source(_ source: SourceDocument) -> JSONValue {
        .object([
            ("key", .string(source.key)), ("title", .string(source.title)), ("url", .optional(source.url)),
            ("version", .optional(source.version)),
        ])
    }

    /// `/v1/packs`: the jurisdictions and the shared vocabulary.
    public static func catalogs(_ packs: PackSet) -> JSONValue {
        .object([
            ("jurisdictions", .array(packs.jurisdictions.map { jurisdiction($0, packs: packs) })),
            ("actions", .array(packs.actions.map(action))),
            ("areas", .array(packs.areas.map(area))),
            ("facts", .array(packs.facts.map(fact))),
            ("events", .array(packs.events.map(event))),
        ])
    }

    /// `/v1/packs/{jurisdiction}`: the jurisdiction with everything that applies there, each list
    /// the same as `list <kind> --jurisdiction` gives.
    public static func jurisdictionPack(_ place: Jurisdiction, packs: PackSet) -> JSONValue {
        .object(
            heading(place) + [
                ("levels", levels(packs.sourceLevels(of: place.id))),
                ("sources", .array(place.sources.map(source))),
                ("licenses", .array(packs.licenses(in: place.id).map(license))),
                ("areas", .array(packs.areas(applicableIn: place.id).map(area))),
                ("facts", .array(packs.facts(applicableIn: place.id).map(fact))),
                ("rules", .array(packs.rules(applicableIn: place.id).map { rule($0, packs: packs) })),
                ("deadlines", .array(packs.deadlines(in: place.id).map(deadline))),
                ("matter-types", .array(packs.matterTypes(in: place.id).map(matterType))),
                ("forms", .array(packs.forms(in: place.id).map(form))),
            ])
    }

    private static func heading(_ place: Jurisdiction) -> [(String, JSONValue)] {
        [
            ("id", .string(place.id)), ("name", .string(place.name)), ("country", .string(place.country)),
            ("reviewed", .string(place.reviewed.description)),
        ]
    }
}
