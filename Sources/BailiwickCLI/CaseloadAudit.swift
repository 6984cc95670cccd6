import Bailiwick
import BailiwickReports
import BailiwickLoading
import Foundation

/// Audits matter files in parallel across cores. Each rendered part goes to a spool file as it is
/// made; only the summary rows stay in memory. The report is then written head, parts (worst
/// matter first), tail, to standard output or, whole, to the output file.
enum CaseloadAudit {
    static func run(_ files: [String], packs: PackSet, asOf: CivilDate?, horizon: Int, redact: Bool, reporter: any AuditReporter,
                    output: String?) throws -> CaseloadSummary {
        let spool = try Spool()
        let outcomes = ResultSlots<Result<CaseloadRow, UnreadableMatter>>(count: files.count)
        let today = CivilDate.todayUTC
        let caseload = files.count > 1
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            switch Result(catching: { () throws(DiagnosticList) in try MatterLoader.load(path: file, packs: packs) }) {
            case .success(let loaded):
                let matter = redact ? loaded.redacted() : loaded
                let report = packs.audit(matter, asOf: asOf ?? matter.asOf ?? today, horizon: horizon)
                spool.append(reporter.matter(report, in: caseload), at: index)
                outcomes[index] = .success(CaseloadRow(report))
            case .failure(let problems):
                outcomes[index] = .failure(UnreadableMatter(file: file, problems: problems))
            }
        }
        var rows: [(index: Int, row: CaseloadRow)] = []
        var invalid: [UnreadableMatter] = []
        for (index, outcome) in outcomes.values.enumerated() {
            switch outcome {
            case .success(let row)?: rows.append((index, row))
            case .failure(let unreadable)?: invalid.append(unreadable)
            case nil: break
            }
        }
        rows.sort { a, b in
            (-a.row.errors, -a.row.warnings, a.row.nextDeadline?.dayNumber ?? Int.max, a.row.file)
                < (-b.row.errors, -b.row.warnings, b.row.nextDeadline?.dayNumber ?? Int.max, b.row.file)
        }
        let summary = CaseloadSummary(rows: rows.map(\.row), invalid: invalid, asOf: asOf, horizon: horizon)
        let sink = try OutputSink(path: output)
        sink.write(reporter.head(summary))
        for (position, entry) in rows.enumerated() {
            if position > 0 { sink.write(reporter.separator) }
            sink.write(spool.read(entry.index))
        }
        sink.write(reporter.tail(summary))
        try sink.finish()
        return summary
    }
}

/// Rendered parts kept on disk until the report is assembled.
final class Spool: @unchecked Sendable {
    private let handle: FileHandle
    private let url: URL
    private let lock = NSLock()
    private var offset: UInt64 = 0
    private var spans: [Int: (offset: UInt64, length: Int)] = [:]

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bailiwick-spool-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        handle = try FileHandle(forUpdating: url)
        // The file needs no name once open: it disappears when the handle closes, whatever happens.
        try? FileManager.default.removeItem(at: url)
    }

    deinit { try? handle.close() }

    func append(_ text: String, at index: Int) {
        let data = Data(text.utf8)
        lock.withLock {
            handle.write(data)
            spans[index] = (offset, data.count)
            offset += UInt64(data.count)
        }
    }

    func read(_ index: Int) -> String {
        lock.withLock {
            guard let span = spans[index] else { return "" }
            try? handle.seek(toOffset: span.offset)
            let data = (try? handle.read(upToCount: span.length)) ?? Data()
            try? handle.seekToEnd()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Standard output, or a file written whole: to a temporary file beside it, renamed over it at the end.
final class OutputSink {
    private let handle: FileHandle
    private let temporary: URL?
    private let target: URL?

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            temporary = nil
            target = nil
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "cannot create a file beside \(path)"])
        }
        handle = try FileHandle(forWritingTo: temporary)
        self.temporary = temporary
        self.target = target
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    func finish() throws {
        guard let temporary, let target else { return }
        try handle.close()
        // rename(2) replaces the target in one step, so a reader never sees half a report.
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }
}
