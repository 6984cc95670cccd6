import Bailiwick
import BailiwickReports

/// The deadline calculator: a named deadline or an ad-hoc period, with each step of the count.
struct DeadlinesPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

    func render(_ parameters: Parameters) -> String {
        var result = ""
        if parameters[.from] != nil {
            do {
                result = item(try pages.service.deadline(parameters), query: parameters)
            } catch {
                result = Layout.problem(error)
            }
        }
        let rules = packs.jurisdictions.map { place in
            (
                heading: Optional(place.name),
                choices: packs.deadlines(in: place.id).map {
                    Field.Choice(value: $0.id, label: $0.name, jurisdictions: [place.id])
                }
            )
        }
        let services = ServiceMethod.allCases.map { ($0.rawValue, $0.rawValue) }
        let form = """
            <form class="panel" method="get" action="/deadlines#result" aria-label="Deadline calculator">
            <div class="grid">
            \(Field.select("jurisdiction", label: RequestField.jurisdiction.label, options: pages.jurisdictionOptions,
                selected: parameters["jurisdiction"],
                           blank: "Choose a jurisdiction", attributes: " required"))
            \(Field.input("from", label: RequestField.from.label, type: "date", value: parameters["from"],
                          hint: "The day of service, filing, entry of judgment…", attributes: " required"))
            \(Field.select("rule", label: RequestField.rule.label, groups: rules, selected: parameters["rule"],
                           within: parameters["jurisdiction"],
                           blank: "None: count a period instead", attributes: " data-filter-by=\"jurisdiction\""))
            \(Field.input("days", label: RequestField.days.label, type: "number", value: parameters[.days],
                          attributes: Field.range(DeadlineRequest.days)))
            \(Field.input("hours", label: RequestField.hours.label, type: "number", value: parameters[.hours],
                          attributes: Field.range(DeadlineRequest.hours)))
            \(Field.input("at", label: RequestField.at.label, type: "time", value: parameters["at"]))
            \(Field.select("service", label: RequestField.service.label, options: services,
                selected: parameters["service"], blank: "Not relevant"))
            </div>
            \(Field.checkbox("court-days", label: RequestField.courtDays.label,
                             checked: parameters.ticked(.courtDays)))
            \(Field.checkbox("before", label: RequestField.before.label,
                             checked: parameters.ticked(.before)))
            \(Field.textarea("facts", label: "Facts deciding between a rule's variants",
                value: parameters.all("facts").first, rows: 2,
                             hint: "One per line, id=value: served-out-of-state=true."))
            <div class="actions"><button type="submit">Compute</button></div>
            </form>
            """
        return Layout.page("Deadlines", path: "/deadlines", body: form + Layout.result(result))
    }

    private func item(_ item: DeadlineItem, query: Parameters) -> String {
        let place = packs.jurisdiction(item.jurisdiction)?.name ?? item.jurisdiction
        let relation = item.direction == .after ? "after" : "before"
        let event = item.triggerEvent.flatMap { packs.event($0)?.name.lowercased() } ?? "the trigger"
        var html = [
            "<section aria-labelledby=\"deadline-heading\"><h2 id=\"deadline-heading\">\(escapeHTML(item.title))</h2>",
            "<div class=\"verdict \(item.weakestSource == .primary ? "good" : "caution")\"><p class=\"label\" "
                + "id=\"due\">\(escapeHTML(item.headline))</p>"
                + "<p>\(item.period) \(relation) \(escapeHTML(event)) on \(item.triggerDate) · "
                + "\(escapeHTML(place))</p></div>",
        ]
        if let citation = item.citation { html.append("<p>Rule: \(Pages.citation(citation))</p>") }
        if let inForce = item.inForce { html.append("<p>The rule is \(escapeHTML(inForce)).</p>") }
        let version =
            item.computed.version.period == EffectivePeriod()
            ? "its only version" : "version in force \(item.computed.version.period.description)"
        html.append(
            "<h3>How the date was computed</h3><p class=\"muted\">\(escapeHTML(item.computed.timeRule.name)), "
                + "\(version)</p><ol>"
        )
        html += item.computed.trace.map { entry in
            let citation = entry.citation.map { " <span class=\"muted\">[\(escapeHTML($0))]</span>" } ?? ""
            return "<li>\(escapeHTML(TraceText.sentence(entry.step)))\(citation)</li>"
        }
        html.append("</ol>")
        if !item.computed.closureWarnings.isEmpty {
            html.append("<h3>Depends on court closures not confirmed</h3><ul>")
            for warning in item.computed.closureWarnings {
                let citation = warning.closure.citation
                html.append(
                    "<li>\(escapeHTML(ClosureWarningText.sentence(warning, kind: item.kind))) <span class=\"muted\">["
                        + "\(escapeHTML(citation.text)) · source: \(citation.status.rawValue)]</span></li>")
            }
            html.append("</ul>")
        }
        if !item.alternatives.isEmpty {
            html.append("<h3>Depends on facts not given</h3><ul>")
            for alternative in item.alternatives {
                let date = alternative.date.map { "\($0.weekday) \($0)" } ?? "cannot be worked out from what was given"
                html.append(
                    "<li>If "
                        + "<code>\(escapeHTML(alternative.label))</code>: <strong>\(date)</strong>"
                        + " <span class=\"muted\">(give \(alternative.unknownFacts.joined(separator: ", ")) to "
                        + "decide)</span></li>"
                )
            }
            html.append("</ul>")
        }
        if item.weakestSource != .primary {
            html.append(
                "<p><strong>Caution:</strong> part of this computation rests on a rule marked "
                    + "\(item.weakestSource.rawValue); "
                    + "check the rule's text before relying on the date.</p>")
        }
        html += item.notes.map(NoteHTML.block)
        let calendarQuery = Parameters(query.pairs.filter { $0.name != "format" } + [("format", "ics")]).encoded
        html.append(
            "<p><a href=\"/v1/deadlines?\(escapeHTML(calendarQuery))\" download>Download as a calendar file "
                + "(.ics)</a></p></section>"
        )
        return html.joined(separator: "\n")
    }
}
