import Bailiwick
import BailiwickReports
import Hummingbird

/// The server-rendered pages. Forms submit to the pages themselves, so every page works
/// without its script; the script only filters lists, shows descriptions and reads files.
struct Pages: Sendable {
    let service: Service

    var packs: PackSet { service.packs }

    func register(on routes: inout Routes) {
        routes.get("/") { _, _ in Reply.html(home()) }
        routes.get("/assets/app.css") { _, _ in Reply.text(Assets.css, type: "text/css; charset=utf-8") }
        routes.get("/assets/app.js") { _, _ in Reply.text(Assets.javaScript, type: "text/javascript; charset=utf-8") }
        routes.get("/check") { request, _ in Reply.html(CheckPage(pages: self).render(query(request))) }
        routes.get("/deadlines") { request, _ in Reply.html(DeadlinesPage(pages: self).render(query(request))) }
        routes.get("/holidays") { request, _ in Reply.html(HolidaysPage(pages: self).render(query(request))) }
        routes.get("/quiz") { request, _ in Reply.html(QuizPage(pages: self).render(query(request))) }
        routes.post("/quiz") { request, _ in
            guard let form = try await form(request, limit: Self.smallFormBytes) else {
                return tooLarge(nil, Self.smallFormBytes, raisedBy: nil)
            }
            return Reply.html(QuizPage(pages: self).grade(form))
        }
        routes.get("/audit") { _, _ in Reply.html(AuditPage(pages: self).render(Parameters([]))) }
        routes.get("/audit/new") { request, _ in MatterEditorPage(pages: self).render(query(request)) }
        routes.post("/audit") { request, _ in
            let limit = service.configuration.maxBodyBytes
            let matterLimit = service.configuration.maxMatterBytes
            do {
                let read = { () async throws -> ByteBuffer in try await Upload.read(request, limit: limit) }
                let bytes = Upload.reservation(request, limit: limit)
                let response = try await service.audits.perform(reading: read, reserving: bytes) { body in
                    // Decoded on the audit's thread: a form at the limit is megabytes of percent-encoding.
                    let form = Parameters(urlEncoded: Substring(String(buffer: body)))
                    guard form.all("matter").allSatisfy({ $0.utf8.count <= matterLimit }) else {
                        return JournalledResponse(response: tooLarge(.matter, matterLimit), entry: nil)
                    }
                    return AuditPage(pages: self).submit(form)
                }
                guard let response else { return Reply.busy(page: true) }
                return await service.send(response, page: true)
            } catch is Upload.TooLarge {
                return tooLarge(nil, limit)
            }
        }
        routes.get("/packs") { _, _ in Reply.html(PacksPage(pages: self).index()) }
        routes.get("/packs/{jurisdiction}") { request, context in
            PacksPage(pages: self).jurisdiction(context.parameters.get("jurisdiction") ?? "", query(request))
        }
    }

    /// Forms other than the audit's hold a few short fields.
    static let smallFormBytes = 1 << 20

    /// 413 for the matter file (`field` .matter) or the whole form (nil).
    private func tooLarge(
        _ field: RequestField?, _ limit: Int,
        raisedBy setting: String? = Upload.setting
    ) -> Response {
        let error = RequestError.tooLarge(field, limit: limit, raisedBy: setting)
        return ErrorPage.response(.contentTooLarge, error.sentence)
    }

    private func query(_ request: Request) -> Parameters {
        Parameters(urlEncoded: Substring(request.uri.query ?? ""))
    }

    /// A submitted form's fields; nil when the form is larger than `limit` bytes.
    private func form(_ request: Request, limit: Int) async throws -> Parameters? {
        do {
            return Parameters(urlEncoded: Substring(String(buffer: try await Upload.read(request, limit: limit))))
        } catch is Upload.TooLarge {
            return nil
        }
    }

