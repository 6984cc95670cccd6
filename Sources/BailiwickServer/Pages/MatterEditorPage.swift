import Bailiwick
import BailiwickReports
import Foundation
import Hummingbird

/// The matter editor: a matter of any matter type built from a form (its people, events, actions,
/// filings and facts), audited as the audit page audits a file, with the findings beside the form
/// and the matter file to download. `/audit/new` chooses the type and shows the empty form; the
/// form posts to `/audit` (`mode=editor`), where every audit of the pages is made.
struct MatterEditorPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

    static let path = "/audit/new"
    static let title = "Build a matter"

    /// `GET /audit/new`: the choice of a matter type; with `matter-type` the empty form for it, and
    /// with `example` too, the form filled in with that example matter.
    func render(_ parameters: Parameters) -> Response {
        guard parameters[.matterType] != nil else {
            return Reply.html(page(picker(parameters, heading: "Choose the matter type")))
        }
        do throws(RequestError) {
            let (jurisdiction, type) = try MatterEditorForm.matterType(parameters, packs: packs)
            var fields = parameters
            if let example = parameters["example"] {
                guard let filled = MatterEditorExamples.fields(example, type: type, packs: packs) else {
                    let problem = Layout.problem("There is no example of that name for this matter type.")
                    return Reply.html(
                        page(problem + picker(parameters, heading: "Choose the matter type")), status: .notFound)
                }
                fields = Parameters(filled.map { (name: $0.0, value: $0.1) })
            }
            let form = MatterEditorForm(parameters: fields, packs: packs, jurisdiction: jurisdiction, type: type)
            return Reply.html(page(try editor(form)))
        } catch {
            let body = Layout.problem(error) + picker(parameters, heading: "Choose the matter type")
            return Reply.html(page(body), status: .init(code: error.code.status))
        }
    }

    /// The form's submission: more rows, the audit beside the form, or a download (the matter file,
    /// or the report as HTML, JSON or iCalendar).
    func respond(_ parameters: Parameters, journalling entry: inout JournalEntry?) -> Response {
        let form: MatterEditorForm
        let text: String
        do throws(RequestError) {
            let (jurisdiction, type) = try MatterEditorForm.matterType(parameters, packs: packs)
            form = MatterEditorForm(parameters: parameters, packs: packs, jurisdiction: jurisdiction, type: type)
        } catch {
            let body = Layout.problem(error) + picker(parameters, heading: "Choose the matter type")
            return Reply.html(page(body), status: .init(code: error.code.status))
        }
        func shown(_ result: String, status: HTTPResponse.Status = .ok, asking: [FactDefinition] = []) -> Response {
            do throws(RequestError) {
                return Reply.html(page(try editor(form, result: result, asking: asking)), status: status)
            } catch {
                return Reply.html(page(Layout.problem(error)), status: .init(code: error.code.status))
            }
        }
        if parameters["more"] != nil { return shown("") }
        do throws(RequestError) {
            text = try form.draft().yaml()
        } catch {
            return shown(Layout.problem(error), status: .init(code: error.code.status))
        }
        if parameters[.format] == "yaml" {
            return Reply.text(
                text, type: "application/yaml; charset=utf-8",
                download: AuditFormat.fileName("matter", parameters[.matterID] ?? "", "yaml"))
        }
        do throws(RequestError) {
            let audited = try pages.service.audit(text, parameters: parameters, via: .page)
            entry = audited.entry
            if let name = parameters[.format] {
                return try AuditFormat(served: name).response(for: audited, download: true)
            }
            return shown(
                report(audited, matter: text), asking: FactQuestion.missing(in: audited.report, packs: packs))
        } catch .unreadableMatter(let problems) {
            // The form's controls admit no such file; a hand-made post can still make one.
            let result = AuditPage.problems(problems) + Self.file(text, open: true)
            return shown(result, status: .unprocessableContent)
        } catch {
            return shown(Layout.problem(error), status: .init(code: error.code.status))
        }
    }

    private func page(_ body: String) -> String {
        Layout.page(Self.title, path: Self.path, body: "<style>\(Self.css)</style>\n" + body)
    }

    /// The jurisdiction and matter type to build a matter of; the script offers only the chosen
    /// jurisdiction's types, and without it each type is listed under its jurisdiction.
    func picker(_ parameters: Parameters, heading: String) -> String {
        let groups = packs.jurisdictions.map { place in
            (
                heading: Optional(place.name),
                choices: packs.matterTypes.filter { $0.jurisdiction == place.id }.map {
                    Field.Choice(value: "\(place.id)/\($0.id)", label: $0.name, jurisdictions: [place.id])
                }
            )
        }
        let places = packs.jurisdictions.filter { place in packs.matterTypes.contains { $0.jurisdiction == place.id } }
        return """
            <form class="panel" method="get" action="\(Self.path)" aria-labelledby="editor-choice-heading">
            <h2 id="editor-choice-heading">\(escapeHTML(heading))</h2>
            <p class="hint">A form for every part of a matter of that type: its people, what happened and when, \
            what the technician did, the forms filed and the facts its rules turn on. The matter is audited as a \
            matter file is, and can be downloaded as one (the format: docs/matter-format.md in Bailiwick's \
            repository, or <code>bailiwick schema matter</code>). Nothing is stored.</p>
            <div class="grid">
            \(Field.select("jurisdiction", label: RequestField.jurisdiction.label,
                options: places.map { ($0.id, "\($0.name) (\($0.id))") }, selected: parameters[.jurisdiction],
                blank: "Any jurisdiction"))
            \(Field.select("matter-type", label: RequestField.matterType.label, groups: groups,
                selected: parameters[.matterType], blank: "Choose a matter type",
                attributes: " data-filter-by=\"jurisdiction\" required"))
            </div>
            <div class="actions"><button type="submit">Open the form</button></div>
            </form>
            """
    }

    /// The form for one matter type, filled with what was posted, and the result beside it.
    private func editor(
        _ form: MatterEditorForm, result: String = "", asking: [FactDefinition] = []
    ) throws(RequestError) -> String {
        let parameters = form.parameters
        let people = try form.peopleRows()
        let actionRows = try form.actionRows()
        let hidden = [
            ("mode", "editor"), ("matter-type", "\(form.jurisdiction.id)/\(form.type.id)"),
            ("person-rows", String(people)), ("action-rows", String(actionRows)),
        ].map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\(escapeHTML($0.1))\">" }
        let downloads =
            result.contains("id=\"report\"")
            ? [("html", "Download HTML"), ("json", "Download JSON"), ("ics", "Download calendar (.ics)")] : []
        let buttons = ([("yaml", "Download YAML")] + downloads).map {
            "<button type=\"submit\" name=\"format\" value=\"\($0.0)\" class=\"secondary\">\($0.1)</button>"
        }
        let heading = "\(form.type.name), \(form.jurisdiction.name)"
        let factFields = try factControls(form, asking: asking)
        let chosen = "\(form.jurisdiction.id)/\(form.type.id)"
        let examples = MatterEditorExamples.names(of: form.type, packs: packs).map {
            "<a href=\"\(Self.path)?matter-type=\(escapeHTML(chosen))&amp;example=\(escapeHTML($0))\">"
                + "\(escapeHTML($0))</a>"
        }
        let start =
            examples.isEmpty
            ? ""
            : "<p id=\"examples\">Start from an example: \(examples.joined(separator: ", ")) (what the form has "
                + "no field for, such as a title, notes or dates set by order, is left out).</p>"
        return """
            <div class="editor">
            <form class="panel" method="post" action="/audit" aria-labelledby="editor-heading" id="editor">
            <h2 id="editor-heading">\(escapeHTML(heading))</h2>
            <p class="hint">Fill in what the matter has; a row left blank is left out, and a fact left \
            unanswered is not known. <a href="\(Self.path)">Choose another matter type</a>.</p>
            \(start)
            \(hidden.joined())
            <div class="grid">
            \(Field.input("id", label: RequestField.matterID.label, value: parameters[.matterID],
                hint: "The matter's own reference.", attributes: " required"))
            \(Field.input("as-of", label: RequestField.asOf.label, type: "date", value: parameters[.asOf],
                hint: "Empty: today (UTC)."))
            \(Field.input("horizon", label: RequestField.horizon.label, type: "number",
                value: parameters[.horizon] ?? String(AuditRequest.defaultHorizon),
                attributes: Field.range(AuditRequest.horizons)))
            </div>
            <fieldset><legend>\(RequestField.people.label)</legend>\
            \((1...people).map { personRow($0, form) }.joined())</fieldset>
            <fieldset><legend>\(RequestField.events.label)</legend>\(eventRows(form))</fieldset>
            <fieldset><legend>\(RequestField.actions.label)</legend>\
            \((1...actionRows).map { actionRow($0, people: people, form) }.joined())</fieldset>
            <fieldset><legend>\(RequestField.filings.label)</legend>\(filingRows(form))</fieldset>
            <fieldset><legend>\(RequestField.fact.label)</legend>\(factFields)</fieldset>
            <div class="actions"><button type="submit">Audit</button>\(buttons.joined())</div>
            <div class="actions" aria-label="Add rows">\
            <button type="submit" name="more" value="people" class="secondary" formnovalidate>More people</button>\
            <button type="submit" name="more" value="actions" class="secondary" formnovalidate>More actions</button>\
            </div>
            </form>
            <div class="editor-result">\(result.isEmpty ? Self.placeholder : result)</div>
            </div>
            """
    }

    private static let placeholder =
        "<p class=\"muted\" id=\"no-report\">The findings show here once the form is audited.</p>"

    private static func row(_ label: String, _ fields: [String]) -> String {
        "<div class=\"grid\" role=\"group\" aria-label=\"\(escapeHTML(label))\">\(fields.joined())</div>"
    }

    private func personRow(_ row: Int, _ form: MatterEditorForm) -> String {
        let parameters = form.parameters
        let name = "person-\(row)"
        let defaultRole = form.isNew ? MatterEditorForm.roles.dropFirst(row - 1).first ?? .other : .other
        let defaultLicense =
            form.isNew && row == 1
            ? MatterTemplate.license(in: packs, jurisdiction: form.jurisdiction.id, area: form.type.area)?.key.id : nil
        let licenses = packs.licenses(in: form.jurisdiction.id).map { ($0.key.id, "\($0.title) (\($0.key.id))") }
        return Self.row(
            "Person \(row)",
            [
                Field.input("\(name)-name", label: "Name (person \(row))", value: parameters["\(name)-name"]),
                Field.select(
                    "\(name)-role", label: "Role", options: Person.Role.allCases.map { ($0.rawValue, $0.rawValue) },
                    selected: parameters["\(name)-role"] ?? defaultRole.rawValue),
                Field.select(
                    "\(name)-license", label: RequestField.license.label, options: licenses,
                    selected: parameters["\(name)-license"] ?? defaultLicense, blank: "None"),
                Field.input(
                    "\(name)-licensed-from", label: RequestField.licensedFrom.label, type: "date",
                    value: parameters["\(name)-licensed-from"]),
            ])
    }

    private func eventRows(_ form: MatterEditorForm) -> String {
        let services = ServiceMethod.allCases.map { ($0.rawValue, $0.rawValue) }
        let events = form.events
        guard !events.isEmpty else { return "<p class=\"muted\">This matter type's rules run from no event.</p>" }
        return events.enumerated().map { index, entry in
            let name = "event-\(index + 1)"
            let event = packs.event(entry.event)
            let starts = entry.starts.isEmpty ? "" : " Starts: \(entry.starts.joined(separator: ", "))."
            return Self.row(
                event?.name ?? entry.event,
                [
                    Field.input(
                        "\(name)-date", label: event?.name ?? entry.event, type: "date",
                        value: form.parameters["\(name)-date"],
                        hint: (event?.description ?? entry.event) + starts),
                    Field.select(
                        "\(name)-method", label: "Served by", options: services,
                        selected: form.parameters["\(name)-method"], blank: "Not a service"),
                ])
        }.joined()
    }

    private func actionRow(_ row: Int, people: Int, _ form: MatterEditorForm) -> String {
        let parameters = form.parameters
        let name = "action-\(row)"
        let persons = (1...people).map { person in
            (String(person), "Person \(person)" + (parameters["person-\(person)-name"].map { ": \($0)" } ?? ""))
        }
        return Self.row(
            "Action \(row)",
            [
                Field.select(
                    "\(name)-by", label: "By", options: persons, selected: parameters["\(name)-by"] ?? "1"),
                Field.select(
                    "\(name)-action", label: "Action (\(row))", options: form.actions.map { ($0.id, $0.title) },
                    selected: parameters["\(name)-action"], blank: "None"),
                Field.input("\(name)-date", label: "Date", type: "date", value: parameters["\(name)-date"]),
            ])
    }

    private func filingRows(_ form: MatterEditorForm) -> String {
        guard !form.type.forms.isEmpty else { return "<p class=\"muted\">This matter type lists no form.</p>" }
        return form.type.forms.enumerated().map { index, matterForm in
            let name = "filing-\(index + 1)-date"
            return Field.input(
                name, label: "\(matterForm.code): \(matterForm.name)", type: "date", value: form.parameters[name],
                hint: "Filed on (empty: not filed). \(FormText.requirement(matterForm)).")
        }.joined()
    }

    private func factControls(_ form: MatterEditorForm, asking: [FactDefinition]) throws(RequestError) -> String {
        let facts = try form.facts(asking: asking)
        guard !facts.isEmpty else { return "<p class=\"muted\">This matter type reads no fact.</p>" }
        return facts.map { fact in
            let name = MatterEditorForm.factField(fact)
            let given = form.parameters.all(name).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            return FactControl(fact: fact, name: name, given: given, optional: true).render()
        }.joined()
    }

    /// The findings, as the audit page shows a file's, and the matter file they were made from.
    private func report(_ audited: Service.AuditedMatter, matter: String) -> String {
        "<section id=\"report\" aria-label=\"Audit report\">" + AuditHTML().matter(audited.report, in: false)
            + Self.file(matter, open: false) + "</section>"
    }

    private static func file(_ text: String, open: Bool) -> String {
        "<details\(open ? " open" : "")><summary>The matter file made from the form (Download YAML saves it)"
            + "</summary><pre id=\"matter-yaml\">\(escapeHTML(text))</pre></details>"
    }

    /// The editor's own layout: the form and its findings side by side where the screen is wide.
    static let css = """
        .editor{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;align-items:start}\
        .editor fieldset{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;min-width:0}\
        .editor-result{position:sticky;top:.5rem;max-height:100vh;overflow:auto}\
        .editor-result pre{white-space:pre-wrap}\
        @media (max-width:900px){.editor{grid-template-columns:minmax(0,1fr)}.editor-result{position:static;\
        max-height:none}}
        """
}
