/// One case, as its matter file describes it, with the ids resolved against the packs.
public struct Matter: Sendable {
    public let file: String
    public let id: String
    public let title: String?
    public let jurisdiction: Jurisdiction
    /// The matter type, if the file names one. Without it the audit checks scope and licences only.
    public let type: MatterType?
    public let area: String
    /// The date the file asks to be audited for, if it gives one.
    public let asOf: CivilDate?
    public let people: [Person]
    public let facts: FactValues
    public let events: [MatterEvent]
    public let actions: [MatterAction]
    public let filings: [Filing]
    /// Where the matter's type is named (where its jurisdiction is, when it has no type): the place
    /// findings about the whole matter point to.
    public let typeLocation: SourceLocation
    /// What the loader flagged without refusing the file (an id with an invisible character).
    public var warnings: [Diagnostic] = []
    /// Deadline dates set by order or stipulation, at most one per rule.
    public var orderedDeadlines: [OrderedDeadline] = []
    /// The position in `events` of each event's first occurrence, and in `filings` of each form's first filing;
    /// empty for a matter with few of them, which are searched in order (cheaper than hashing the id).
    private let firstEvent: [String: Int]
    private let firstFiling: [String: Int]
    /// Up to this many events or filings are searched in order rather than indexed.
    private static let searchedInOrder = 16

    public init(
        file: String, id: String, title: String?, jurisdiction: Jurisdiction, type: MatterType?, area: String,
        asOf: CivilDate?, people: [Person], facts: FactValues, events: [MatterEvent], actions: [MatterAction],
        filings: [Filing], typeLocation: SourceLocation
    ) {
        self.file = file
        self.id = id
        self.title = title
        self.jurisdiction = jurisdiction
        self.type = type
        self.area = area
        self.asOf = asOf
        self.people = people
        self.facts = facts
        self.events = events
        self.actions = actions
        self.filings = filings
        self.typeLocation = typeLocation
        firstEvent = Self.firstPositions(events, id: { $0.event }, isEarlier: Self.isEarlier)
        firstFiling = Self.firstPositions(filings, id: { $0.form }, isEarlier: Self.isEarlier)
    }

    /// The first occurrence of an event: the earliest, the first listed of those on one day.
    public func event(_ id: String) -> MatterEvent? {
        Self.first(id, in: events, index: firstEvent, id: { $0.event }, isEarlier: Self.isEarlier)
    }

    private static func isEarlier(_ event: MatterEvent, than current: MatterEvent) -> Bool {
        event.date < current.date
    }

    /// Whether a filing of a form comes before the one taken so far: a filing with a date before one without.
    private static func isEarlier(_ filing: Filing, than current: Filing) -> Bool {
        guard let filed = filing.filed else { return false }
        return current.filed.map { filed < $0 } ?? true
    }

    /// The position of each id's first item, for a matter with more than a few items (none otherwise).
    private static func firstPositions<Item>(
        _ items: [Item], id: (Item) -> String, isEarlier: (Item, Item) -> Bool
    ) -> [String: Int] {
        var first: [String: Int] = [:]
        guard items.count > searchedInOrder else { return first }
        for (position, item) in items.enumerated()
        where first[id(item)].map({ isEarlier(item, items[$0]) }) ?? true {
            first[id(item)] = position
        }
        return first
    }

    /// The first item with an id: searched in order among a few, else looked up in the index.
    private static func first<Item>(
        _ wanted: String, in items: [Item], index: [String: Int], id: (Item) -> String,
        isEarlier: (Item, Item) -> Bool
    ) -> Item? {
        guard items.count > searchedInOrder else {
            var first: Int?
            for position in items.indices where id(items[position]) == wanted {
                if first.map({ isEarlier(items[position], items[$0]) }) ?? true { first = position }
            }
            return first.map { items[$0] }
        }
        return index[wanted].map { items[$0] }
    }

