import Bailiwick
import BailiwickReports

/// "May I do this?": the scope check, with the decision explained.
struct CheckPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

    func render(_ parameters: Parameters) -> String {
        var result = ""
        let facts = FactQuestionForm.facts(in: parameters, packs: packs)
        if parameters["action"] != nil || parameters["license"] != nil {
            do {
                let decided = try pages.service.check(FactQuestionForm.checkParameters(parameters, facts: facts))
                result = decision(decided, question: question(after: decided, parameters, facts: facts))
            } catch {
                result = Layout.problem(error)
            }
        }
        let actions = packs.actions.map { action in
            "<option value=\"\(action.id)\" data-description=\"\(escapeHTML(action.description))\">"
                + "\(escapeHTML(action.title))</option>"
        }
        let factRows = packs.facts.map { fact in
            "<tr><td><code>\(Pages.breakable(fact.id))</code></td><td>\(fact.type.rawValue)</td>"
                + "<td>\(escapeHTML(DecisionText.example(fact)))</td><td>\(escapeHTML(fact.description))</td></tr>"
        }
        let holdsHint = "Comma-separated area ids (family, debt-collection). Empty: every area the licence offers."
        let form = """
            <form class="panel" method="get" action="/check#result" aria-label="Scope check">
            <div class="grid">
            \(Field.select("jurisdiction", label: RequestField.jurisdiction.label, options: pages.jurisdictionOptions,
                selected: parameters["jurisdiction"],
                           blank: "Choose a jurisdiction", attributes: " required"))
            \(pages.licenseSelect(selected: parameters["license"], required: true))
            <div class="field"><label for="action">\(RequestField.action.label)</label>
            <p class="hint" id="action-hint">Type to search, or pick from the list.</p>
            <input id="action" name="action" list="actions" required autocomplete="off" aria-describedby="action-hint \
            action-description" \
            value="\(escapeHTML(parameters["action"] ?? ""))">
            <datalist id="actions">\(actions.joined())</datalist>
            <p class="hint" id="action-description" aria-live="polite"></p></div>
            \(Field.select("area", label: RequestField.area.label, options: packs.areas.map { ($0.id, $0.title) },
                selected: parameters["area"],
                           blank: "Not given (the licence's only area, if it has one)"))
            \(Field.input("holds", label: RequestField.holds.label, value: parameters["holds"], hint: holdsHint))
            \(Field.input("on", label: RequestField.on.label, type: "date", value: parameters["on"],
                hint: "Empty: today (UTC)."))
            </div>
            <details id="facts-advanced"\(facts.isEmpty ? "" : " open")><summary>Advanced: type facts as \
            id=value</summary>
            \(Field.textarea("facts", label: RequestField.fact.label, value: facts.joined(separator: "\n"), rows: 4,
                             hint: "One per line, id=value: written-contract=true, issues= (none), children=2."))
            </details>
            <details><summary>Facts you can give</summary><div class="table-wrap"><table>
            <thead><tr><th scope="col">Fact</th><th scope="col">Type</th><th scope="col">Write</th><th \
            scope="col">Meaning</th></tr></thead>
            <tbody>\(factRows.joined())</tbody></table></div></details>
            <div class="actions"><button type="submit">Check</button></div>
            </form>
            """
        return Layout.page("Check scope", path: "/check", body: form + Layout.result(result))
    }

    /// The next question's form, when a fact could still change the decision.
    private func question(after decision: ScopeDecision, _ parameters: Parameters, facts: [String]) -> String? {
        FactQuestion.next(for: decision, in: packs).map {
            FactQuestionForm(fact: $0, parameters: parameters, facts: facts).render()
        }
    }

    private func decision(_ decision: ScopeDecision, question: String?) -> String {
        let query = decision.query
        let summary = DecisionText.summary(of: decision)
        // The decision's lists, worked out together once: each, read from the decision, evaluates its rules again.
        let explanation = decision.explanation
        let area = decision.area.map { $0 + (decision.areaAssumed ? " (assumed)" : "") } ?? "area not given"
        var html: [String] = [
            "<section aria-labelledby=\"decision-heading\">",
            "<h2 id=\"decision-heading\">Decision</h2>",
            "<div class=\"verdict \(summary.tone.rawValue)\" id=\"decision\" data-kind=\"\(decision.kind.rawValue)\">"
                + "<p><span class=\"label\">\(summary.label)</span>: \(escapeHTML(summary.explanation))</p>"
                + summary.details.map { "<p>\(escapeHTML($0))</p>" }.joined() + "</div>",
            question ?? "",
            "<p class=\"muted\">\(escapeHTML(query.license.title)) (\(query.license.key.id)), "
                + "\(escapeHTML(query.jurisdiction.name)): "
                + "<strong>\(escapeHTML(query.action.title))</strong> · "
                + "\(escapeHTML(area)) · on \(query.date)</p>",
        ]
        if !explanation.requirements.isEmpty {
            html.append("<h3>Conditions</h3><ul>")
            for outcome in explanation.requirements {
                html.append(
                    "<li><strong>\(DecisionText.conditionStatus(outcome.truth))</strong>: "
                        + "\(escapeHTML(outcome.requirement.label)) "
                        + "<code>\(escapeHTML(outcome.requirement.condition.text))</code> <span "
                        + "class=\"muted\">(\(outcome.ruleID))</span></li>"
                )
            }
            html.append("</ul>")
        }
        if !explanation.missingFacts.isEmpty {
            html.append("<h3>To confirm</h3><p>Add these to the facts and check again:</p><ul>")
            for missing in explanation.missingFacts {
                switch missing {
                case .area:
                    html.append("<li><strong>area</strong>: the matter's practice area</li>")
                case .fact(let id):
                    if let fact = packs.fact(id) {
                        html.append(
                            "<li><code>\(id)=\(escapeHTML(DecisionText.example(fact)))</code>: "
                                + "\(escapeHTML(fact.description))</li>")
                    }
                }
            }
            html.append("</ul>")
        }
        html += parameterTable(explanation.parametersUsed)
        html.append("<h3>Rules</h3>")
        if explanation.rules.isEmpty {
            html.append("<p>No rule names this licence and action.</p>")
        } else {
            html.append(
                "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Effect</th>"
                    + "<th scope=\"col\">Outcome</th><th scope=\"col\">Citation</th></tr></thead><tbody>")
            for outcome in explanation.rules {
                let rule = outcome.rule
                var row = "<tr><td>\(outcome.decisive ? "<strong>* " : "")<a "
                row += "href=\"/packs/\(query.jurisdiction.id)#\(rule.id)\">\(rule.id)</a>"
                row += "\(outcome.decisive ? "</strong>" : "")<br>\(escapeHTML(rule.summary))</td><td>"
                row += "\(rule.effect.rawValue)</td>"
                row += "<td>\(escapeHTML(DecisionText.status(of: outcome, in: decision, packs: packs)))</td>"
                row += "<td>\(Pages.citation(rule.citation))\(Pages.evidence(of: rule, packs: packs))"
                row += "<br><span class=\"muted\">in force "
                row += "\(rule.period.description)</span></td></tr>"
                html.append(
                    row
                )
            }
            let legend =
                explanation.rules.contains(where: \.decisive) ? "<p class=\"muted\">* decided the outcome</p>" : ""
            html.append("</tbody></table></div>" + legend)
        }
        let weak = explanation.weaklySourcedRules
        if !weak.isEmpty {
            html.append("<h3>Caution</h3><p>This answer rests on rules not checked against their primary text:</p><ul>")
            html += weak.map {
                "<li>\($0.id) \(Pages.statusTag($0.citation.status))\($0.note.map(NoteHTML.block) ?? "")</li>"
            }
            html.append("</ul>")
        }
        html += explanation.notes.map { NoteHTML.block(DecisionText.note($0, in: decision)) }
        html.append("</section>")
        return html.joined(separator: "\n")
    }
}

extension CheckPage {
    /// The dated figures the rules compared facts with: the value used and the law that sets it.
    fileprivate func parameterTable(_ uses: [ParameterUse]) -> [String] {
        guard !uses.isEmpty else { return [] }
        var html = [
            "<h3>Parameters</h3>",
            "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Parameter</th>"
                + "<th scope=\"col\">Value used</th><th scope=\"col\">From</th><th scope=\"col\">Citation</th>"
                + "</tr></thead><tbody>",
        ]
        for use in uses {
            let from = use.value.map { "\($0.from)" } ?? ""
            let citation = use.value.map { Pages.citation($0.citation) } ?? ""
            html.append(
                "<tr><td>param.\(escapeHTML(use.parameter.id))<br>\(escapeHTML(use.parameter.description))</td>"
                    + "<td>\(escapeHTML(DecisionText.parameterValue(use)))</td><td>\(from)</td>"
                    + "<td>\(citation)</td></tr>")
        }
        html.append("</tbody></table></div>")
        return html
    }
}
