import ArgumentParser
import Bailiwick
import BailiwickImport
import BailiwickLoading
import BailiwickReports
import Foundation

/// `bailiwick import clio|csv`: a case-management system's data to matter files, by the firm's mapping.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write matter files from Clio (API pages or the matters CSV export) or a generic CSV.",
        discussion: """
            The firm's mapping file (docs/import.md) says which matters are which matter type, which custom \
            fields are which facts, which calendar entries are events or court-rule deadlines to check, which \
            documents are forms, who each user is (licence and dates) and which time entries are which actions. \
            One matter file is written per matter, named after its number, and audited; each court-rule date is \
            recomputed by Bailiwick and a different date is flagged with both dates and Bailiwick's steps. The \
            report lists every field that was not mapped; client names and free text only with --names.

            Re-importing rewrites only the blocks the import wrote (between its 'bailiwick-import begin' and \
            'end' lines) and keeps everything added outside them; a block edited by hand is not replaced \
            without --force.

            Exit status: 0 when every matter was written and every court-rule date agrees; 1 when a date \
            differs or a matter was not imported; 2 when an input, the mapping or a file written before must \
            be corrected.

            Examples:
              bailiwick import clio Examples/import/clio --mapping Examples/import/firm-mapping.yaml --output matters
              bailiwick import csv Examples/import/mycase-events.csv --mapping Examples/import/csv-mapping.yaml \\
                --output matters
            """,
        subcommands: [Clio.self, CSV.self]
    )

    struct Options: ParsableArguments {
        @Argument(help: "Input files, or folders of them.")
        var paths: [String]

        @Option(help: ArgumentHelp("The firm's mapping file (YAML; docs/import.md).", valueName: "file"))
        var mapping: String

        @Option(help: ArgumentHelp("The folder the matter files are written to.", valueName: "dir"))
        var output: String?

        @Flag(name: .customLong("dry-run"), help: "Write no file: only report what the import would write.")
        var dryRun = false

        @Flag(help: "Replace an import block even when it was edited by hand.")
        var force = false

        @Flag(help: "Show client names and free text (descriptions, notes) in the report.")
        var names = false

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Audit the written files as of this date (default: today in UTC).", valueName: "date"),
            transform: DateArgument.parse)
        var asOf: DateArgument?

        @Option(help: "Output format of the report: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var packOptions: PackOptions

        func validate() throws {
            if output == nil && !dryRun { throw ValidationError("give --output DIR (or --dry-run)") }
        }
    }

    struct Clio: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import Clio API v4 pages ({\"data\": [...]}, named after their endpoint) and matters CSV exports.")

        @OptionGroup var options: Options

        func run() throws {
            try ImportCommand.run(options, source: "Clio") { files, _ throws(ImportProblem) in
                var batch = try ClioJSONReader.read(files.filter { !$0.path.lowercased().hasSuffix(".csv") })
                for file in files where file.path.lowercased().hasSuffix(".csv") {
                    let table = try CSVTable(text: file.text, file: file.path)
                    batch.matters += try ClioCSVReader.read(table, file: file.path).matters
                }
                return batch
            }
        }
    }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import CSV files read by the columns the mapping's csv: section names.")

        @OptionGroup var options: Options

        func run() throws {
            try ImportCommand.run(options, source: "CSV") { files, mapping throws(ImportProblem) in
                guard let columns = mapping.csv else {
                    throw ImportProblem(file: mapping.file, "the mapping has no csv: section naming the columns")
                }
                var tables: [(table: CSVTable, file: String)] = []
                for file in files { tables.append((try CSVTable(text: file.text, file: file.path), file.path)) }
                return try GenericCSVReader.read(tables, columns: columns)
            }
        }
    }

    static func run(
        _ options: Options, source: String,
        read: ([(path: String, text: String)], ImportMapping) throws(ImportProblem) -> ImportBatch
    ) throws {
        let packs = try options.packOptions.load()
        let mapping: ImportMapping
        do {
            mapping = try ImportMappingLoader.load(path: options.mapping, packs: packs)
        } catch {
            let text = (try? InputFile.text(at: options.mapping)) ?? ""
            Console.error(DiagnosticRenderer(sources: [options.mapping: text]).render(error))
            throw ExitStatus.invalidInput.code
        }
        let batch: ImportBatch
        do {
            batch = try read(try inputs(options.paths), mapping)
        } catch let problem as ImportProblem {
            throw Console.invalidInput(problem.description.replacingOccurrences(of: ": error: ", with: ": "))
        }
        let folder = options.output.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
        // A file that is there but cannot be read is not "new": writing over it would lose what a person
        // added by hand. A dry run reads the files too, so it reports what a real run would do.
        var unreadable: [String] = []
        let report = ImportRun.run(
            batch, source: source, mapping: mapping, packs: packs, folder: folder,
            schema: SchemaCommand.fileName(for:),
            existing: { path in
                guard !folder.isEmpty, FileManager.default.fileExists(atPath: path) else { return nil }
                do throws(Diagnostic) { return try InputFile.text(at: path) } catch {
                    unreadable.append("\(path): \(error.message)")
                    return nil
                }
            },
            options: ImportOptions(asOf: options.asOf?.date, force: options.force, names: options.names),
            today: .todayUTC)
        guard unreadable.isEmpty else {
            throw Console.invalidInput(
                unreadable.joined(separator: "\n") + "\nnothing was written: an earlier file cannot be read")
        }
        if !options.dryRun, let output = options.output { try write(report, to: output) }
        try Console.print(
            options.format == .json ? ImportReportJSON.render(report) : ImportReportText.render(report),
            terminator: "")
        if report.refusals > 0 { throw ExitStatus.invalidInput.code }
        if report.differences > 0 || !report.skipped.isEmpty { throw ExitStatus.findings.code }
    }

    /// The files named, and the .json and .csv files of the folders named, each read whole.
    static func inputs(_ paths: [String]) throws -> [(path: String, text: String)] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw Console.invalidInput("\(path): no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let found = FolderWalk.files(under: path) { FolderWalk.hasExtension($0, in: [".json", ".csv"]) }
            if let problem = found.problems.first { throw Console.invalidInput(problem.description) }
            files += found.files
        }
        // Read in one order, whatever order they were named in: the report never depends on it.
        return try Set(files).sorted().map { path in
            do throws(Diagnostic) {
                return (path, try InputFile.text(at: path))
            } catch {
                throw Console.invalidInput(error.description)
            }
        }
    }

    /// Each new or changed file, written whole. The schema the files name is not written beside them, as
    /// `new` does: the folder is a caseload, and `audit DIR` would read a JSON schema there as a broken matter.
    static func write(_ report: ImportReport, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Console.invalidInput("cannot create the folder \(folder)")
        }
        for file in report.files {
            guard let text = file.text else { continue }
            try NewCommand.write(text, to: file.path)
        }
    }
}
