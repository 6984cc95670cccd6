/// What the packs let Bailiwick check in a jurisdiction. The home page and `list jurisdictions`
/// both read this, so they never disagree.
public struct JurisdictionCapabilities: Sendable, Equatable {
    /// Scope rules apply there: actions can be checked.
    public let scope: Bool
    /// A matter type there lists forms: an audit checks required forms.
    public let forms: Bool
    /// Named deadline rules exist there: `deadlines` and the audit compute dates.
    public let deadlines: Bool
    /// A court calendar exists there: `holidays` answers and periods skip closed days.
    public let calendar: Bool

    /// The capabilities' names, in a fixed order, for those it has.
    public var names: [String] {
        [("scope", scope), ("forms", forms), ("deadlines", deadlines), ("calendar", calendar)]
            .filter(\.1).map(\.0)
    }
}

extension PackSet {
    public func capabilities(of jurisdictionID: String) -> JurisdictionCapabilities {
        JurisdictionCapabilities(
            scope: !rules(applicableIn: jurisdictionID).isEmpty,
            forms: matterTypes(in: jurisdictionID).contains { !$0.forms.isEmpty },
            deadlines: !deadlines(in: jurisdictionID).isEmpty,
            calendar: calendar(for: jurisdictionID) != nil)
    }
}
