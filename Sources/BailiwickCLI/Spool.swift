import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Rendered parts kept on disk until the report is assembled, in an unnamed file in TMPDIR
/// (O_TMPFILE; else a file unlinked as soon as it is open): it disappears with the process,
/// however the process ends, and no other process can open it.
final class Spool: @unchecked Sendable {
    private let descriptor: Int32
    private let folder: String
    private let lock = NSLock()
    private var offset = 0
    private var spans: [Int: (offset: Int, length: Int)] = [:]
    private var failure: WriteFailure?

    init() throws(WriteFailure) {
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
    }

    deinit { close(descriptor) }

    /// Stores one part; a failure is kept and reported by `check()`, as this runs on workers. Only
    /// the part's place in the file is taken under the lock: workers write their parts at once.
    func append(_ text: String, at index: Int) {
        var text = text
        let length = text.utf8.count
        let start: Int? = lock.withLock {
            guard failure == nil else { return nil }
            defer { offset += length }
            return offset
        }
        guard let start else { return }
        let written: Int32? = text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(start + done))
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += count
            }
            return nil
        }
        lock.withLock {
            if let written {
                if failure == nil { failure = Self.failure("write to the temporary file", in: folder, written) }
                return
            }
            spans[index] = (start, length)
        }
    }

    /// Throws the first failure of `append`, if any.
    func check() throws(WriteFailure) {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Where a part is in the file: nil for one never stored.
    func span(_ index: Int) -> (offset: Int, length: Int)? {
        lock.withLock { spans[index] }
    }

    /// Reads `length` bytes from `offset` into `buffer`.
    func read(offset: Int, length: Int, into buffer: UnsafeMutableRawPointer) throws(WriteFailure) {
        var done = 0
        while done < length {
            let count = pread(descriptor, buffer + done, length - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Self.failure("read the temporary file", in: folder, count < 0 ? errno : EIO) }
            done += count
        }
    }

    private static func failure(_ action: String, in folder: String, _ code: Int32) -> WriteFailure {
        WriteFailure("cannot \(action) in \(folder) (TMPDIR): \(WriteFailure.reason(code))")
    }
}
