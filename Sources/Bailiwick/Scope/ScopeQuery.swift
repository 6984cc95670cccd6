/// "May I do this, under my licence, in this matter, on this date?"
///
/// A class, so that a decision holding its query costs one reference count, not one per field.
/// What the questions of one licence holder in one matter share (jurisdiction, licence, areas,
/// the candidate lists) is resolved once, in a `Context`; a query adds the action, the date and the facts.
public final class ScopeQuery: Sendable {
    package let context: Context
    /// The action's position in the pack set's actions.
    let actionIndex: Int
    public let date: CivilDate
    public let facts: FactValues
    /// The rules that name the licence and the action here, resolved once so that deciding
    /// compares no strings.
    let candidates: [Int]
    /// The same rules' entries in the pack set's decision tables.
    let entries: Range<Int>
    /// The licence's position in the pack set (and its decision tables).
    let licenseNumber: Int

    public var jurisdiction: Jurisdiction { context.jurisdiction }
    public var license: License { context.license }
    public var action: Action { context.actions[actionIndex] }
    /// The matter's practice area, if the user gave it.
    public var area: PracticeArea? { context.area }
    /// The areas the person holds the licence in; nil when they hold it in every area it offers.
    /// Each must be one the licence offers (`License.firstUnoffered`): requests and the matter
    /// loader check that before asking.
    public var heldAreas: [String]? { context.heldAreas }
    /// The practice area the decision is made for: the one given, or the only one the person
    /// holds or the licence covers (then `areaAssumed`); nil when that leaves it open.
    var decisionArea: String? { context.decisionArea }
    var areaAssumed: Bool { context.areaAssumed }
    /// `decisionArea` as numbered in the decision tables.
    var areaNumber: Int? { context.areaNumber }

    /// What every query of one licence in one jurisdiction and practice area shares, resolved
    /// against the packs once: an audit makes one for each person and asks about each of their
    /// actions with it, instead of hashing the same ids again for every action.
    package final class Context: Sendable {
        let jurisdiction: Jurisdiction
        let license: License
        let area: PracticeArea?
        let heldAreas: [String]?
        /// The pack set's actions, which `actionIndex` is a position in.
        let actions: [Action]
        /// The candidate rules and their decision-table entries, by action index.
        let candidates: [[Int]]
        let entries: [Range<Int>]
        let decisionArea: String?
        let areaAssumed: Bool
        let areaNumber: Int?
        let licenseNumber: Int

        package init(
            in packs: PackSet, jurisdiction: Jurisdiction, license: License, area: PracticeArea?,
            heldAreas: [String]?
        ) {
            self.jurisdiction = jurisdiction
            self.license = license
            self.area = area
            self.heldAreas = heldAreas
            actions = packs.actions
            let key = PackSet.CandidateKey(
                jurisdiction: packs.jurisdictionIndex[jurisdiction.id]!,
                license: packs.licenseIndex[license.key]!)
            licenseNumber = key.license
            candidates = packs.candidates[key] ?? []
            entries = packs.decisionTables.lists[key] ?? []
            let resolved = Self.decisionArea(given: area, held: heldAreas, license: license)
            decisionArea = resolved.area
            areaAssumed = resolved.assumed
            areaNumber = resolved.area.map(packs.decisionTables.number(ofArea:))
        }

        /// The area a decision is made for (see `decisionArea`), and whether it was assumed.
        private static func decisionArea(given: PracticeArea?, held: [String]?, license: License) -> (
            area: String?, assumed: Bool
        ) {
            if let given { return (given.id, false) }
            if let held, held.count == 1 { return (held[0], true) }
            if case .only(let covered) = license.areas, covered.count == 1 { return (covered[0], true) }
            return (nil, false)
        }
    }

    /// A query about one of the pack set's actions, in a context already resolved.
    package init(_ context: Context, action: Action, date: CivilDate, facts: FactValues) {
        self.context = context
        actionIndex = action.index
        self.date = date
        self.facts = facts
        candidates = context.candidates.isEmpty ? [] : context.candidates[action.index]
        entries = context.entries.isEmpty ? 0..<0 : context.entries[action.index]
        licenseNumber = context.licenseNumber
    }

    /// A query from values already resolved against the packs.
    convenience init(
        in packs: PackSet, jurisdiction: Jurisdiction, license: License, action: Action, area: PracticeArea?,
        date: CivilDate, facts: FactValues, heldAreas: [String]? = nil
    ) {
        let context = Context(
            in: packs, jurisdiction: jurisdiction, license: license, area: area, heldAreas: heldAreas)
        self.init(context, action: action, date: date, facts: facts)
    }

    /// Resolves the ids a user typed, or explains which one is wrong (with a suggestion).
    public convenience init(
        in packs: PackSet, jurisdiction jurisdictionID: String, license licenseID: String, action actionID: String,
        area areaID: String?, date: CivilDate, facts: FactValues, heldAreas: [String]? = nil
    ) throws(QueryError) {
        let jurisdiction = try packs.resolveJurisdiction(jurisdictionID)
        guard let license = packs.license(licenseID, in: jurisdictionID) else {
            throw QueryError(
                .license, licenseID, candidates: packs.licenses(in: jurisdictionID).map(\.key.id),
                context: "in \(jurisdictionID)")
        }
        guard let action = packs.action(actionID) else {
            throw QueryError(.action, actionID, candidates: packs.actions.map(\.id))
        }
        var area: PracticeArea?
        if let areaID {
            guard let known = packs.area(areaID) else {
                throw QueryError(.area, areaID, candidates: packs.areas.map(\.id))
            }
            area = known
        }
        self.init(
            in: packs, jurisdiction: jurisdiction, license: license, action: action, area: area, date: date,
            facts: facts, heldAreas: heldAreas)
    }
}

/// An id in a query that the packs do not know.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case jurisdiction
        case license = "licence"
        case action
        case area = "practice area"
        case fact, rule
        case deadline = "deadline rule"
        case timeRule = "time rule"
        case event
    }

    public let kind: Kind
    public let value: String
    public let suggestion: String?
    public let known: [String]
    public let context: String?

    public init(_ kind: Kind, _ value: String, candidates: [String], context: String? = nil) {
        self.kind = kind
        self.value = value
        self.suggestion = Suggestions.closest(to: value, in: candidates)
        self.known = candidates.sorted()
        self.context = context
    }

    public var description: String { description(listedBy: nil) }

    /// The message, ending with the command that lists every known id when there are too many to name.
    public func description(listedBy command: String?) -> String {
        var text = "unknown \(kind.rawValue) '\(value)'"
        if let context { text += " \(context)" }
        if let suggestion { return text + "; did you mean '\(suggestion)'?" }
        return text + Suggestions.known(known, listedBy: command)
    }
}
