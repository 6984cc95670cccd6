import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Rendered parts kept until the report is assembled. The first parts, up to a fixed number of
/// bytes, stay in memory; the rest go to an unnamed file in TMPDIR (O_TMPFILE; else a file
/// unlinked as soon as it is open), which disappears with the process, however the process ends,
/// and which no other process can open. Memory stays flat whatever the caseload's size, and a
/// caseload whose report fits never copies it through the kernel twice. (Writing every part to
/// the file was a tenth of a JSON caseload's time, in the kernel's copies and the file's lock.)
final class Spool: @unchecked Sendable {
    /// Where a part is: at `offset` in memory or in the file.
    struct Span {
        let offset: Int
        let length: Int
        let inMemory: Bool
    }

    private let descriptor: Int32
    private let folder: String
    private let memory: UnsafeMutableRawPointer?
    private let memoryBudget: Int
    private let lock = NSLock()
    private var memoryUsed = 0
    private var fileOffset = 0
    private var spans: [Int: Span] = [:]
    private var failure: WriteFailure?

    /// At most this many bytes of parts are kept in memory: of the benchmark's generated matters,
    /// about 8,800 text parts or 2,100 JSON parts.
    static let defaultMemoryBudget = 32 << 20

    /// `BAILIWICK_SPOOL_MEMORY` (a whole number of bytes from 0, at most 1 GiB is used) sets the
    /// memory kept for parts, so that tests can send every part, or some, to the file.
    static let memoryBudget: Int = {
        if let text = ProcessInfo.processInfo.environment["BAILIWICK_SPOOL_MEMORY"], let bytes = Int(text), bytes >= 0 {
            return min(bytes, 1 << 30)
        }
        return defaultMemoryBudget
    }()

    init(memoryBudget: Int = Spool.memoryBudget) throws(WriteFailure) {
        let given = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        let folder = given.isEmpty ? "/tmp" : given
        self.folder = folder
        var descriptor = open(folder, TemporaryName.unnamedFile | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            descriptor = try TemporaryName.whileBlocked { () throws(WriteFailure) -> Int32 in
                let name = (folder as NSString).appendingPathComponent("bailiwick-spool-\(UUID().uuidString)")
                let registered = try TemporaryName(name)
                let opened = open(name, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
                let code = errno
                registered.remove()
                guard opened >= 0 else { throw Self.failure("create a temporary file", in: folder, code) }
                return opened
            }
        }
        self.descriptor = descriptor
        // Reserved, not touched: only the pages parts are written to are ever resident. Where the
        // system will not reserve it (a limit on committed memory), every part goes to the file.
        memory = memoryBudget > 0 ? malloc(memoryBudget) : nil
        self.memoryBudget = memory == nil ? 0 : memoryBudget
    }

    deinit {
        close(descriptor)
        free(memory)
    }

    /// Stores one part; a failure is kept and reported by `check()`, as this runs on workers. Only
    /// the part's place is taken under the lock: workers copy or write their parts at once.
    func append(_ text: String, at index: Int) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0), at: index) }
    }

    /// Stores one part given as UTF-8 bytes, as `append(_:at:)` does.
    func append(bytes: UnsafeRawBufferPointer, at index: Int) {
        let length = bytes.count
        let place: Span? = lock.withLock {
            guard failure == nil else { return nil }
            if memoryUsed + length <= memoryBudget {
                defer { memoryUsed += length }
                return Span(offset: memoryUsed, length: length, inMemory: true)
            }
            defer { fileOffset += length }
            return Span(offset: fileOffset, length: length, inMemory: false)
        }
        guard let place else { return }
        let written: Int32? = {
            guard length > 0 else { return nil }
            if place.inMemory, let memory {
                (memory + place.offset).copyMemory(from: bytes.baseAddress!, byteCount: length)
                return nil
            }
            var done = 0
            while done < length {
                let count = pwrite(descriptor, bytes.baseAddress! + done, length - done, off_t(place.offset + done))
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += count
            }
            return nil
        }()
        lock.withLock {
            if let written {
                if failure == nil { failure = Self.failure("write to the temporary file", in: folder, written) }
                return
            }
            spans[index] = place
        }
    }

    /// Throws the first failure of `append`, if any.
    func check() throws(WriteFailure) {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Where a part is: nil for one never stored.
    func span(_ index: Int) -> Span? {
        lock.withLock { spans[index] }
    }

    /// The bytes of a part kept in memory, valid while the spool lives.
    func bytes(of span: Span) -> UnsafeRawBufferPointer {
        precondition(span.inMemory && memory != nil)
        return UnsafeRawBufferPointer(start: memory! + span.offset, count: span.length)
    }

    /// Reads a part from the file into `buffer`.
    func read(_ span: Span, into buffer: UnsafeMutableRawPointer) throws(WriteFailure) {
        precondition(!span.inMemory)
        var done = 0
        while done < span.length {
            let count = pread(descriptor, buffer + done, span.length - done, off_t(span.offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Self.failure("read the temporary file", in: folder, count < 0 ? errno : EIO) }
            done += count
        }
    }

    private static func failure(_ action: String, in folder: String, _ code: Int32) -> WriteFailure {
        WriteFailure("cannot \(action) in \(folder) (TMPDIR): \(WriteFailure.reason(code))")
    }
}
