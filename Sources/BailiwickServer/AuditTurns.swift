import Foundation

/// Audits are the only requests whose cost grows with the input: a matter file at the size limit
/// can take seconds and hundreds of megabytes. So a few run at once, a few more may wait with
/// their file read, and the rest are refused (503) before their body is read. Each runs on a
/// thread of its own, off Swift's shared pool and NIO's event loops, so the other requests keep
/// being answered while audits run.
final class AuditTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var admitted = 0
    private let capacity: Int
    private let turns: DispatchSemaphore

    init(running: Int, waiting: Int) {
        capacity = max(1, running) + max(0, waiting)
        turns = DispatchSemaphore(value: max(1, running))
    }

    /// Reads the request with `input`, then computes `work` when its turn comes; nil when the
    /// server already has as many audits as it admits.
    func perform<Input: Sendable, Output: Sendable>(
        reading input: () async throws -> Input, then work: @escaping @Sendable (Input) -> Output
    ) async throws -> Output? {
        guard admit() else { return nil }
        defer { release() }
        let value = try await input()
        return await withCheckedContinuation { continuation in
            let thread = Thread { [turns] in
                turns.wait()
                let output = work(value)
                turns.signal()
                continuation.resume(returning: output)
            }
            // As deep as the default thread's: the loaders and the condition checker recurse.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func admit() -> Bool {
        lock.withLock {
            guard admitted < capacity else { return false }
            admitted += 1
            return true
        }
    }

    private func release() {
        lock.withLock { admitted -= 1 }
    }
}
