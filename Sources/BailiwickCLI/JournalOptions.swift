import ArgumentParser
import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickPacks
import BailiwickReports
import Foundation

/// `audit --journal`, `--auditor`, `--journal-names`: where audits are recorded, and what is said of them.
struct JournalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Record each matter's audit in this journal: an SQLite file (created 0600 when missing) or a "
                + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE URL.",
            valueName: "path-or-url"))
    var journal: String?

    @Option(
        help: ArgumentHelp("Who ran the audit, as the journal records it (default: not recorded).", valueName: "name"))
    var auditor: String?

    @Flag(
        name: .customLong("journal-names"),
        help: "Keep people's names, the matter's title and the file's name in the journal (not with --redact).")
    var journalNames = false

    static let auditorLength = 1...200

    func validate() throws {
        guard journal != nil else {
            if auditor != nil { throw ValidationError("--auditor needs --journal") }
            if journalNames { throw ValidationError("--journal-names needs --journal") }
            return
        }
        if let auditor {
            guard Self.auditorLength.contains(auditor.count) else {
                throw ValidationError("--auditor must be 1 to \(Self.auditorLength.upperBound) characters")
            }
            guard !auditor.unicodeScalars.contains(where: TerminalEscape.isUnsafe) else {
                throw ValidationError("--auditor must not hold control characters")
            }
        }
    }

    /// The journal, opened and migrated, or exit status 2 with the reason. Only a recorder creates one.
    static func open(_ location: String, create: Bool = true) async throws -> any Journal {
        do {
            return try await Journals.open(location, create: create)
        } catch {
            throw Console.invalidInput(error.description)
        }
    }

    /// Records the entries, or exit status 2 with the reason.
    static func record(_ entries: [JournalEntry], in journal: any Journal) async throws {
        do {
            try await journal.record(entries)
        } catch {
            await journal.close()
            throw Console.invalidInput(error.description)
        }
    }
}

/// The packs the command uses, with what the journal records of them.
struct LoadedPacks {
    let packs: PackSet
    /// The files the packs were read from (the shipped texts for the packs in the binary).
    let files: [PackFile]
    let version: String

    /// The packs' version and digest. Hashing every file (about 700 KB of the shipped ones) is done
    /// only when asked, which a command does once, and only with a journal.
    var identity: PackIdentity { ContentHash.packs(files, version: version) }
}

extension PackOptions {
    /// The packs, and their version and digest: `shipped VERSION` for the packs in the binary, `files` otherwise.
    func loadIdentified() throws -> LoadedPacks {
        let files = try files()
        let version = areFiles ? "files" : "shipped \(BailiwickCommand.version)"
        let shipped = areFiles ? nil : ShippedPacks.load(jurisdiction: nil)
        return LoadedPacks(packs: try shipped ?? load(files), files: files, version: version)
    }
}

/// The journal entries of a caseload's audits, made on the workers that audit, in the caseload's order.
final class JournalCollector: Sendable {
    let stamp: JournalStamp
    let request: AuditRequest
    private let slots: ResultSlots<JournalEntry>

    init(count: Int, stamp: JournalStamp, request: AuditRequest) {
        self.stamp = stamp
        self.request = request
        slots = ResultSlots(count: count)
    }

    func collect(
        _ matter: Matter, report: AuditReport, text: String, in packs: PackSet, today: CivilDate, at index: Int
    ) {
        slots[index] = request.journalEntry(
            for: matter, report: report, in: packs, today: today, matterSHA256: ContentHash.sha256(text.utf8),
            stamp: stamp)
    }

    var entries: [JournalEntry] { slots.values.compactMap { $0 } }
}
