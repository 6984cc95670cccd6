import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports
import Foundation

/// `serve --caseload DIR`: a folder of matter files, walked and read as `bailiwick audit DIR` does
/// (`CaseloadFile`), audited as of one date, and read again when it changes.
///
/// The caseload date is `--as-of`, else today in UTC; it overrides every file's own `as-of`, which
/// is for examples and tests, so that "due this week" means this week for every matter. The folder
/// is checked on a request at most every `checkEvery` (no watcher, no loop): a file whose size,
/// modification or change time, or inode differs is read again, a new one is read, a removed one
/// dropped; when the date changes every matter is audited again. `refresh()` checks at once.
public actor CaseloadDesk {
    public nonisolated let folder: String
    nonisolated let packs: PackSet
    /// Nil: today in UTC, taken at each check.
    nonisolated let fixedDate: CivilDate?
    nonisolated let checkEvery: Duration
    private var entries: [String: Entry] = [:]
    private var board: CaseloadBoard?
    private var checked: ContinuousClock.Instant?
    private var running: Task<CaseloadBoard, Never>?

    public init(folder: String, packs: PackSet, asOf: CivilDate? = nil, checkEvery: Duration = .seconds(5)) {
        self.folder = folder
        self.packs = packs
        self.fixedDate = asOf
        self.checkEvery = checkEvery
    }

    /// Checks the folder now and reads again what changed.
    @discardableResult
    public func refresh() async -> CaseloadBoard {
        if let running { return await running.value }
        let (folder, packs, date, previous) = (folder, packs, fixedDate ?? .todayUTC, entries)
        let task = Task.detached { await Self.scan(folder: folder, packs: packs, date: date, previous: previous) }
        running = Task { await task.value.board }
        let result = await task.value
        entries = result.entries
        board = result.board
        checked = .now
        running = nil
        return result.board
    }

    /// The caseload as last read, checked again first when the last check is older than `checkEvery`.
    func current() async -> CaseloadBoard {
        if let board, let checked, checked.duration(to: .now) < checkEvery { return board }
        return await refresh()
    }

    /// What is kept of a file between checks.
    struct Entry: Sendable {
        let signature: FileSignature
        let content: CaseloadFile.Content
        let report: AuditReport?
    }

    /// A file's identity and times: when none differs, the file is taken to be unchanged.
    struct FileSignature: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: [Int]
        let changed: [Int]

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
                changed = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
            #else
                modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
                changed = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
            #endif
        }
    }

    /// Walks the folder, reads and audits the files that are new or changed (in parallel, off
    /// Swift's shared pool), and keeps the others' reports.
    private static func scan(folder: String, packs: PackSet, date: CivilDate, previous: [String: Entry]) async
        -> (entries: [String: Entry], board: CaseloadBoard)
    {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: scanNow(folder: folder, packs: packs, date: date, previous: previous))
            }
        }
    }

    private static func scanNow(folder: String, packs: PackSet, date: CivilDate, previous: [String: Entry])
        -> (entries: [String: Entry], board: CaseloadBoard)
    {
        let walked = CaseloadFile.walk(folder)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        @Sendable func name(_ path: String) -> String {
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path == folder ? "." : path
        }
        let request = AuditRequest(asOf: date)
        let paths = walked.files
        let slots = ResultSlots<(String, Entry)>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let file = name(path)
            let signature = FileSignature(path: path)
            if let old = previous[file], let signature, old.signature == signature {
                // Unchanged: audited again only when the caseload's date moved on.
                if case .matter(let matter, _) = old.content, old.report?.asOf != date {
                    let report = request.audit(matter, in: packs, today: date)
                    slots[index] = (file, Entry(signature: signature, content: old.content, report: report))
                } else {
                    slots[index] = (file, old)
                }
                return
            }
            var content = CaseloadFile.read(path, name: file, found: true, packs: packs)
            var report: AuditReport?
            if case .matter(let matter, _) = content {
                report = request.audit(matter, in: packs, today: date)
                // The desk never shows a file's text: keeping it would double what the caseload holds.
                content = .matter(matter, text: "")
            }
            // A file that vanished between the walk and the read has no signature: read again next time.
            let kept = signature ?? FileSignature.never
            slots[index] = (file, Entry(signature: kept, content: content, report: report))
        }
        var entries: [String: Entry] = [:]
        for case (let file, let entry)? in slots.values { entries[file] = entry }
        let problems = walked.problems.map { problem in
            Diagnostic(
                problem.severity,
                at: SourceLocation(
                    file: name(problem.location.file), line: problem.location.line, column: problem.location.column),
                problem.message)
        }
        return (entries, CaseloadBoard(date: date, entries: entries, walkProblems: problems))
    }
}

extension CaseloadDesk.FileSignature {
    /// A signature no file has, so that the file is read again at the next check.
    static let never = CaseloadDesk.FileSignature()

    private init() {
        device = 0
        inode = 0
        size = -1
        modified = []
        changed = []
    }
}
