import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary file names that exist for a while (a report being written beside its target, where
/// there is no O_TMPFILE), removed whatever ends the process: a normal exit, `exit()` after an
/// error (atexit), or SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE (a handler that unlinks and
/// re-raises). SIGKILL cannot be caught: a named file then remains, mode 0600.
struct TemporaryName {
    /// Linux's O_TMPFILE (`__O_TMPFILE | O_DIRECTORY`), which Swift cannot import as a macro.
    static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE]
    static let capacity = 4
    /// C strings read by the signal handler, which may only make async-signal-safe calls.
    nonisolated(unsafe) private static let names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let names = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        names.initialize(repeating: nil, count: capacity)
        return names
    }()
    nonisolated(unsafe) private static var installed = false

    private let slot: Int

    /// Runs `body` (which creates or renames the file) with the handled signals blocked, so a
    /// name is never registered without its file or a file created without its name.
    static func whileBlocked<T>(_ body: () throws(WriteFailure) -> T) throws(WriteFailure) -> T {
        installHandlers()
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Registers `path` as a file to remove; call inside `whileBlocked`.
    init(_ path: String) throws(WriteFailure) {
        guard let free = (0..<Self.capacity).first(where: { Self.names[$0] == nil }) else {
            throw WriteFailure("too many temporary files at once")
        }
        slot = free
        Self.names[slot] = strdup(path)
    }

    /// The file has its final name or is gone: nothing to remove any more.
    func clear() {
        let old = Self.names[slot]
        Self.names[slot] = nil
        free(old)
    }

    /// Removes the file now.
    func remove() {
        if let path = Self.names[slot] { unlink(path) }
        clear()
    }

    private static func removeAll() {
        for slot in 0..<capacity {
            if let path = names[slot] { unlink(path) }
        }
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = names
        atexit { TemporaryName.removeAll() }
        for signal in signals {
            // A signal the process was started ignoring (nohup) stays ignored.
            var current = sigaction()
            sigaction(signal, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            {
                continue
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                TemporaryName.removeAll()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}
