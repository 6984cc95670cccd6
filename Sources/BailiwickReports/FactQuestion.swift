import Bailiwick
import Foundation

/// A fact asked about, one at a time, in guided intake (`check --interactive`): its plain
/// description and what it takes, then the answer read by the one parser every input uses.
public enum FactQuestion {
    /// "Is there a written contract …? (yes or no)".
    public static func prompt(_ fact: FactDefinition) -> String {
        "\(fact.description) [\(fact.id)] (\(takes(fact))): "
    }

    /// What an answer may be, in words.
    public static func takes(_ fact: FactDefinition) -> String {
        switch fact.type {
        case .boolean: "yes or no"
        case .integer: fact.allowedRange
        case .date: "a date, YYYY-MM-DD"
        case .string: fact.allowedValues.map { "one of: \($0.joined(separator: ", "))" } ?? "text"
        case .list:
            "comma-separated, or \(none) if none applies"
                + (fact.allowedValues.map { "; of: \($0.joined(separator: ", "))" } ?? "")
        }
    }

    /// The answer that gives a list fact no item: an empty answer stops the questions on the
    /// command line, so "none" has to be said.
    public static let none = "none"

    /// Whether an answer to a list fact says that none applies (`none` or `-`, in any case).
    public static func isNone(_ answer: String) -> Bool {
        let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
        return word == none || word == "-"
    }

    /// The next fact whose value could change the decision, if the answer is not settled: the
    /// decision's own list of what it is missing, so nothing is asked that cannot matter.
    public static func next(for decision: ScopeDecision, in packs: PackSet) -> FactDefinition? {
        guard !decision.isOutOfScope, decision.kind == .undetermined || decision.kind == .conditional else {
            return nil
        }
        for missing in decision.missingFacts {
            if case .fact(let id) = missing, let fact = packs.fact(id) { return fact }
        }
        return nil
    }
}

extension FactQuestion {
    /// The facts a matter's audit lacks, in the order of its findings: those that leave an action's
    /// scope unknown (SCOPE-CONDITION-UNKNOWN, SCOPE-UNDETERMINED), a form possibly required
    /// (FORM-MAY-BE-REQUIRED) or a deadline's date open (DEADLINE-DEPENDS-ON-FACT). Each fact once.
    public static func missing(in report: AuditReport, packs: PackSet) -> [FactDefinition] {
        var ids: [String] = []
        for finding in report.findings {
            switch finding.detail {
            case .conditionsUnknown(_, _, let facts), .undetermined(_, let facts):
                ids += facts.compactMap { if case .fact(let id) = $0 { id } else { nil } }
            case .deadlineApplicabilityUnknown(_, _, let facts), .deadlineVariantsUnknown(_, _, _, let facts, _),
                .formMayBeRequired(_, _, let facts, _):
                ids += facts
            default:
                break
            }
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.compactMap { packs.fact($0) }
    }
}
