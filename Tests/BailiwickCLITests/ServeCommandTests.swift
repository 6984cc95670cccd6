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

    @Test func timeoutsOutsideTheirRangeAreUsageErrors() throws {
        for (option, value) in [("--header-timeout", "0"), ("--idle-timeout", "nan"), ("--body-timeout", "1e300")] {
            let result = try CLI.run(["serve", "--port", "0", option, value])
            #expect(result.status == 2, "\(option) \(value)")
            #expect(result.stderr.contains("\(option) must be from 0.1 to 86400 seconds"), "\(option) \(value)")
        }
    }
}

/// `serve --caseload DIR [--as-of DATE]`: a folder is required, and --as-of belongs to it.
@Suite struct ServeCaseloadCommandTests {
    @Test func asOfWithoutACaseloadIsAUsageError() throws {
        let result = try CLI.run(["serve", "--port", "0", "--as-of", "2026-05-01"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of needs --caseload"))
    }

    @Test func aCaseloadThatIsNotAFolderIsBadInput() throws {
        let file = PackVerbTests.repository.appendingPathComponent("Examples/wa-dissolution-clean.yaml").path
        for path in ["/nonexistent/caseload", file] {
            let result = try CLI.run(["serve", "--port", "0", "--caseload", path])
            #expect(result.status == 2, "\(path)")
            #expect(result.stderr.contains("--caseload \(path): not a folder"), "\(path)")
        }
    }
}
