import Bailiwick

/// One matter as a case-management system holds it, in the shape every reader (Clio's JSON, Clio's
/// CSV export, a generic CSV) produces, so that mapping it to a matter file is written once.
/// Names, descriptions and notes are client data: the import report withholds them unless asked.
public struct ImportedMatter: Sendable {
    /// The system's own id of the matter.
    public var id: String
    /// The number people know the matter by (Clio's `display_number`); the matter file's `id`.
    public var displayNumber: String?
    public var description: String?
    public var practiceArea: String?
    public var customFields: [ImportedField] = []
    public var contacts: [ImportedContact] = []
    /// Users of the firm named on the matter (responsible attorney, responsible staff).
    public var users: [ImportedUser] = []
    public var calendarEntries: [ImportedCalendarEntry] = []
    public var tasks: [ImportedTask] = []
    public var timeEntries: [ImportedTimeEntry] = []
    public var documents: [ImportedDocument] = []
    /// What the reader found and the model has no place for: reported, never dropped.
    public var leftOver: [ImportedField] = []

    public init(id: String) {
        self.id = id
    }
}

/// A field and its value as the source wrote it, by its path in the source (`matter.status`).
public struct ImportedField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A number, a yes/no value, a date, an id or a code: shown in the report.
        case plain
        /// Free text (a name, a description, a note, an address): client data, shown only with `--names`.
        case text
    }

    public let path: String
    public let value: String
    public let kind: Kind

    public init(_ path: String, _ value: String, kind: Kind) {
        self.path = path
        self.value = value
        self.kind = kind
    }
}

public struct ImportedContact: Sendable {
    public enum Role: String, Sendable {
        case client
        case opposingParty = "opposing-party"
        case other
    }

    public var id: String?
    public var name: String
    public var role: Role
    /// The relationship's own words (Clio's `relationships[].description`), kept for the report.
    public var relationship: String?
}

public struct ImportedUser: Sendable {
    public enum Role: String, Sendable {
        case responsibleAttorney = "responsible attorney"
        case originatingAttorney = "originating attorney"
        case responsibleStaff = "responsible staff"
    }

    public var id: String?
    public var name: String?
    public var role: Role
}

/// A calendar entry, or a docket's trigger: `courtRule` entries were computed by the system's court rules.
public struct ImportedCalendarEntry: Sendable {
    public var id: String
    public var summary: String
    public var date: CivilDate
    public var courtRule: Bool
    /// The docket the entry belongs to, by name, with its trigger's name and date.
    public var docket: ImportedDocket?
}

public struct ImportedDocket: Sendable, Hashable {
    public var name: String
    public var trigger: String?
    public var startDate: CivilDate?
}

public struct ImportedTask: Sendable {
    public var id: String
    public var name: String
    public var due: CivilDate?
}

/// A time entry (Clio's Activity of type TimeEntry, a LEDES line item).
public struct ImportedTimeEntry: Sendable {
    public var id: String
    public var date: CivilDate
    public var user: ImportedUser?
    /// The activity description's name (Clio) or the line item's description (LEDES).
    public var description: String?
    public var note: String?
    public var activityCode: String?
    public var taskCode: String?
    /// The LEDES timekeeper classification (PT, AS, PL, LA…).
    public var timekeeper: String?
}

public struct ImportedDocument: Sendable {
    public var id: String
    public var name: String
    /// The day the document was received (Clio's `received_at`): the filing date the import writes.
    public var received: CivilDate?
}

/// A problem with an input file: where (file and, for CSV, line), and what, never the value.
public struct ImportProblem: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)" }
}
