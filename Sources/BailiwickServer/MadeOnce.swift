import Foundation

/// A value made at its first use and kept after: what answers share that is costly to make and that a
/// server may never need (tests start many servers that answer nothing).
final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private let lock = NSLock()
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
