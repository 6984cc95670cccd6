import ArgumentParser
import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickServer
import Foundation
import Hummingbird

/// `bailiwick serve`: the web app and JSON API, on this machine by default.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Run the web app and JSON API: scope checks, audits, deadlines, holidays, quizzes and the packs, in a "
            + "browser.",
        discussion: """
            Listens on 127.0.0.1 (this machine only) unless --host says otherwise. On any other address \
            it refuses to start without an access token in BAILIWICK_TOKEN; every request must then carry \
            it ('Authorization: Bearer TOKEN', or open the printed address once in a browser). The API is \
            described at /openapi.json. Matter files are audited in memory and never stored or logged; with \
            --journal, each audit's findings are recorded in the audit journal (see 'bailiwick audit --help'), \
            and a report is served only once it is recorded.

            With --caseload DIR, the app adds the supervisor's desk at /caseload: every matter file in DIR \
            (read as 'bailiwick audit DIR' reads it) audited as of one date, --as-of or today in UTC, whatever \
            date a file gives itself; what is due this week and next, by person and by supervising lawyer; each \
            matter's report; and calendar feeds to subscribe to (docs/calendar.md). The folder is read again \
            when it changes, checked at most every 5 seconds.

            A connection that does not send its request head within --header-timeout seconds (10), its \
            body within --body-timeout (60), or its next request within --idle-timeout (60) is closed.

            Example: bailiwick serve --port 8080, then open http://127.0.0.1:8080/
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed).")
    var port = 8080

    @Option(help: "Seconds a client has to send a request's head, from connecting or from its first byte.")
    var headerTimeout = 10.0

    @Option(help: "Seconds a client has to send a request's body, once its head is in.")
    var bodyTimeout = 60.0

    @Option(help: "Seconds a kept-alive connection may wait for its next request before it is closed.")
    var idleTimeout = 60.0

    @Flag(
        help: """
            Believe X-Forwarded-Proto and X-Forwarded-Host: only behind a TLS proxy that sets them and removes any a \
            client sent. The token cookie is then marked Secure for requests that came over https.
            """)
    var trustProxy = false

    @Option(
        help: ArgumentHelp(
            "Record each audit made through the API or the pages in this journal: an SQLite file or a "
                + "postgres:// URL (several servers can share one PostgreSQL journal).",
            valueName: "path-or-url"))
    var journal: String?

    @Flag(
        name: .customLong("journal-names"),
        help: "Keep people's names, the matter's title and the file's name in the journal (not for redacted audits).")
    var journalNames = false

    @Option(
        help: ArgumentHelp(
            "Serve the supervisor's desk at /caseload over the matter files in this folder.", valueName: "folder"))
    var caseload: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "With --caseload: audit the caseload as of this date, YYYY-MM-DD (default: today in UTC, day by day).",
            valueName: "date"),
        transform: DateArgument.parse)
    var asOf: DateArgument?

    @OptionGroup var packOptions: PackOptions

    func validate() throws {
        if journalNames && journal == nil { throw ValidationError("--journal-names needs --journal") }
        if asOf != nil && caseload == nil { throw ValidationError("--as-of needs --caseload") }
    }

    func run() async throws {
        let token = ProcessInfo.processInfo.environment["BAILIWICK_TOKEN"]
        let timeouts: ConnectionTimeouts
        do {
            timeouts = try ConnectionTimeouts(seconds: (head: headerTimeout, body: bodyTimeout, idle: idleTimeout))
        } catch {
            throw Console.invalidInput(error.description)
        }
        let configuration = ServerConfiguration(
            host: host, port: port, token: token, timeouts: timeouts,
            trustProxy: trustProxy)
        do {
            try configuration.validate()
        } catch {
            throw Console.invalidInput(error.description)
        }
        let loaded = try packOptions.loadIdentified()
        let packs = loaded.packs
        let desk = try caseload.map { (folder: String) throws -> CaseloadDesk in
            var info = stat()
            guard stat(folder, &info) == 0, FileKind(info.st_mode) == .folder else {
                throw Console.invalidInput("--caseload \(folder): not a folder")
            }
            return CaseloadDesk(folder: folder, packs: packs, asOf: asOf?.date)
        }
        // Read before the server starts listening, so the first page is as quick as the others.
        await desk?.refresh()
        let recorder = try await journal.asyncMap { location in
            ServerJournal(
                journal: try await JournalOptions.open(location), packs: loaded.identity, names: journalNames)
        }
        let app = try BailiwickServer.application(
            packs: packs, configuration: configuration, journal: recorder, caseload: desk
        ) { address in
            let link = configuration.token == nil ? address : "\(address)?token=…  (the value of BAILIWICK_TOKEN)"
            let desk = desk == nil ? "" : "\nCaseload desk: \(address)caseload"
            // Written straight to the descriptor, so a script waiting for the address sees it at once.
            try? Console.print(
                "Bailiwick is serving on \(link)\nAPI description: \(address)openapi.json\(desk)\nStop with Ctrl-C.")
        }
        do {
            try await app.runService()
        } catch {
            await recorder?.journal.close()
            throw error
        }
        await recorder?.journal.close()
    }
}
