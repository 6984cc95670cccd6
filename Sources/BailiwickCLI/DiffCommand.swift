import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports
import Foundation

/// `bailiwick diff OLD NEW`: what a pack update changes, in the packs and, with a caseload, in every matter.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two pack sets, and what the change does to a caseload's findings and dates.",
        discussion: """
            OLD and NEW are pack-set folders (holding Rules/ and Jurisdictions/), or 'shipped' for the packs \
            in this binary. The report lists every entity added, removed or changed, with each changed field's \
            old and new value; with --caseload, every finding of every matter that the new packs would add, \
            update (another code, severity or date) or delete.

            Exit status: 0 when nothing changes for the caseload (without one: when the packs are the same); \
            1 otherwise; 2 when a pack set or a matter file cannot be read.

            Example: bailiwick diff shipped ./packs-2027 --caseload Examples/caseload
            """
    )

    @Argument(help: ArgumentHelp("The pack set before: a folder, or 'shipped'.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The pack set after: a folder, or 'shipped'.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("Matter files or a folder of them to audit under both.", valueName: "dir"))
    var caseload: [String] = []

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Audit as of this date, YYYY-MM-DD (default: each file's as-of, else today in UTC).", valueName: "date"))
    var asOf: DateArgument?

    @Option(help: "Deadlines due within this many days are flagged as due soon.")
    var horizon: Int = AuditRequest.defaultHorizon

    @Option(help: "Output format: text, json or html.")
    var format: DiffFormat = .text

    var request: AuditRequest { AuditRequest(asOf: asOf?.date, horizon: horizon) }

    func validate() throws {
        do throws(RequestError) {
            try request.validate()
        } catch {
            throw error.validationError
        }
    }

    func run() throws {
        let before = try Self.load(old)
        let after = try Self.load(new)
        var comparison: AuditComparison?
        if !caseload.isEmpty {
            let files = try Caseload(caseload)
            let was = CaseloadSnapshot.audit(files, packs: before, request: request)
            let now = CaseloadSnapshot.audit(files, packs: after, request: request)
            // A matter either pack set cannot read is not compared: its problems are on standard error.
            for (side, snapshot) in [(old, was), (new, now)] where !snapshot.unreadable.isEmpty {
                let count = snapshot.unreadable.count
                Console.error(
                    "error: \(count) matter file\(count == 1 ? "" : "s") cannot be read with the packs "
                        + TerminalEscape.escape(side))
            }
            if !was.unreadable.isEmpty || !now.unreadable.isEmpty { throw ExitStatus.invalidInput.code }
            comparison = AuditComparison(old: was, new: now)
        }
        let report = PackDiffReport(
            old: old, new: new, packs: PackDiff(old: before, new: after), caseload: comparison)
        let text =
            switch format {
            case .text: report.text(style: .standardOutput)
            case .json: report.json()
            case .html: report.html()
            }
        try Console.print(text, terminator: "")
        if !report.isUnchanged { throw ExitStatus.findings.code }
    }

    /// A pack set by folder, or the shipped one; every problem in it printed, exit 2.
    static func load(_ name: String) throws -> PackSet {
        let files: [PackFile]
        do {
            files = name == "shipped" ? PackFiles.shipped : try PackFiles.packSet(at: name)
        } catch {
            Console.error(DiagnosticRenderer(sources: [:]).render(error))
            throw ExitStatus.invalidInput.code
        }
        do {
            return try PackSetLoader.load(PackFiles.needed(for: nil, from: files))
        } catch {
            Console.error(DiagnosticRenderer(files: files).render(error))
            Console.error("\(name): the packs have errors; run 'bailiwick validate --packs \(name)' for details")
            throw ExitStatus.invalidInput.code
        }
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}
