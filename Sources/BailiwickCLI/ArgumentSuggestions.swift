import ArgumentParser
import Bailiwick
import Foundation

/// "Did you mean" for a misspelt command (`chek`), which argument-parser would refuse as an
/// unknown option of the top command; it already suggests the options of a command.
enum ArgumentSuggestions {
    static var commands: [any ParsableCommand.Type] { BailiwickCommand.configuration.subcommands }

    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// The message for a first argument that is neither a command nor an option, or nil.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = commands.map(name)
        guard !names.contains(first) else { return nil }
        return Suggestions.message(
            "error: unknown command '\(first)'", for: first, in: names, listedBy: "bailiwick --help", all: true)
    }
}
