import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports

/// `bailiwick validate`: load packs strictly and report every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rule packs for errors: unknown keys and ids, wrong types, bad dates and conditions, cycles.",
        discussion: """
            With no PATH, validates the packs in use (the shipped ones, or --packs DIR). A PATH that is a \
            folder holding Rules/ or Jurisdictions/ is validated as a whole pack set; a pack file, or a \
            jurisdiction folder, is validated in place of its counterpart in the packs in use.

            Warnings (an id with an invisible character) are shown but do not make the packs invalid. \
            Exit status: 0 valid, 2 on any error.
            """
    )

    @Argument(help: "Pack files or folders to validate.")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        var files: [PackFile] = []
        let loaded: (packs: PackSet, tests: [PackTest])
        do {
            files = try PackFiles.resolve(packsOption: packOptions.packs)
            files = try PackFiles.overlay(paths, on: files)
            loaded = try PackSetLoader.loadWithTests(files)
        } catch {
            try report(error, files: files)
            throw ExitStatus.invalidInput.code
        }
        try report(packs: loaded.packs, tests: loaded.tests.count, files: files)
    }

    private func report(packs: PackSet, tests: Int, files: [PackFile]) throws {
        let summary =
            "\(files.count) files, \(packs.jurisdictions.count) jurisdictions, \(packs.licenses.count) licences, "
            + "\(packs.rules.count) rules, "
            + "\(packs.deadlines.count) deadlines, \(packs.matterTypes.count) matter types, \(tests) pack tests"
        switch format {
        case .text:
            if !packs.warnings.isEmpty {
                try Console.print(DiagnosticRenderer(files: files).render(DiagnosticList(packs.warnings)))
            }
            try Console.print("ok: \(summary)" + Self.warningCount(packs.warnings.count))
        case .json:
            let diagnostics = JSONValue.array(packs.warnings.map(PackJSON.diagnostic))
            try Console.print(
                JSONValue.object([
                    ("schema-version", 1), ("valid", true), ("summary", .string(summary)),
                    ("diagnostics", diagnostics),
                ]).rendered(), terminator: "")
        }
    }

    private static func warningCount(_ count: Int) -> String {
        count == 0 ? "" : " (\(count) warning\(count == 1 ? "" : "s"))"
    }

    private func report(_ error: DiagnosticList, files: [PackFile]) throws {
        let count = error.errors.count
        switch format {
        case .text:
            try Console.print(DiagnosticRenderer(files: files).render(error))
            try Console.print(
                "\(count) error\(count == 1 ? "" : "s")" + Self.warningCount(error.diagnostics.count - count))
        case .json:
            let diagnostics = JSONValue.array(error.diagnostics.map(PackJSON.diagnostic))
            try Console.print(
                JSONValue.object([
                    ("schema-version", 1), ("valid", false), ("summary", .string("\(count) errors")),
                    ("diagnostics", diagnostics),
                ]).rendered(), terminator: "")
        }
    }
}
