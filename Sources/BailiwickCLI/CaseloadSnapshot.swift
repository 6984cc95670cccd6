import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports
import Foundation

/// A caseload audited in memory, as audits are compared (`audit --since`, `diff --caseload`):
/// each matter's findings, and the files that could not be read, in parallel across cores.
/// Reports left in a searched folder are not matters, as in `audit`. The problems of the files
/// that could not be read are written to standard error (they name places and keys only).
enum CaseloadSnapshot {
    static func audit(
        _ caseload: Caseload, packs: PackSet, request: AuditRequest, journal: JournalCollector? = nil
    ) -> AuditSnapshot {
        let files = caseload.files
        let outcomes = ResultSlots<Result<AuditSnapshot.Matter, UnreadableMatter>?>(count: files.count)
        let today = CivilDate.todayUTC
        CaseloadWorkers.forEach(files.count) { index in
            let file = files[index]
            let unreadable = { (problems: DiagnosticList) in
                outcomes[index] = .failure(UnreadableMatter(file: file.path, problems: problems))
            }
            switch CaseloadFile.read(file.path, found: file.found, packs: packs) {
            case .matter(let matter, let text):
                let report = request.audit(matter, in: packs, today: today)
                journal?.collect(matter, report: report, text: text, in: packs, today: today, at: index)
                outcomes[index] = .success(AuditSnapshot.matter(report))
            case .report:
                break
            case .unreadable(let problems):
                unreadable(problems)
            }
        }
        var matters: [AuditSnapshot.Matter] = []
        var problems = caseload.problems
        for outcome in outcomes.values {
            switch outcome {
            case .success(let matter)??: matters.append(matter)
            case .failure(let matter)??: problems += matter.problems.diagnostics
            default: break
            }
        }
        let unreadable = Set(problems.map(\.location.file))
        if !problems.isEmpty {
            // No sources: a matter's lines are client data, so no excerpt of them is shown.
            Console.error(DiagnosticRenderer(sources: [:]).render(DiagnosticList(problems)))
        }
        return AuditSnapshot(matters: matters, unreadable: unreadable.sorted())
    }
}

/// `audit --since PREVIOUS`: what is new, resolved and changed since an earlier audit of the same
/// matters, from its JSON report or from an audit journal (each matter's last audit there).
enum AuditSince {
    static func run(
        previous path: String, caseload: Caseload, packs: PackSet, request: AuditRequest, format: AuditFormat,
        output: String?, journal collector: JournalCollector?
    ) async throws -> AuditSnapshot {
        // Read before the audit, so that a previous report that cannot be compared fails at once.
        let report = Journals.names(path) ? nil : try previousReport(path)
        var current = CaseloadSnapshot.audit(caseload, packs: packs, request: request, journal: collector)
        let recorded = report == nil ? try await lastAudits(in: path, of: current.matters.map(\.id)) : []
        // A journal keeps names only when asked (--journal-names): against its redacted records, the audit
        // made now is compared redacted too, or every finding about a person would seem new.
        if recorded.contains(where: { $0.entry.matterFile == nil }), !request.redact {
            var redacted = request
            redacted.redact = true
            current = CaseloadSnapshot.audit(caseload, packs: packs, request: redacted)
        }
        let previous: AuditSnapshot
        do throws(SnapshotError) {
            if let report {
                previous = try AuditSnapshot(json: report, file: path)
            } else {
                previous = try AuditSnapshot(journalReports: recorded.map(\.entry.report), journal: path)
            }
        } catch {
            throw Console.invalidInput(error.description)
        }
        let comparison = AuditComparison(old: previous, new: current)
        let rendered =
            format == .json
            ? AuditChangesReport.json(comparison, since: path)
            : AuditChangesReport.text(
                comparison, words: .since, style: output == nil ? .standardOutput : .plain)
        let sink = try ReportSink(path: output)
        defer { sink.discard() }
        try sink.write(rendered)
        try sink.finish()
        return current
    }

    private static func previousReport(_ path: String) throws -> String {
        do throws(Diagnostic) {
            return try InputFile.text(at: path)
        } catch {
            throw Console.invalidInput(error.description)
        }
    }

    /// The report of each matter's last audit in the journal; a matter it holds none of is left out
    /// (and is reported as added).
    private static func lastAudits(in journal: String, of ids: [String]) async throws -> [JournalRecord] {
        let opened = try await JournalOptions.open(journal, create: false)
        let records: [String: JournalRecord]
        do {
            records = try await opened.lastAudits(of: ids)
        } catch {
            await opened.close()
            throw Console.invalidInput(error.description)
        }
        await opened.close()
        return Array(Set(ids)).sorted().compactMap { records[$0] }
    }
}
