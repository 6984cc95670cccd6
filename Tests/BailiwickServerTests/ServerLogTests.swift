import Foundation
import Logging
import Testing

@testable import BailiwickServer

/// The server's log handler: warnings and worse are written as swift-log's stream handler writes
/// them, with the logger's metadata; anything below is dropped; each logger keeps its own metadata.
@Suite struct ServerLogTests {
    final class Lines: TextOutputStream, @unchecked Sendable {
        private let lock = NSLock()
        private var written = ""
        var text: String { lock.withLock { written } }
        func write(_ string: String) { lock.withLock { written += string } }
    }

    @Test func writesWarningsWithTheirMetadataAndDropsInfo() {
        let lines = Lines()
        var logger = Logger(label: "bailiwick") { ServerLog(label: $0, stream: lines) }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("started")
        logger.warning("slow client")
        let written = lines.text
        #expect(!written.contains("started"))
        #expect(written.hasSuffix(" warning bailiwick: hb.request.id=42 [BailiwickServerTests] slow client\n"))
    }

    @Test func eachLoggerKeepsItsOwnMetadataAndLevel() {
        let lines = Lines()
        var first = Logger(label: "bailiwick") { ServerLog(label: $0, stream: lines) }
        var second = first
        first[metadataKey: "hb.request.id"] = "1"
        second[metadataKey: "hb.request.id"] = "2"
        second.logLevel = .error
        second.warning("not written")
        first.error("written")
        #expect(first[metadataKey: "hb.request.id"] == "1")
        #expect(second[metadataKey: "hb.request.id"] == "2")
        #expect(!lines.text.contains("not written"))
        #expect(lines.text.hasSuffix(" error bailiwick: hb.request.id=1 [BailiwickServerTests] written\n"))
    }
}
