import Bailiwick
import BailiwickImport
import BailiwickLoading
import Foundation
import Testing

/// The Clio fixtures (Examples/import/clio, research section 1) through the library: the second
/// opinion on court-rule dates (issue 19, item 2a) and what is reported as not mapped.
struct ImportClioTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/import")

    static func report() throws -> ImportReport {
        let folder = examples.appendingPathComponent("clio")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            (path: name, text: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        let mapping = try ImportMappingLoader.load(
            path: examples.appendingPathComponent("firm-mapping.yaml").path, packs: ImportFixtures.packs)
        return ImportRun.run(
            try ClioJSONReader.read(files), source: "Clio", mapping: mapping, packs: ImportFixtures.packs,
            folder: "", schema: { "s-\($0).json" }, existing: { _ in nil },
            options: ImportOptions(asOf: CivilDate("2026-04-01")!), today: CivilDate("2026-04-01")!)
    }

    @Test func aCourtRuleDateThatDiffersIsFlaggedWithBothDatesAndTheTrace() throws {
        let file = try #require(try Self.report().files.first { $0.draft.matterID == "WA-2026-0301" })
        // CR 12(a)(1): the response is due within 20 days, exclusive of the day of service; CR 6(a): a
        // last day on a Saturday, Sunday or legal holiday runs to the next day that is none of them.
        // Served Monday 2026-03-02: day 20 is Sunday 2026-03-22 (March 2 + 20), so the date is
        // Monday 2026-03-23. The fixture's Clio entry says 2026-03-22.
        let response = try #require(file.docket.first { $0.entry.rule == "dissolution-response" })
        #expect(response.verdict == .differs)
        #expect(response.entry.date.description == "2026-03-22")
        #expect(response.date?.description == "2026-03-23")
        #expect(response.unknownFacts.isEmpty)
        #expect(response.trace.contains { $0.contains("Sunday 2026-03-22") && $0.contains("Monday 2026-03-23") })
        // RCW 26.09.030: a decree once 90 days have elapsed from service, so from day 91. March 2 + 29 =
        // March 31, + 30 = April 30, + 31 = May 31 (day 90), + 1 = Monday 2026-06-01, not moved (a waiting
        // period's first day is not rolled). Clio agrees.
        let decree = try #require(file.docket.first { $0.entry.rule == "dissolution-waiting-after-service" })
        #expect(decree.verdict == .agrees)
        #expect(decree.date?.description == "2026-06-01")
    }

    @Test func everyFieldNotMappedIsReportedWithItsReason() throws {
        let report = try Self.report()
        let file = try #require(report.files.first { $0.draft.matterID == "WA-2026-0301" })
        let unmapped = Dictionary(
            file.draft.unmapped.map { ($0.field.path, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(unmapped["matters[1001].status"]?.field.value == "open")
        #expect(unmapped["matters[1001].location"]?.field.kind == .text)
        #expect(unmapped["Referral source"]?.reason == "no fact mapping for this custom field")
        #expect(unmapped["calendar entry 9004.summary"] != nil)
        #expect(unmapped["task 6001.name"] != nil)
        #expect(unmapped["time entry 8004.user"]?.reason == "its user is not in the roster")
        #expect(unmapped["time entry 8001.user"]?.reason == "a lawyer's entry: not audited")
        #expect(unmapped["time entry 8003.note"]?.field.kind == .text)
        #expect(unmapped["activities[8005].utbms_expense.code"]?.field.value == "E112")
        #expect(unmapped["document 5003.name"]?.reason == "mapped to no form (forms:)")
        // What belongs to no imported matter: the entry of an unknown matter, the contacts' other fields.
        #expect(report.leftOver.contains { $0.path == "calendar_entries[9006].summary" })
        #expect(report.leftOver.contains { $0.path == "contacts[7001].primary_email_address" && $0.kind == .text })
        #expect(report.skipped.map(\.source.id) == ["1003"])
    }

    @Test func aCustomFieldThatIsNoValueOfItsFactIsAProblemThatDoesNotQuoteIt() throws {
        let file = try #require(try Self.report().files.first { $0.draft.matterID == "WA-2026-0302" })
        #expect(file.draft.problems.count == 1)
        #expect(file.draft.problems[0].contains("'Children'") && file.draft.problems[0].contains("children"))
        #expect(!file.draft.problems[0].contains("none"))
    }
}
