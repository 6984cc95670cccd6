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

    /// The ad-hoc periods asked about: up to the longest the engine counts.
    public static let days = 1...Period.longestDays
    public static let hours = 1...Period.longestHours

    public init(jurisdiction: String, from: CivilDate) {
        self.jurisdiction = jurisdiction
        self.from = from
    }

    /// A time of the trigger as typed, HH:MM.
    public static func time(_ text: String) throws(RequestError) -> TimeOfDay {
        guard let time = TimeOfDay(text) else { throw .invalid(.at, .notATime(text)) }
        return time
    }

    /// A method of service as typed.
    public static func service(_ text: String) throws(RequestError) -> ServiceMethod {
        guard let method = ServiceMethod(rawValue: text) else {
            throw .invalid(.service, .notOneOf(ServiceMethod.allCases.map(\.rawValue), given: text))
        }
        return method
    }

    /// Problems with the combination of choices, before any pack is read.
    public func validate() throws(RequestError) {
        let chosen = [rule != nil, days != nil, hours != nil].filter { $0 }.count
        guard chosen == 1 else { throw .chooseOne([.rule, .days, .hours]) }
        if let days, !Self.days.contains(days) { throw .invalid(.days, .outOfRange(Self.days, given: String(days))) }
        if let hours, !Self.hours.contains(hours) {
            throw .invalid(.hours, .outOfRange(Self.hours, given: String(hours)))
        }
        if hours != nil && at == nil { throw .invalid(.hours, .needs(.at)) }
        if courtDays && days == nil { throw .invalid(.courtDays, .needs(.days)) }
        if rule != nil && before { throw .invalid(.before, .notWithRule) }
        if rule != nil && timeRule != nil { throw .invalid(.timeRule, .notWithRule) }
    }

    /// Computes the deadline with its trace, or says what is wrong with the request.
    public func compute(in packs: PackSet) throws(RequestError) -> DeadlineItem {
        try validate()
        do {
            _ = try packs.resolveJurisdiction(jurisdiction)
        } catch {
            throw .unknown(error)
        }
        do {
            if let ruleID = rule {
                guard let deadline = packs.deadline(ruleID, in: jurisdiction) else {
                    let known = packs.deadlines(in: jurisdiction).map(\.id)
                    throw RequestError.unknown(
                        QueryError(.deadline, ruleID, candidates: known, context: "in \(jurisdiction)"))
                }
                let values = try FactArguments.parse(pairs: facts, packs: packs)
                let from = self.from
                // The date given is the trigger's. An event that only dates the rule (the filing a notice rule
                // applies to) is not known: the output states the rule's period instead.
                let triggers = Set([deadline.trigger] + deadline.variants.compactMap(\.trigger))
                let dates: (String) -> CivilDate? = { event in
                    event == deadline.datedBy && !triggers.contains(event) ? nil : from
                }
                guard
                    let result = try packs.computeDeadline(
                        deadline, triggerDate: dates, time: at, facts: values,
                        service: service)
                else {
                    throw RequestError.notComputable(.needsMoreThanATrigger(rule: ruleID))
                }
                return DeadlineItem(named: result, packs: packs)
            }
            let period: Period = hours.map { .hours($0) } ?? (courtDays ? .courtDays(days!) : .days(days!))
            if let timeRule, packs.timeRule(timeRule, in: jurisdiction) == nil {
                let known = packs.timeRules.filter { $0.jurisdiction == jurisdiction }.map(\.id)
                throw RequestError.unknown(
                    QueryError(
                        .timeRule, timeRule, candidates: known,
                        context: "in \(jurisdiction)"))
            }
            let request = PeriodRequest(
                trigger: from, time: at, period: period, direction: before ? .before : .after,
                service: service)
            return DeadlineItem(
                adHoc: try packs.computePeriod(request, in: jurisdiction, timeRule: timeRule),
                request: request, jurisdiction: jurisdiction)
        } catch let error as RequestError {
            throw error
        } catch TimelineError.hoursNeedATime {
            // A named deadline counted in hours: the time of the trigger was not given.
            throw .missing(.at)
        } catch let error as TimelineError {
            throw .notComputable(.timeline(error))
        } catch {
            // Not reached: the block throws only the two kinds above.
            throw .notComputable(.needsMoreThanATrigger(rule: rule ?? "the period"))
        }
    }
}
