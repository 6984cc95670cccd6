/// A weekday on which the courts may have been closed, though no source read confirms it: the executive branch
/// closed, say, and a court's rule makes any day the court is closed a holiday. The calendar counts it as open
/// (that is what the sources show); a date whose computation it could change carries a `ClosureWarning`.
public struct UnconfirmedClosure: Sendable, Equatable {
    public let date: CivilDate
    /// Why a closure is suspected, in a few words: "the executive branch observed Christmas Day on this Friday".
    public let reason: String
    /// The source behind the suspicion, and its level.
    public let citation: Citation
    public let note: String?

    public init(date: CivilDate, reason: String, citation: Citation, note: String?) {
        self.date = date
        self.reason = reason
        self.citation = citation
        self.note = note
    }

    public static func == (lhs: UnconfirmedClosure, rhs: UnconfirmedClosure) -> Bool {
        lhs.date == rhs.date && lhs.reason == rhs.reason && lhs.citation.text == rhs.citation.text
            && lhs.citation.status == rhs.citation.status && lhs.note == rhs.note
    }
}

/// The date a computation gives if the courts were closed on one unconfirmed closure day, where that differs.
public struct ClosureWarning: Sendable, Equatable {
    public let closure: UnconfirmedClosure
    public let date: CivilDate
    /// For periods in hours: the time on `date` the period ends.
    public let time: TimeOfDay?
}

extension DateCalculator {
    /// Counts the period again with each unconfirmed closure between the trigger and the date found treated as
    /// closed, one at a time, and keeps those that change the date. A count looks only at the days from the
    /// trigger to the date it ends on (forward or backward; a roll stops at the first court day), so a closure
    /// outside that span cannot change it and is not counted again: a calendar without closures costs nothing.
    static func closureWarnings(
        _ request: PeriodRequest, version: TimeRuleVersion, calendar: CourtCalendar,
        end: (date: CivilDate, time: TimeOfDay?)
    ) -> [ClosureWarning] {
        guard !calendar.unconfirmedClosures.isEmpty else { return [] }
        let span = min(request.trigger, end.date)...max(request.trigger, end.date)
        return calendar.unconfirmedClosures.filter { span.contains($0.date) }.compactMap { closure in
            var count = Counting(
                request: request, version: version, days: CourtDays(calendar, assumingClosed: closure),
                tracing: false)
            // A count that runs off the calendar only when the day is closed has no other date to show.
            guard let other = try? count.run(), other.date != end.date || other.time != end.time else { return nil }
            return ClosureWarning(closure: closure, date: other.date, time: other.time)
        }
    }
}

extension DeadlineResult {
    /// The closure warnings of the date given as due: the chosen case's, or the alternative's whose date it is
    /// (the earliest, when facts not given leave the case open).
    public func closureWarnings(due: CivilDate) -> [ClosureWarning] {
        if computed.date == due { return computed.closureWarnings }
        return alternatives.first { $0.computed?.date == due }?.computed?.closureWarnings ?? []
    }
}

extension TimelineEntry {
    /// What kind of date the entry's closure warnings are about.
    public var closureKind: DeadlineRule.Kind { kind == .waitingPeriod ? .waitingPeriod : .deadline }
}
