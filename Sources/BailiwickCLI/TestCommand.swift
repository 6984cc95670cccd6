import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports

/// `bailiwick test`: run the tests the packs carry, and report which rules no test exercises.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the packs' own tests (scope questions and example matters) and report rule coverage.",
        discussion: """
            PATH is as for 'bailiwick validate': the packs in use by default, a pack-set folder, or pack \
            files and jurisdiction folders laid over the packs in use. Each failure shows what was expected \
            and what happened. Exit status: 0 when every test passes; 1 when one fails (or, with --strict, \
            when a scope rule is exercised by no test); 2 when the packs cannot be read.
            """
    )

    @Argument(help: "Pack files or folders to test.")
    var paths: [String] = []

    @Option(name: [.customShort("j"), .long], help: "Only the tests (and coverage) of this jurisdiction.")
    var jurisdiction: String?

    @Flag(help: "Fail when a scope rule is exercised by no test.")
    var strict = false

    @Option(help: "Output format: text, json or junit.")
    var format: TestFormat = .text

    @OptionGroup var packOptions: PackOptions

    enum TestFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    func run() throws {
        var files: [PackFile] = []
        let loaded: (packs: PackSet, tests: [PackTest])
        do {
            files = try PackFiles.resolve(packsOption: packOptions.packs)
            files = try PackFiles.overlay(paths, on: files)
            loaded = try PackSetLoader.loadWithTests(files)
        } catch {
            Console.error(DiagnosticRenderer(files: files).render(error))
            throw ExitStatus.invalidInput.code
        }
        let packs = loaded.packs
        if !packs.warnings.isEmpty {
            Console.error(DiagnosticRenderer(files: files).render(DiagnosticList(packs.warnings)))
        }
        if let jurisdiction { try Console.resolve(jurisdiction, in: packs) }
        let tests = loaded.tests.filter { test in jurisdiction.map { $0 == test.jurisdiction } ?? true }
        let results = packs.run(tests)
        let scope = jurisdiction.map { Set([$0]) }
        let uncovered = packs.uncoveredRules(after: results, in: scope).filter { rule in
            jurisdiction.map { rule.jurisdiction == $0 } ?? true
        }
        switch format {
        case .text:
            try Console.print(
                PackTestReport.text(results, uncovered: uncovered, style: .standardOutput), terminator: "")
        case .json: try Console.print(PackTestReport.json(results, uncovered: uncovered), terminator: "")
        case .junit:
            try Console.print(PackTestReport.junit(results, uncovered: uncovered, strict: strict), terminator: "")
        }
        if results.contains(where: { !$0.passed }) || (strict && !uncovered.isEmpty) {
            throw ExitStatus.findings.code
        }
    }
}
