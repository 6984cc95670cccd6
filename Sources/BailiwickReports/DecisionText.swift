import Bailiwick

/// `check`'s report for people: the decision first, then what it depends on and why.
public struct DecisionText {
    public static let disclaimer = "Bailiwick is a checking aid, not legal advice: confirm against the cited rules."

    public let decision: ScopeDecision
    public let packs: PackSet
    public let style: TextStyle
    /// The decision's lists, worked out together once: each, read from the decision, evaluates its rules again.
    private let explanation: ScopeDecision.Explanation

    public init(decision: ScopeDecision, packs: PackSet, style: TextStyle) {
        self.decision = decision
        self.packs = packs
        self.style = style
        explanation = decision.explanation
    }

    public static func conditionStatus(_ truth: Truth) -> String {
        switch truth {
        case .true: "met"
        case .false: "unmet"
        case .unknown: "unknown"
        }
    }

    public func render() -> String {
        var lines: [TerminalText] = []
        let query = decision.query
        let area = decision.area.map { $0 + (decision.areaAssumed ? " (assumed)" : "") } ?? "area not given"
        lines.append(
            style.bold(
                "\(query.license.title) (\(query.license.key.id)), \(query.jurisdiction.name): \(query.action.id)")
                + style.dim(" · \(area) · on \(query.date)"))
        lines.append(style.dim("  \(query.action.title): \(query.action.description)"))
        lines.append("")
        lines += headline()
        lines += conditions()
        lines += parameters()
        lines += rules()
        lines += toConfirm()
        lines += caution()
        for note in explanation.notes { lines.append(style.dim("Note: \(Self.note(note, in: decision))")) }
        lines.append(style.dim("\(Self.disclaimer)"))
        return lines.joined(separator: "\n").rendered + "\n"
    }

    /// How a decision reads at a glance: a tone for its colour.
    public enum Tone: String, Sendable { case good, bad, caution }

    /// The decision's label, tone, one-sentence explanation and any further lines: shared by
    /// the terminal and the web page so that both say the same thing.
    public static func summary(of decision: ScopeDecision) -> (
        label: String, tone: Tone, explanation: String, details: [String]
    ) {
        let license = decision.query.license
        switch decision.kind {
        case .permitted:
            return ("PERMITTED", .good, "a rule grants this and none forbids it.", [])
        case .conditional where decision.hasUnmetRequirement:
            return (
                "CONDITIONAL, NOT MET", .bad, "a condition below is not met, so this is out of scope until it is.", []
            )
        case .conditional:
            return (
                "CONDITIONAL", .caution,
                "permitted only if every condition below holds; confirm the unknown ones before acting.", []
            )
        case .prohibited:
            return (
                "PROHIBITED", .bad, "a rule forbids this; doing it would be unauthorized practice.",
                decision.decisiveRules.compactMap { $0.rule.remedy.map { "What to do: \($0)" } }
            )
        case .notAuthorized:
            let detail: String
            switch decision.licenseFinding {
            case .notInForce(let period)?:
                detail =
                    "The \(license.title) licence did not exist on \(decision.query.date): it is valid "
                    + "\(period.description)."
            case .areaNotCovered(let area, let covered)?:
                detail = "'\(area)' is outside the licence's practice areas: \(covered.joined(separator: ", "))."
            case .areaNotHeld(let area, let held)?:
                detail = "The person \(FindingText.notHeld(area, held: held))."
            default:
                detail =
                    "No rule of the \(decision.query.jurisdiction.id) pack or the shared rules permits "
                    + "'\(decision.query.action.id)' for this licence on this date."
            }
            return (
                "NOT AUTHORIZED", .bad,
                "nothing grants this to the \(license.key.id) licence, and what is not granted is out of scope.",
                [detail]
            )
        case .undetermined:
            var details: [String] = []
            switch decision.otherwise {
            case .permitted?:
                details.append("If the forbidding rules marked * turn out not to apply, this is permitted.")
            case .conditional?:
                details.append(
                    "If the forbidding rules marked * turn out not to apply, this is permitted on the conditions below."
                )
            default: break
            }
            return ("UNDETERMINED", .caution, "the answer depends on facts not given (see 'To confirm').", details)
        }
    }

