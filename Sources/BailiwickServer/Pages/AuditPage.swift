import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation
import Hummingbird

/// Auditing one matter: a matter file uploaded or pasted, or a matter built in the matter editor
/// (`MatterEditorPage`, whose form posts here too). The matter is audited and shown, and may be
/// downloaded as HTML, JSON or iCalendar; it is never stored.
struct AuditPage {
    let pages: Pages

    var packs: PackSet { pages.packs }

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
            \(MatterEditorPage(pages: pages).picker(parameters, heading: "Or build a matter in the editor"))
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

    /// What a matter's names are typed or pasted into; a page answering a request to redact
    /// does not carry them back, so the page holds no more than its redacted report.
    private static let unredacted: Set<String> = ["matter"]

    /// Audits what was submitted: as a page, or as a download when a format is chosen; with the
    /// journal's entry for the audit, when one was made and the server keeps a journal.
    func submit(_ parameters: Parameters) -> JournalledResponse {
        var entry: JournalEntry?
        let response = respond(parameters, journalling: &entry)
        return JournalledResponse(response: response, entry: entry)
    }

    private func respond(_ parameters: Parameters, journalling entry: inout JournalEntry?) -> Response {
        if parameters["mode"] == "editor" {
            return MatterEditorPage(pages: pages).respond(parameters, journalling: &entry)
        }
        let redacting = parameters.ticked(.redact)
        let shown = redacting ? parameters.removing(Self.unredacted) : parameters
        let text = parameters.all("matter").first ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return Reply.html(render(shown, result: Layout.problem(.missing(.matter))), status: .badRequest)
        }
        do throws(RequestError) {
            let audited = try pages.service.audit(text, parameters: parameters, via: .page)
            entry = audited.entry
            if let name = parameters[.format] {
                return try AuditFormat(served: name).response(for: audited, download: true)
            }
            return Reply.html(render(shown, result: report(audited, matter: text, parameters: parameters)))
        } catch .unreadableMatter(let problems) {
            return Reply.html(render(shown, result: Self.problems(problems)), status: .unprocessableContent)
        } catch {
            return Reply.html(render(shown, result: Layout.problem(error)), status: .init(code: error.code.status))
        }
    }

    /// Where the matter file cannot be read, by line and column; no message repeats its values.
    static func problems(_ problems: DiagnosticList) -> String {
        let items = problems.diagnostics.map {
            "<li><code>line \($0.location.line), column \($0.location.column)</code>: "
                + "\(escapeHTML($0.message))</li>"
        }
        return "<div class=\"alert\" role=\"alert\" id=\"problems\">"
            + "<strong>The matter cannot be read:</strong><ul>\(items.joined())</ul></div>"
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
        return "<section id=\"report\" aria-label=\"Audit report\">" + AuditHTML().matter(report, in: false) + downloads
            + "</section>"
    }
}
