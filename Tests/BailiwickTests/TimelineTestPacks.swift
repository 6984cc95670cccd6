import Bailiwick
import BailiwickLoading

/// A small jurisdiction `tt` with a calendar that uses every kind of holiday rule, and time
/// rules modelled on FRCP 6 (with its 2009 and 2016 versions) and on a short-period state rule.
enum TimelineTestPacks {
    static let calendar = """
        calendar:
          name: Test holidays
          citation: Test Code 1
          source: primary
          observed: {saturday: previous-friday, sunday: next-monday}
          holidays:
            - {id: new-years-day, name: New Year's Day, date: {month: 1, day: 1}, citation: c, source: primary}
            - {id: mlk-day, name: MLK Day, date: {month: 1, weekday: monday, nth: 3}, citation: c, source: primary}
            - {id: memorial-day, name: Memorial Day, date: {month: 5, weekday: monday, nth: last}, citation: c, \
        source: primary}
            - {id: juneteenth, name: Juneteenth, date: {month: 6, day: 19}, from-year: 2021, until-year: 2024, \
        citation: c, source: primary}
            - id: juneteenth-monday
              name: Juneteenth (Monday)
              date: {month: 6, day: 19}
              observed: {tuesday: previous-monday, wednesday: previous-monday, thursday: previous-monday,
                         friday: previous-monday, saturday: next-monday, sunday: next-monday}
              from-year: 2025
              citation: c
              source: primary
            - {id: independence-day, name: Independence Day, date: {month: 7, day: 4}, citation: c, source: primary}
            - {id: thanksgiving-day, name: Thanksgiving Day, date: {month: 11, weekday: thursday, nth: 4}, citation: \
        c, source: primary}
            - {id: day-after-thanksgiving, name: Day after Thanksgiving, date: {holiday: thanksgiving-day, offset: 1}, \
        citation: c, source: primary}
            - {id: easter-sunday, name: Easter Sunday, date: {easter: 0}, observed: none, citation: c, source: primary}
            - {id: good-friday, name: Good Friday, date: {easter: -2}, citation: c, source: unverified, note: test only}
            - {id: christmas-day, name: Christmas Day, date: {month: 12, day: 25}, observed: {sunday: next-monday}, \
        citation: c, source: primary}
        time-rules:
          - id: federal-style
            name: Federal-style counting
            default: true
            versions:
              - {until: 2009-11-30, short-period-under: 11, service-days: {mail: 3, electronic: 3}, citation: 'R. 6 \
        (old)', source: primary}
              - {from: 2009-12-01, until: 2016-11-30, service-days: {mail: 3, electronic: 3}, citation: 'R. 6 (2009)', \
        source: primary, service-citation: 'R. 6(d) (2009)'}
              - {from: 2016-12-01, service-days: {mail: 3}, citation: 'R. 6 (2016)', source: primary, \
        service-citation: 'R. 6(d)'}
          - id: state-style
            name: State-style counting
            versions:
              - {short-period-under: 7, service-days: {mail: 3}, service-days-added: to-period, citation: 'CR 6', \
        source: primary, service-citation: 'CR 6(e)'}
          - id: notice-style
            name: Notices, no roll
            versions:
              - {roll: false, citation: 'Stat. 90', source: secondary}
        deadlines:
          - id: answer
            name: Answer to a complaint
            trigger: served
            period: {days: 21}
            citation: 'R. 12(a)'
            source: primary
            variants:
              - {when: abroad, period: {days: 60}, citation: 'R. 12(a)(abroad)', source: primary}
              - {when: waived, trigger: waiver-sent, period: {days: 60}, citation: 'R. 12(a)(waiver)', source: primary}
          - {id: decree-wait, name: Waiting period, kind: waiting-period, trigger: filed, period: {days: 90}, \
        citation: 'Stat. 9', source: primary}
          - {id: reply, name: Reply to a motion, trigger: served, period: {days: 14}, service-extension: true, \
        citation: 'R. 7', source: primary}
        """

    static func load() throws -> PackSet {
        let shared = """
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
        let jurisdiction = "jurisdiction: {id: tt, name: Testland, country: us, reviewed: 2026-01-01}\n"
        return try PackSetLoader.load([
            PackFile(displayPath: "Rules/shared.yaml", packPath: "Rules/shared.yaml", text: shared),
            PackFile(
                displayPath: "Jurisdictions/tt/jurisdiction.yaml", packPath: "Jurisdictions/tt/jurisdiction.yaml",
                text: jurisdiction),
            PackFile(
                displayPath: "Jurisdictions/tt/timelines.yaml", packPath: "Jurisdictions/tt/timelines.yaml",
                text: calendar),
        ])
    }
}

extension PackSet {
    /// Counts `period` from `trigger` in jurisdiction `tt` (or another) with a named time rule.
    func count(
        _ period: Period, from trigger: String, _ direction: Direction = .after, kind: DeadlineRule.Kind = .deadline,
        service: ServiceMethod? = nil, at time: String? = nil, rule: String? = nil, in jurisdiction: String = "tt"
    ) throws -> ComputedDate {
        try computePeriod(
            PeriodRequest(
                trigger: CivilDate(trigger)!, time: time.flatMap(TimeOfDay.init), period: period,
                direction: direction, kind: kind, service: service),
            in: jurisdiction, timeRule: rule)
    }
}
