import Foundation
import Testing

/// `bailiwick serve` refuses to expose the app off this machine without a token.
@Suite struct ServeCommandTests {
    @Test func offLoopbackWithoutATokenItRefusesToStart() throws {
        let result = try CLI.run(["serve", "--host", "0.0.0.0", "--port", "0"], environment: ["BAILIWICK_TOKEN": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to listen on 0.0.0.0 without an access token"))
        #expect(result.stderr.contains("BAILIWICK_TOKEN"))
        let short = try CLI.run(["serve", "--host", "0.0.0.0", "--port", "0"], environment: ["BAILIWICK_TOKEN": "abc"])
        #expect(short.status == 2)
        #expect(short.stderr.contains("too short"))
    }

    @Test func aBadPortIsAUsageError() throws {
        let result = try CLI.run(["serve", "--port", "70000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port"))
    }
}
