import Bailiwick
import BailiwickJournal
import BailiwickLoading
import BailiwickReports

/// The caseload as the desk's pages and feeds read it: every matter audited as of one date, the
/// files that could not be read, and the firm's people on the matters.
public struct CaseloadBoard: Sendable {
    /// The date every matter is audited as of.
    public let date: CivilDate
    /// Worst first: most errors, then most warnings, then the nearest deadline, then the file.
    let matters: [DeskMatter]
    /// By file name; a folder entry that could not be searched is one too.
    let broken: [BrokenFile]
    /// The technicians on the matters, and the lawyers (role `attorney`) who supervise them, by name.
    let technicians: [DeskPerson]
    let lawyers: [DeskPerson]

    init(date: CivilDate, entries: [String: CaseloadDesk.Entry], walkProblems: [Diagnostic]) {
        self.date = date
        var matters: [DeskMatter] = []
        var problems = walkProblems
        for (file, entry) in entries {
            switch entry.content {
            case .matter(let matter, _):
                guard let report = entry.report else { continue }
                matters.append(DeskMatter(file: file, matter: matter, report: report))
            case .report: continue
            case .unreadable(let list): problems += list.diagnostics
            }
        }
        broken = Dictionary(grouping: problems, by: \.location.file)
            .map { BrokenFile(file: $0.key, problems: $0.value.sorted { $0.location < $1.location }) }
            .sorted { $0.file < $1.file }
        self.matters = matters.sorted { a, b in
            let (x, y) = (a.report, b.report)
            return (-x.count(.error), -x.count(.warning), x.nextDeadline?.dayNumber ?? Int.max, a.file)
                < (-y.count(.error), -y.count(.warning), y.nextDeadline?.dayNumber ?? Int.max, b.file)
        }
        // From the sorted matters, so that of two spellings of a name the same one is kept every time.
        technicians = Self.people(self.matters.flatMap(\.technicians))
        lawyers = Self.people(self.matters.flatMap(\.lawyers))
    }

    /// Each person once, as first named, by name.
    private static func people(_ named: [DeskPerson]) -> [DeskPerson] {
        var seen: Set<String> = []
        return named.filter { seen.insert($0.id).inserted }.sorted()
    }

    /// Everyone on the caseload, technicians and lawyers, by id.
    func person(_ id: String) -> DeskPerson? {
        technicians.first { $0.id == id } ?? lawyers.first { $0.id == id }
    }

    /// The matters a person works on, as technician or as supervising lawyer.
    func matters(of person: DeskPerson) -> [DeskMatter] {
        matters.filter { $0.technicians.contains(person) || $0.lawyers.contains(person) }
    }
}

/// One audited matter of the caseload.
struct DeskMatter: Sendable {
    /// Relative to the caseload folder.
    let file: String
    /// As the file gives it: a redacted view audits it again, redacted.
    let matter: Matter
    let report: AuditReport
    let items: [DueItem]
    let technicians: [DeskPerson]
    let lawyers: [DeskPerson]

    init(file: String, matter: Matter, report: AuditReport) {
        self.file = file
        self.matter = matter
        self.report = report
        items = DueItem.items(of: report)
        technicians = Self.people(matter, .technician)
        lawyers = Self.people(matter, .attorney)
    }

    private static func people(_ matter: Matter, _ role: Person.Role) -> [DeskPerson] {
        var seen: Set<String> = []
        return matter.people.filter { $0.role == role }.map(DeskPerson.init).filter { seen.insert($0.id).inserted }
    }

    /// The first finding is the worst: the audit orders them by severity.
    var worst: Finding? { report.findings.first }
}

/// A person of the firm, the same on every matter that names them alike: the name, in any case and
/// spacing, is all that ties a person's matters together, for a matter file's ids are its own.
struct DeskPerson: Hashable, Comparable, Sendable {
    /// Opaque and stable: a digest of the name, so that an address or a subscribed feed never
    /// carries the name, and a person keeps their address when others are added.
    let id: String
    let name: String

    init(_ person: Person) {
        let key = person.name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        id = "p" + ContentHash.sha256(Array("bailiwick-person\0\(key)".utf8)).prefix(12)
        name = person.name
    }

    // One person whatever the spelling of their name on each matter: the id decides.
    static func == (a: DeskPerson, b: DeskPerson) -> Bool { a.id == b.id }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }
    static func < (a: DeskPerson, b: DeskPerson) -> Bool { (a.name, a.id) < (b.name, b.id) }

    /// How a redacted page names the person: by a part of the id, never the name.
    var placeholder: String { "Person \(id.dropFirst().prefix(6))" }
}

/// A matter file that could not be read, with its located problems (places and keys, never values).
struct BrokenFile: Sendable {
    let file: String
    let problems: [Diagnostic]
}
