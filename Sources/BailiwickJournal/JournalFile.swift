import Foundation
import Logging

/// The SQLite journal's file holds client data: it is created readable and writable by its owner only.
enum JournalFile {
    /// Creates an empty file at `path`, mode 0600, unless something is there already (which is then
    /// left as it is, for SQLite to open or refuse).
    static func createPrivately(_ path: String) throws(JournalError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            // The mode given to open() is narrowed by the umask, never widened: 0600 at most.
            close(descriptor)
            return
        }
        let code = errno
        guard code == EEXIST else {
            throw JournalError("cannot create the journal \(path): \(String(cString: strerror(code)))")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw JournalError("cannot use \(path) as the journal: it is not a regular file")
        }
    }
}

/// Times of recording: UTC, to the millisecond, in the form that sorts as text.
public enum JournalClock {
    public static func now() -> String { string(Date()) }

    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Neither database library may log: their messages can carry a statement's values.
enum JournalLog {
    static var silent: Logger {
        var logger = Logger(label: "bailiwick.journal", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }
}

/// A journal written by a newer Bailiwick: its schema is not this build's to change.
struct JournalSchemaTooNew: Error {
    let version: Int

    func message(_ journal: String) -> String {
        version < 0
            ? "the journal \(journal) did not answer as a Bailiwick journal does"
            : "the journal \(journal) has schema version \(version), newer than this bailiwick's "
                + "(\(JournalMigrations.latest)): use a newer bailiwick"
    }
}