    private func headline() -> [TerminalText] {
        let summary = Self.summary(of: decision)
        let label: TerminalText
        switch summary.tone {
        case .good: label = style.green("\(summary.label)")
        case .bad: label = style.red("\(summary.label)")
        case .caution: label = style.yellow("\(summary.label)")
        }
        return ["\(label): \(summary.explanation)"] + summary.details.map { "  \($0)" }
    }

    private func conditions() -> [TerminalText] {
        guard !explanation.requirements.isEmpty else { return [] }
        var lines: [TerminalText] = ["", style.bold("Conditions")]
        for outcome in explanation.requirements {
            let mark: TerminalText
            switch outcome.truth {
            case .true: mark = style.green("met    ")
            case .false: mark = style.red("unmet  ")
            case .unknown: mark = style.yellow("unknown")
            }
            lines.append("  [\(mark)] \(outcome.requirement.label)")
            lines.append(style.dim("            \(outcome.requirement.condition.text)  (\(outcome.ruleID))"))
        }
        return lines
    }

    private func rules() -> [TerminalText] {
        guard !explanation.rules.isEmpty else { return ["", "No rule names this licence and action."] }
        var lines: [TerminalText] = ["", style.bold("Rules")]
        for outcome in explanation.rules {
            let rule = outcome.rule
            let marker = outcome.decisive ? "*" : " "
            let status = Self.status(of: outcome, in: decision, packs: packs)
            lines.append("\(marker) \(rule.id)  \(rule.effect.rawValue), \(status)")
            lines.append("    \(rule.summary)")
            let level = rule.citation.status
            lines.append(style.dim("    \(rule.citation.text) · in force \(rule.period.description)"))
            lines.append(style.dim("    source: \(level.rawValue) (\(SourceLevelText.meaning(level)))"))
            if let evidence = rule.evidence {
                lines.append(
                    style.dim("    read at \(evidence.pinpoint) on \(evidence.read) (explain \(rule.id) quotes it)"))
            }
        }
        if explanation.rules.contains(where: \.decisive) { lines.append(style.dim("  (* decided the outcome)")) }
        return lines
    }

    /// Whether a rule applied, and why not when it did not.
    public static func status(of outcome: RuleOutcome, in decision: ScopeDecision, packs: PackSet) -> String {
        switch outcome.status {
        case .active: return "applies"
        case .defeated: return "defeated by \(outcome.defeatedBy.joined(separator: ", "))"
        case .notApplicable:
            if let areas = outcome.rule.areas, let area = decision.area, !areas.contains(area) {
                return "does not apply: only in \(areas.joined(separator: ", "))"
            }
            return "does not apply: " + notApplying(outcome.rule.when, packs: packs, facts: decision.query.facts)
        case .unknown where !outcome.mayBeDefeatedBy.isEmpty:
            return "applies unless \(outcome.mayBeDefeatedBy.joined(separator: ", ")) does: depends on "
                + outcome.unknownFacts.map(\.name).joined(separator: ", ")
        case .unknown: return "may apply: depends on \(outcome.unknownFacts.map(\.name).joined(separator: ", "))"
        case .notInForce: return "not in force on \(decision.query.date)"
        }
    }

    private func toConfirm() -> [TerminalText] {
        guard !explanation.missingFacts.isEmpty else { return [] }
        var lines: [TerminalText] = ["", style.bold("To confirm")]
        for missing in explanation.missingFacts {
            switch missing {
            case .area:
                lines.append("  area: the matter's practice area (--area)")
            case .fact(let id):
                if let fact = packs.fact(id) {
                    lines.append("  \(id): \(fact.description)  (--fact \(id)=\(Self.example(fact)))")
                }
            }
        }
        return lines
    }

