import ArgumentParser
import Bailiwick
import BailiwickReports
import Foundation

/// `bailiwick new`: a matter file to fill in, for one matter type (or for scope only), audited at once.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a matter file to fill in: the facts, events, forms and people a matter type reads.",
        discussion: """
            Each fact the matter type reads is written with its description and the values it takes, left \
            empty (not known yet); the events its deadlines run from and the forms it lists are written as \
            comments to uncomment with their dates. Without --type the matter is checked for scope only \
            (give --area). With --output the file is audited at once, so the findings say what is still to \
            fill in; without it the file goes to standard output. An existing file is never replaced \
            without --force.

            Examples:
              bailiwick new --jurisdiction us-wa --type unlawful-detainer --output eviction.yaml
              bailiwick new --jurisdiction us-ut --area family --output custody.yaml
            """
    )

    @Option(name: [.customShort("j"), .long], help: "Jurisdiction id; see 'bailiwick list jurisdictions'.")
    var jurisdiction: String

    @Option(
        name: .customLong("type"),
        help: "A matter type of the jurisdiction; see 'bailiwick list matter-types'. Left out: scope only.")
    var matterType: String?

    @Option(help: "Without --type: the practice area the matter's actions are in; see 'bailiwick list areas'.")
    var area: String?

    @Option(help: ArgumentHelp("Write the matter file here and audit it.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The file's as-of date (default: today in UTC).", valueName: "date"),
        transform: DateArgument.parse)
    var asOf: DateArgument?

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        let place = try Console.resolve(jurisdiction, in: packs)
        var type: MatterType?
        if let matterType {
            if area != nil { throw Console.invalidInput("--area is the matter type's own: give one or the other") }
            guard let found = packs.matterType(matterType, in: place.id) else {
                let known = packs.matterTypes(in: place.id).map(\.id)
                let message =
                    "unknown matter type '\(matterType)' in \(place.id)" + (known.isEmpty ? " (its pack has none)" : "")
                throw Console.invalidInput(
                    Suggestions.message(
                        message, for: matterType, in: known,
                        listedBy: "bailiwick list matter-types --jurisdiction \(place.id)"))
            }
            type = found
        }
        if let area, !packs.areas(applicableIn: place.id).contains(where: { $0.id == area }) {
            throw Console.invalidInput(
                Suggestions.message(
                    "unknown practice area '\(area)' in \(place.id)", for: area,
                    in: packs.areas(applicableIn: place.id).map(\.id),
                    listedBy: "bailiwick list areas --jurisdiction \(place.id)"))
        }
        let schemaName = SchemaCommand.fileName(for: place.id)
        let template = MatterTemplate(
            jurisdiction: place, type: type, area: area, asOf: asOf?.date ?? .todayUTC, schema: schemaName)
        let text = template.render(packs: packs)
        guard let output else {
            try Console.print(text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: output) && !force {
            throw Console.invalidInput("\(output) exists: give --force to replace it")
        }
        try Self.write(text, to: output)
        let schemaPath = ((output as NSString).deletingLastPathComponent as NSString).appendingPathComponent(schemaName)
        let wroteSchema = try Self.writeSchema(
            MatterSchema.json(packs: packs, jurisdiction: place).rendered(), to: schemaPath)
        try Console.print(
            "Wrote \(output)" + (wroteSchema ? " and its schema, \(schemaPath)" : "")
                + ". Its audit as written, which names what is still to fill in:\n")
        let reporter = AuditFormat.text.reporter(style: .standardOutput, failOn: .never)
        let caseload = try Caseload([output])
        do {
            _ = try CaseloadAudit.run(caseload, packs: packs, request: AuditRequest(), reporter: reporter, output: nil)
        } catch {
            throw Console.invalidInput(error.description)
        }
    }

    static func write(_ text: String, to path: String) throws {
        let sink = try ReportSink(path: path)
        defer { sink.discard() }
        try sink.write(text)
        try sink.finish()
    }

    /// Writes the schema unless a file of that name exists that is not a schema this command wrote
    /// (then it is left alone). Whether it was written.
    private static func writeSchema(_ schema: String, to path: String) throws -> Bool {
        if let existing = FileManager.default.contents(atPath: path) {
            let start = String(decoding: existing.prefix(400), as: UTF8.self)
            guard start.contains("\"title\": \"Bailiwick matter file") else { return false }
        }
        try write(schema, to: path)
        return true
    }
}
