import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one temporary file name that may exist at a time (a report being written beside its
/// target), removed whatever ends the process: a normal exit, `exit()` after an error (atexit),
/// or SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE (a handler that unlinks and re-raises).
/// SIGKILL cannot be caught: a named file then remains, mode 0600 (see `ReportFile`).
enum TemporaryName {
    /// Linux's O_TMPFILE (`__O_TMPFILE | O_DIRECTORY`), which Swift cannot import as a macro.
    static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE]
    /// A C string read by the signal handler, which may only make async-signal-safe calls.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    /// Runs `body` (which creates or renames the file) with the handled signals blocked, so the
    /// name is never registered without the file or the file created without the name.
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

    /// Registers `path` as the file to remove; call inside `whileBlocked`.
    static func register(_ path: String) {
        let old = pending
        pending = strdup(path)
        free(old)
    }

    /// The file has its final name or is gone: nothing to remove any more.
    static func clear() {
        let old = pending
        pending = nil
        free(old)
    }

    /// Removes the registered file now, if any.
    static func remove() {
        if let pending { unlink(pending) }
        clear()
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        _ = pending
        atexit { if let path = TemporaryName.pending { unlink(path) } }
        for signal in signals {
            // A signal the process was started ignoring (nohup) stays ignored.
            var current = sigaction()
            sigaction(signal, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let path = TemporaryName.pending { unlink(path) }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}