    /// The date an order or stipulation set for a deadline rule, if the file records one.
    public func orderedDeadline(_ rule: String) -> OrderedDeadline? { orderedDeadlines.first { $0.rule == rule } }

    /// The first filing of a form (a filing with a date before one without).
    public func filing(_ code: String) -> Filing? {
        Self.first(code, in: filings, index: firstFiling, id: { $0.form }, isEarlier: Self.isEarlier)
    }
}

/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class Person: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case technician, attorney, client
        case opposingParty = "opposing-party"
        case other
    }

    public let id: String
    public let role: Role
    public let name: String
    public let license: License?
    public let licensedFrom: CivilDate?
    public let licensedUntil: CivilDate?
    /// The areas the licence is held in; nil for every area it offers.
    public let areas: [String]?
    public let location: SourceLocation

    public init(
        id: String, role: Role, name: String, license: License?, licensedFrom: CivilDate?, licensedUntil: CivilDate?,
        location: SourceLocation, areas: [String]? = nil
    ) {
        self.areas = areas
        self.id = id
        self.role = role
        self.name = name
        self.license = license
        self.licensedFrom = licensedFrom
        self.licensedUntil = licensedUntil
        self.location = location
    }
}

public struct MatterEvent: Sendable {
    public let event: String
    public let date: CivilDate
    public let time: TimeOfDay?
    /// For service events: how the paper was served.
    public let method: ServiceMethod?
    public let location: SourceLocation

    public init(event: String, date: CivilDate, time: TimeOfDay?, method: ServiceMethod?, location: SourceLocation) {
        self.event = event
        self.date = date
        self.time = time
        self.method = method
        self.location = location
    }
}

public struct MatterAction: Sendable {
    /// Index into the matter's people.
    public let person: Int
    public let action: Action
    public let date: CivilDate
    public let about: String?
    /// The matter's facts with the action's own on top.
    public let facts: FactValues
    public let location: SourceLocation

    public init(
        person: Int, action: Action, date: CivilDate, about: String?, facts: FactValues, location: SourceLocation
    ) {
        self.person = person
        self.action = action
        self.date = date
        self.about = about
        self.facts = facts
        self.location = location
    }
}

public struct Filing: Sendable {
    public let form: String
    public let filed: CivilDate?
    public let location: SourceLocation

    public init(form: String, filed: CivilDate?, location: SourceLocation) {
        self.form = form
        self.filed = filed
        self.location = location
    }
}

extension Matter {
    /// The same matter with people's names, the title and the free-text notes of actions replaced
    /// by stable placeholders ("Client 1", "Technician 2"), for reports that leave the office.
    public func redacted() -> Matter {
        var counts: [Person.Role: Int] = [:]
        let people = people.map { person -> Person in
            counts[person.role, default: 0] += 1
            let role = person.role.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: " ")
            return Person(
                id: person.id, role: person.role, name: "\(role) \(counts[person.role]!)", license: person.license,
                licensedFrom: person.licensedFrom, licensedUntil: person.licensedUntil, location: person.location,
                areas: person.areas)
        }
        let actions = actions.map { action in
            MatterAction(
                person: action.person, action: action.action, date: action.date,
                about: action.about.map { _ in "[redacted]" },
                facts: action.facts, location: action.location)
        }
        var redacted = Matter(
            file: file, id: id, title: title.map { _ in "[redacted]" }, jurisdiction: jurisdiction, type: type,
            area: area,
            asOf: asOf, people: people, facts: facts, events: events, actions: actions, filings: filings,
            typeLocation: typeLocation)
        redacted.orderedDeadlines = orderedDeadlines.map { ordered in
            OrderedDeadline(
                rule: ordered.rule, due: ordered.due, by: ordered.by, on: ordered.on,
                note: ordered.note.map { _ in "[redacted]" }, location: ordered.location)
        }
        redacted.warnings = warnings
        return redacted
    }
}
