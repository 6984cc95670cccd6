import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

/// What the API and the pages compute, from request parameters. Matter data lives only for the
/// call that audits it: nothing here keeps, logs or writes it.
struct Service: Sendable {
    let packs: PackSet
    let configuration: ServerConfiguration
    let audits: AuditTurns

    init(packs: PackSet, configuration: ServerConfiguration) {
        self.packs = packs
        self.configuration = configuration
        audits = AuditTurns(running: configuration.audits.running, waiting: configuration.audits.waiting)
    }

    /// The packs in force on a date that is "today" on every machine, whatever its time zone.
    var today: CivilDate { .todayUTC }

    func check(_ parameters: Parameters) throws(InputError) -> ScopeDecision {
        let request = CheckRequest(
            jurisdiction: try parameters.required("jurisdiction"), license: try parameters.required("license"),
            action: try parameters.required("action"), area: parameters["area"],
            date: try parameters.date("on") ?? today, facts: try parameters.facts())
        return try request.decide(in: packs)
    }

    func deadline(_ parameters: Parameters) throws(InputError) -> DeadlineItem {
        guard let from = try parameters.date("from") else {
            throw InputError("'from' is required: the date of the trigger event, YYYY-MM-DD")
        }
        var request = DeadlineRequest(jurisdiction: try parameters.required("jurisdiction"), from: from)
        request.rule = parameters["rule"]
        request.days = try parameters.integer("days", in: 1...Period.longestDays)
        request.hours = try parameters.integer("hours", in: 1...Period.longestHours)
        request.courtDays = try parameters.flag("court-days")
        request.before = try parameters.flag("before")
        request.timeRule = parameters["time-rule"]
        if let at = parameters["at"] {
            guard let time = TimeOfDay(at) else { throw InputError("'at' must be a time HH:MM (24-hour clock), not '\(at)'") }
            request.at = time
        }
        if let service = parameters["service"] {
            guard let method = ServiceMethod(rawValue: service) else {
                throw InputError("'service' must be one of \(ServiceMethod.allCases.map(\.rawValue).joined(separator: ", ")), not '\(service)'")
            }
            request.service = method
        }
        request.facts = try parameters.facts()
        return try request.compute(in: packs)
    }

    func holidays(_ parameters: Parameters) throws(InputError) -> HolidaysRequest.Result {
        let request = HolidaysRequest(jurisdiction: try parameters.required("jurisdiction"),
                                      year: try parameters.integer("year", in: HolidaysRequest.years) ?? today.year)
        return try request.holidays(in: packs)
    }

    func quiz(_ parameters: Parameters) throws(InputError) -> (questions: [QuizQuestion], seed: UInt64) {
        var topics = Set<QuizQuestion.Topic>()
        for name in parameters.all("topic") {
            guard let topic = QuizQuestion.Topic(rawValue: name) else {
                throw InputError("'topic' must be one of \(QuizQuestion.Topic.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
            }
            topics.insert(topic)
        }
        let seed = try parameters.integer("seed", in: 0...QuizGenerator.largestSeed).map(UInt64.init) ?? UInt64.random(in: 0..<1_000_000)
        let request = QuizRequest(jurisdiction: parameters["jurisdiction"], license: parameters["license"], topics: topics,
                                  count: try parameters.integer("count", in: 1...100) ?? 10, seed: seed)
        return (try request.questions(in: packs), seed)
    }

    enum AuditOutcome {
        case report(AuditReport)
        case unreadable(DiagnosticList)
    }

    /// Audits a matter file's text. Problems name places and keys, never the matter's values.
    func audit(_ text: String, parameters: Parameters) throws(InputError) -> AuditOutcome {
        let asOf = try parameters.date("as-of")
        let horizon = try parameters.integer("horizon", in: 0...3650) ?? 14
        let redact = try parameters.flag("redact")
        let matter: Matter
        do {
            matter = try MatterLoader.load(text: text, file: "matter", packs: packs)
        } catch {
            return .unreadable(error)
        }
        let audited = redact ? matter.redacted() : matter
        return .report(packs.audit(audited, asOf: asOf ?? matter.asOf ?? today, horizon: horizon))
    }

    static func problemsJSON(_ problems: DiagnosticList) -> String {
        JSONValue.object([
            ("error", "the matter file cannot be read"),
            ("problems", .array(problems.diagnostics.map(PackJSON.diagnostic))),
        ]).rendered()
    }

    func packsJSON() -> String { PackJSON.catalogs(packs).rendered() }

    func jurisdictionJSON(_ id: String) -> String? {
        packs.jurisdiction(id).map { PackJSON.jurisdictionPack($0, packs: packs).rendered() }
    }
}
