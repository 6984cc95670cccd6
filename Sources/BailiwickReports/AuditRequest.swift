import Bailiwick

/// How a matter (or a caseload) is audited: shared by `bailiwick audit`, the API and the audit page.
public struct AuditRequest: Sendable {
    /// Nil: each matter's own as-of date, else today in UTC.
    public var asOf: CivilDate?
    /// Deadlines due within this many days are flagged as due soon.
    public var horizon: Int
    /// Names, titles and free text replaced by placeholders in every format.
    public var redact: Bool

    public static let horizons = 0...3650
    public static let defaultHorizon = 14

    public init(asOf: CivilDate? = nil, horizon: Int = defaultHorizon, redact: Bool = false) {
        self.asOf = asOf
        self.horizon = horizon
        self.redact = redact
    }

    public func validate() throws(RequestError) {
        guard Self.horizons.contains(horizon) else {
            throw .invalid(.horizon, .outOfRange(Self.horizons, given: String(horizon)))
        }
    }

    /// The summary a report's head and tail are written from. Its as-of is the one asked for
    /// (nil: each matter's own, which its part shows), for one matter as for a caseload.
    public func summary(rows: [CaseloadRow], invalid: [UnreadableRow]) -> CaseloadSummary {
        CaseloadSummary(rows: rows, invalid: invalid, asOf: asOf, horizon: horizon)
    }

    /// A matter's report, redacted first when asked.
    public func audit(_ matter: Matter, in packs: PackSet, today: CivilDate) -> AuditReport {
        let audited = redact ? matter.redacted() : matter
        return packs.audit(audited, asOf: asOf ?? audited.asOf ?? today, horizon: horizon)
    }
}
