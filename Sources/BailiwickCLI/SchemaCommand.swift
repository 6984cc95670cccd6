import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick schema`: the JSON Schema of matter files, for editors that check YAML as it is typed.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of matter files or pack files, for an editor's YAML support.",
        discussion: """
            The schema is made from the keys the matter loader accepts and the packs' ids. With \
            --jurisdiction, the ids that depend on the jurisdiction (matter types, areas, licences, forms) \
            are listed, so an editor can complete them; facts and events are shared, so every one is. A \
            matter file names its schema in its first line, as 'bailiwick new' writes it:
              # yaml-language-server: $schema=bailiwick-matter-us-wa.schema.json

            'schema pack' gives the sections and entry keys the pack loader accepts: of a file under \
            Rules/, or with --jurisdiction of a file under Jurisdictions/<id>/ (the id need not be a \
            shipped one). 'bailiwick validate' checks the values.

            Examples:
              bailiwick schema matter --jurisdiction us-wa > bailiwick-matter-us-wa.schema.json
              bailiwick schema pack --jurisdiction us-wa > bailiwick-pack-us-wa.schema.json
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case matter, pack
    }

    @Argument(help: "What the schema is of: matter or pack.")
    var kind: Kind

    @Option(name: [.customShort("j"), .long], help: "Only the ids of this jurisdiction.")
    var jurisdiction: String?

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        if kind == .pack {
            try Console.print(PackSchema.json(jurisdiction: jurisdiction).rendered(), terminator: "")
            return
        }
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        let place = try jurisdiction.map { try Console.resolve($0, in: packs) }
        try Console.print(MatterSchema.json(packs: packs, jurisdiction: place).rendered(), terminator: "")
    }

    /// The file name `bailiwick new` gives a jurisdiction's schema, beside the matter file.
    static func fileName(for jurisdiction: String) -> String { "bailiwick-matter-\(jurisdiction).schema.json" }
}
