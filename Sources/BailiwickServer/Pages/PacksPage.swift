import Bailiwick
import BailiwickReports
import Hummingbird

/// Browsing the packs: jurisdictions, their licences and rules, with citations and how well each is verified.
struct PacksPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

    func index() -> String {
        let rows = packs.jurisdictions.map { place -> String in
            let levels = packs.sourceLevels(of: place.id)
            let counts = SourceLevelText.counts(levels)
            let licenses = packs.licenses(in: place.id).map { "\(escapeHTML($0.title)) (\($0.key.id))" }
            return "<tr><td><a href=\"/packs/\(place.id)\">\(escapeHTML(place.name))</a></td>"
                + "<td>\(licenses.joined(separator: "<br>"))</td>"
                + "<td>\(levels.total): \(counts.joined(separator: ", "))</td><td>\(place.reviewed)</td></tr>"
        }
        let legend = SourceStatus.allCases.map {
            "<strong>\($0.rawValue)</strong> (\(escapeHTML(SourceLevelText.meaning($0))))"
        }.joined(separator: ", ")
        return Layout.page(
            "Rule packs", path: "/packs",
            body: """
                <p>Every rule carries its citation and how well it was verified: \(legend).</p>
                <div class="table-wrap"><table id="jurisdictions"><thead><tr><th scope="col">Jurisdiction</th>\
                <th scope="col">Licences</th><th scope="col">Scope rules by source</th>\
                <th scope="col">Reviewed</th></tr></thead><tbody>\(rows.joined())</tbody></table></div>
                """)
    }

    func jurisdiction(_ id: String, _ parameters: Parameters) -> Response {
        let place: Jurisdiction
        do {
            place = try packs.resolveJurisdiction(id)
        } catch {
            return ErrorPage.response(
                .notFound, RequestError.notFound(error).sentence, title: "No such rule pack", section: "/packs",
                next: [("/packs", "See every rule pack")])
        }
        let status = parameters["status"].flatMap(SourceStatus.init(rawValue:))
        let rules = packs.rules(applicableIn: id).filter { status == nil || $0.citation.status == status }
        let sources = place.sources.map { source in
            // Labelled as the command line's `explain` labels a source: "[WA21] Washington APR 28 (version …)".
            "<li>\(escapeHTML(SourceLevelText.sourceLabel(source.key, source)))"
                + (source.url.map { " <a href=\"\(escapeHTML($0))\" rel=\"noreferrer\">\(Pages.breakable($0))</a>" }
                    ?? "") + "</li>"
        }
        let licenses = packs.licenses(in: id).map { license -> String in
            let areas: String
            switch license.areas {
            case .any: areas = "any area"
            case .only(let ids): areas = ids.joined(separator: ", ")
            }
            return "<tr><td>\(escapeHTML(license.title)) (\(license.key.id))</td><td>\(escapeHTML(areas))</td>"
                + "<td>\(license.validity.description)"
                + "\(license.admissionsUntil.map { "; no new licences after \($0)" } ?? "")</td>"
                + "<td>\(Pages.citation(license.citation))\(license.note.map(NoteHTML.block) ?? "")</td></tr>"
        }
        let ruleRows = rules.map(row)
        let filters = [("", "All rules")] + SourceStatus.allCases.map { ($0.rawValue, "Only \($0.rawValue)") }
        let deadlines = packs.deadlines(in: id).map { deadline in
            "<tr><td>\(escapeHTML(deadline.name)) <span class=\"muted\">(\(deadline.id))</span></td><td>"
                + "\(deadline.period) "
                + "\(deadline.direction == .after ? "after" : "before") "
                + "\(escapeHTML(packs.event(deadline.trigger)?.name ?? deadline.trigger))</td>"
                + "<td>\(Pages.citation(deadline.citation))</td></tr>"
        }
        let deadlineTable =
            deadlines.isEmpty
            ? ""
            : """
            <h2>Deadlines</h2><div class="table-wrap"><table><thead><tr><th scope="col">Deadline</th>\
            <th scope="col">Period</th><th scope="col">Citation</th></tr></thead>\
            <tbody>\(deadlines.joined())</tbody></table></div>
            """
        let forms = packs.forms(in: id).map(formRow)
        let formTable =
            forms.isEmpty
            ? ""
            : """
            <h2 id="forms">Forms</h2><div class="table-wrap"><table id="form-table"><thead><tr>\
            <th scope="col">Matter type</th><th scope="col">Form</th><th scope="col">When</th>\
            <th scope="col">Citation</th></tr></thead><tbody>\(forms.joined())</tbody></table></div>
            """
        return Reply.html(
            Layout.page(
                "\(place.name) (\(place.id))", path: "/packs/\(id)",
                body: """
                    <p>Pack reviewed \(place.reviewed).</p>
                    <h2>Licences</h2>
                    <div class="table-wrap"><table><thead><tr><th scope="col">Licence</th><th \
                    scope="col">Areas</th><th scope="col">Valid</th>\
                    <th scope="col">Citation</th></tr></thead><tbody>\(licenses.joined())</tbody></table></div>
                    <h2 id="rules">Scope rules</h2>
                    <form method="get" action="/packs/\(id)#rules" class="panel" aria-label="Filter rules">
                    \(Field.select("status", label: "Source", options: filters, selected: status?.rawValue ?? ""))
                    <div class="actions"><button type="submit">Filter</button></div></form>
                    <p>\(rules.count) rules.</p>
                    <div class="table-wrap"><table id="rule-table"><thead><tr><th scope="col">Rule</th><th \
                    scope="col">What it says</th>\
                    <th scope="col">Citation</th></tr></thead><tbody>\(ruleRows.joined())</tbody></table></div>
                    \(deadlineTable)
                    \(formTable)
                    <h2>Sources</h2><ul>\(sources.joined())</ul>
                    """))
    }

    private func formRow(_ item: MatterTypeForm) -> String {
        let form = item.form
        var when = escapeHTML(FormText.requirement(form))
        switch form.due {
        case .event(let id)?: when += "; due by \(escapeHTML(packs.event(id)?.name ?? id))"
        case .deadline(let id)?:
            when += "; due by \(escapeHTML(packs.deadline(id, in: item.type.jurisdiction)?.name ?? id))"
        case nil: break
        }
        return "<tr><td>\(escapeHTML(item.type.name)) <span class=\"muted\">(\(item.type.id))</span></td>"
            + "<td><code>\(escapeHTML(form.code))</code> \(escapeHTML(form.name))</td><td>\(when)</td>"
            + "<td>\(Pages.citation(form.citation))</td></tr>"
    }

    private func row(_ rule: ScopeRule) -> String {
        var parts = [
            "<strong>\(rule.effect.rawValue)</strong> for \(rule.licenses.map(\.id).joined(separator: ", ")): "
                + (rule.actions.isAll ? "every action" : escapeHTML(rule.actions.ids.joined(separator: ", ")))
        ]
        if let areas = rule.areas { parts.append("in \(escapeHTML(areas.joined(separator: ", ")))") }
        if let when = rule.when { parts.append("when <code>\(escapeHTML(when.text))</code>") }
        parts += rule.requires.map { "requires \(escapeHTML($0.label))" }
        if !rule.exceptionTo.isEmpty { parts.append("exception to \(rule.exceptionTo.joined(separator: ", "))") }
        parts.append("in force \(rule.period.description)")
        return
            "<tr id=\"\(rule.id)\"><td><code>\(rule.id)</code></td><td>\(escapeHTML(rule.summary))<br><span "
            + "class=\"muted\">"
            + parts.joined(separator: " · ") + "</span></td><td>\(Pages.citation(rule.citation))"
            + Pages.evidence(of: rule, packs: packs) + (rule.note.map(NoteHTML.block) ?? "") + "</td></tr>"
    }
}
