import ArgumentParser
import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports
import Foundation

/// `bailiwick audit`: is this case file (or this caseload) clean? What is missing, late or out of scope?
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract:
            "Audit matter files: scope of every action, licence status, required forms, deadlines and waiting periods.",
        discussion: """
            Each PATH is a matter file (YAML or JSON; see docs/matter-format.md) or a folder: every matter \
            file in a folder is audited, in parallel, with a summary table of the caseload, worst matters first. \
            A matter file that cannot be read is reported and does not stop the others.

            Exit status: 0 when no finding is at or above --fail-on (default: error); 1 otherwise; \
            2 when a matter file (or the packs, or the journal) cannot be read.

            With --journal, each matter's audit is recorded in an audit journal (an SQLite file, or PostgreSQL \
            at a postgres:// URL): when (UTC), by whom (--auditor), the matter's id and the SHA-256 of its file, \
            the packs' version and SHA-256, and the findings with the matter's JSON report. People's names, the \
            title and the file's name are kept only with --journal-names, and never under --redact. A caseload's \
            audits are recorded together, after the report is written. See 'bailiwick history'.

            With --ask (one matter file), the facts the audit lacks (those behind SCOPE-CONDITION-UNKNOWN, \
            SCOPE-UNDETERMINED, FORM-MAY-BE-REQUIRED and DEADLINE-DEPENDS-ON-FACT) are asked one at a time on \
            the terminal, each answer is written into the file's facts: at once, editing only that mapping's \
            lines, and the file is then audited. An empty answer or the end of input stops asking. Standard \
            input that is not a terminal is refused unless --ask-stdin says the answers are piped on purpose.

            Example: bailiwick audit Examples/wa-dissolution-problems.yaml
            """
    )

    @Argument(help: "Matter files or folders of matter files.")
    var paths: [String]

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Audit as of this date, YYYY-MM-DD (default: each file's as-of, else today in UTC).", valueName: "date"),
        transform: DateArgument.parse)
    var asOf: DateArgument?

    @Option(help: "Deadlines due within this many days are flagged as due soon.")
    var horizon: Int = AuditRequest.defaultHorizon

    @Option(help: "Output format: text, json, html, junit or ics (a calendar of the dated findings).")
    var format: AuditFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the report to this file instead of standard output (written whole, never over an input).",
            valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("fail-on"), help: "The severity that makes the audit fail (exit 1): error, warning or never.")
    var failOn: FailOn = .error

    @Flag(
        help:
            "Replace people's names, matter titles and free-text notes with stable placeholders in every report format."
    )
    var redact = false

    @Option(
        help: ArgumentHelp(
            "Report what is new, resolved and changed since an earlier audit of the same matters: its JSON "
                + "report, or an audit journal (each matter's last audit there). Text or json.",
            valueName: "previous.json|journal"))
    var since: String?

    @Flag(
        help: """
            Complete one matter file: ask, one at a time on the terminal, for each fact its audit lacks, write \
            each answer into the file's facts: (keeping its comments and layout), then audit it.
            """)
    var ask = false

    @Flag(
        name: .customLong("ask-stdin"),
        help: "With --ask, read the answers from standard input even when it is a pipe or a file, not a terminal.")
    var askStdin = false

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Audit journal") var journalOptions: JournalOptions

    @OptionGroup(title: "Calendar (--format ics)") var calendar: CalendarArguments

    var request: AuditRequest { AuditRequest(asOf: asOf?.date, horizon: horizon, redact: redact) }

    func validate() throws {
        do throws(RequestError) {
            try request.validate()
        } catch {
            throw error.validationError
        }
        if since != nil, ![.text, .json].contains(format) {
            throw ValidationError("--since writes text or json, not \(format.rawValue)")
        }
        if askStdin && !ask { throw ValidationError("--ask-stdin is for --ask") }
        if calendar.given && format != .ics {
            throw ValidationError("--reminders, --names and --previous are for --format ics")
        }
    }

    func run() async throws {
        let loaded = try packOptions.loadIdentified()
        let packs = loaded.packs
        if ask { try AuditAsk.run(paths: paths, packs: packs, request: request, piped: askStdin) }
        var caseload = try Caseload(paths)
        // Opened first: a journal that cannot be written to fails the command before any audit.
        let journal = try await journalOptions.journal.asyncMap { try await JournalOptions.open($0) }
        let collector = journal.map { _ in
            JournalCollector(
                count: caseload.files.count,
                stamp: JournalStamp(
                    recordedAt: JournalClock.now(), auditor: journalOptions.auditor, source: "cli",
                    packs: loaded.identity, names: journalOptions.journalNames),
                request: request)
        }
        if let output { try caseload.excludeOutput(output) }
        if let since {
            let current: AuditSnapshot
            do {
                current = try await AuditSince.run(
                    previous: since, caseload: caseload, packs: packs, request: request, format: format,
                    output: output, journal: collector)
            } catch {
                await journal?.close()
                throw error
            }
            if let journal, let collector {
                try await JournalOptions.record(collector.entries, in: journal)
                await journal.close()
            }
            if !current.unreadable.isEmpty { throw ExitStatus.invalidInput.code }
            if current.matters.contains(where: { $0.findings.contains { failOn.fails(.init(rawValue: $0.severity)) } })
            {
                throw ExitStatus.findings.code
            }
            return
        }
        // Every format the command line offers streams. A caseload's JSON copies each citation's
        // members, written once for the packs; one matter gains nothing from writing them first.
        let parts = format == .json && caseload.files.count > 1 ? FindingJSONParts(packs: packs) : nil
        let reporter = format.reporter(
            style: output == nil ? .standardOutput : .plain, failOn: failOn, calendar: try calendar.options(),
            packs: packs, parts: parts)
        let summary: CaseloadSummary
        do {
            summary = try CaseloadAudit.run(
                caseload, packs: packs, request: request, reporter: reporter,
                output: output, journal: collector)
        } catch {
            await journal?.close()
            throw Console.invalidInput(error.description)
        }
        if let journal, let collector {
            try await JournalOptions.record(collector.entries, in: journal)
            await journal.close()
        }
        if !summary.invalid.isEmpty {
            // The calendar has no place for a file's problems: name the files here.
            if format == .ics {
                for file in summary.invalid {
                    Console.error("error: \(file.file) could not be read; audit it with --format text to see why")
                }
            }
            throw ExitStatus.invalidInput.code
        }
        if summary.rows.contains(where: { failOn.fails($0.worst) }) { throw ExitStatus.findings.code }
    }
}

extension Optional {
    /// The wrapped value transformed by an asynchronous function.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async throws -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension FailOn: ExpressibleByArgument {}

extension AuditFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = try? AuditFormat(argument, among: AuditFormat.commandLine) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { commandLine.map(\.rawValue) }
}
