import Bailiwick
import BailiwickLoading
import BailiwickServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `serve --caseload`: the calendar feeds of the example caseload (Examples/caseload) as of Friday 2026-05-01,
/// read with the strict RFC 5545 reader of the calendar export's tests.
///
/// OR-2026-0214: the first appearance is set for Thursday 2026-05-07, and the contesting tenant's answer is due
/// that day (ORS 105.137(8)(a)). Of the default reminders, 7 days before (Thursday 04-30) is before the caseload
/// date and is left out; 1 day before (Wednesday 05-06) is kept.
struct CaseloadFeedTests {
    static let date = CivilDate(year: 2026, month: 5, day: 1)!
    static let desk = CaseloadDesk(
        folder: PackVerbTests.repository.appendingPathComponent("Examples/caseload").path,
        packs: FrontEndAgreementTests.packs, asOf: date)

    static func get(_ uri: String) async throws -> (status: Int, type: String?, body: String) {
        let app = Application(
            router: BailiwickServer.router(
                packs: FrontEndAgreementTests.packs, configuration: ServerConfiguration(), caseload: desk))
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                (Int(response.status.code), response.headers[.contentType], String(buffer: response.body))
            }
        }
    }

    static func summaries(_ calendar: StrictICalendar) -> [String] {
        calendar.events.compactMap { $0["SUMMARY"]?.first }
    }

    @Test func theCaseloadFeedIsTheAuditCalendarOfEveryMatter() async throws {
        let answer = try await Self.get("/caseload/calendar.ics")
        #expect(answer.status == 200)
        #expect(answer.type == "text/calendar; charset=utf-8")
        let calendar = try StrictICalendar(answer.body)
        let answerDue = try #require(
            calendar.events.first { $0["SUMMARY"]?.first?.hasPrefix("OR-2026-0214: Due: ") == true })
        #expect(answerDue["DTSTART;VALUE=DATE"] == ["20260507"])
        #expect(answerDue["DTSTAMP"] == ["20260501T000000Z"])
        #expect(answerDue["STATUS"] == ["CONFIRMED"])
        #expect(answerDue.alarms == ["-P1D"])
        #expect(answerDue.uid.hasPrefix("OR-2026-0214-deadline-"))
        // Every matter with a dated deadline, period or form is in it, and no name or title is.
        let matters = Set(Self.summaries(calendar).map { String($0.prefix { $0 != ":" }) })
        #expect(matters.isSuperset(of: ["OR-2026-0214", "MN-2026-0233", "ON-2026-0102", "WA-2026-0189"]))
        for name in ["Renata Kowal", "Chidi Okafor", "Alder Court Properties"] { #expect(!answer.body.contains(name)) }
    }

    @Test func aPersonsFeedHoldsTheirMattersOnly() async throws {
        let page = try await Self.get("/caseload").body
        let option = try #require(
            page.components(separatedBy: "<option value=\"").first { $0.contains(">Renata Kowal<") })
        let id = String(option.prefix { $0 != "\"" })
        let answer = try await Self.get("/caseload/people/\(id)/calendar.ics")
        #expect(answer.status == 200)
        let calendar = try StrictICalendar(answer.body)
        let matters = Set(Self.summaries(calendar).map { String($0.prefix { $0 != ":" }) })
        // Renata Kowal works on the two Oregon matters.
        #expect(matters == ["OR-2026-0187", "OR-2026-0214"])
        let whole = try StrictICalendar(try await Self.get("/caseload/calendar.ics").body)
        let theirs = whole.events.filter { matters.contains(String(($0["SUMMARY"]?.first ?? "").prefix { $0 != ":" })) }
        #expect(Set(calendar.events.map(\.uid)) == Set(theirs.map(\.uid)))
    }
}
