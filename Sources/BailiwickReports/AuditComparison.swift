import Bailiwick

/// What changed between two audits of the same matters, matter by matter: the one comparison of
/// findings, for `audit --since` (an earlier report against now) and `diff --caseload` (the old
/// packs against the new). Matters are matched by id (several with one id, by file, then in order);
/// findings by `FindingRecord.identity`.
public struct AuditComparison: Sendable {
    public struct Change: Sendable {
        public enum Kind: String, Sendable {
            /// In the new audit only (`--since`: new; `diff`: Add).
            case added
            /// In the old audit only (`--since`: resolved; `diff`: Delete).
            case removed
            /// In both, with another code, severity or date (`diff`: Update).
            case changed
        }

        public let kind: Kind
        public let old: FindingRecord?
        public let new: FindingRecord?

        /// What differs, for a change: `code`, `severity`, `date`, in that order.
        public var fields: [String] {
            guard let old, let new else { return [] }
            return [
                old.code == new.code ? nil : "code", old.severity == new.severity ? nil : "severity",
                old.date == new.date ? nil : "date",
            ].compactMap { $0 }
        }

        /// The finding as it is now, or as it was when it is gone.
        public var current: FindingRecord { (new ?? old)! }
    }

    public struct MatterChanges: Sendable {
        public enum Status: String, Sendable {
            /// In both audits.
            case compared
            /// In the new audit only.
            case added
            /// In the old audit only.
            case removed
        }

        public let id: String
        public let file: String
        public let status: Status
        public let oldAsOf: String?
        public let newAsOf: String?
        /// Worst first, then by what the finding is about.
        public let changes: [Change]

        public func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
    }

    /// Every matter of either audit, by id then file: a matter in one only is added or removed, never left out.
    public let matters: [MatterChanges]
    /// Files neither audit could read are not compared; these are the new audit's.
    public let unreadable: [String]

    public var changed: [MatterChanges] { matters.filter { $0.status != .compared || !$0.changes.isEmpty } }

    public var hasChanges: Bool { !changed.isEmpty }

    public init(old: AuditSnapshot, new: AuditSnapshot) {
        var result: [MatterChanges] = []
        let oldByID = Dictionary(grouping: old.matters, by: \.id)
        let newByID = Dictionary(grouping: new.matters, by: \.id)
        for id in Set(oldByID.keys).union(newByID.keys).sorted() {
            let before = (oldByID[id] ?? []).sorted { $0.file < $1.file }
            let after = (newByID[id] ?? []).sorted { $0.file < $1.file }
            var unmatched = after
            var pairs: [(AuditSnapshot.Matter?, AuditSnapshot.Matter?)] = []
            for matter in before {
                let index = unmatched.firstIndex { $0.file == matter.file } ?? unmatched.indices.first
                pairs.append((matter, index.map { unmatched.remove(at: $0) }))
            }
            pairs += unmatched.map { (nil, $0) }
            for (was, now) in pairs {
                let status: MatterChanges.Status = was == nil ? .added : now == nil ? .removed : .compared
                result.append(
                    MatterChanges(
                        id: id, file: (now ?? was)!.file, status: status, oldAsOf: was?.asOf, newAsOf: now?.asOf,
                        changes: Self.compare(was?.findings ?? [], now?.findings ?? [])))
            }
        }
        matters = result
        unreadable = new.unreadable
    }

    /// The findings' changes: each identity's findings paired in order (by date, then message).
    static func compare(_ old: [FindingRecord], _ new: [FindingRecord]) -> [Change] {
        func grouped(_ records: [FindingRecord]) -> [FindingIdentity: [FindingRecord]] {
            Dictionary(grouping: records, by: \.identity).mapValues { group in
                group.sorted { ($0.date ?? "", $0.message) < ($1.date ?? "", $1.message) }
            }
        }
        let before = grouped(old)
        let after = grouped(new)
        var changes: [Change] = []
        for identity in Set(before.keys).union(after.keys).sorted() {
            let was = before[identity] ?? []
            let now = after[identity] ?? []
            for index in 0..<max(was.count, now.count) {
                let old = index < was.count ? was[index] : nil
                let new = index < now.count ? now[index] : nil
                let kind: Change.Kind = old == nil ? .added : new == nil ? .removed : .changed
                let change = Change(kind: kind, old: old, new: new)
                if kind != .changed || !change.fields.isEmpty { changes.append(change) }
            }
        }
        return changes.enumerated().sorted { a, b in
            (rank(a.element.current.severity), a.offset) < (rank(b.element.current.severity), b.offset)
        }.map(\.element)
    }

    private static func rank(_ severity: String) -> Int {
        Finding.Severity(rawValue: severity).map { [.error: 0, .warning: 1, .info: 2][$0]! } ?? 3
    }
}
