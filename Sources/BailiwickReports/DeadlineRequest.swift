import Bailiwick

/// A deadline question: a named deadline of a pack, or an ad-hoc period counted by the
/// jurisdiction's time rule. Shared by `bailiwick deadlines` and the web app.
public struct DeadlineRequest: Sendable {
    public var jurisdiction: String
    public var from: CivilDate
    public var rule: String?
    public var days: Int?
    public var courtDays = false
    public var hours: Int?
    public var at: TimeOfDay?
    public var before = false
    public var service: ServiceMethod?
    public var timeRule: String?
    public var facts: [(id: String, value: String)] = []

    public init(jurisdiction: String, from: CivilDate) {
        self.jurisdiction = jurisdiction
        self.from = from
    }

    /// Problems with the combination of choices, before any pack is read. The messages name the
    /// command line's options; the web app's fields carry the same names.
    public func validate() throws(InputError) {
        let chosen = [rule != nil, days != nil, hours != nil].filter { $0 }.count
        guard chosen == 1 else { throw InputError("give exactly one of --rule, --days or --hours") }
        if let days, !(1...Period.longestDays).contains(days) {
            throw InputError("--days must be from 1 to \(Period.longestDays)")
        }
        if let hours, !(1...Period.longestHours).contains(hours) {
            throw InputError("--hours must be from 1 to \(Period.longestHours)")
        }
        if courtDays && days == nil { throw InputError("--court-days goes with --days") }
        if rule != nil && (before || timeRule != nil) {
            throw InputError("--before and --time-rule are for ad-hoc periods; a named rule sets its own")
        }
    }

    /// Computes the deadline with its trace, or says what is wrong with the request.
    public func compute(in packs: PackSet) throws(InputError) -> DeadlineItem {
        try validate()
        guard packs.jurisdiction(jurisdiction) != nil else {
            throw InputError(QueryError(.jurisdiction, jurisdiction, candidates: packs.jurisdictions.map(\.id)).description)
        }
        do {
            if let ruleID = rule {
                guard let deadline = packs.deadline(ruleID, in: jurisdiction) else {
                    throw InputError(QueryError(.deadline, ruleID, candidates: packs.deadlines(in: jurisdiction).map(\.id),
                                                context: "in \(jurisdiction)").description)
                }
                let values = try FactArguments.parse(pairs: facts, packs: packs)
                let from = self.from
                guard let result = try packs.computeDeadline(deadline, triggerDate: { _ in from }, time: at, facts: values,
                                                             service: service) else {
                    throw InputError("\(ruleID) cannot be computed from a trigger date alone")
                }
                return DeadlineItem(named: result, packs: packs)
            }
            let period: Period = hours.map { .hours($0) } ?? (courtDays ? .courtDays(days!) : .days(days!))
            if let timeRule, packs.timeRule(timeRule, in: jurisdiction) == nil {
                throw InputError(QueryError(.timeRule, timeRule, candidates: packs.timeRules.filter { $0.jurisdiction == jurisdiction }.map(\.id),
                                            context: "in \(jurisdiction)").description)
            }
            let request = PeriodRequest(trigger: from, time: at, period: period, direction: before ? .before : .after,
                                        service: service)
            return DeadlineItem(adHoc: try packs.computePeriod(request, in: jurisdiction, timeRule: timeRule),
                                request: request, jurisdiction: jurisdiction)
        } catch let error as InputError {
            throw error
        } catch let error as TimelineError {
            throw InputError(error.description)
        } catch {
            throw InputError("\(error)")
        }
    }
}
