import Foundation

/// Audits are the only requests whose cost grows with the input: a matter file at the size limit
/// can take seconds and hundreds of megabytes. So a few run at once and the others wait their turn
/// in a bounded queue, their bodies read: bounded in number, and in the bytes the admitted audits'
/// bodies may hold together, so a flood of large files is refused (503) before their bodies are
/// read, while many small audits wait a moment instead. Audits run on worker threads of their own,
/// off Swift's shared pool and NIO's event loops and at a lower priority, so the other requests keep
/// being answered while audits run; a worker stays for the next audit while there are any, and ends
/// when idle.
final class AuditTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private let running: Int
    private let capacity: Int
    private let byteBudget: Int
    /// Audits admitted and not yet answered, and the bytes their bodies were allowed.
    private var admitted = 0
    private var reserved = 0
    /// Audits whose body is read, waiting for a worker, oldest first.
    private var queue: [@Sendable () -> Void] = []
    private var workers = 0
    private var idleWorkers = 0

    /// How long an idle worker waits for the next audit before its thread ends.
    private static let linger = 2.0
    /// The workers' nice value: a third of the share of a thread at the default priority.
    private static let niceness: Int32 = 5

    /// `running` audits at once, `waiting` more admitted to wait, and at most `bytes` of request
    /// bodies held by them together (one audit is always admitted when none is).
    init(running: Int, waiting: Int, bytes: Int = .max) {
        self.running = max(1, running)
        capacity = self.running + max(0, waiting)
        byteBudget = max(0, bytes)
    }

    /// Reads the request with `input`, then computes `work` when its turn comes; nil when the
    /// server already has as many audits as it admits, or their bodies as many bytes. `bytes` is
    /// the most the body may hold: its declared length, or the limit when none is declared.
    func perform<Input: Sendable, Output: Sendable>(
        reading input: () async throws -> Input, reserving bytes: Int = 0,
        then work: @escaping @Sendable (Input) -> Output
    ) async throws -> Output? {
        guard admit(bytes) else { return nil }
        defer { release(bytes) }
        let value = try await input()
        return await withCheckedContinuation { continuation in
            enqueue { continuation.resume(returning: work(value)) }
        }
    }

    private func admit(_ bytes: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard admitted < capacity, admitted == 0 || bytes <= byteBudget - reserved else { return false }
        admitted += 1
        reserved += bytes
        return true
    }

    private func release(_ bytes: Int) {
        condition.lock()
        admitted -= 1
        reserved -= bytes
        condition.unlock()
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        queue.append(job)
        if idleWorkers > 0 { condition.signal() }
        guard queue.count > idleWorkers, workers < running else { return }
        workers += 1
        let thread = Thread { [self] in work() }
        // As deep as the default thread's: the loaders and the condition checker recurse.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A worker's loop: the oldest waiting audit, while there is one or one comes within `linger`.
    private func work() {
        // Below the event loops' priority (the nice value is a thread's own on Linux), so that
        // audits on every core still leave the other requests answered first.
        #if os(Linux)
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
        #endif
        condition.lock()
        while true {
            if !queue.isEmpty {
                let job = queue.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                continue
            }
            idleWorkers += 1
            let signalled = condition.wait(until: Date(timeIntervalSinceNow: Self.linger))
            idleWorkers -= 1
            if !signalled && queue.isEmpty { break }
        }
        workers -= 1
        condition.unlock()
    }
}
