import Bailiwick
import BailiwickJournal
import BailiwickReports
import Hummingbird

/// `serve --journal`: the journal the server records each audit in, made through the API or the
/// audit page, and what it records of the packs. The audit's report is served only once it is recorded.
public struct ServerJournal: Sendable {
    public let journal: any Journal
    public let packs: PackIdentity
    /// Whether names, the title and the file's name may be kept (`serve --journal-names`).
    public let names: Bool

    public init(journal: any Journal, packs: PackIdentity, names: Bool) {
        self.journal = journal
        self.packs = packs
        self.names = names
    }

    /// Which front end an audit came through, as the journal records it.
    enum Source: String {
        case api, page
    }

    func entry(
        for matter: Matter, report: AuditReport, text: String, request: AuditRequest, packs set: PackSet,
        today: CivilDate, source: Source
    ) -> JournalEntry {
        let stamp = JournalStamp(
            recordedAt: JournalClock.now(), auditor: nil, source: source.rawValue, packs: packs, names: names)
        return request.journalEntry(
            for: matter, report: report, in: set, today: today, matterSHA256: ContentHash.sha256(text.utf8),
            stamp: stamp)
    }
}

/// A response, and the journal entry to record before it is sent (nil: nothing to record).
struct JournalledResponse: Sendable {
    let response: Response
    let entry: JournalEntry?
}

extension Service {
    /// The response once its entry is recorded; when the journal cannot take it, a 500 in its place,
    /// since an audit the journal does not hold must not look recorded.
    func send(_ answer: JournalledResponse, page: Bool) async -> Response {
        guard let entry = answer.entry, let journal else { return answer.response }
        do {
            try await journal.journal.record([entry])
            return answer.response
        } catch {
            let message = "the audit could not be recorded in the journal, so it is not shown: try again later"
            return page
                ? ErrorPage.response(.internalServerError, message, title: "Not recorded")
                : Reply.error(.serverError, message)
        }
    }
}
