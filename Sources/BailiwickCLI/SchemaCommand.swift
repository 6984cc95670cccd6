import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick schema`: the JSON Schema of matter files, for editors that check YAML as it is typed.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of matter files, for an editor's YAML support.",
        discussion: """
            The schema is made from the keys the matter loader accepts and the packs' ids. With \
            --jurisdiction, the ids that depend on the jurisdiction (matter types, areas, licences, forms) \
            are listed, so an editor can complete them; facts and events are shared, so every one is. A \
            matter file names its schema in its first line, as 'bailiwick new' writes it:
              # yaml-language-server: $schema=bailiwick-matter-us-wa.schema.json

            Example:
              bailiwick schema matter --jurisdiction us-wa > bailiwick-matter-us-wa.schema.json
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case matter
    }

    @Argument(help: "What the schema is of: matter.")
    var kind: Kind

    @Option(name: [.customShort("j"), .long], help: "Only the ids of this jurisdiction.")
    var jurisdiction: String?

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        let place = try jurisdiction.map { try Console.resolve($0, in: packs) }
        try Console.print(MatterSchema.json(packs: packs, jurisdiction: place).rendered(), terminator: "")
    }

    /// The file name `bailiwick new` gives a jurisdiction's schema, beside the matter file.
    static func fileName(for jurisdiction: String) -> String { "bailiwick-matter-\(jurisdiction).schema.json" }
}
