import Bailiwick

/// The period a named deadline is in force, in words, for `list deadlines` and `deadlines`.
public enum DeadlineInForceText {
    /// "in force for triggers dated from 2024-01-01", "in force where eviction-filed is dated from 2024-01-01", or nil
    /// when the rule is always in force.
    public static func phrase(_ rule: DeadlineRule) -> String? {
        guard rule.inForce != EffectivePeriod() else { return nil }
        let dated = rule.datedBy.map { "where \($0) is dated" } ?? "for triggers dated"
        return "in force \(dated) \(rule.inForce.description)"
    }
}
