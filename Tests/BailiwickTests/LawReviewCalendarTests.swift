import Bailiwick
import Testing

/// The calendar and deadline corrections of the independent law review, each at its boundary, with
/// every date worked out by hand from the rule text.
struct LawReviewCalendarTests {
    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    func observed(_ jurisdiction: String, _ year: Int) -> [String] {
        packs.calendar(for: jurisdiction)!.observedHolidays(inYear: year).map(\.observed.description)
    }

    func due(
        _ jurisdiction: String, _ rule: String, from date: String, facts: [String: FactValue] = [:],
        service: ServiceMethod? = nil
    ) throws -> String {
        var values = FactValues(slotCount: packs.factSlotCount)
        for (id, value) in facts { values[packs.fact(id)!.slot] = value }
        let deadline = try #require(packs.deadline(rule, in: jurisdiction))
        let result = try #require(
            try packs.computeDeadline(
                deadline, triggerDate: { _ in CivilDate(date) }, time: nil,
                facts: values, service: service))
        return result.computed.date.description
    }

    @Test func utahJuneteenthIsOnTheMondayFrom2022() {
        // HB 238 (2022): June 19 on a Tuesday to Friday is kept on the Monday before, on a weekend the Monday after.
        // 2022-06-19 is a Sunday → Monday 06-20; 2023-06-19 is a Monday → itself; 2024-06-19 is a Wednesday → Monday
        // 06-17.
        #expect(observed("us-ut", 2022).contains("2022-06-20"))
        #expect(observed("us-ut", 2023).contains("2023-06-19"))
        #expect(observed("us-ut", 2024).contains("2024-06-17"))
        #expect(!observed("us-ut", 2024).contains("2024-06-19"))
        #expect(!observed("us-ut", 2021).contains { $0.hasPrefix("2021-06") })
    }

    @Test func aUtahAnswerDueOnJune192024IsNoLongerADayLate() throws {
        // URCP 12(a): 21 days from Wednesday 2024-05-29: May 30-31 are days 1-2, June 1-19 days 3-21 → Wednesday
        // 2024-06-19, an ordinary court day now that the holiday was Monday 06-17 (it was shown as Thursday 06-20).
        let inState: [String: FactValue] = ["served-out-of-state": .boolean(false)]
        #expect(try due("us-ut", "answer-to-complaint", from: "2024-05-29", facts: inState) == "2024-06-19")
        // 21 days from Monday 2024-05-27 = Monday 2024-06-17, the holiday → Tuesday 2024-06-18.
        #expect(try due("us-ut", "answer-to-complaint", from: "2024-05-27", facts: inState) == "2024-06-18")
    }

    @Test func oregonAddsThreeDaysToANoticeServedByFirstClassMail() throws {
        let tenDay: [String: FactValue] = [
            "week-to-week-tenancy": .boolean(false), "thirteen-day-notice": .boolean(false),
        ]
        // ORS 90.394(2)(a), 90.160(1): 10 days from Monday 2025-06-09 = Thursday 2025-06-19 (no roll in ORS 90).
        #expect(
            try due("us-or", "nonpayment-notice", from: "2025-06-09", facts: tenDay, service: .personal) == "2025-06-19"
        )
        // ORS 90.155(2): mailed, the period is 10 + 3 = 13 days = Sunday 2025-06-22, not moved.
        #expect(
            try due("us-or", "nonpayment-notice", from: "2025-06-09", facts: tenDay, service: .mail) == "2025-06-22")
        // ORS 90.394(2)(b) mailed: 13 + 3 = 16 days from 2025-06-09 = Wednesday 2025-06-25.
        var thirteen = tenDay
        thirteen["thirteen-day-notice"] = .boolean(true)
        #expect(
            try due("us-or", "nonpayment-notice", from: "2025-06-09", facts: thirteen, service: .mail) == "2025-06-25")
    }

    @Test func washingtonAllowsFiveMoreDaysBeforeSuitOnAMailedEvictionNotice() throws {
        // RCW 59.12.030(3): 14 days from Friday 2026-06-05 = Friday 06-19, Juneteenth → Monday 2026-06-22.
        #expect(
            try due("us-wa", "eviction-pay-or-vacate-notice", from: "2026-06-05", service: .personal) == "2026-06-22")
        // RCW 59.12.040 (2025 c 44), mailed: 14 + 5 = 19 days = Wednesday 2026-06-24.
        #expect(try due("us-wa", "eviction-pay-or-vacate-notice", from: "2026-06-05", service: .mail) == "2026-06-24")
        // The day before the 2025 text is applied (mailed 2025-07-26): 14 days = Saturday 08-09 → Monday 2025-08-11.
        #expect(try due("us-wa", "eviction-pay-or-vacate-notice", from: "2025-07-26", service: .mail) == "2025-08-11")
        // From 2025-07-27: 19 days = Friday 2025-08-15.
        #expect(try due("us-wa", "eviction-pay-or-vacate-notice", from: "2025-07-27", service: .mail) == "2025-08-15")
    }

    @Test func federalDefendantsAndRule12MotionsHaveTheirOwnAnswerPeriods() throws {
        let federal: [String: FactValue] = [
            "united-states-party": .boolean(true), "waiver-of-service": .boolean(false),
            "federal-defendant-capacity": .string("official-capacity"),
        ]
        // FRCP 12(a)(2): 60 days after service on the U.S. attorney, Monday 2026-03-02: March 3-31 are days 1-29,
        // April 1-30 days 30-59, Friday 2026-05-01 day 60.
        #expect(try due("us", "answer-to-complaint", from: "2026-03-02", facts: federal) == "2026-05-01")
        // FRCP 12(a)(3): the same 60 days for an officer sued individually.
        var individual = federal
        individual["federal-defendant-capacity"] = .string("individual-capacity")
        #expect(try due("us", "answer-to-complaint", from: "2026-03-02", facts: individual) == "2026-05-01")
        // FRCP 12(a)(4)(A): 14 days after notice of the denial on Monday 2026-03-02 = Monday 2026-03-16.
        #expect(try due("us", "answer-after-rule-12-motion", from: "2026-03-02") == "2026-03-16")
        // A private defendant keeps the 21 days of 12(a)(1)(A)(i): Monday 2026-03-23.
        let privateParty: [String: FactValue] = [
            "united-states-party": .boolean(false), "waiver-of-service": .boolean(false),
        ]
        #expect(try due("us", "answer-to-complaint", from: "2026-03-02", facts: privateParty) == "2026-03-23")
    }

    @Test func theFederalNoticeOfAppealIsCountedUnderFRAP26() throws {
        let deadline = try #require(packs.deadline("notice-of-appeal", in: "us"))
        #expect(deadline.timeRule == "frap-26")
        // FRAP 4(a)(1)(A), 26(a): 30 days from Wednesday 2025-06-04 = Friday 07-04, Independence Day → Monday
        // 2025-07-07.
        #expect(
            try due(
                "us", "notice-of-appeal", from: "2025-06-04",
                facts: [
                    "timely-post-judgment-motion": .boolean(false),
                    "united-states-party": .boolean(false),
                ])
                == "2025-07-07")
    }

    @Test func correctedSourceLevelsAreThoseTheReviewFound() throws {
        // Rules whose "primary" rested on an FAQ or program page are now official summaries.
        for id in [
            "co-llp-advise-and-prepare-papers", "az-lp-advice", "or-lp-no-appeals", "ut-lpp-no-contingency-fee",
            "mn-lp-protection-order-hearings",
        ] {
            #expect(packs.rules.first { $0.id == id }?.citation.status == .officialSummary, "\(id)")
        }
        // Arizona's authority is Rule 31.3(e)(4) with ACJA 7-210, not the practice-of-law definition.
        let advice = try #require(packs.rules.first { $0.id == "az-lp-advice" })
        #expect(advice.citation.text.hasPrefix("Ariz. R. Sup. Ct. 31.3(e)(4)"))
        #expect(!packs.rules.contains { $0.citation.text.contains("31(a)(2)(A)") })
        // Rules the review found rule text for are primary, with a pinpoint.
        for (id, pin) in [
            ("wa-lllt-one-party-only", "Reg. 2(B)(3)(a)"), ("wa-lllt-negotiate-with-consent", "APR 28(F)(13)"),
            ("wa-lllt-attend-deposition", "Reg. 2(B)(2)(f)"),
        ] {
            let rule = try #require(packs.rules.first { $0.id == id })
            #expect(rule.citation.status == .primary && rule.citation.text.contains(pin), "\(id)")
        }
    }
}
