/// A test a pack carries for itself: a scope question with its expected decision, or an example
/// matter with the findings its audit must produce.
public struct PackTest: Sendable {
    public enum Check: Sendable {
        case scope(ScopeQuery, expect: ScopeDecision.Kind, rules: [String]?)
        /// `closures`, when given: the unconfirmed closure days the findings must warn on, exactly.
        case matter(Matter, findings: [FindingCode], closures: [CivilDate]? = nil)
    }

    public let name: String
    public let jurisdiction: String
    public let location: SourceLocation
    public let check: Check

    public init(name: String, jurisdiction: String, location: SourceLocation, check: Check) {
        self.name = name
        self.jurisdiction = jurisdiction
        self.location = location
        self.check = check
    }
}

/// The outcome of one pack test: what was expected, what happened.
public struct PackTestResult: Sendable {
    public let test: PackTest
    public let passed: Bool
    public let expected: String
    public let actual: String
    /// The scope rules the test exercised: applied, or defeated by an exception.
    public let exercised: Set<String>
}

extension PackSet {
    /// Runs pack tests and reports each one.
    public func run(_ tests: [PackTest]) -> [PackTestResult] {
        tests.map(run)
    }

    /// Scope rules no test exercised, in pack order.
    public func uncoveredRules(after results: [PackTestResult], in jurisdictions: Set<String>? = nil) -> [ScopeRule] {
        let exercised = results.reduce(into: Set<String>()) { $0.formUnion($1.exercised) }
        return rules.filter { rule in
            !exercised.contains(rule.id)
                && (jurisdictions.map { set in rule.jurisdiction.map(set.contains) ?? true } ?? true)
        }
    }

    private func run(_ test: PackTest) -> PackTestResult {
        switch test.check {
        case .scope(let query, let expect, let rules):
            let decision = decide(query)
            let decisive = decision.decisiveRules.map(\.rule.id).sorted()
            let passed = decision.kind == expect && (rules.map { Set($0) == Set(decisive) } ?? true)
            let expected = expect.rawValue + (rules.map { " by [\($0.sorted().joined(separator: ", "))]" } ?? "")
            let actual =
                decision.kind.rawValue + " by [\(decisive.joined(separator: ", "))]"
                + (decision.missingFacts.isEmpty
                    ? ""
                    : " (missing facts: \(decision.missingFacts.map(\.name).joined(separator: ", ")))")
            return PackTestResult(
                test: test, passed: passed, expected: expected, actual: actual, exercised: Self.exercised(decision))
        case .matter(let matter, let expected, let closures):
            let report = audit(matter, asOf: matter.asOf!)
            let found = report.findings.filter { $0.severity != .info }.map(\.code.rawValue).sorted()
            let wanted = expected.map(\.rawValue).sorted()
            let exercised = matter.actions.compactMap { decide($0, in: matter) }.reduce(into: Set<String>()) {
                $0.formUnion(Self.exercised($1))
            }
            var passed = found == wanted
            var expectedText = "[\(wanted.joined(separator: ", "))]"
            var actualText = "[\(found.joined(separator: ", "))]"
            if let closures {
                let warned = Set(report.findings.flatMap { $0.closureWarnings.map(\.closure.date) }).sorted()
                let wantedDays = Set(closures).sorted()
                passed = passed && warned == wantedDays
                expectedText += Self.closureWords(wantedDays)
                actualText += Self.closureWords(warned)
            }
            return PackTestResult(
                test: test, passed: passed, expected: expectedText, actual: actualText, exercised: exercised)
        }
    }

    private static func closureWords(_ days: [CivilDate]) -> String {
        ", warning on unconfirmed closures [\(days.map(\.description).joined(separator: ", "))]"
    }

    private static func exercised(_ decision: ScopeDecision) -> Set<String> {
        Set(decision.rules.filter { $0.status == .active || $0.status == .defeated }.map(\.rule.id))
    }
}