    /// Why a rule's condition left it out, without a double negative: what it needs, and what the
    /// facts say instead. A single yes-or-no fact is named with its value; anything else is quoted.
    static func notApplying(_ condition: Condition?, packs: PackSet, facts: FactValues) -> String {
        guard let condition else { return "its condition does not hold" }
        func given(_ slot: Int) -> (id: String, value: Bool)? {
            guard case .boolean(let value)? = facts[slot] else { return nil }
            return (packs.facts[slot].id, value)
        }
        switch condition.compiled {
        case .not(.fact(let slot)):
            if let fact = given(slot) {
                return "it applies only when \(fact.id) is false, and it is true"
            }
        case .fact(let slot):
            if let fact = given(slot) {
                return "it applies only when \(fact.id) is true, and it is false"
            }
        default:
            break
        }
        return "it applies only when \(condition.text), which the facts given do not meet"
    }

    /// A note on a decision, in words.
    public static func note(_ note: DecisionNote, in decision: ScopeDecision) -> String {
        switch note {
        case .parameterHasNoValue(let id, let first):
            let since = first.map { "; its first value starts \($0)" } ?? ""
            return "The pack gives \(id) no value on \(decision.query.date)\(since), "
                + "so a rule that reads it is left undetermined rather than guessed."
        case .areaAssumed, .admissionsClosed:
            return licenseNote(note, of: decision.query.license)
        }
    }

    /// A note that depends on the licence alone: any but one about a parameter's value on the date.
    static func licenseNote(_ note: DecisionNote, of license: License) -> String {
        switch note {
        case .areaAssumed(let area):
            return "Practice area taken as '\(area)', the only area the \(license.key.id) licence covers."
        case .admissionsClosed(let closed):
            return "No new \(license.title) licences were issued after \(closed); "
                + "this answer holds for a licence issued by then and still in good standing."
        case .parameterHasNoValue:
            preconditionFailure("a parameter's note depends on the decision's date")
        }
    }

    /// A parameter's value as written in the explanation: "15000 US dollars".
    public static func parameterValue(_ use: ParameterUse) -> String {
        guard let value = use.value else { return "no value on this date" }
        return value.value.description + (use.parameter.unit.map { " \($0)" } ?? "")
    }

    /// The dated figures the rules compared facts with, each with the law that sets it.
    private func parameters() -> [TerminalText] {
        let uses = explanation.parametersUsed
        guard !uses.isEmpty else { return [] }
        var lines: [TerminalText] = ["", style.bold("Parameters")]
        for use in uses {
            lines.append("  param.\(use.parameter.id) = \(Self.parameterValue(use))")
            if let value = use.value {
                let source = "source: \(value.citation.status.rawValue)"
                lines.append(style.dim("    from \(value.from) · \(value.citation.text) · \(source)"))
            } else {
                lines.append(style.dim("    \(use.parameter.description)"))
            }
        }
        return lines
    }

    /// How a value of the fact is written.
    public static func example(_ fact: FactDefinition) -> String {
        switch fact.type {
        case .boolean: "true|false"
        case .integer: "NUMBER"
        case .date: "YYYY-MM-DD"
        case .string: fact.allowedValues?.first ?? "TEXT"
        case .list: "\(fact.allowedValues?.first ?? "A"),… (empty for none)"
        }
    }

    private func caution() -> [TerminalText] {
        let weak = explanation.weaklySourcedRules
        guard !weak.isEmpty else { return [] }
        var lines: [TerminalText] = [
            "", style.yellow("Caution") + ": this answer rests on rules not checked against their primary text:",
        ]
        for rule in weak {
            let note: TerminalText = rule.note.map { ": \($0)" } ?? ""
            lines.append("  \(rule.id) (\(rule.citation.status.rawValue))\(note)")
        }
        return lines
    }
}
