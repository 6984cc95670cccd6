import Foundation

/// The workers that read and audit a caseload's matters: one a core, each taking the next matter
/// as it finishes one, so a slow matter holds up no other. What a worker makes goes to the
/// matter's own slot (and the spool), never to a shared order, so the report is the same whatever
/// the number of workers.
enum CaseloadWorkers {
    /// The active cores, or `BAILIWICK_WORKERS` (a whole number from 1): tests run a caseload with
    /// one worker and with several to show that the report does not change.
    static let count: Int = {
        if let text = ProcessInfo.processInfo.environment["BAILIWICK_WORKERS"], let number = Int(text), number > 0 {
            return number
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body` once for each index below `count`, on `workers` threads at most.
    static func forEach(_ count: Int, workers: Int = CaseloadWorkers.count, _ body: @Sendable (Int) -> Void) {
        let next = NextIndex()
        let threads = min(workers, count)
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = next.take(below: count) { body(index) }
        }
    }

    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard value < count else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
