import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation
import Hummingbird

/// Auditing one matter: a matter file uploaded or pasted, or a simple matter described in a form.
/// The matter is audited and shown, and may be downloaded as HTML, JSON or iCalendar; it is
/// never stored.
struct AuditPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

    /// Rows offered in the simple-matter form.
    private static let rows = (events: 4, filings: 6, actions: 5)

    func render(_ parameters: Parameters, result: String = "") -> String {
        let body = """
            \(result)
            <form class="panel" method="post" action="/audit" aria-labelledby="file-heading">
            <h2 id="file-heading">A matter file</h2>
            <input type="hidden" name="mode" value="file">
            <div class="field" id="upload" hidden><label for="matter-file">Upload a matter file (YAML or JSON)</label>
            <input id="matter-file" type="file" accept=".yaml,.yml,.json,text/yaml,application/json"></div>
            \(Field.textarea("matter", label: "Or paste it here",
                value: parameters["mode"] == "file" ? parameters["matter"] : nil, rows: 12,
                             hint: "The format is described in docs/matter-format.md. "
                    + "The file is audited and forgotten: nothing is stored."))
            \(options(parameters, prefix: "file-"))
            <div class="actions"><button type="submit">Audit</button></div>
            </form>
            \(simpleForm(parameters))
            """
        return Layout.page("Audit a matter", path: "/audit", body: body)
    }

    /// The audit's options; `prefix` keeps the two forms' element ids apart.
    private func options(_ parameters: Parameters, prefix: String) -> String {
        """
        <div class="grid">
        \(Field.input("as-of", id: prefix + "as-of", label: RequestField.asOf.label, type: "date",
            value: parameters["as-of"],
                      hint: "Empty: the file's as-of, else today (UTC)."))
        \(Field.input("horizon", id: prefix + "horizon", label: RequestField.horizon.label, type: "number",
                      value: parameters[.horizon] ?? String(AuditRequest.defaultHorizon),
                      attributes: Field.range(AuditRequest.horizons)))
        </div>
        \(Field.checkbox("redact", id: prefix + "redact", label: RequestField.redact.label,
                         checked: parameters.ticked(.redact)))
        """
    }

    /// The form for a matter without a file: its type, the technician, dates of events, filings and actions.
    private func simpleForm(_ parameters: Parameters) -> String {
        let types = packs.jurisdictions.map { place in
            (
                heading: Optional(place.name),
                choices: packs.matterTypes.filter { $0.jurisdiction == place.id }.map {
                    Field.Choice(value: "\(place.id)/\($0.id)", label: $0.name)
                }
            )
        }
        let events = packs.events.map { ($0.id, $0.name) }
        // Grouped by matter type: a form belongs to the type it is listed under.
        let forms = packs.matterTypes.map { type in
            (
                heading: Optional("\(type.name), \(packs.jurisdiction(type.jurisdiction)?.name ?? type.jurisdiction)"),
                choices: type.forms.map { Field.Choice(value: $0.code, label: "\($0.code): \($0.name)") }
            )
        }
        let actions = packs.actions.map { ($0.id, $0.title) }
        let services = ServiceMethod.allCases.map { ($0.rawValue, $0.rawValue) }
        func row(_ number: Int, _ fields: [String]) -> String {
            "<div class=\"grid\" role=\"group\" aria-label=\"Row \(number)\">\(fields.joined())</div>"
        }
        let eventRows = (1...Self.rows.events).map { n in
            row(
                n,
                [
                    Field.select(
                        "event-\(n)", label: "Event \(n)", options: events, selected: parameters["event-\(n)"],
                        blank: "None"),
                    Field.input("event-date-\(n)", label: "Date", type: "date", value: parameters["event-date-\(n)"]),
                    Field.select(
                        "event-method-\(n)", label: "Served by", options: services,
                        selected: parameters["event-method-\(n)"],
                        blank: "Not a service"),
                ])
        }
        let filingRows = (1...Self.rows.filings).map { n in
            row(
                n,
                [
                    Field.select(
                        "form-\(n)", label: "Form \(n)", groups: forms, selected: parameters["form-\(n)"], blank: "None"
                    ),
                    Field.input("filed-\(n)", label: "Filed on", type: "date", value: parameters["filed-\(n)"]),
                ])
        }
        let actionRows = (1...Self.rows.actions).map { n in
            row(
                n,
                [
                    Field.select(
                        "action-\(n)", label: "Action \(n)", options: actions, selected: parameters["action-\(n)"],
                        blank: "None"),
                    Field.input("action-date-\(n)", label: "Date", type: "date", value: parameters["action-date-\(n)"]),
                ])
        }
        return """
            <form class="panel" method="post" action="/audit" aria-labelledby="simple-heading">
            <h2 id="simple-heading">Or describe a simple matter</h2>
            <input type="hidden" name="mode" value="simple">
            <div class="grid">
            \(Field.select("matter-type", label: RequestField.matterType.label, groups: types,
                selected: parameters["matter-type"],
                           blank: "Choose a matter type", attributes: " required"))
            \(Field.input("id", label: RequestField.matterID.label, value: parameters["id"] ?? "WEB-1",
                attributes: " required"))
            \(Field.input("tech-name", label: RequestField.technicianName.label, value: parameters["tech-name"]
                ?? "Technician", attributes: " required"))
            \(pages.licenseSelect(selected: parameters["license"], required: true))
            \(Field.input("licensed-from", label: RequestField.licensedFrom.label, type: "date",
                value: parameters["licensed-from"]))
            </div>
            <fieldset><legend>\(RequestField.events.label)</legend>\(eventRows.joined())</fieldset>
            <fieldset><legend>\(RequestField.filings.label)</legend>\(filingRows.joined())</fieldset>
            <fieldset><legend>\(RequestField.actions.label)</legend>\(actionRows.joined())</fieldset>
            \(Field.textarea("facts", label: RequestField.fact.label, value: parameters.all("facts").first, rows: 4,
                             hint: "One per line, id=value: children=2, written-contract=true, issues= (none)."))
            \(options(parameters, prefix: "simple-"))
            <div class="actions"><button type="submit">Audit</button></div>
            </form>
            """
    }

    /// What a matter's names are typed or pasted into; a page answering a request to redact
    /// does not carry them back, so the page holds no more than its redacted report.
    private static let unredacted: Set<String> = ["matter", "tech-name"]

    /// Audits what was submitted: as a page, or as a download when a format is chosen; with the
    /// journal's entry for the audit, when one was made and the server keeps a journal.
    func submit(_ parameters: Parameters) -> JournalledResponse {
        var entry: JournalEntry?
        let response = respond(parameters, journalling: &entry)
        return JournalledResponse(response: response, entry: entry)
    }

    private func respond(_ parameters: Parameters, journalling entry: inout JournalEntry?) -> Response {
        let redacting = parameters.ticked(.redact)
        let shown = redacting ? parameters.removing(Self.unredacted) : parameters
        let text: String
        do throws(RequestError) {
            text =
                parameters["mode"] == "simple"
                ? try matterText(from: parameters) : (parameters.all("matter").first ?? "")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .missing(.matter) }
        } catch {
            return Reply.html(render(shown, result: Layout.problem(error)), status: .badRequest)
        }
        do throws(RequestError) {
            let audited = try pages.service.audit(text, parameters: parameters, via: .page)
            entry = audited.entry
            if let name = parameters[.format] {
                return try AuditFormat(served: name).response(for: audited, download: true)
            }
            return Reply.html(render(shown, result: report(audited, matter: text, parameters: parameters)))
        } catch .unreadableMatter(let problems) {
            let items = problems.diagnostics.map {
                "<li><code>line \($0.location.line), column \($0.location.column)</code>: "
                    + "\(escapeHTML($0.message))</li>"
            }
            var result =
                "<div class=\"alert\" role=\"alert\" id=\"problems\">"
                + "<strong>The matter cannot be read:</strong><ul>\(items.joined())</ul></div>"
            if parameters["mode"] == "simple" && !redacting {
                result +=
                    "<details open><summary>The matter file made from the form</summary>"
                    + "<pre>\(escapeHTML(text))</pre></details>"
            }
            return Reply.html(render(shown, result: result), status: .unprocessableContent)
        } catch {
            return Reply.html(render(shown, result: Layout.problem(error)), status: .init(code: error.code.status))
        }
    }

    private func report(_ audited: Service.AuditedMatter, matter: String, parameters: Parameters) -> String {
        let report = audited.report
        // Redacted, the report itself is offered for download: re-posting the matter would put
        // the names back into this page.
        if parameters.ticked(.redact) {
            let links = [AuditFormat.html, .json, .ics].map { format in
                let document = format.document(for: audited)
                let type = document.type.replacingOccurrences(of: " ", with: "")
                return "<a class=\"button secondary\" download=\"\(document.file)\" "
                    + "href=\"data:\(type);base64,\(Data(document.text.utf8).base64EncodedString())\">"
                    + "Download \(format == .ics ? "calendar (.ics)" : format.rawValue.uppercased())</a>"
            }
            let downloads = "<div class=\"actions\" aria-label=\"Download the report\">\(links.joined(separator: "\n"))"
            return "<section id=\"report\" aria-label=\"Audit report\">" + AuditHTML().matter(report, in: false)
                + downloads + "</div></section>"
        }
        let carried = ["as-of", "horizon", "redact"].compactMap { name in
            parameters[name].map { "<input type=\"hidden\" name=\"\(name)\" value=\"\(escapeHTML($0))\">" }
        }
        let downloads = """
            <form method="post" action="/audit" class="actions" aria-label="Download the report">
            <input type="hidden" name="mode" value="file">
            <textarea name="matter" hidden aria-hidden="true">\(escapeHTML(matter))</textarea>\(carried.joined())
            <button type="submit" name="format" value="html" class="secondary">Download HTML</button>
            <button type="submit" name="format" value="json" class="secondary">Download JSON</button>
            <button type="submit" name="format" value="ics" class="secondary">Download calendar (.ics)</button>
            </form>
            """
        let generated =
            parameters["mode"] == "simple"
            ? "<details><summary>The matter file made from the form (save it to audit again "
                + "later)</summary><pre>\(escapeHTML(matter))</pre></details>"
            : ""
        return "<section id=\"report\" aria-label=\"Audit report\">" + AuditHTML().matter(report, in: false) + downloads
            + generated + "</section>"
    }

    /// A matter file (JSON, which the matter loader reads as YAML) from the simple form's fields.
    func matterText(from parameters: Parameters) throws(RequestError) -> String {
        let chosen = try parameters.required(.matterType).split(separator: "/", maxSplits: 1).map(String.init)
        guard chosen.count == 2 else { throw .missing(.matterType) }
        var technician: [(String, JSONValue)] = [
            ("id", "tech"), ("role", "technician"),
            ("name", .string(try parameters.required(.technicianName))),
            ("license", .string(try parameters.required(.license))),
        ]
        if let from = try parameters.date(.licensedFrom) {
            technician.append(("licensed-from", .string(from.description)))
        }
        var facts: [(String, JSONValue)] = []
        for pair in try parameters.facts() {
            let id = pair.id.trimmingCharacters(in: .whitespaces)
            let fact = try FactArguments.fact(id, in: packs)
            facts.append((id, DecisionJSONReport.value(try FactArguments.value(pair.value, for: fact))))
        }
        var events: [JSONValue] = []
        for n in 1...Self.rows.events {
            guard let event = parameters["event-\(n)"] else { continue }
            guard let date = try date(parameters, "event-date-\(n)", in: .events) else {
                throw .invalid(.events, .rowWithoutDate(n))
            }
            var entry: [(String, JSONValue)] = [("event", .string(event)), ("date", .string(date.description))]
            if let method = parameters["event-method-\(n)"] { entry.append(("method", .string(method))) }
            events.append(.object(entry))
        }
        var filings: [JSONValue] = []
        for n in 1...Self.rows.filings {
            guard let form = parameters["form-\(n)"] else { continue }
            var filing: [(String, JSONValue)] = [("form", .string(form))]
            if let date = try date(parameters, "filed-\(n)", in: .filings) {
                filing.append(("filed", .string(date.description)))
            }
            filings.append(.object(filing))
        }
        var actions: [JSONValue] = []
        for n in 1...Self.rows.actions {
            guard let action = parameters["action-\(n)"] else { continue }
            guard let date = try date(parameters, "action-date-\(n)", in: .actions) else {
                throw .invalid(.actions, .rowWithoutDate(n))
            }
            actions.append(.object([("by", "tech"), ("action", .string(action)), ("date", .string(date.description))]))
        }
        var matter: [(String, JSONValue)] = [
            ("id", .string(try parameters.required(.matterID))),
            ("jurisdiction", .string(chosen[0])), ("type", .string(chosen[1])),
        ]
        if let asOf = try parameters.date(.asOf) { matter.append(("as-of", .string(asOf.description))) }
        matter += [
            ("people", .array([.object(technician)])), ("facts", .object(facts)), ("events", .array(events)),
            ("actions", .array(actions)), ("filings", .array(filings)),
        ]
        return JSONValue.object(matter).rendered()
    }

    /// A row's date, YYYY-MM-DD; a malformed one is reported as its part of the form.
    private func date(
        _ parameters: Parameters, _ name: String,
        in part: RequestField
    ) throws(RequestError) -> CivilDate? {
        guard let text = parameters[name] else { return nil }
        guard case .success(let date) = ValueSyntax.date(text) else { throw .invalid(part, .notADate(text)) }
        return date
    }
}
