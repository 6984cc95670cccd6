import Bailiwick
import BailiwickReports
import Hummingbird

/// `/caseload`: the supervisor's desk. Every matter of the caseload with its worst finding, what is
/// due this week and next, by person or by supervising lawyer, filtered by GET parameters (no
/// script needed). A file that could not be read is a row of its own, whatever the filters.
///
/// Names are shown as the audit pages show them: the firm's people and the matters' titles, unless
/// `redact` is asked for; clients' names never appear here, and the worst finding is told by its
/// code and subject (`Finding.headline`), never by a sentence that names someone.
struct CaseloadPage {
    let board: CaseloadBoard
    /// Whether the date is `--as-of` rather than today.
    let fixedDate: Bool
    /// The token a feed's address carries, when the server has one.
    let feedToken: String?

    /// The page's choices, from its query string.
    struct Filters {
        enum Group: String, CaseIterable {
            case person, lawyer, none
        }

        static let severities = ["error", "warning", "note", "none"]

        var jurisdiction: String?
        var type: String?
        var person: String?
        var lawyer: String?
        var severity: String?
        var group: Group = .person
        var redact = false

        init(_ parameters: Parameters) throws(FilterError) {
            jurisdiction = parameters["jurisdiction"]
            type = parameters["type"]
            person = parameters["person"]
            lawyer = parameters["lawyer"]
            severity = parameters["severity"]
            if let severity, !Self.severities.contains(severity) {
                throw FilterError("severity must be one of \(Self.severities.joined(separator: ", "))")
            }
            if let name = parameters["group"] {
                guard let group = Group(rawValue: name) else {
                    throw FilterError("group must be one of \(Group.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self.group = group
            }
            do throws(RequestError) {
                redact = try parameters.flag(.redact)
            } catch {
                throw FilterError("redact must be yes or no")
            }
        }

        func admits(_ matter: DeskMatter) -> Bool {
            (jurisdiction.map { $0 == matter.matter.jurisdiction.id } ?? true)
                && (type.map { $0 == matter.matter.type?.id } ?? true)
                && (person.map { id in matter.technicians.contains { $0.id == id } } ?? true)
                && (lawyer.map { id in matter.lawyers.contains { $0.id == id } } ?? true)
                && (severity.map { $0 == CaseloadPage.severityName(matter.worst?.severity) } ?? true)
        }

        /// `?redact=yes` when redacting, for the links that keep the view.
        var redactQuery: String { redact ? "?redact=yes" : "" }
    }

    struct FilterError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func severityName(_ severity: Finding.Severity?) -> String {
        switch severity {
        case .error?: "error"
        case .warning?: "warning"
        case .info?: "note"
        case nil: "none"
        }
    }

    func render(_ filters: Filters) -> String {
        // Grouped once: both weeks and the list read the same groups.
        let groups = groups(board.matters.filter(filters.admits), filters)
        let body = [
            "<link rel=\"stylesheet\" href=\"/assets/caseload.css\">",
            intro(), form(filters), due(groups, filters), list(groups, filters), calendars(filters),
        ]
        return Layout.page("Caseload", path: "/caseload", body: body.joined(separator: "\n"))
    }

    private func intro() -> String {
        let source = fixedDate ? "the date the server was started with (--as-of)" : "today in UTC"
        let broken = board.broken.isEmpty ? "" : ", \(plural(board.broken.count, "file")) that could not be read"
        return """
            <p class="desk-date">Audited as of <strong>\(Self.day(board.date))</strong>, \(source), whatever \
            date a matter file gives itself. \(plural(board.matters.count, "matter"))\(broken).</p>
            """
    }

    private func form(_ filters: Filters) -> String {
        let places = Set(board.matters.map { $0.matter.jurisdiction.id }).sorted()
        var types: [String: String] = [:]
        for matter in board.matters {
            if let type = matter.matter.type, types[type.id] == nil { types[type.id] = type.name }
        }
        func people(_ list: [DeskPerson]) -> [(value: String, label: String)] {
            list.map { ($0.id, filters.redact ? $0.placeholder : $0.name) }
        }
        let severities = [("error", "Error"), ("warning", "Warning"), ("note", "Note only"), ("none", "No findings")]
        let groups = [("person", "Person"), ("lawyer", "Supervising lawyer"), ("none", "No grouping")]
        let fields = [
            Field.select(
                "jurisdiction", label: "Jurisdiction", options: places.map { ($0, $0) },
                selected: filters.jurisdiction, blank: "Any"),
            Field.select(
                "type", label: "Matter type", options: types.keys.sorted().map { ($0, "\(types[$0]!) (\($0))") },
                selected: filters.type, blank: "Any"),
            Field.select(
                "person", label: "Person", options: people(board.technicians), selected: filters.person, blank: "Anyone"
            ),
            Field.select(
                "lawyer", label: "Supervising lawyer", options: people(board.lawyers), selected: filters.lawyer,
                blank: "Anyone"),
            Field.select(
                "severity", label: "Worst finding", options: severities, selected: filters.severity, blank: "Any"),
            Field.select("group", label: "Group by", options: groups, selected: filters.group.rawValue),
        ]
        return """
            <form class="panel" method="get" action="/caseload" id="filters" aria-label="Filter the caseload">
            <div class="grid">\(fields.joined())</div>
            \(Field.checkbox("redact", label: "Hide names and titles", checked: filters.redact))
            <div class="actions"><button type="submit">Show</button> <a href="/caseload">Clear the filters</a></div>
            </form>
            """
    }

    /// One group of matters: a person, a lawyer, or everyone.
    private struct Group {
        let id: String?
        let heading: String?
        let matters: [DeskMatter]
    }

    private func groups(_ matters: [DeskMatter], _ filters: Filters) -> [Group] {
        func by(_ people: [DeskPerson], chosen: String?, of: (DeskMatter) -> [DeskPerson], nobody: String) -> [Group] {
            var groups = people.filter { chosen == nil || $0.id == chosen }.map { person in
                Group(
                    id: person.id, heading: filters.redact ? person.placeholder : person.name,
                    matters: matters.filter { of($0).contains(person) })
            }
            let unnamed = matters.filter { of($0).isEmpty }
            if chosen == nil, !unnamed.isEmpty { groups.append(Group(id: nil, heading: nobody, matters: unnamed)) }
            return groups.filter { !$0.matters.isEmpty }
        }
        switch filters.group {
        case .person:
            return by(board.technicians, chosen: filters.person, of: \.technicians, nobody: "No technician named")
        case .lawyer:
            return by(board.lawyers, chosen: filters.lawyer, of: \.lawyers, nobody: "No supervising lawyer named")
        case .none:
            return matters.isEmpty ? [] : [Group(id: nil, heading: nil, matters: matters)]
        }
    }

    private func due(_ groups: [Group], _ filters: Filters) -> String {
        let start = board.date
        let weeks = [
            ("due-this-week", "Due this week", start.dayNumber...(start.dayNumber + 6)),
            ("due-next-week", "Due next week", (start.dayNumber + 7)...(start.dayNumber + 13)),
        ]
        let tables = weeks.map { id, title, days in
            let bodies = groups.compactMap { group -> String? in
                let rows = group.matters.flatMap { matter in
                    matter.items.filter { $0.status != .cancelled && days.contains($0.date.dayNumber) }
                        .map { (matter, $0) }
                }.sorted { ($0.1.date, $0.0.matter.id, $0.1.title) < ($1.1.date, $1.0.matter.id, $1.1.title) }
                guard !rows.isEmpty else { return nil }
                let cells = rows.map { matter, item in
                    let possible = item.status == .tentative ? " <span class=\"tag\">possible</span>" : ""
                    return "<tr><td>\(Self.day(item.date))</td><td>\(link(matter, filters))</td>"
                        + "<td>\(htmlText(item.title))\(possible)</td><td>\(badge(item.severity))</td></tr>"
                }
                return tbody(group, columns: 4) + cells.joined() + "</tbody>"
            }
            let range =
                "\(Self.day(CivilDate(dayNumber: days.lowerBound)!)) to "
                + "\(Self.day(CivilDate(dayNumber: days.upperBound)!))"
            let table =
                bodies.isEmpty
                ? "<p class=\"muted\">Nothing is due.</p>"
                : """
                <div class="table-wrap"><table id="\(id)"><thead><tr><th scope="col">Date</th>\
                <th scope="col">Matter</th><th scope="col">What</th><th scope="col">Severity</th></tr></thead>\
                \(bodies.joined())</table></div>
                """
            return "<h3>\(title): \(range)</h3>\n\(table)"
        }
        return """
            <section aria-labelledby="due-heading"><h2 id="due-heading">Due this week and next</h2>
            <p class="muted">A week here is seven days from the caseload date: this week is the caseload date and the \
            six days after it, next week the seven days after those. Deadlines met, forms filed and waiting periods \
            over are left out; a possible date depends on a fact the file does not give.</p>
            \(tables.joined(separator: "\n"))
            </section>
            """
    }

    private func list(_ groups: [Group], _ filters: Filters) -> String {
        let columns = filters.redact ? 8 : 9
        let brokenRows = board.broken.map { file in
            let problems = file.problems.map {
                "<li><code>\(htmlText("\($0.location)"))</code> \(htmlText($0.message))</li>"
            }
            return "<tr class=\"broken\"><td colspan=\"\(columns)\"><span class=\"b-error\">Cannot be read</span> "
                + "<code>\(htmlText(file.file))</code><ul>\(problems.joined())</ul></td></tr>"
        }
        let broken =
            brokenRows.isEmpty
            ? ""
            : "<tbody class=\"broken\"><tr><th colspan=\"\(columns)\" scope=\"rowgroup\">Files that could not be read "
                + "(shown whatever the filters)</th></tr>\(brokenRows.joined())</tbody>"
        let bodies = groups.map { group in
            tbody(group, columns: columns) + group.matters.map { row($0, filters) }.joined() + "</tbody>"
        }
        let title = filters.redact ? "" : "<th scope=\"col\">Title</th>"
        let empty = bodies.isEmpty ? "<p class=\"muted\">No matter matches the filters.</p>" : ""
        return """
            <section aria-labelledby="matters-heading"><h2 id="matters-heading">Matters</h2>
            <p class="muted">Worst first: most errors, then most warnings, then the nearest deadline.</p>\(empty)
            <div class="table-wrap"><table id="matters"><thead><tr><th scope="col">Matter</th>\(title)\
            <th scope="col">Jurisdiction</th><th scope="col">Type</th><th scope="col">Technician</th>\
            <th scope="col">Supervising lawyer</th><th scope="col">Worst finding</th>\
            <th scope="col">Errors, warnings</th><th scope="col">Next deadline</th></tr></thead>\
            \(broken)\(bodies.joined())</table></div>
            </section>
            """
    }

    private func row(_ matter: DeskMatter, _ filters: Filters) -> String {
        func names(_ people: [DeskPerson]) -> String {
            people.isEmpty
                ? "–" : people.map { htmlText(filters.redact ? $0.placeholder : $0.name) }.joined(separator: ", ")
        }
        let report = matter.report
        let worst = matter.worst.map { "\(badge($0.severity)) \(htmlText($0.headline))" } ?? badge(nil)
        let title = filters.redact ? "" : "<td>\(htmlText(matter.matter.title ?? "–"))</td>"
        return "<tr><td>\(link(matter, filters))</td>\(title)<td>\(htmlText(matter.matter.jurisdiction.id))</td>"
            + "<td>\(htmlText(matter.matter.type?.name ?? "No matter type"))</td><td>\(names(matter.technicians))</td>"
            + "<td>\(names(matter.lawyers))</td><td>\(worst)</td>"
            + "<td>\(report.count(.error)), \(report.count(.warning))</td>"
            + "<td>\(report.nextDeadline.map(Self.day) ?? "–")</td></tr>"
    }

    /// A group's rows, under a heading row that names it (none without grouping).
    private func tbody(_ group: Group, columns: Int) -> String {
        let attribute = group.id.map { " data-person=\"\($0)\"" } ?? ""
        let heading =
            group.heading.map { "<tr><th colspan=\"\(columns)\" scope=\"rowgroup\">\(htmlText($0))</th></tr>" } ?? ""
        return "<tbody\(attribute)>\(heading)"
    }

    private func calendars(_ filters: Filters) -> String {
        let query = feedToken.map { "?feed-token=\($0)" } ?? ""
        let people = (board.technicians + board.lawyers.filter { !board.technicians.contains($0) }).sorted()
        let items = people.map { person in
            "<li><a href=\"/caseload/people/\(person.id)/calendar.ics\(query)\">"
                + "\(htmlText(filters.redact ? person.placeholder : person.name))</a></li>"
        }
        let token =
            feedToken == nil
            ? ""
            : " Each address carries a feed token: it opens these calendars and nothing else, and changes when the "
                + "server's BAILIWICK_TOKEN does. Anyone who has the address can read the calendar."
        return """
            <section aria-labelledby="calendars-heading"><h2 id="calendars-heading">Calendars to subscribe to</h2>
            <p>Every deadline, waiting period and form due date as an all-day event with reminders 7 days and 1 day \
            before, titled with the matter's id only (docs/calendar.md says how to subscribe in Outlook and Google \
            Calendar).\(token)</p>
            <ul class="desk-feeds"><li><a href="/caseload/calendar.ics\(query)">The whole caseload</a></li>\
            \(items.joined())</ul>
            </section>
            """
    }

    private func link(_ matter: DeskMatter, _ filters: Filters) -> String {
        "<a href=\"/caseload/matter/\(Parameters.encode(matter.matter.id))\(filters.redactQuery)\">"
            + "\(htmlText(matter.matter.id))</a>"
    }

    private func badge(_ severity: Finding.Severity?) -> String {
        let (style, word) =
            switch severity {
            case .error?: ("error", "Error")
            case .warning?: ("warning", "Warning")
            case .info?: ("info", "Note")
            case nil: ("info", "None")
            }
        return "<span class=\"badge b-\(style)\">\(word)</span>"
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    static func day(_ date: CivilDate) -> String { "\(date.weekday) \(date)" }
}

/// The desk's own styles, after the app's stylesheet.
enum CaseloadAssets {
    static let css = """
        .desk-date{font-size:1.05rem}
        .badge{display:inline-block;border-radius:1rem;padding:0 .55rem;font-weight:600;font-size:.8rem;\
        white-space:nowrap}
        #matters th[scope=rowgroup],#due-this-week th[scope=rowgroup],#due-next-week th[scope=rowgroup]{\
        background:#f4f6f9;font-size:.95rem}
        tr.broken td{background:#fff7f6}
        tr.broken ul{margin:.3rem 0 0;padding-left:1.2rem}
        .desk-feeds{columns:2 16rem}
        """
}
