import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

/// A caseload audited in memory, as audits are compared (`audit --since`, `diff --caseload`):
/// each matter's findings, and the files that could not be read, in parallel across cores.
/// Reports left in a searched folder are not matters, as in `audit`. The problems of the files
/// that could not be read are written to standard error (they name places and keys only).
enum CaseloadSnapshot {
    static func audit(_ caseload: Caseload, packs: PackSet, request: AuditRequest) -> AuditSnapshot {
        let files = caseload.files
        let outcomes = ResultSlots<Result<AuditSnapshot.Matter, UnreadableMatter>?>(count: files.count)
        let today = CivilDate.todayUTC
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let unreadable = { (problems: DiagnosticList) in
                outcomes[index] = .failure(UnreadableMatter(file: file.path, problems: problems))
            }
            let text: String
            do throws(Diagnostic) {
                text = try InputFile.text(at: file.path)
            } catch {
                return unreadable(DiagnosticList([error]))
            }
            if AuditReportFile.recognises(text) {
                if !file.found {
                    let start = SourceLocation(file: file.path, line: 1, column: 1)
                    let problem = Diagnostic(at: start, "this is a Bailiwick audit report, not a matter file")
                    unreadable(DiagnosticList([problem]))
                }
                return
            }
            do throws(DiagnosticList) {
                let matter = try MatterLoader.load(text: text, file: file.path, packs: packs)
                outcomes[index] = .success(AuditSnapshot.matter(request.audit(matter, in: packs, today: today)))
            } catch {
                unreadable(error)
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

/// `audit --since PREVIOUS.json`: what is new, resolved and changed since an earlier audit JSON
/// report of the same matters.
enum AuditSince {
    static func run(
        previous path: String, caseload: Caseload, packs: PackSet, request: AuditRequest, format: AuditFormat,
        output: String?
    ) throws -> AuditSnapshot {
        let text: String
        do throws(Diagnostic) {
            text = try InputFile.text(at: path)
        } catch {
            throw Console.invalidInput(error.description)
        }
        let previous: AuditSnapshot
        do throws(SnapshotError) {
            previous = try AuditSnapshot(json: text, file: path)
        } catch {
            throw Console.invalidInput(error.description)
        }
        let current = CaseloadSnapshot.audit(caseload, packs: packs, request: request)
        let comparison = AuditComparison(old: previous, new: current)
        let report =
            format == .json
            ? AuditChangesReport.json(comparison, since: path)
            : AuditChangesReport.text(
                comparison, words: .since, style: output == nil ? .standardOutput : .plain)
        let sink = try ReportSink(path: output)
        defer { sink.discard() }
        try sink.write(report)
        try sink.finish()
        return current
    }
}
