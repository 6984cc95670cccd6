import Foundation

/// Fixed slots filled from many threads, each slot by one thread: the results of a caseload read
/// in parallel, by the command line and by `serve --caseload`.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    package init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    package var values: [Value?] { lock.withLock { storage } }
}
