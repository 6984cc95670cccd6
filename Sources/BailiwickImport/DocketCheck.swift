import Bailiwick

/// The second opinion on one court-rule calendar entry: the date the system computed beside the
/// date the audit of the written matter file gives the same deadline, with Bailiwick's steps.
public struct DocketCheck: Sendable {
    public enum Verdict: Sendable, Equatable {
        case agrees
        case differs
        /// Bailiwick gives no date for it; why.
        case notChecked(String)
    }

    public let entry: DocketEntry
    public let rule: DeadlineRule?
    /// The audit's date for the deadline (the earliest possible one when it depends on facts not given).
    public let date: CivilDate?
    /// The facts not given that could move the date; empty when the date is certain.
    public let unknownFacts: [String]
    public let verdict: Verdict
    /// How Bailiwick counted the date, one sentence a step.
    public let trace: [String]

    /// Whether Bailiwick gave a date to compare.
    public var checked: Bool {
        if case .notChecked = verdict { return false }
        return true
    }

    /// Each court-rule entry of a draft against the audit of its written file.
    static func check(_ entries: [DocketEntry], report: AuditReport, packs: PackSet) -> [DocketCheck] {
        entries.map { check($0, report: report, packs: packs) }
    }

    static func check(_ entry: DocketEntry, report: AuditReport, packs: PackSet) -> DocketCheck {
        let matter = report.matter
        func unchecked(_ rule: DeadlineRule?, _ why: String) -> DocketCheck {
            DocketCheck(entry: entry, rule: rule, date: nil, unknownFacts: [], verdict: .notChecked(why), trace: [])
        }
        guard let rule = packs.deadline(entry.rule, in: matter.jurisdiction.id) else {
            return unchecked(nil, "\(entry.rule) is not a deadline rule of \(matter.jurisdiction.id)")
        }
        guard let type = matter.type, type.deadlines.contains(where: { $0.rule == rule.id }) else {
            return unchecked(rule, "\(rule.id) is not a deadline of the matter's type")
        }
        let findings = report.findings.filter { $0.source == .deadline(rule.id) }
        guard let date = findings.lazy.compactMap({ Self.date(of: $0.detail) }).first else {
            return unchecked(rule, Self.reason(findings.map(\.detail), rule: rule, packs: packs))
        }
        var unknown: [String] = []
        for finding in findings {
            if case .deadlineVariantsUnknown(_, _, _, let facts, _) = finding.detail { unknown = facts }
        }
        return DocketCheck(
            entry: entry, rule: rule, date: date, unknownFacts: unknown,
            verdict: date == entry.date ? .agrees : .differs, trace: Self.trace(rule, in: matter, packs: packs))
    }

    /// The date the audit checked a deadline against, from its finding.
    static func date(of detail: FindingDetail) -> CivilDate? {
        switch detail {
        case .deadlineMet(_, let due, _), .deadlineLate(_, let due, _, _), .deadlineMissed(_, let due, _),
            .deadlineDueSoon(_, let due, _), .deadlinePending(_, let due), .deadlineTracked(_, let due, _):
            due
        case .waitingPeriodViolated(_, _, _, let first), .waitingPeriodMet(_, _, _, let first, _),
            .waitingPeriodRunning(_, _, let first):
            first
        default: nil
        }
    }

    static func reason(_ details: [FindingDetail], rule: DeadlineRule, packs: PackSet) -> String {
        for detail in details {
            switch detail {
            case .deadlineNotTriggered:
                let event = packs.event(rule.trigger)?.name ?? rule.trigger
                return "the event it runs from (\(event), \(rule.trigger)) is not in the matter file: "
                    + "map the docket's trigger under events:"
            case .deadlineNeedsTime: return "it is counted in hours and the trigger's time is not given"
            case .deadlineNotComputable: return "Bailiwick cannot count it (past the end of its calendar)"
            case .deadlineApplicabilityUnknown(_, _, let facts):
                return "whether it applies depends on facts not given: \(facts.joined(separator: ", "))"
            default: continue
            }
        }
        return "it does not apply to this matter (its condition does not hold)"
    }

    /// The deadline counted again as the audit counts it, for its steps.
    static func trace(_ rule: DeadlineRule, in matter: Matter, packs: PackSet) -> [String] {
        let trigger = matter.event(rule.trigger)
        let result = try? packs.computeDeadline(
            rule, triggerDate: { matter.event($0)?.date }, time: trigger?.time, facts: matter.facts,
            service: trigger?.method)
        return TraceText.sentences(result?.computed.trace ?? [])
    }
}
