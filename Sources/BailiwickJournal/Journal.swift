import BailiwickReports
import Foundation

/// The audit journal: a record of each audit of each matter, in SQLite (a file) or PostgreSQL (a
/// server several `bailiwick serve` processes can share). Entries are only ever added.
public protocol Journal: Sendable {
    /// Records the entries in one transaction: all of them, or none.
    func record(_ entries: [JournalEntry]) async throws(JournalError)

    /// Every audit of the matter, oldest first.
    func history(of matterID: String) async throws(JournalError) -> [JournalRecord]

    /// The last audit of each of the matters that the journal holds one of: its findings, and its
    /// report (`entry.report`), for comparing a new audit with the previous one (`audit --since`).
    func lastAudits(of matterIDs: [String]) async throws(JournalError) -> [String: JournalRecord]

    /// Ends the connections. The journal is not used after.
    func close() async
}

extension Journal {
    /// The last audit of one matter; nil when the journal holds none.
    public func lastAudit(of matterID: String) async throws(JournalError) -> JournalRecord? {
        try await lastAudits(of: [matterID])[matterID]
    }
}

/// Opens the journal a `--journal` value names: a `postgres://` or `postgresql://` URL, or else
/// the path of an SQLite file (created, readable by its owner only, when missing and `create` is
/// true; a reader passes false, so that a mistyped path is an error, not a new empty journal). The
/// schema's migrations are applied on open.
public enum Journals {
    public static func open(_ location: String, create: Bool = true) async throws(JournalError) -> any Journal {
        if PostgresLocation.isURL(location) {
            return try await PostgresJournal.open(try PostgresLocation(location))
        }
        if !create, access(location, F_OK) != 0 {
            throw JournalError("there is no journal at \(location)")
        }
        return try await SQLiteJournal.open(path: location)
    }

    /// Whether `location` names a journal rather than another file: a PostgreSQL URL, or a file
    /// that begins with SQLite's header. (`audit --since` takes a journal or a JSON report.)
    public static func names(_ location: String) -> Bool {
        if PostgresLocation.isURL(location) { return true }
        guard let handle = FileHandle(forReadingAtPath: location) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}

/// Why the journal could not be opened, read or written. The words name the journal and what
/// failed, never a value of a matter: database messages can quote the values of a statement, so
/// only their codes are shown.
public struct JournalError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
