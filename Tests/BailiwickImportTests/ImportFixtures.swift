import Bailiwick
import BailiwickImport
import BailiwickLoading
import BailiwickPacks
import Foundation

/// The shipped packs, and an import run of inline inputs, for the library-level tests.
enum ImportFixtures {
    static let packs: PackSet = try! PackSetLoader.load(PackFiles.shipped)

    static func mapping(_ text: String) throws(DiagnosticList) -> ImportMapping {
        try ImportMappingLoader.load(text: text, file: "firm.yaml", packs: packs)
    }

    /// Imports CSV text read by `mapping`'s columns; `existing` is what the output folder holds, by path.
    static func importCSV(
        _ csv: String, mapping: ImportMapping, existing: [String: String] = [:], force: Bool = false
    ) throws -> ImportReport {
        let table = try CSVTable(text: csv, file: "lines.csv")
        let batch = try GenericCSVReader.read([(table, "lines.csv")], columns: mapping.csv!)
        return ImportRun.run(
            batch, source: "CSV", mapping: mapping, packs: packs, folder: "out",
            schema: { "bailiwick-matter-\($0).schema.json" }, existing: { existing[$0] },
            options: ImportOptions(asOf: CivilDate("2026-04-01")!, force: force),
            today: CivilDate("2026-04-01")!)
    }
}
