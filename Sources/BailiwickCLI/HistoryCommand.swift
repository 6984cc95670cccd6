import ArgumentParser
import BailiwickJournal
import BailiwickReports

/// `bailiwick history`: how one matter's findings changed over the audits the journal holds.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show how a matter's findings changed over the audits recorded in a journal (audit --journal).",
        discussion: """
            Lists each recorded audit of the matter, oldest first: when, by whom, with which packs (version \
            and SHA-256) and which matter file (SHA-256), and the findings added (+), cleared (-) and changed \
            (~, a date or severity moved) since the audit before it.

            Exit status: 0 when the journal holds audits of the matter; 1 when it holds none; \
            2 when the journal cannot be opened or read (a path with no journal is not made into one).

            Example: bailiwick history WA-2026-0142 --journal audits.sqlite
            """
    )

    @Argument(help: ArgumentHelp("The matter's id (its `id:` key).", valueName: "matter-id"))
    var matterID: String

    @Option(help: ArgumentHelp("The journal: an SQLite file or a postgres:// URL.", valueName: "path-or-url"))
    var journal: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let opened = try await JournalOptions.open(journal, create: false)
        let records: [JournalRecord]
        do {
            records = try await opened.history(of: matterID)
        } catch {
            await opened.close()
            throw Console.invalidInput(error.description)
        }
        await opened.close()
        let history = JournalHistory(matterID: matterID, records: records)
        switch format {
        case .text: try Console.print(HistoryText.render(history), terminator: "")
        case .json: try Console.print(HistoryJSON.render(history), terminator: "")
        }
        if records.isEmpty { throw ExitStatus.findings.code }
    }
}
