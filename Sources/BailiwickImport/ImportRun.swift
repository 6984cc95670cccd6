import Bailiwick
import BailiwickLoading
import BailiwickReports

/// What became of one imported matter.
public struct ImportedFile: Sendable {
    public enum Status: Sendable {
        /// No file of that name before: `text` is to be written.
        case new
        /// The file is rewritten with `text`: its blocks changed, the rest kept.
        case updated
        case unchanged
        /// The file written before was edited inside a block: left as it is.
        case refused(line: Int, message: String)
        /// The file the import would write does not load (a hand edit that clashes with the import's lines).
        case invalid([Diagnostic])
    }

    public let draft: MatterDraft
    /// Where the file is (the output folder and the file name).
    public let path: String
    public let status: Status
    /// The text to write, for `new` and `updated`.
    public let text: String?
    /// Keys a person wrote by hand that the import left alone (`facts: children`).
    public let kept: [String]
    public let docket: [DocketCheck]
    /// The audit of the file as written (as of the import's date), when it loads.
    public let audit: AuditReport?
}

/// The import of one batch: the files, the matters not written, what belongs to no matter.
public struct ImportReport: Sendable {
    /// The source system, as the report names it ("Clio", "CSV").
    public let source: String
    public let mapping: String
    public let folder: String
    public let asOf: CivilDate
    public let files: [ImportedFile]
    public let skipped: [SkippedMatter]
    public let leftOver: [ImportedField]
    /// Whether client names and free text are shown.
    public let names: Bool

    public var differences: Int {
        files.reduce(0) { $0 + $1.docket.filter { $0.verdict == .differs }.count }
    }

    public var refusals: Int {
        files.filter {
            switch $0.status {
            case .refused, .invalid: true
            default: false
            }
        }.count
    }
}

public struct ImportOptions: Sendable {
    /// The date the written files are audited as of (nil: today in UTC).
    public var asOf: CivilDate?
    /// Replace blocks edited by hand.
    public var force = false
    /// Show client names and free text in the report.
    public var names = false

    public init(asOf: CivilDate? = nil, force: Bool = false, names: Bool = false) {
        self.asOf = asOf
        self.force = force
        self.names = names
    }
}

public enum ImportRun {
    /// Drafts each matter, merges it into the file written before (read through `existing`), loads
    /// the result as `audit` would, audits it and checks its court-rule dates. Writes nothing.
    package static func run(
        _ batch: ImportBatch, source: String, mapping: ImportMapping, packs: PackSet, folder: String,
        schema: (String) -> String, existing: (String) -> String?, options: ImportOptions, today: CivilDate
    ) -> ImportReport {
        var files: [ImportedFile] = []
        var skipped: [SkippedMatter] = []
        var names: Set<String> = []
        let asOf = options.asOf ?? today
        for matter in batch.matters.sorted(by: { ($0.displayNumber ?? $0.id) < ($1.displayNumber ?? $1.id) }) {
            switch MatterDraft.make(matter, mapping: mapping, packs: packs) {
            case .failure(let skip):
                skipped.append(skip)
            case .success(var draft):
                if !names.insert(draft.fileName.lowercased()).inserted {
                    draft.problems.append(
                        "another matter has the same file name: this one is named after its source id")
                    draft = draft.renamed(MatterDraft.fileName(for: "\(draft.matterID)-\(matter.id)"))
                    names.insert(draft.fileName.lowercased())
                }
                let path = folder.isEmpty ? draft.fileName : folder + "/" + draft.fileName
                files.append(
                    file(
                        draft, path: path, source: source, schema: schema(draft.jurisdiction), existing: existing(path),
                        packs: packs, options: options, asOf: asOf))
            }
        }
        return ImportReport(
            source: source, mapping: mapping.file, folder: folder, asOf: asOf, files: files, skipped: skipped,
            leftOver: batch.leftOver, names: options.names)
    }

    static func file(
        _ draft: MatterDraft, path: String, source: String, schema: String, existing: String?, packs: PackSet,
        options: ImportOptions, asOf: CivilDate
    ) -> ImportedFile {
        func outcome(_ status: ImportedFile.Status, text: String?, kept: [String] = [], audit: AuditReport? = nil)
            -> ImportedFile
        {
            let docket = audit.map { DocketCheck.check(draft.docket, report: $0, packs: packs) } ?? []
            return ImportedFile(
                draft: draft, path: path, status: status, text: text, kept: kept, docket: docket, audit: audit)
        }
        var text = ImportBlocks.render(draft.blocks, schema: schema, source: source)
        var kept: [String] = []
        if let existing {
            do throws(ImportBlocks.Refusal) {
                (text, kept) = try ImportBlocks.merge(draft.blocks, into: existing, force: options.force)
            } catch {
                return outcome(.refused(line: error.line, message: error.message), text: nil)
            }
        }
        let matter: Matter
        do throws(DiagnosticList) {
            matter = try MatterLoader.load(text: text, file: path, packs: packs)
        } catch {
            return outcome(.invalid(error.diagnostics), text: nil)
        }
        let audit = AuditRequest(asOf: asOf).audit(matter, in: packs, today: asOf)
        let status: ImportedFile.Status = existing == nil ? .new : existing == text ? .unchanged : .updated
        return outcome(status, text: existing == text ? nil : text, kept: kept, audit: audit)
    }
}

extension MatterDraft {
    func renamed(_ name: String) -> MatterDraft {
        MatterDraft(
            source: source, matterID: matterID, fileName: name, jurisdiction: jurisdiction, type: type, area: area,
            blocks: blocks, unmapped: unmapped, docket: docket, problems: problems)
    }
}
