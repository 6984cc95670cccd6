import Bailiwick
import BailiwickLoading
import BailiwickReports
import Foundation
import Testing

/// The API's text format, and every other report, keeps control characters from a matter file
/// away from whatever shows it; the colours `TextStyle` writes itself still work.
struct TerminalSafetyAPITests {
    /// An erase-line sequence, a carriage return, a backspace, a right-to-left override, a
    /// zero-width space, an 8-bit CSI, an OSC 8 link ended by BEL, a newline and a backslash.
    static let yaml = #""A\e[2K\rB\bC\u202ED\u200BE\x9bF\e]8;;x\aG\nH\\I""#
    static let shown = #"A\u{1B}[2K\rB\u{8}C\u{202E}D"# + "\u{200B}" + #"E\u{9B}F\u{1B}]8;;x\u{7}G\nH\\I"#
    static let json = #""A\u001b[2K\rB\u0008C\u202eD"# + "\u{200B}" + #"E\u009bF\u001b]8;;x\u0007G\nH\\I""#
    static let id = "WA-\u{200B}0118" + #"\u{1B}[8m"#

    static func matter() throws -> String {
        try Server.repositoryFile("Examples/wa-dissolution-clean.yaml")
            .replacingOccurrences(of: "id: WA-2026-0118", with: #"id: "WA-\u200B0118\e[8m""#)
            .replacingOccurrences(of: "title: Marsh dissolution (petitioner, two children)", with: "title: \(yaml)")
    }

    /// C0 controls but newline and tab, DEL, C1 controls, line separators, bidirectional controls.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x09, 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test func theTextAuditShowsControlsEscaped() async throws {
        let plain = try await Server.request("/v1/audit?format=text", method: .post, body: try Self.matter())
        #expect(plain.status == .ok)
        #expect(
            plain.body.hasPrefix("\(Self.id) · \(Self.shown) · Dissolution of marriage (petitioner) · Washington\n"))
        #expect(plain.body.contains(":27:5: warning: 'id' holds an invisible character, U+200B, at character 4: "))
        #expect(Self.rawControls(plain.body) == [])
    }

    @Test func theOtherFormatsEscapeOrDropControls() async throws {
        let json = try await Server.request("/v1/audit", method: .post, body: try Self.matter())
        #expect(json.body.contains("\"title\": \(Self.json),\n"))
        #expect(Self.rawControls(json.body) == [])
        let html = try await Server.request("/v1/audit?format=html", method: .post, body: try Self.matter())
        #expect(html.body.contains("<h2>\(Self.id) · \(Self.shown)</h2>"))
        #expect(Self.rawControls(html.body.replacingOccurrences(of: "\r\n", with: "\n")) == [])
        let calendar = try await Server.request("/v1/audit?format=ics", method: .post, body: try Self.matter())
        #expect(calendar.status == .ok)
        #expect(Self.rawControls(calendar.body.replacingOccurrences(of: "\r\n", with: "\n")) == [])
    }

    @Test func theToolsOwnColoursStillWork() throws {
        let matter = try MatterLoader.load(text: try Self.matter(), file: "m.yaml", packs: Server.packs)
        let audit = Server.packs.audit(matter, asOf: matter.asOf!)
        let report = AuditText(style: TextStyle(enabled: true)).matter(audit, in: false)
        #expect(
            report.hasPrefix(
                "\u{1B}[1m\(Self.id) · \(Self.shown)\u{1B}[0m"
                    + "\u{1B}[2m · Dissolution of marriage (petitioner) · "))
        #expect(report.contains("\u{1B}[1;32m0 errors, 0 warnings, 8 notes\u{1B}[0m"))
        // What is left once the tool's own colour codes are taken out holds no control at all.
        let codes = ["0", "1", "2", "1;31", "1;32", "1;33"].map { "\u{1B}[\($0)m" }
        #expect(Self.rawControls(codes.reduce(report) { $0.replacingOccurrences(of: $1, with: "") }) == [])
    }
}
