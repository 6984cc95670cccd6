import BailiwickReports
import Foundation
import Logging
import SQLiteNIO

/// The journal in an SQLite file: embedded, no server. One connection, used by one operation at a
/// time (the actor); another process writing the same file is waited for (busy timeout).
actor SQLiteJournal: Journal {
    private let connection: SQLiteConnection
    private let path: String
    /// SQLite must not be handed a closed connection's handle: each use checks this first.
    private var closed = false
    /// The actor runs another call while one awaits SQLite: this keeps each operation (a
    /// transaction above all) whole, the others waiting their turn in order.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private func exclusively<T>(_ body: () async throws(JournalError) -> T) async throws(JournalError) -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }

    private init(connection: SQLiteConnection, path: String) {
        self.connection = connection
        self.path = path
    }

    deinit {
        // A journal dropped without close() (a command that stops early) still closes its file.
        if !closed { _ = connection.close() }
    }

    /// Opens (creating it, mode 0600, when missing) the file at `path` and brings its schema up to date.
    static func open(path: String) async throws(JournalError) -> SQLiteJournal {
        try JournalFile.createPrivately(path)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: JournalLog.silent)
        } catch {
            throw JournalError("cannot open the journal \(path): \(Self.reason(error))")
        }
        let journal = SQLiteJournal(connection: connection, path: path)
        do {
            try await journal.prepare()
        } catch {
            await journal.close()
            throw error
        }
        return journal
    }

    private func prepare() async throws(JournalError) {
        try await run("reading", ["PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON"])
        try await transaction("migrate") {
            try await self.execute(JournalMigrations.schemaTable)
            let applied =
                try await self.rows("SELECT MAX(version) AS version FROM journal_schema")
                .first?.column("version")?.integer.map { Int($0) } ?? 0
            guard applied <= JournalMigrations.latest else { throw JournalSchemaTooNew(version: applied) }
            for (index, statements) in JournalMigrations.all(.sqlite).enumerated() where index + 1 > applied {
                for statement in statements { try await self.execute(statement) }
                try await self.execute(
                    "INSERT INTO journal_schema (version, applied_at) VALUES ($1, $2)",
                    [.integer(index + 1), .text(JournalClock.now())])
            }
        }
    }

    func record(_ entries: [JournalEntry]) async throws(JournalError) {
        try await exclusively { () async throws(JournalError) in try await recordNow(entries) }
    }

    private func recordNow(_ entries: [JournalEntry]) async throws(JournalError) {
        try await transaction("record in") {
            for entry in entries {
                let binds: [SQLiteData] = JournalBinds.audit(entry).map { $0.map(SQLiteData.text) ?? .null }
                guard
                    let sequence = try await self.rows(JournalSQL.insertAudit, binds).first?.column("sequence")?.integer
                else { throw JournalSchemaTooNew(version: -1) }
                for (position, finding) in entry.findings.enumerated() {
                    let values = JournalBinds.finding(finding).map { $0.map(SQLiteData.text) ?? .null }
                    try await self.execute(
                        JournalSQL.insertFinding, [.integer(sequence), .integer(position)] + values)
                }
            }
        }
    }

    func history(of matterID: String) async throws(JournalError) -> [JournalRecord] {
        try await exclusively { () async throws(JournalError) in try await historyNow(of: matterID) }
    }

    private func historyNow(of matterID: String) async throws(JournalError) -> [JournalRecord] {
        do {
            var records: [JournalRecord] = []
            for row in try await rows(JournalSQL.history, [.text(matterID)]) {
                records.append(try await record(row))
            }
            return records
        } catch {
            throw JournalError("cannot read the journal \(path): \(Self.reason(error))")
        }
    }

    func lastAudits(of matterIDs: [String]) async throws(JournalError) -> [String: JournalRecord] {
        try await exclusively { () async throws(JournalError) in try await lastAuditsNow(of: matterIDs) }
    }

    private func lastAuditsNow(of matterIDs: [String]) async throws(JournalError) -> [String: JournalRecord] {
        do {
            var records: [String: JournalRecord] = [:]
            for id in Set(matterIDs) {
                if let row = try await rows(JournalSQL.last, [.text(id)]).first {
                    records[id] = try await record(row)
                }
            }
            return records
        } catch {
            throw JournalError("cannot read the journal \(path): \(Self.reason(error))")
        }
    }

    func close() async {
        try? await exclusively { () async throws(JournalError) in
            guard !closed else { return }
            closed = true
            try? await connection.close()
        }
    }

    private func record(_ row: SQLiteRow) async throws -> JournalRecord {
        let text = { (name: String) in row.column(name)?.string }
        guard let sequence = row.column("sequence")?.integer else { throw JournalSchemaTooNew(version: -1) }
        var findings: [JournalFinding] = []
        for finding in try await rows(JournalSQL.findings, [.integer(sequence)]) {
            let value = { (name: String) in finding.column(name)?.string }
            findings.append(try JournalColumns.finding(value))
        }
        return JournalRecord(sequence: Int64(sequence), entry: try JournalColumns.entry(text, findings: findings))
    }

    // MARK: Statements

    private func execute(_ sql: String, _ binds: [SQLiteData] = []) async throws {
        guard !closed else { throw JournalClosed() }
        try await connection.query(sql, binds) { _ in }
    }

    private func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        guard !closed else { throw JournalClosed() }
        let collected = Collected<SQLiteRow>()
        try await connection.query(sql, binds) { collected.append($0) }
        return collected.values
    }

    private func run(_ doing: String, _ statements: [String]) async throws(JournalError) {
        do {
            for statement in statements { try await execute(statement) }
        } catch {
            throw JournalError("cannot open the journal \(path): \(Self.reason(error))")
        }
    }

    /// `body` between BEGIN IMMEDIATE (which takes the write lock at once, so two processes do not
    /// both read then fail to write) and COMMIT; rolled back when it throws.
    private func transaction(_ doing: String, _ body: () async throws -> Void) async throws(JournalError) {
        do {
            try await execute("BEGIN IMMEDIATE")
            do {
                try await body()
                try await execute("COMMIT")
            } catch {
                try? await execute("ROLLBACK")
                throw error
            }
        } catch let error as JournalSchemaTooNew {
            throw JournalError(error.message(path))
        } catch {
            throw JournalError("cannot \(doing) the journal \(path): \(Self.reason(error))")
        }
    }

    /// SQLite's own words: they name columns and constraints, never bound values.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        if error is JournalClosed { return "it is closed" }
        return "\(type(of: error))"
    }
}

private struct JournalClosed: Error {}

/// Rows handed over one by one from SQLite's thread.
private final class Collected<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value] = []
    private let lock = NSLock()

    func append(_ value: Value) { lock.withLock { storage.append(value) } }
    var values: [Value] { lock.withLock { storage } }
}
