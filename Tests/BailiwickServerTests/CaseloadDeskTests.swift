import Bailiwick
import BailiwickServer
import Foundation
import Hummingbird
import Testing

/// `serve --caseload`: the supervisor's desk over Examples/caseload, audited as of Friday 2026-05-01 (the
/// date its files' comments work their dates out for). A week on the desk is seven days from that date:
/// this week is Friday 05-01 to Thursday 05-07, next week Friday 05-08 to Thursday 05-14.
///
/// Worked out by hand from the files (and their comments, which cite the rules):
/// - OR-2026-0214 (Renata Kowal, supervised by Dana Whitcomb): the contesting tenant's answer is due on the
///   first appearance day, set for Thursday 2026-05-07 (ORS 105.137(8)(a)): this week.
/// - CO-2026-0207 (Avery Lindgren): served Monday 2026-02-02 + 91 days (C.R.S. 14-10-106(1)(a)(III)) =
///   Monday 2026-05-04, the first day the decree may enter: this week, as "Not before".
/// - MN-2026-0233 (Mara Lindqvist, supervised by Joel Haugen): served Thursday 2026-04-09 + 30 days (Minn.
///   Stat. 518.12) = Saturday 05-09, carried by Rule 6.01 to Monday 2026-05-11: next week.
/// - ON-2026-0102 (Anjali Desrosiers): claim served Monday 2026-04-20 + 20 days (r. 9.01) = Sunday 05-10, so
///   Monday 2026-05-11 (r. 1.02); Form 9A is due by the same date: next week.
/// - WA-2026-0189 (Hannah Moreau): a decree may be entered once 90 days have elapsed (RCW 26.09.030), from
///   day 91: from the petition's filing, 2026-02-09 + 91 = Monday 2026-05-11, next week; from service,
///   2026-02-13 + 91 = Friday 2026-05-15, after next week.
@Suite struct CaseloadDeskTests {
    static let ids = [
        "AZ-2026-0388", "CO-2026-0207", "MN-2026-0098", "MN-2026-0233", "ON-2026-0102", "OR-2026-0187",
        "OR-2026-0214", "US-2026-0019", "US-2026-0044", "US-2026-0322", "UT-2026-0301", "WA-2023-0412",
        "WA-2026-0166", "WA-2026-0189", "WA-2026-0231",
    ]

    /// The part of a page from `start` to the next `end`, or "" when it has none.
    static func part(_ page: String, from start: String, to end: String) -> String {
        guard let head = page.range(of: start) else { return "" }
        guard let tail = page.range(of: end, range: head.upperBound..<page.endIndex) else { return "" }
        return String(page[head.lowerBound..<tail.upperBound])
    }

    /// A table's group of rows under the heading that names `heading`.
    /// A dated cell of the due tables: the weekday, and the date kept on one line (Pages' TableDates).
    static func day(_ weekday: String, _ date: String) -> String {
        "<td>\(weekday) <span class=\"nowrap\">\(date)</span></td>"
    }

    static func group(_ page: String, table: String, heading: String) -> String {
        let rows = part(page, from: "<table id=\"\(table)\"", to: "</table>")
        return rows.components(separatedBy: "<tbody").first { $0.contains("scope=\"rowgroup\">\(heading)</th>") } ?? ""
    }

    /// The matters listed in the matters table, in order.
    static func listed(_ page: String) -> [String] {
        let table = part(page, from: "<table id=\"matters\"", to: "</table>")
        return table.components(separatedBy: "<a href=\"/caseload/matter/").dropFirst().map {
            String($0.prefix { $0 != "\"" && $0 != "?" })
        }
    }

    /// A person's id, as the page's person filter offers it.
    static func personID(_ page: String, _ name: String) -> String? {
        page.components(separatedBy: "<option value=\"").dropFirst().first {
            $0.hasPrefix("p") && $0.contains(">\(name)<")
        }
        .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func thePageListsEveryMatterOnceWithoutGrouping() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let answer = try await fixture.request("/caseload?group=none")
        #expect(answer.status == .ok)
        #expect(Self.listed(answer.body).sorted() == Self.ids)
        #expect(answer.body.contains("Audited as of <strong>Friday 2026-05-01</strong>"))
        // Worst first: OR-2026-0187 has errors (a missed deadline, a missing form); AZ-2026-0388 has none.
        let order = Self.listed(answer.body)
        #expect(order.firstIndex(of: "OR-2026-0187")! < order.firstIndex(of: "AZ-2026-0388")!)
    }

