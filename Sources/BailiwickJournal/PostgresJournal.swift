import BailiwickReports
import Logging
import NIOSSL
import PostgresNIO

/// The journal in PostgreSQL: several `bailiwick serve` processes behind a load balancer can share
/// it. Each record is one transaction; the server numbers the audits, so none is lost or doubled
/// however many processes write at once.
final class PostgresJournal: Journal {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let location: PostgresLocation

    private init(client: PostgresClient, location: PostgresLocation) {
        self.client = client
        self.location = location
        running = Task { await client.run() }
    }

    /// Connects once to bring the schema up to date (so that a server that is down, or refuses us,
    /// is reported at once), then keeps a pool of connections for the records.
    static func open(_ location: PostgresLocation) async throws(JournalError) -> PostgresJournal {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try connectionConfiguration(location), id: 1, logger: JournalLog.silent)
            do {
                try await migrate(connection)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch let error as JournalSchemaTooNew {
            throw JournalError(error.message(location.display))
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError("cannot open the journal \(location.display): \(reason(error))")
        }
        let client: PostgresClient
        do {
            client = PostgresClient(
                configuration: try clientConfiguration(location), backgroundLogger: JournalLog.silent)
        } catch {
            throw JournalError("cannot open the journal \(location.display): \(reason(error))")
        }
        return PostgresJournal(client: client, location: location)
    }

    /// Under an advisory lock, so that two processes opening a new journal at once do not both migrate it.
    private static func migrate(_ connection: PostgresConnection) async throws {
        try await connection.withTransaction(logger: JournalLog.silent) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(20260401)", logger: JournalLog.silent)
            try await connection.query(
                PostgresQuery(unsafeSQL: JournalMigrations.schemaTable), logger: JournalLog.silent)
            var applied = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM journal_schema", logger: JournalLog.silent
            ).decode(Int32.self) {
                applied = Int(version)
            }
            guard applied <= JournalMigrations.latest else { throw JournalSchemaTooNew(version: applied) }
            for (index, statements) in JournalMigrations.all(.postgres).enumerated() where index + 1 > applied {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: JournalLog.silent)
                }
                let version = Int32(index + 1)
                let now = JournalClock.now()
                try await connection.query(
                    "INSERT INTO journal_schema (version, applied_at) VALUES (\(version), \(now))",
                    logger: JournalLog.silent)
            }
        }
    }

    func record(_ entries: [JournalEntry]) async throws(JournalError) {
        do {
            try await client.withTransaction(logger: JournalLog.silent) { connection in
                for entry in entries {
                    var binds = PostgresBindings()
                    for value in JournalBinds.audit(entry) { binds.append(value) }
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: JournalSQL.insertAudit, binds: binds), logger: JournalLog.silent)
                    var sequence: Int64?
                    for try await value in rows.decode(Int64.self) { sequence = value }
                    guard let sequence else { throw JournalSchemaTooNew(version: -1) }
                    for (position, finding) in entry.findings.enumerated() {
                        var binds = PostgresBindings()
                        binds.append(sequence)
                        binds.append(Int32(position))
                        for value in JournalBinds.finding(finding) { binds.append(value) }
                        try await connection.query(
                            PostgresQuery(unsafeSQL: JournalSQL.insertFinding, binds: binds), logger: JournalLog.silent)
                    }
                }
            }
        } catch {
            throw JournalError("cannot record in the journal \(location.display): \(Self.reason(error))")
        }
    }

    func history(of matterID: String) async throws(JournalError) -> [JournalRecord] {
        do {
            return try await client.withConnection { connection in
                var records: [JournalRecord] = []
                for row in try await Self.rows(connection, JournalSQL.history, matterID) {
                    records.append(try await Self.record(row, on: connection))
                }
                return records
            }
        } catch {
            throw JournalError("cannot read the journal \(location.display): \(Self.reason(error))")
        }
    }

    func lastAudits(of matterIDs: [String]) async throws(JournalError) -> [String: JournalRecord] {
        do {
            return try await client.withConnection { connection in
                var records: [String: JournalRecord] = [:]
                for id in Set(matterIDs) {
                    if let row = try await Self.rows(connection, JournalSQL.last, id).first {
                        records[id] = try await Self.record(row, on: connection)
                    }
                }
                return records
            }
        } catch {
            throw JournalError("cannot read the journal \(location.display): \(Self.reason(error))")
        }
    }

    func close() async {
        running.cancel()
        _ = await running.value
    }

    // MARK: Rows

    private static func rows(
        _ connection: PostgresConnection, _ sql: String, _ value: some PostgresDynamicTypeEncodable
    ) async throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings()
        binds.append(value)
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await connection.query(
            PostgresQuery(unsafeSQL: sql, binds: binds), logger: JournalLog.silent)
        {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    private static func record(_ row: PostgresRandomAccessRow, on connection: PostgresConnection) async throws
        -> JournalRecord
    {
        let sequence = try row["sequence"].decode(Int64.self)
        var findings: [JournalFinding] = []
        for finding in try await rows(connection, JournalSQL.findings, sequence) {
            findings.append(try JournalColumns.finding { try? finding[$0].decode(String?.self) })
        }
        let entry = try JournalColumns.entry({ try? row[$0].decode(String?.self) }, findings: findings)
        return JournalRecord(sequence: sequence, entry: entry)
    }

    // MARK: Configuration

    private static func connectionConfiguration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration
    {
        let tls: PostgresConnection.Configuration.TLS =
            switch location.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
    }

    private static func clientConfiguration(_ location: PostgresLocation) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch location.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        return PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
    }

    /// What failed, without the server's message (which can quote a value) or the statement.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                let known = [
                    "28P01": "authentication failed", "28000": "authentication failed", "3D000": "no such database",
                ]
                return "the server refused it (\(known[state].map { "\($0), " } ?? "")SQLSTATE \(state))"
            }
            switch error.code {
            case .connectionError: return "cannot connect to the server"
            case .sslUnsupported: return "the server does not offer TLS (sslmode=disable turns TLS off)"
            case .serverClosedConnection: return "the server closed the connection"
            default: return "\(error.code)"
            }
        }
        if let error = error as? JournalSchemaTooNew { return error.message("") }
        return "\(type(of: error))"
    }
}
