import Bailiwick
import BailiwickReports

/// The matter editor's fields: their names, how many rows the form has, and the matter they
/// describe (`draft()`). A row left blank is no entry; a row with an entry but not what it needs is
/// an error naming the row, never its values, which are the client's.
struct MatterEditorForm {
    let parameters: Parameters
    let packs: PackSet
    let jurisdiction: Jurisdiction
    let type: MatterType

    /// Blank rows of people and actions a new form offers, how many "More rows" adds, and the most
    /// a form may hold: a matter with more is a matter file's work.
    static let rows = (people: 4, actions: 3, added: 2, most: 40)

    /// The roles of a new form's rows of people, as `bailiwick new` writes them.
    static let roles: [Person.Role] = [.technician, .attorney, .client, .opposingParty]

    /// `type=J/T`, the matter type the form is for.
    static func matterType(_ parameters: Parameters, packs: PackSet) throws(RequestError) -> (Jurisdiction, MatterType)
    {
        let chosen = try parameters.required(.matterType).split(separator: "/", maxSplits: 1).map(String.init)
        let place = chosen.first ?? ""
        guard let jurisdiction = packs.jurisdiction(place) else {
            throw .unknown(QueryError(.jurisdiction, place, candidates: packs.jurisdictions.map(\.id)))
        }
        let types = packs.matterTypes.filter { $0.jurisdiction == jurisdiction.id }
        let id = chosen.count == 2 ? chosen[1] : ""
        guard let type = types.first(where: { $0.id == id }) else {
            throw .invalid(.matterType, .notOneOf(types.map { "\(jurisdiction.id)/\($0.id)" }, given: id))
        }
        if let asked = parameters[.jurisdiction], asked != jurisdiction.id {
            throw .invalid(.matterType, .notOneOf(types.map { "\(asked)/\($0.id)" }, given: "\(place)/\(id)"))
        }
        return (jurisdiction, type)
    }

    var events: [(event: String, starts: [String])] { MatterTemplate.events(of: type, in: packs) }

    /// The facts the form asks: the matter type's own, then any other it was given (asked after
    /// an earlier audit), then `asked`, the facts an audit just said it lacks (those that leave an
    /// action's scope unknown, say), each once.
    func facts(asking asked: [FactDefinition] = []) throws(RequestError) -> [FactDefinition] {
        var facts = MatterTemplate.facts(of: type, in: packs)
        for pair in parameters.pairs where pair.name.hasPrefix("fact.") {
            let id = String(pair.name.dropFirst("fact.".count))
            guard let fact = packs.fact(id) else {
                throw .unknown(QueryError(.fact, id, candidates: packs.facts.map(\.id)))
            }
            facts.append(fact)
        }
        var seen: Set<String> = []
        return (facts + asked).filter { seen.insert($0.id).inserted }
    }

    /// The actions the jurisdiction's licences have rules for, in the packs' order; every action
    /// when none names one.
    var actions: [Action] {
        let keys = Set(packs.licenses(in: jurisdiction.id).map(\.key.description))
        let named = Set(
            packs.rules.filter { rule in rule.licenses.contains { keys.contains($0.description) } }
                .flatMap { $0.actions.ids })
        let offered = packs.actions.filter { named.contains($0.id) }
        return offered.isEmpty ? packs.actions : offered
    }

    /// Whether the form was just opened: nothing of its own has been posted yet.
    var isNew: Bool { parameters["person-rows"] == nil }

    /// The rows of a list: as many as the form said it had, or as the highest row posted, plus
    /// those asked for by "More rows" (`more`, up to the most a page takes).
    func rowCount(_ prefix: String, more: String, offered: Int) throws(RequestError) -> Int {
        let posted = parameters.pairs.compactMap { pair -> Int? in
            guard pair.name.hasPrefix(prefix + "-") else { return nil }
            return Int(pair.name.dropFirst(prefix.count + 1).prefix { $0 != "-" })
        }
        let declared = parameters["\(prefix)-rows"].flatMap { Int($0) } ?? offered
        let count = max(offered, declared, posted.max() ?? 0)
        guard count <= Self.rows.most else {
            throw .invalid(prefix == "person" ? .people : .actions, .tooManyRows(limit: Self.rows.most))
        }
        return parameters["more"] == more ? min(count + Self.rows.added, Self.rows.most) : count
    }

    func peopleRows() throws(RequestError) -> Int {
        try rowCount("person", more: "people", offered: Self.rows.people)
    }

