/// The words for a date that an unconfirmed court closure would change: the one place they are written, used by
/// every report, the pages and the calendar feed.
public enum ClosureWarningText {
    /// "If the courts were closed on Friday 2026-07-03 (unconfirmed: …), the last day is Monday 2026-07-06."
    public static func sentence(_ warning: ClosureWarning, kind: DeadlineRule.Kind) -> String {
        let closed = warning.closure.date
        let what = kind == .waitingPeriod ? "the earliest day is" : "the last day is"
        let at = warning.time.map { " at \($0)" } ?? ""
        return "If the courts were closed on \(closed.weekday) \(closed) (unconfirmed: \(warning.closure.reason)), "
            + "\(what) \(warning.date.weekday) \(warning.date)\(at)."
    }
}
