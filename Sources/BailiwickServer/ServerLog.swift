import Logging

/// The server's log: warnings and worse, written to standard error exactly as swift-log's
/// `StreamLogHandler` writes them. Hummingbird gives every request a logger with its own request
/// id; `StreamLogHandler` formats its metadata as text each time metadata is set, which was about
/// 3 % of a `/v1/check`'s time for a message that is never written. Here the metadata is kept as
/// it is and formatted only for a message that is logged.
struct ServerLog: LogHandler {
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Writes a message: to standard error unless a test gives a stream.
    private let output: StreamLogHandler

    init(label: String, stream: (any TextOutputStream & Sendable)? = nil) {
        let provider = LoggingSystem.metadataProvider
        output =
            stream.map { StreamLogHandler(label: label, stream: $0, metadataProvider: provider) }
            ?? StreamLogHandler.standardError(label: label, metadataProvider: provider)
        metadataProvider = provider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var handler = output
        handler.logLevel = logLevel
        handler.metadataProvider = metadataProvider
        handler.metadata = metadata
        handler.log(event: event)
    }
}
