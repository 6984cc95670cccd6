/// What a case of one type must contain and when: required forms, deadlines, waiting periods.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class MatterType: Sendable {
    public let id: String
    public let jurisdiction: String
    public let name: String
    public let area: String
    public let citation: Citation
    public let note: String?
    public let forms: [RequiredForm]
    public let deadlines: [MatterDeadline]
    public let followUps: [FollowUp]

    public init(
        id: String, jurisdiction: String, name: String, area: String, citation: Citation, note: String?,
        forms: [RequiredForm], deadlines: [MatterDeadline], followUps: [FollowUp]
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.area = area
        self.citation = citation
        self.note = note
        self.forms = forms
        self.deadlines = deadlines
        self.followUps = followUps
    }

    public func form(_ code: String) -> RequiredForm? { forms.first { $0.code == code } }
}

/// When something is due: by the date of an event of the matter, or of one of its deadlines.
public enum DueBy: Sendable, Equatable {
    case event(String)
    case deadline(String)
}

/// A court form a matter type requires (or may file).
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class RequiredForm: Sendable {
    public let code: String
    public let name: String
    public let required: Bool
    public let when: Condition?
    public let due: DueBy?
    public let citation: Citation
    public let note: String?

    public init(
        code: String, name: String, required: Bool, when: Condition?, due: DueBy?, citation: Citation, note: String?
    ) {
        self.code = code
        self.name = name
        self.required = required
        self.when = when
        self.due = due
        self.citation = citation
        self.note = note
    }
}

/// A deadline rule bound to a matter type: what meets it, or what it guards.
public struct MatterDeadline: Sendable {
    public enum MetBy: Sendable, Equatable {
        case form(String)
        case event(String)
    }

    /// The id of a deadline rule of the matter type's jurisdiction.
    public let rule: String
    public let when: Condition?
    public let metBy: MetBy?
    /// For waiting periods: the event that must not come before the first allowed day.
    public let guards: String?

    public init(rule: String, when: Condition?, metBy: MetBy?, guards: String?) {
        self.rule = rule
        self.when = when
        self.metBy = metBy
        self.guards = guards
    }
}

/// A reminder for the supervisor's follow-up list.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class FollowUp: Sendable {
    public let text: String
    public let when: Condition?
    public let due: DueBy?
    public let citation: Citation

    public init(text: String, when: Condition?, due: DueBy?, citation: Citation) {
        self.text = text
        self.when = when
        self.due = due
        self.citation = citation
    }
}
