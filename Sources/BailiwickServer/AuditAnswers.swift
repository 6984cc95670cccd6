import Bailiwick
import BailiwickReports
import Foundation

/// What `/v1/audit`'s JSON answers share: each citation's members, the same in every finding that
/// carries it, written once for the server's packs at the first audit (tests start many servers that
/// audit nothing) and copied into every answer after.
final class AuditAnswers: @unchecked Sendable {
    private let packs: PackSet
    private let lock = NSLock()
    private var made: FindingJSONParts?

    init(packs: PackSet) {
        self.packs = packs
    }

    func parts() -> FindingJSONParts {
        lock.withLock {
            if let made { return made }
            let parts = FindingJSONParts(packs: packs)
            made = parts
            return parts
        }
    }
}
