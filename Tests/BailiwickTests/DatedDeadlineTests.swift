import Bailiwick
import BailiwickLoading
import Testing

/// Deadlines and variants with `from`/`until`: a rule applies only where the date of the event that dates it (its
/// trigger, or the event `dated-by` names) is in its period.
struct DatedDeadlineTests {
    /// Jurisdiction `tt` (calendar and time rules of the timeline tests) with dated deadlines and a matter type.
    static let dated = """
        deadlines:
          # A notice rule enacted for cases filed from 2024-01-01, whatever the notice's own date.
          - {id: notice-wait, name: Notice wait, kind: waiting-period, trigger: served, period: {days: 14}, \
        from: 2024-01-01, dated-by: filed, citation: 'Stat. 14', source: primary}
          # A rule in force for triggers in 2020 through 2023 only, with a variant in force from 2022 only.
          - id: old-answer
            name: Old answer
            trigger: served
            period: {days: 20}
            from: 2020-01-01
            until: 2023-12-31
            citation: 'R. 20'
            source: primary
            variants:
              - {when: abroad, period: {days: 40}, from: 2022-01-01, citation: 'R. 20(b)', source: primary}
        matter-types:
          - id: eviction
            name: Eviction
            area: family
            citation: Stat. 1
            source: primary
            deadlines:
              - {rule: notice-wait, guards: filed}
              - {rule: old-answer}
        """

    let packs: PackSet

    init() throws {
        packs = try PackSetLoader.load([
            PackFile(displayPath: "Rules/shared.yaml", packPath: "Rules/shared.yaml", text: Self.shared),
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"),
            PackFile(
                displayPath: "Jurisdictions/tt/timelines.yaml", packPath: "Jurisdictions/tt/timelines.yaml",
                text: TimelineTestPacks.calendar),
            PackFile(
                displayPath: "Jurisdictions/tt/dated.yaml", packPath: "Jurisdictions/tt/dated.yaml", text: Self.dated),
        ])
    }

    static let shared = """
        actions:
          - {id: advise, title: Advise, description: Advise.}
        areas:
          - {id: family, title: Family, description: Family law.}
        facts:
          - {id: abroad, type: boolean, description: Served abroad.}
          - {id: waived, type: boolean, description: Service waived.}
        events:
          - {id: served, name: Service, description: The paper was served.}
          - {id: waiver-sent, name: Waiver sent, description: A waiver request was sent.}
          - {id: filed, name: Filing, description: The petition was filed.}
        """

    func result(_ rule: String, dates: [String: String], abroad: Bool = false) throws -> DeadlineResult? {
        var values = FactValues(slotCount: packs.factSlotCount)
        values[packs.fact("abroad")!.slot] = .boolean(abroad)
        let deadline = try #require(packs.deadline(rule, in: "tt"))
        return try packs.computeDeadline(
            deadline, triggerDate: { dates[$0].flatMap(CivilDate.init) }, time: nil, facts: values, service: nil)
    }

    @Test func aRuleAppliesOnlyToTriggersInItsPeriodBothDaysIncluded() throws {
        // 20 days after Wednesday 2020-01-01 is Tuesday 2020-01-21 (no roll needed).
        #expect(try result("old-answer", dates: ["served": "2020-01-01"])?.computed.date.description == "2020-01-21")
        // The last day in force, Sunday 2023-12-31: + 20 = Saturday 2024-01-20, rolled to Monday 2024-01-22.
        #expect(try result("old-answer", dates: ["served": "2023-12-31"])?.computed.date.description == "2024-01-22")
        let after = #expect(throws: TimelineError.self) { try result("old-answer", dates: ["served": "2024-01-01"]) }
        #expect(
            after
                == .notInForce(
                    rule: "old-answer", event: "served", date: CivilDate("2024-01-01")!,
                    inForce: EffectivePeriod(from: CivilDate("2020-01-01"), until: CivilDate("2023-12-31"))))
        #expect(throws: TimelineError.self) { try result("old-answer", dates: ["served": "2019-12-31"]) }
        #expect(
            after?.description
                == "deadline 'old-answer' was not in force on 2024-01-01, the date of served: it applies only where "
                + "that date is 2020-01-01 to 2023-12-31")
    }

    @Test func aVariantOutOfItsPeriodGivesWayToTheMainCase() throws {
        // Served abroad on Friday 2021-12-31, before the variant's 2022-01-01: the 20 days run, to Thursday
        // 2022-01-20. Served abroad on Monday 2022-01-03: the 40 days run, to Saturday 02-12, rolled to Monday 02-14.
        let before = try #require(try result("old-answer", dates: ["served": "2021-12-31"], abroad: true))
        #expect(before.variant == nil)
        #expect(before.computed.date.description == "2022-01-20")
        let inside = try #require(try result("old-answer", dates: ["served": "2022-01-03"], abroad: true))
        #expect(inside.citation.text == "R. 20(b)")
        #expect(inside.computed.date.description == "2022-02-14")
    }

    @Test func aRuleDatedByAnotherEventIsJudgedByThatEventsDate() throws {
        // Notice served 2023-12-20, case filed 2024-01-02: in force (the filing decides); 12-20 + 14 = 2024-01-03.
        let filedAfter = try result("notice-wait", dates: ["served": "2023-12-20", "filed": "2024-01-02"])
        #expect(filedAfter?.computed.date.description == "2024-01-03")
        // Filed 2023-12-29: not in force, even with no notice at all.
        #expect(throws: TimelineError.self) { try result("notice-wait", dates: ["filed": "2023-12-29"]) }
        // No filing recorded yet: the rule applies, and runs from the notice.
        #expect(try result("notice-wait", dates: ["served": "2023-12-20"])?.computed.date.description == "2024-01-03")
    }

    func audit(_ events: String) throws -> [String] {
        let text = """
            id: T-1
            jurisdiction: tt
            type: eviction
            as-of: 2024-02-20
            facts: {abroad: false}
            events:
            \(events)
            """
        let matter = try MatterLoader.load(text: text, file: "m.yaml", packs: packs)
        return packs.audit(matter, asOf: matter.asOf!, horizon: 14).findings.map(\.code.rawValue)
    }

    @Test func theAuditDoesNotTrackARuleNotInForceForTheMatter() throws {
        // Filed 2023-12-29 with no notice: the notice rule is not in force, so no DEADLINE-NOT-TRIGGERED; served
        // 2024-01-05 is after old-answer's period, so it is not tracked either.
        let none = try audit("  - {event: filed, date: 2023-12-29}\n  - {event: served, date: 2024-01-05}")
        #expect(!none.contains("DEADLINE-NOT-TRIGGERED"))
        #expect(!none.contains("WAITING-PERIOD-VIOLATED"))
        #expect(!none.contains { $0.hasPrefix("DEADLINE-") })
        // Filed 2024-01-02 on a notice of 2023-12-20: in force, and one day early (first allowed 2024-01-03).
        let early = try audit("  - {event: served, date: 2023-12-20}\n  - {event: filed, date: 2024-01-02}")
        #expect(early.contains("WAITING-PERIOD-VIOLATED"))
        // The same notice, old-answer in force (served in 2023): tracked, due 2024-01-09 (12-20 + 20).
        #expect(early.contains("DEADLINE-PASSED"))
    }
}
