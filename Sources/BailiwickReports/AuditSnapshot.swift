import Bailiwick
import Foundation

/// What an audit said, in the form audits are compared in: each matter's findings, read from the
/// audit JSON (docs/json-output.md). `audit --since` reads the previous one from a JSON report; a
/// fresh audit is turned into one through the same JSON, so both sides are read one way. (An audit
/// journal can produce one too.)
public struct AuditSnapshot: Sendable {
    public struct Matter: Sendable {
        public let id: String
        public let file: String
        public let asOf: String?
        public let findings: [FindingRecord]
    }

    public var matters: [Matter]
    /// Matter files that could not be read, by file name.
    public var unreadable: [String]

    public init(matters: [Matter], unreadable: [String]) {
        self.matters = matters
        self.unreadable = unreadable
    }

    /// The audit JSON's schema-version this reads.
    public static let schemaVersion = 1

    /// A matter's fresh report, as the audit JSON writes it.
    public static func matter(_ report: AuditReport) -> Matter {
        // Rendered and read back: the JSON is the one description of a finding both sides share.
        let text = AuditJSON.matterText(report, indent: 0)
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (try? Matter(object ?? [:], position: 0))!
    }

    /// A previous audit JSON report. Anything else (another Bailiwick report, another schema-version,
    /// a file that is not JSON) is refused with what it is; client data in it is never quoted.
    public init(json text: String, file: String) throws(SnapshotError) {
        guard let data = text.data(using: .utf8),
            let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let top = parsed as? [String: Any]
        else {
            throw SnapshotError(
                file: file, "is not JSON: it must be the JSON report of 'bailiwick audit --format json'")
        }
        guard let version = top["schema-version"] as? Int, top["summary"] != nil, top["horizon"] != nil,
            let matters = top["matters"] as? [Any]
        else {
            throw SnapshotError(
                file: file, "is not a Bailiwick audit JSON report (from 'bailiwick audit --format json')")
        }
        guard version == Self.schemaVersion else {
            throw SnapshotError(
                file: file,
                "is an audit report of schema-version \(version); this bailiwick compares schema-version "
                    + "\(Self.schemaVersion)")
        }
        var read: [Matter] = []
        for (position, item) in matters.enumerated() {
            guard let object = item as? [String: Any] else {
                throw SnapshotError(file: file, "matters[\(position)] is not an object")
            }
            read.append(try Matter(object, position: position, file: file))
        }
        let unreadable = (top["unreadable"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["file"] as? String }
        self.init(matters: read, unreadable: unreadable)
    }

    /// The last audits an audit journal holds: each one the matter's object of the JSON report, as the
    /// journal recorded it (`audit --since JOURNAL`).
    public init(journalReports reports: [String], journal: String) throws(SnapshotError) {
        var read: [Matter] = []
        for (position, text) in reports.enumerated() {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                throw SnapshotError(file: journal, "holds a report that is not JSON (record \(position + 1) read)")
            }
            read.append(try Matter(object, position: position, file: journal))
        }
        self.init(matters: read, unreadable: [])
    }
}

extension AuditSnapshot.Matter {
    init(_ object: [String: Any], position: Int, file: String = "") throws(SnapshotError) {
        guard let id = object["id"] as? String, let matterFile = object["file"] as? String,
            let findings = object["findings"] as? [Any]
        else {
            throw SnapshotError(file: file, "matters[\(position)] lacks its 'id', 'file' or 'findings'")
        }
        var records: [FindingRecord] = []
        for (index, item) in findings.enumerated() {
            guard let finding = item as? [String: Any], let record = FindingRecord(finding) else {
                throw SnapshotError(
                    file: file, "matters[\(position)].findings[\(index)] is not a finding of an audit report")
            }
            records.append(record)
        }
        self.init(id: id, file: matterFile, asOf: object["as-of"] as? String, findings: records)
    }
}

/// A previous report that cannot be compared. Its message names the file and the problem only.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(file: String, _ problem: String) {
        description = "\(file) \(problem)"
    }
}

/// One finding as audits are compared: what identifies it across audits, and what can change.
public struct FindingRecord: Sendable, Hashable {
    public let code: String
    public let severity: String
    public let category: String
    /// The rule behind it, as `deadline:ID`, `form:CODE`, `license:KEY`, `rules:ID,ID`, or empty.
    public let rule: String
    public let subject: String
    public let message: String
    public let date: String?
    /// `detail.kind`.
    public let kind: String

    init?(_ object: [String: Any]) {
        guard let code = object["code"] as? String, let severity = object["severity"] as? String,
            let category = object["category"] as? String, let subject = object["subject"] as? String,
            let message = object["message"] as? String
        else { return nil }
        self.code = code
        self.severity = severity
        self.category = category
        self.subject = subject
        self.message = message
        date = object["date"] as? String
        kind = (object["detail"] as? [String: Any])?["kind"] as? String ?? ""
        if let id = object["deadline"] as? String {
            rule = "deadline:\(id)"
        } else if let code = object["form"] as? String {
            rule = "form:\(code)"
        } else if let key = object["license"] as? String {
            rule = "license:\(key)"
        } else if let ids = object["rules"] as? [String], !ids.isEmpty {
            rule = "rules:" + ids.joined(separator: ",")
        } else {
            rule = ""
        }
    }

    /// What makes two audits' findings the same finding, within one matter (docs/json-output.md,
    /// "Comparing audits"): the category; what it is about (the deadline's id or the form's code when
    /// it has one, else its subject: a person, an action and a date; a reminder's text); and the
    /// question it answers. The status findings of one deadline, form, waiting period or action (pending,
    /// then due soon, then met) answer one question, so a new code, severity or date is a change of
    /// that finding, not a new one; any other finding is its own question, by code and detail kind.
    /// Scope rules are not part of it: another rule deciding the same action is a change.
    public var identity: FindingIdentity {
        let question = Self.statusCodes.contains(code) ? "status" : "\(code)/\(kind)"
        let about =
            rule.hasPrefix("deadline:") || rule.hasPrefix("form:") ? rule : category == "follow-up" ? message : subject
        return FindingIdentity(category: category, about: about, question: question)
    }

    /// The codes that say where one deadline, form, waiting period or action stands: one per subject.
    static let statusCodes: Set<String> = Set(
        [
            FindingCode.scopeProhibited, .scopeNotAuthorized, .scopeConditionUnmet, .scopeConditionUnknown,
            .scopeUndetermined, .licenseNotValid, .formMissing, .formDue, .formMayBeRequired, .formLate,
            .deadlineMissed, .deadlineLate, .deadlineDueSoon, .deadlinePending, .deadlinePassed,
            .deadlineNotTriggered, .deadlineMet, .deadlineNotComputable, .waitingPeriodViolated,
            .waitingPeriodRunning, .waitingPeriodMet,
        ].map(\.rawValue))
}

public struct FindingIdentity: Sendable, Hashable, Comparable {
    public let category: String
    public let about: String
    public let question: String

    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        (lhs.category, lhs.about, lhs.question) < (rhs.category, rhs.about, rhs.question)
    }
}
