/// A deadline's date set by the court or agreed by the parties, as the matter file records it
/// (`deadlines:`). It wins over the date the rule gives: the order or stipulation is what binds.
public struct OrderedDeadline: Sendable {
    public enum By: String, Sendable, CaseIterable {
        /// Set by an order of the court (a scheduling order, a continuance).
        case order
        /// Agreed by the parties (where the rules let them extend time by stipulation).
        case stipulation
    }

    /// The id of a deadline rule of the matter type.
    public let rule: String
    public let due: CivilDate
    public let by: By
    /// The date of the order or stipulation, if the file gives it.
    public let on: CivilDate?
    /// Free text: client data, never in errors or logs, and not shown in reports.
    public let note: String?
    public let location: SourceLocation

    /// A date set more than this many days from the rule's own date is flagged
    /// (DEADLINE-ORDERED-DATE-UNUSUAL): continuances and stipulated extensions of a few weeks are
    /// ordinary, but a quarter of a year or more is more often a wrong year or month than an order.
    public static let farFromComputed = 90

    public init(rule: String, due: CivilDate, by: By, on: CivilDate?, note: String?, location: SourceLocation) {
        self.rule = rule
        self.due = due
        self.by = by
        self.on = on
        self.note = note
        self.location = location
    }
}

/// What a finding says about a date that an order or stipulation set: how it was set, and the
/// date the rule alone gives (nil when the rule gives none: its trigger is not recorded, say).
public struct DateSetBy: Sendable, Hashable {
    public let by: OrderedDeadline.By
    public let on: CivilDate?
    public let computed: CivilDate?

    public init(by: OrderedDeadline.By, on: CivilDate?, computed: CivilDate?) {
        self.by = by
        self.on = on
        self.computed = computed
    }
}
