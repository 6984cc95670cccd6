import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports
import Foundation

/// `--packs DIR`: shared by every verb that reads packs.
struct PackOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A pack-set folder (holding Rules/ and Jurisdictions/) to use instead of the shipped packs.",
            discussion: "The environment variable \(PackFiles.environmentVariable) does the same.",
            valueName: "dir"))
    var packs: String?

    /// Whether the packs come from files the user has (`--packs` or its environment variable), not the binary.
    var areFiles: Bool {
        packs != nil || ProcessInfo.processInfo.environment[PackFiles.environmentVariable] != nil
    }

    /// Loads the pack set (only `Rules/` and one jurisdiction's folder when a command is about
    /// one jurisdiction), or prints every problem in it and exits with status 2. The shipped packs
    /// are decoded from the form the build compiled, not parsed.
    func load(jurisdiction: String? = nil) throws -> PackSet {
        if !areFiles, let shipped = ShippedPacks.load(jurisdiction: jurisdiction) { return shipped }
        return try load(try files(jurisdiction: jurisdiction))
    }

    /// The pack files a command needs, or the problem finding them and exit status 2.
    func files(jurisdiction: String? = nil) throws -> [PackFile] {
        do {
            let all = try PackFiles.resolve(packsOption: packs)
            let needed = PackFiles.needed(for: jurisdiction, from: all)
            // An unknown jurisdiction loads everything, so the error can list the known ones.
            return
                needed.contains { $0.packPath.hasPrefix("Jurisdictions/") }
                ? needed : PackFiles.needed(for: nil, from: all)
        } catch {
            Console.error(DiagnosticRenderer(sources: [:]).render(error))
            throw ExitStatus.invalidInput.code
        }
    }

    /// The pack set of `files`, or every problem in it and exit status 2.
    func load(_ files: [PackFile]) throws -> PackSet {
        do {
            return try PackSetLoader.load(files)
        } catch {
            Console.error(DiagnosticRenderer(files: files).render(error))
            Console.error(
                "the packs have \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); run 'bailiwick "
                    + "validate' for details"
            )
            throw ExitStatus.invalidInput.code
        }
    }
}

/// `--format`: text for people, JSON for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A date argument, `YYYY-MM-DD`. Options read it with `transform: DateArgument.parse`, so a
/// refused date is told what to write instead (argument-parser shows the thrown error's description).
struct DateArgument: ExpressibleByArgument {
    let date: CivilDate

    init?(argument: String) {
        guard case .success(let date) = ValueSyntax.date(argument) else { return nil }
        self.date = date
    }

    static var defaultValueDescription: String { "today (UTC)" }

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ argument: String) throws -> DateArgument {
        switch ValueSyntax.date(argument) {
        case .success(let date): return DateArgument(date: date)
        case .failure(.notARealDate): throw Refused(description: "there is no such day")
        case .failure:
            throw Refused(
                description: "dates are written YYYY-MM-DD" + (ValueSyntax.dateHint(argument).map { "; \($0)" } ?? ""))
        }
    }

    private init(date: CivilDate) {
        self.date = date
    }
}
