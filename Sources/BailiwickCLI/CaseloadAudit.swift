import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation

/// Audits matter files in parallel across cores (`CaseloadWorkers`). Each rendered part goes to a
/// spool file as it is made; only the summary rows stay in memory. The report is then written
/// head, parts (worst matter first), tail, to standard output or, whole, to the output file. The
/// output file is opened first, so a folder that cannot take it fails before the work, not after.
enum CaseloadAudit {
    private enum Outcome {
        case audited(CaseloadRow)
        /// Its part of the report is in the spool; only the row is kept.
        case unreadable(UnreadableRow)
        /// A report a previous run left in a searched folder: not a matter, so not audited.
        case report
    }

    private enum Part {
        case spooled(Int)
        case rendered(String)
    }

    static func run(
        _ caseload: Caseload, packs: PackSet, request: AuditRequest,
        reporter: any AuditReporter, output: String?, journal: JournalCollector? = nil
    ) throws(WriteFailure) -> CaseloadSummary {
        let sink = try ReportSink(path: output)
        defer { sink.discard() }
        let spool = try Spool()
        let files = caseload.files
        let outcomes = ResultSlots<Outcome>(count: files.count)
        let today = CivilDate.todayUTC
        let isCaseload = files.count > 1
        CaseloadWorkers.forEach(files.count) { index in
            let file = files[index]
            let unreadable = { (problems: DiagnosticList) in
                let matter = UnreadableMatter(file: file.path, problems: problems)
                spool.append(reporter.unreadable(matter, in: isCaseload), at: index)
                outcomes[index] = .unreadable(UnreadableRow(matter))
            }
            switch CaseloadFile.read(file.path, found: file.found, packs: packs) {
            case .matter(let loaded, let text):
                let report = request.audit(loaded, in: packs, today: today)
                journal?.collect(loaded, report: report, text: text, in: packs, today: today, at: index)
                reporter.withMatterBytes(report, in: isCaseload) { spool.append(bytes: $0, at: index) }
                outcomes[index] = .audited(CaseloadRow(report))
            case .report:
                outcomes[index] = .report
            case .unreadable(let problems):
                unreadable(problems)
            }
        }
        try spool.check()
        var rows: [(index: Int, row: CaseloadRow)] = []
        // Entries the folder walk could not read: one diagnostic each, rendered here.
        var invalid: [(row: UnreadableRow, part: Part)] = Dictionary(grouping: caseload.problems, by: \.location.file)
            .map { UnreadableMatter(file: $0.key, problems: DiagnosticList($0.value)) }
            .map { (UnreadableRow($0), .rendered(reporter.unreadable($0, in: isCaseload))) }
        for (index, outcome) in outcomes.values.enumerated() {
            switch outcome {
            case .audited(let row)?: rows.append((index, row))
            case .unreadable(let row)?: invalid.append((row, .spooled(index)))
            case .report?:
                Console.error("note: \(files[index].path) is a Bailiwick audit report, not a matter file; not audited")
            case nil: break
            }
        }
        invalid.sort { $0.row.file < $1.row.file }
        rows.sort { a, b in
            (-a.row.errors, -a.row.warnings, a.row.nextDeadline?.dayNumber ?? Int.max, a.row.file)
                < (-b.row.errors, -b.row.warnings, b.row.nextDeadline?.dayNumber ?? Int.max, b.row.file)
        }
        let summary = request.summary(rows: rows.map(\.row), invalid: invalid.map(\.row))
        // Parts are copied from the spool as they come, gathered with the reporter's pieces into
        // writes of about 64 KiB (one system call per matter's part was a good share of the time).
        let assembly = ReportAssembly(to: sink, from: spool)
        try reporter.write(
            summary,
            writingPart: { (part: AuditPart) throws(WriteFailure) in
                switch part {
                case .matter(let position): try assembly.appendPart(rows[position].index)
                case .unreadable(let position):
                    switch invalid[position].part {
                    case .spooled(let index): try assembly.appendPart(index)
                    case .rendered(let text): try assembly.append(text)
                    }
                }
            },
            to: { (text: String) throws(WriteFailure) in try assembly.append(text) })
        try assembly.flush()
        try sink.finish()
        return summary
    }
}
