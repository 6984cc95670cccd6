import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports

/// Maps the API's and the pages' parameters onto the shared requests, which validate, resolve
/// and compute. Matter data lives only for the call that audits it: nothing here keeps, logs or
/// writes it, but for what the journal records of it when `serve --journal` is given.
struct Service: Sendable {
    let packs: PackSet
    let configuration: ServerConfiguration
    let audits: AuditTurns
    let journal: ServerJournal?
    let checkAnswers: CheckAnswers
    /// What `/v1/audit`'s JSON answers share: each citation's members, written once for the packs at the
    /// first audit and copied into every answer after.
    let auditParts: MadeOnce<FindingJSONParts>

    init(packs: PackSet, configuration: ServerConfiguration, journal: ServerJournal? = nil) {
        self.packs = packs
        self.configuration = configuration
        self.journal = journal
        checkAnswers = CheckAnswers(packs: packs)
        auditParts = MadeOnce { FindingJSONParts(packs: packs) }
        let limits = configuration.audits
        audits = AuditTurns(running: limits.running, waiting: limits.waiting, bytes: limits.bytes)
    }

    /// The packs in force on a date that is "today" on every machine, whatever its time zone.
    var today: CivilDate { .todayUTC }

    func check(_ parameters: Parameters) throws(RequestError) -> ScopeDecision {
        let request = CheckRequest(
            jurisdiction: try parameters.required(.jurisdiction), license: try parameters.required(.license),
            action: try parameters.required(.action), area: parameters[.area],
            date: try parameters.date(.on) ?? today, facts: try parameters.facts(),
            holds: parameters.all(RequestField.holds.rawValue))
        return try request.decide(in: packs)
    }

    func deadline(_ parameters: Parameters) throws(RequestError) -> DeadlineItem {
        guard let from = try parameters.date(.from) else { throw .missing(.from) }
        var request = DeadlineRequest(jurisdiction: try parameters.required(.jurisdiction), from: from)
        request.rule = parameters[.rule]
        request.days = try parameters.integer(.days, in: DeadlineRequest.days)
        request.hours = try parameters.integer(.hours, in: DeadlineRequest.hours)
        request.courtDays = try parameters.flag(.courtDays)
        request.before = try parameters.flag(.before)
        request.timeRule = parameters[.timeRule]
        request.at = try parameters[.at].map { (text: String) throws(RequestError) in try DeadlineRequest.time(text) }
        request.service = try parameters[.service].map { (text: String) throws(RequestError) in
            try DeadlineRequest.service(text)
        }
        request.facts = try parameters.facts()
        return try request.compute(in: packs)
    }

    func holidays(_ parameters: Parameters) throws(RequestError) -> HolidaysRequest.Result {
        let request = HolidaysRequest(
            jurisdiction: try parameters.required(.jurisdiction),
            year: try parameters.integer(.year, in: HolidaysRequest.years))
        return try request.holidays(in: packs, today: today)
    }

    func quiz(_ parameters: Parameters) throws(RequestError) -> (
        questions: [QuizQuestion], seed: UInt64, asOf: CivilDate
    ) {
        var topics = Set<QuizQuestion.Topic>()
        for name in parameters.all(RequestField.topic.rawValue) { topics.insert(try QuizRequest.topic(name)) }
        let seed = try parameters.integer(.seed, in: QuizRequest.seeds).map(UInt64.init) ?? QuizRequest.newSeed()
        let count = try parameters.integer(.count, in: QuizRequest.counts) ?? QuizRequest.defaultCount
        let request = QuizRequest(
            jurisdiction: parameters[.jurisdiction], license: parameters[.license], topics: topics,
            count: count, seed: seed, asOf: try parameters.date(.asOf) ?? today)
        return (try request.questions(in: packs), seed, request.asOf)
    }

    /// The audit's choices: the same for the API and both of the page's forms.
    func auditRequest(_ parameters: Parameters) throws(RequestError) -> AuditRequest {
        let horizon = try parameters.integer(.horizon, in: AuditRequest.horizons) ?? AuditRequest.defaultHorizon
        return AuditRequest(asOf: try parameters.date(.asOf), horizon: horizon, redact: try parameters.flag(.redact))
    }

    /// Audits a matter file's text. Problems name places and keys, never the matter's values.
    func audit(_ text: String, parameters: Parameters, via source: ServerJournal.Source) throws(RequestError)
        -> AuditedMatter
    {
        let request = try auditRequest(parameters)
        let matter: Matter
        do {
            matter = try MatterLoader.load(text: text, file: "matter", packs: packs)
        } catch {
            throw .unreadableMatter(error)
        }
        let today = today
        let report = request.audit(matter, in: packs, today: today)
        let entry = journal?.entry(
            for: matter, report: report, text: text, request: request, packs: packs, today: today, source: source)
        return AuditedMatter(
            report: report, request: request, entry: entry, packs: packs, parts: auditParts)
    }

    /// A matter's report with the request it answers, which its documents are written for, and
    /// the journal's entry for it (nil without a journal).
    struct AuditedMatter {
        let report: AuditReport
        let request: AuditRequest
        let entry: JournalEntry?
        /// For the calendar's trace of each date.
        let packs: PackSet
        /// The findings' unchanging JSON, made at the first JSON report: a server that answers only
        /// pages and text makes none.
        let parts: MadeOnce<FindingJSONParts>
    }

    /// The 422 body: the error, and the matter file's problems.
    static func problemsJSON(_ error: RequestError, _ problems: DiagnosticList) -> String {
        ErrorJSON.object(
            error,
            extra: [
                ("problems", .array(problems.diagnostics.map(PackJSON.diagnostic)))
            ]
        ).rendered()
    }

    func packsJSON() -> String { PackJSON.catalogs(packs).rendered() }

    /// A jurisdiction's pack, or 404's error when the address names none.
    func jurisdictionJSON(_ id: String) throws(RequestError) -> String {
        let place: Jurisdiction
        do {
            place = try packs.resolveJurisdiction(id)
        } catch {
            throw .notFound(error)
        }
        return PackJSON.jurisdictionPack(place, packs: packs).rendered()
    }
}
