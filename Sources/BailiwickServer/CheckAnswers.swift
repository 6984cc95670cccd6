import Bailiwick
import BailiwickReports
import Foundation

/// `/v1/check`'s answers. Most of an answer's bytes are its rules' citations and evidence, the same
/// in every answer: they are written once for the server's packs, at the first check (tests start
/// many servers that answer none), and copied into each answer after.
final class CheckAnswers: Sendable {
    private let packs: PackSet
    private let parts: MadeOnce<DecisionJSONParts>

    init(packs: PackSet) {
        self.packs = packs
        parts = MadeOnce { DecisionJSONParts(packs: packs) }
    }

    /// The decision's JSON report, as `check --format json` writes it.
    func document(for decision: ScopeDecision) -> [UInt8] {
        DecisionJSONReport.document(decision, packs: packs, parts: parts.value)
    }
}