    @Test func aBrokenFileIsARowWithItsPlaceAndHidesNoOtherMatter() async throws {
        let fixture = try CaseloadFixture(broken: true)
        defer { fixture.remove() }
        await fixture.desk.refresh()
        for uri in ["/caseload", "/caseload?jurisdiction=us-or"] {
            let page = try await fixture.request(uri).body
            let broken = Self.part(page, from: "<tbody class=\"broken\">", to: "</tbody>")
            #expect(broken.contains("<code>broken-matter.yaml</code>"), "\(uri)")
            #expect(broken.contains("<code>broken-matter.yaml:3:15</code>"), "\(uri)")
            #expect(!page.contains("Secret Client"), "\(uri)")
        }
        let all = try await fixture.request("/caseload?group=none").body
        #expect(Self.listed(all).sorted() == Self.ids)
        #expect(all.contains("15 matters, 1 file that could not be read"))
    }

    @Test func filtersNarrowTheListByJurisdictionTypePersonLawyerAndSeverity() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let page = try await fixture.request("/caseload").body
        let renata = try #require(Self.personID(page, "Renata Kowal"))
        let haugen = try #require(Self.personID(page, "Joel Haugen"))
        let cases: [(String, [String])] = [
            ("jurisdiction=us-or", ["OR-2026-0187", "OR-2026-0214"]),
            ("type=dissolution&jurisdiction=us-mn", ["MN-2026-0233"]),
            ("person=\(renata)", ["OR-2026-0187", "OR-2026-0214"]),
            ("lawyer=\(haugen)&group=lawyer", ["MN-2026-0098", "MN-2026-0233"]),
            ("severity=none&group=none", []),
        ]
        for (query, expected) in cases {
            let answer = try await fixture.request("/caseload?" + query)
            #expect(answer.status == .ok, "\(query)")
            #expect(Set(Self.listed(answer.body)) == Set(expected), "\(query)")
        }
        let errors = Self.listed(try await fixture.request("/caseload?severity=error&group=none").body)
        #expect(errors.contains("OR-2026-0187"))
        #expect(!errors.contains("AZ-2026-0388"))
    }

    @Test func aMalformedFilterIsABadRequest() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        for query in ["severity=fatal", "group=team", "redact=perhaps"] {
            let answer = try await fixture.request("/caseload?" + query)
            #expect(answer.status == .badRequest, "\(query)")
            #expect(answer.body.contains("role=\"alert\""), "\(query)")
        }
    }

    @Test func dueThisWeekAndNextAreListedByPerson() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let page = try await fixture.request("/caseload").body
        #expect(page.contains("Due this week: Friday 2026-05-01 to Thursday 2026-05-07"))
        #expect(page.contains("Due next week: Friday 2026-05-08 to Thursday 2026-05-14"))
        let renata = Self.group(page, table: "due-this-week", heading: "Renata Kowal")
        #expect(renata.contains(Self.day("Thursday", "2026-05-07") + "<td><a href=\"/caseload/matter/OR-2026-0214\">"))
        let avery = Self.group(page, table: "due-this-week", heading: "Avery Lindgren")
        #expect(avery.contains(Self.day("Monday", "2026-05-04") + "<td><a href=\"/caseload/matter/CO-2026-0207\">"))
        #expect(avery.contains("Not before: "))
        let mara = Self.group(page, table: "due-next-week", heading: "Mara Lindqvist")
        #expect(mara.contains(Self.day("Monday", "2026-05-11") + "<td><a href=\"/caseload/matter/MN-2026-0233\">"))
        let anjali = Self.group(page, table: "due-next-week", heading: "Anjali Desrosiers")
        #expect(anjali.contains(Self.day("Monday", "2026-05-11") + "<td><a href=\"/caseload/matter/ON-2026-0102\">"))
        #expect(anjali.contains("Form due: Form 9A"))
        let hannah = Self.group(page, table: "due-next-week", heading: "Hannah Moreau")
        #expect(hannah.contains(Self.day("Monday", "2026-05-11")))
        #expect(!hannah.contains("2026-05-15"))
        // By supervising lawyer, Renata Kowal's matter is under Dana Whitcomb.
        let lawyers = try await fixture.request("/caseload?group=lawyer").body
        #expect(Self.group(lawyers, table: "due-this-week", heading: "Dana Whitcomb").contains("OR-2026-0214"))
        #expect(Self.group(page, table: "due-this-week", heading: "Mara Lindqvist").isEmpty)
    }

    @Test func theCaseloadDateOverridesTheFilesOwnAsOf() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        // The file says as-of 2023-11-30.
        let answer = try await fixture.request("/caseload/matter/WA-2023-0412")
        #expect(answer.status == .ok)
        #expect(answer.body.contains("audited as of 2026-05-01"))
        #expect(!answer.body.contains("audited as of 2023-11-30"))
        #expect(answer.body.contains("<section class=\"matter\" id=\"m-WA-2023-0412\">"))
        let unknown = try await fixture.request("/caseload/matter/XX-0000")
        #expect(unknown.status == .notFound)
        #expect(unknown.body.contains("No matter of the caseload has this id."))
    }

    @Test func aChangedFolderIsReadAgainOnRefresh() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let name = "or-2026-0214-okafor-fed.yaml"
        // The first appearance moved to Tuesday 2026-05-12: the answer, due that day, moves to next week.
        let moved = try fixture.text(name).replacingOccurrences(
            of: "{event: eviction-hearing-date, date: 2026-05-07}",
            with: "{event: eviction-hearing-date, date: 2026-05-12}")
        try fixture.write(name, moved)
        try fixture.write("broken-matter.yaml", CaseloadFixture.broken)
        try FileManager.default.removeItem(
            at: fixture.folder.appendingPathComponent("az-2026-0388-yazzie-debt-answer.yaml"))
        // Not checked yet: the desk checks at most once a day in this fixture.
        let before = try await fixture.request("/caseload").body
        #expect(Self.group(before, table: "due-this-week", heading: "Renata Kowal").contains("OR-2026-0214"))
        await fixture.desk.refresh()
        let after = try await fixture.request("/caseload").body
        #expect(Self.group(after, table: "due-this-week", heading: "Renata Kowal").isEmpty)
        let renata = Self.group(after, table: "due-next-week", heading: "Renata Kowal")
        #expect(renata.contains(Self.day("Tuesday", "2026-05-12") + "<td><a href=\"/caseload/matter/OR-2026-0214\">"))
        #expect(after.contains("<code>broken-matter.yaml</code>"))
        #expect(!Self.listed(after).contains("AZ-2026-0388"))
    }

    @Test func redactedTheDeskShowsNoNameOrTitle() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let plain = try await fixture.request("/caseload").body
        #expect(plain.contains("Renata Kowal"))
        #expect(plain.contains("Alder Court Properties v. Okafor"))
        let redacted = try await fixture.request("/caseload?redact=yes").body
        for name in ["Renata Kowal", "Dana Whitcomb", "Alder Court Properties", "Okafor"] {
            #expect(!redacted.contains(name), "\(name)")
        }
        #expect(redacted.contains("/caseload/matter/OR-2026-0214?redact=yes"))
        let matter = try await fixture.request("/caseload/matter/OR-2026-0214?redact=yes").body
        #expect(!matter.contains("Renata Kowal"))
        #expect(!matter.contains("Chidi Okafor"))
        // Clients' names are never on the desk, redacted or not.
        #expect(!plain.contains("Chidi Okafor"))
    }

    @Test func withATokenThePagesNeedItAndAFeedTokenOpensOnlyTheFeeds() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        await fixture.desk.refresh()
        let token = "test-token-0123456789"
        let configuration = ServerConfiguration(token: token)
        let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
        #expect(try await fixture.request("/caseload", configuration: configuration).status == .unauthorized)
        let page = try await fixture.request("/caseload", headers: bearer, configuration: configuration)
        #expect(page.status == .ok)
        let link = try #require(
            page.body.components(separatedBy: "<a href=\"/caseload/calendar.ics?feed-token=").dropFirst().first)
        let feedToken = String(link.prefix { $0 != "\"" })
        #expect(feedToken.count == 32)
        #expect(!page.body.contains(token))
        let feed = try await fixture.request(
            "/caseload/calendar.ics?feed-token=\(feedToken)", configuration: configuration)
        #expect(feed.status == .ok)
        #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
        let renata = try #require(Self.personID(page.body, "Renata Kowal"))
        let person = try await fixture.request(
            "/caseload/people/\(renata)/calendar.ics?feed-token=\(feedToken)", configuration: configuration)
        #expect(person.status == .ok)
        for uri in [
            "/caseload/calendar.ics?feed-token=0123456789abcdef0123456789abcdef",
            "/caseload?feed-token=\(feedToken)", "/caseload/matter/OR-2026-0214?feed-token=\(feedToken)",
            "/v1/packs?feed-token=\(feedToken)",
        ] {
            #expect(try await fixture.request(uri, configuration: configuration).status == .unauthorized, "\(uri)")
        }
    }

    @Test func anUnknownPersonHasNoFeed() async throws {
        let fixture = try CaseloadFixture()
        defer { fixture.remove() }
        let answer = try await fixture.request("/caseload/people/p000000000000/calendar.ics")
        #expect(answer.status == .notFound)
    }

    @Test func withoutACaseloadThereIsNoDesk() async throws {
        #expect(try await Server.request("/caseload").status == .notFound)
        #expect(try await Server.request("/caseload/calendar.ics").status == .notFound)
    }
}
