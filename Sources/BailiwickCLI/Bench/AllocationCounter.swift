import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Counts Swift heap allocations (class instances, closure contexts, array, string and box storage:
/// everything that goes through `swift_allocObject`) through the runtime's instrumentation hook,
/// `_swift_allocObject`. Only the benchmark installs it, and only around a single-threaded measurement.
enum AllocationCounter {
    typealias Allocate = @convention(c) (UnsafeRawPointer?, Int, Int) -> UnsafeMutableRawPointer?

    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var original: Allocate?

    /// The allocations `body` makes, or nil where the runtime has no such hook.
    static func count(_ body: () -> Void) -> Int? {
        // RTLD_DEFAULT (a null handle): the symbol wherever the runtime was loaded from.
        guard let symbol = dlsym(nil, "_swift_allocObject") else { return nil }
        let hook = symbol.assumingMemoryBound(to: Allocate?.self)
        original = hook.pointee
        guard original != nil else { return nil }
        count = 0
        hook.pointee = { metadata, size, alignment in
            AllocationCounter.count += 1
            return AllocationCounter.original!(metadata, size, alignment)
        }
        body()
        hook.pointee = original
        return count
    }
}
