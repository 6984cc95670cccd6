import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// The web pages call things what the command line calls them: severities, tallies, the
/// observed day of a holiday, a calendar's source level, a source's label. Each test reads the
/// CLI's own output and finds the same words on the page.
@Suite struct WebAndCLIWordsTests {
    static let problems = "Examples/wa-dissolution-problems.yaml"
    static let clean = "Examples/wa-dissolution-clean.yaml"

    static func auditPage(_ file: String) async throws -> String {
        let text = try Server.repositoryFile(file)
        return try await Server.post("/audit", form: [("mode", "file"), ("matter", text)]).body
    }

    static func cli(_ arguments: [String]) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try CLI.run(arguments, directory: root).stdout
    }

    /// Each finding is named error, warning or note on both, and the tally reads the same.
    @Test func theAuditPageNamesSeveritiesAsTheCommandLineDoes() async throws {
        let page = try await Self.auditPage(Self.problems)
        let text = try Self.cli(["audit", Self.problems])
        let cliFindings = text.matches(of: #/\n  (error|warning|note) +([A-Z][A-Z-]+)  /#).map { "\($0.1) \($0.2)" }
        let pageFindings = page.matches(of: /class="code">([A-Z]+) · ([A-Z-]+)<\/span>/).map {
            "\($0.1.lowercased()) \($0.2)"
        }
        #expect(!cliFindings.isEmpty)
        #expect(pageFindings.sorted() == cliFindings.sorted())
        #expect(!page.contains("INFO · "))
        // "5 errors, 2 warnings, 6 notes" on the command line; the same three badges on the page.
        let tally = try #require(text.firstMatch(of: /deadlines: (\d+ errors?, \d+ warnings?, \d+ notes?)\n/)?.1)
        let badges = page.matches(of: /<span class="b-[a-z]+">(\d+ [a-z]+)<\/span>/).map { String($0.1) }
        #expect(badges.prefix(3).joined(separator: ", ") == String(tally))
        // The follow-up list marks each item as the command line does.
        let followUps = page.matches(of: #/<\/strong> <span class="b-[a-z]+">([a-z]+)<\/span> /#).map { String($0.1) }
        #expect(!followUps.isEmpty)
        #expect(Set(followUps).isSubset(of: ["error", "warning", "note"]))
    }

    /// A count of zero is a neutral badge; a count above zero has its severity's colour.
    @Test func aBadgeIsColouredOnlyForACountAboveZero() async throws {
        let clean = try await Self.auditPage(Self.clean)
        #expect(clean.contains("<p class=\"badges\"><span class=\"b-none\">0 errors</span>"))
        #expect(clean.contains("<span class=\"b-none\">0 warnings</span>"))
        #expect(!clean.contains("<span class=\"b-error\">0 "))
        let problems = try await Self.auditPage(Self.problems)
        let errors = try #require(
            problems.firstMatch(of: /<p class="badges"><span class="b-([a-z]+)">(\d+) errors?</)?.output)
        #expect(errors.1 == "error" && Int(errors.2)! > 0)
        // The stylesheet draws a zero like a note, never in the error's red.
        let css = try await Server.request("/assets/app.css").body
        #expect(css.contains(".b-info,.b-none{background:#edf0f4;color:var(--info)}"))
    }

    /// A holiday moved off a weekend, and the calendar's source level, in the CLI's words.
    @Test func theHolidayPageSaysWhatTheCommandLineSays() async throws {
        let text = try Self.cli(["holidays", "--jurisdiction", "us-ut", "--year", "2026"])
        let page = try await Server.request("/holidays?jurisdiction=us-ut&year=2026").body.withTableDatesUnwrapped
        let moved = text.matches(of: /\((observed; falls on [A-Za-z]+ \d{4}-\d{2}-\d{2})\)/).map { String($0.1) }
        #expect(!moved.isEmpty)
        for phrase in moved { #expect(page.contains("(\(phrase))"), "\(phrase)") }
        let calendar = try #require(Server.packs.calendar(for: "us-ut"))
        let level = try #require(text.firstMatch(of: #/ · source: ([a-z-]+)\n/#)?.1)
        #expect(
            page.contains(
                "<p>Rule: \(escapeHTML(calendar.citation.text)) <span class=\"tag status-\(level)\""))
    }

    /// The packs page labels its sources as `explain` does: "[KEY] Title (version …)".
    @Test func thePacksPageLabelsSourcesAsExplainDoes() async throws {
        let rule = try #require(
            Server.packs.rules(applicableIn: "us-ut").first {
                $0.jurisdiction == "us-ut" && !$0.citation.sourceKeys.isEmpty
            })
        let text = try Self.cli(["explain", rule.id])
        let labels = text.matches(of: /\n  (\[[A-Za-z0-9-]+\] [^\n<]+?)(?: <[^>\n]+>)?(?=\n)/).map { String($0.1) }
        #expect(!labels.isEmpty)
        let page = try await Server.request("/packs/us-ut").body.withTableDatesUnwrapped
        for label in labels { #expect(page.contains("<li>\(escapeHTML(label))"), "\(label)") }
    }
}