    func actionRows() throws(RequestError) -> Int {
        try rowCount("action", more: "actions", offered: Self.rows.actions)
    }

    /// The matter the form describes.
    func draft() throws(RequestError) -> MatterDraft {
        var draft = MatterDraft(
            jurisdiction: jurisdiction, type: type, id: try parameters.required(.matterID),
            asOf: try parameters.date(.asOf))
        // Row numbers of people to their place in the draft: an action names the row.
        var person: [Int: Int] = [:]
        let peopleCount = try peopleRows()
        let actionCount = try actionRows()
        for row in 1...peopleCount {
            let license = parameters["person-\(row)-license"]
            let from = try date("person-\(row)-licensed-from", row: row, in: .people)
            guard let name = parameters["person-\(row)-name"] else {
                if license != nil || from != nil { throw .invalid(.people, .rowNeeds(row, "a name")) }
                continue
            }
            let roleText = parameters["person-\(row)-role"] ?? Person.Role.other.rawValue
            guard let role = Person.Role(rawValue: roleText) else {
                throw .invalid(.people, .notOneOf(Person.Role.allCases.map(\.rawValue), given: roleText))
            }
            if let license, packs.license(license, in: jurisdiction.id) == nil {
                throw .unknown(
                    QueryError(.license, license, candidates: packs.licenses(in: jurisdiction.id).map(\.key.id)))
            }
            person[row] = draft.people.count
            draft.people.append(.init(role: role, name: name, license: license, licensedFrom: from))
        }
        for (index, event) in events.enumerated() {
            let row = index + 1
            let method = parameters["event-\(row)-method"]
            guard let date = try date("event-\(row)-date", row: row, in: .events) else {
                if method != nil { throw .invalid(.events, .rowWithoutDate(row)) }
                continue
            }
            var served: ServiceMethod?
            if let method {
                guard let known = ServiceMethod(rawValue: method) else {
                    throw .invalid(.service, .notOneOf(ServiceMethod.allCases.map(\.rawValue), given: method))
                }
                served = known
            }
            draft.events.append(.init(event: event.event, date: date, method: served))
        }
        for row in 1...actionCount {
            let date = try date("action-\(row)-date", row: row, in: .actions)
            guard let action = parameters["action-\(row)-action"] else {
                if date != nil { throw .invalid(.actions, .rowNeeds(row, "an action")) }
                continue
            }
            guard packs.action(action) != nil else {
                throw .unknown(QueryError(.action, action, candidates: actions.map(\.id)))
            }
            guard let date else { throw .invalid(.actions, .rowWithoutDate(row)) }
            guard let by = parameters["action-\(row)-by"].flatMap({ Int($0) }).flatMap({ person[$0] }) else {
                throw .invalid(.actions, .rowNeeds(row, "a person named under “People”"))
            }
            draft.actions.append(.init(person: by, action: action, date: date))
        }
        for (index, form) in type.forms.enumerated() {
            guard let filed = try date("filing-\(index + 1)-date", row: index + 1, in: .filings) else { continue }
            draft.filings.append(.init(form: form.code, filed: filed))
        }
        for fact in try facts() {
            if let value = try value(of: fact) { draft.facts.append((fact, value)) }
        }
        return draft
    }

    /// A fact's answer, nil when it is not known; read by the one parser every input uses. The
    /// error says what the fact takes, not what was given.
    private func value(of fact: FactDefinition) throws(RequestError) -> FactValue? {
        let answers = parameters.all(Self.factField(fact)).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !answers.isEmpty else { return nil }
        let wrong = RequestError.invalid(.fact, .fact("the answer for \(fact.id) must be \(FactQuestion.takes(fact))"))
        if fact.type == .list {
            let none = answers.filter(FactQuestion.isNone)
            guard none.isEmpty else {
                guard none.count == answers.count else { throw wrong }
                return .list([])
            }
        } else if answers.count > 1 {
            throw wrong
        }
        do throws(RequestError) {
            return try FactArguments.value(answers.joined(separator: ","), for: fact)
        } catch {
            throw wrong
        }
    }

    static func factField(_ fact: FactDefinition) -> String { "fact.\(fact.id)" }

    /// A row's date, YYYY-MM-DD; a malformed one is an error naming the row, not the text.
    private func date(_ name: String, row: Int, in part: RequestField) throws(RequestError) -> CivilDate? {
        guard let text = parameters[name] else { return nil }
        guard case .success(let date) = ValueSyntax.date(text) else {
            throw .invalid(part, .rowNeeds(row, "a date written YYYY-MM-DD"))
        }
        return date
    }
}
