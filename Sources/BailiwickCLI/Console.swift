import ArgumentParser
import Bailiwick
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and standard error. Every verb writes through here, with write(2), so that a
/// failed write (a full disk, /dev/full) is an error that ends the command with status 2 and one
/// line, not a trap and not a silent loss.
enum Console {
    /// Writes `text` and `terminator` to standard output, as `print` would.
    static func print(_ text: String = "", terminator: String = "\n") throws(WriteFailure) {
        try write(text + terminator, to: STDOUT_FILENO, what: "standard output")
    }

    /// A message on standard error. When standard error itself cannot be written to, there is
    /// nowhere left to say so: the message is dropped and the exit status still tells.
    static func error(_ message: String, terminator: String = "\n") {
        try? write(message + terminator, to: STDERR_FILENO, what: "standard error")
    }

    /// Fails with status 2 and a message, for input the user must correct.
    static func invalidInput(_ message: String) -> ExitCode {
        error("error: \(TerminalEscape.escape(message))")
        return ExitStatus.invalidInput.code
    }

    /// Writes all of `text` to `descriptor`, or throws saying what could not be written and why.
    static func write(_ text: String, to descriptor: Int32, what: String) throws(WriteFailure) {
        var text = text
        let failure: Int32? = text.withUTF8 { unwritten(UnsafeRawBufferPointer($0), to: descriptor) }
        if let failure { throw WriteFailure("cannot write to \(what): \(WriteFailure.reason(failure))") }
    }

    /// Writes all of `bytes` to `descriptor`, or throws saying what could not be written and why.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, what: String) throws(WriteFailure) {
        if let failure = unwritten(bytes, to: descriptor) {
            throw WriteFailure("cannot write to \(what): \(WriteFailure.reason(failure))")
        }
    }

    /// Writes all of `bytes`; the error number of the write that failed, if one did.
    private static func unwritten(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count >= 0 {
                offset += count
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            } else {
                return errno
            }
        }
        return nil
    }
}

/// A write that failed: the command stops with status 2 and this one-line message.
struct WriteFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `strerror`, without a capital: "no space left on device".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