    private func home() -> String {
        let tools = [
            (
                "/check", "Check scope",
                "May this licence take this action, in this matter, on this date? The answer names its rules and "
                    + "citations."
            ),
            (
                "/audit", "Audit a matter",
                "Upload or paste a matter file, or build one in the editor: scope, forms, deadlines and follow-ups."
            ),
            (
                "/deadlines", "Deadlines",
                "When is it due? Each step of the count with the rule behind it, as a page or a calendar file."
            ),
            ("/holidays", "Court holidays", "A jurisdiction's court holidays for a year, as its rules compute them."),
            (
                "/quiz", "Quiz",
                "Practise scope, conditions, forms, deadlines, citations and procedure, with feedback and a score."
            ),
            (
                "/packs", "Rule packs",
                "Browse jurisdictions, licences and rules with their citations and how well each is verified."
            ),
        ]
        let cards = tools.map { "<li><h2><a href=\"\($0.0)\">\($0.1)</a></h2><p>\(escapeHTML($0.2))</p></li>" }
        let rows = packs.jurisdictions.map { place in
            let can = packs.capabilities(of: place.id).names
            return "<tr><td><a href=\"/packs/\(place.id)\">\(escapeHTML(place.name))</a></td><td>\(place.id)</td>"
                + "<td>\(packs.licenses(in: place.id).map { escapeHTML($0.title) }.joined(separator: ", "))</td>"
                + "<td>\(can.isEmpty ? "-" : can.joined(separator: ", "))</td><td>\(place.reviewed)</td></tr>"
        }
        return Layout.page(
            "Scope of practice and case-file checks", path: "/",
            body: """
                <p>Bailiwick answers, from cited rule packs, whether a licensed legal technician or paralegal may take \
                an action, \
                whether a case file is complete and on time, and quizzes trainees on the same rules.</p>
                <ul class="cards">\(cards.joined())</ul>
                <h2>Jurisdictions</h2>
                <p>What each can check: <strong>scope</strong> (actions against the licence's rules), \
                <strong>forms</strong> (a matter type's required forms), <strong>deadlines</strong> (named \
                deadlines) and <strong>calendar</strong> (court holidays). A matter file without a type is still \
                audited for scope and licences.</p>
                <div class="table-wrap"><table id="capabilities"><thead><tr><th scope="col">Jurisdiction</th>\
                <th scope="col">Id</th><th scope="col">Licences</th><th scope="col">Checks</th>\
                <th scope="col">Pack reviewed</th></tr></thead><tbody>\(rows.joined())</tbody></table></div>
                """)
    }

    // Shared choices for the forms.

    var jurisdictionOptions: [(value: String, label: String)] {
        packs.jurisdictions.map { ($0.id, "\($0.name) (\($0.id))") }
    }

    /// Each licence once, with the jurisdictions where it can be held, for the licence filter.
    var licenseChoices: [Field.Choice] {
        var places: [String: [String]] = [:]
        var titles: [String: String] = [:]
        for place in packs.jurisdictions {
            for license in packs.licenses(in: place.id) {
                places[license.key.id, default: []].append(place.id)
                titles[license.key.id] = titles[license.key.id] ?? license.title
            }
        }
        return places.keys.sorted().map { id in
            Field.Choice(value: id, label: "\(titles[id]!) (\(id))", jurisdictions: places[id]!)
        }
    }

    func licenseSelect(selected: String?, required: Bool) -> String {
        Field.select(
            "license", label: RequestField.license.label, groups: [(nil, licenseChoices)], selected: selected,
            blank: required ? "Choose a licence" : "Any licence",
            attributes: " data-filter-by=\"jurisdiction\"" + (required ? " required" : ""))
    }

    static func statusTag(_ status: SourceStatus) -> String {
        "<span class=\"tag status-\(status.rawValue)\" title=\"\(escapeHTML(SourceLevelText.meaning(status)))\">"
            + "\(status.rawValue)</span>"
    }

    /// An id or an address, escaped, that may wrap after a `/` (before a letter or digit) or a `.`
    /// or `_` (before a letter), as a reader would break it: browsers break only after hyphens,
    /// and a table cell must never break inside a word.
    static func breakable(_ text: String) -> String {
        var html = ""
        var piece = ""
        var previous: Character?
        for character in text {
            if let previous,
                previous == "/"
                    ? character.isLetter || character.isNumber : "._".contains(previous) && character.isLetter
            {
                html += escapeHTML(piece) + "<wbr>"
                piece = ""
            }
            piece.append(character)
            previous = character
        }
        return html + escapeHTML(piece)
    }

    static func citation(_ citation: Citation) -> String {
        "\(escapeHTML(citation.text)) \(statusTag(citation.status))"
            + "<br><span class=\"muted\">\(escapeHTML(SourceLevelText.meaning(citation.status)))</span>"
    }

    /// A rule's evidence, folded: the pinpoint and read date in view, the words on opening.
    static func evidence(of rule: ScopeRule, packs: PackSet) -> String {
        guard let evidence = rule.evidence else { return "" }
        let source = SourceLevelText.source(of: evidence, rule: rule, packs: packs)
        return "<details class=\"evidence\"><summary>Read at \(escapeHTML(evidence.pinpoint)) on \(evidence.read)"
            + "</summary><blockquote>\(escapeHTML(evidence.words))</blockquote><p class=\"muted\">"
            + "\(escapeHTML(SourceLevelText.sourceLabel(evidence.sourceKey, source)))</p></details>"
    }
}
