import ArgumentParser
import Foundation

/// The `bailiwick` command: scope-of-practice and compliance checks from rule packs.
@main
struct BailiwickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bailiwick",
        abstract: "Check what a legal technician may do under their licence, from cited rule packs.",
        discussion: """
            Exit codes: 0 permitted or clean; 1 out of scope (or findings); 2 invalid input or usage.

            Bailiwick is a checking aid, not legal advice: every answer names the rules and citations \
            it rests on and how well each is verified.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, AuditCommand.self, NewCommand.self, SchemaCommand.self, DeadlinesCommand.self,
            HolidaysCommand.self, ValidateCommand.self, TestCommand.self, HistoryCommand.self,
            ExplainCommand.self, ListCommand.self, QuizCommand.self, BenchCommand.self, ServeCommand.self,
            DiffCommand.self, ImportCommand.self,
        ]
    )

    /// The version `--version` prints, and the journal records of the shipped packs.
    static let version = "0.1.0"

    /// Runs a command, mapping argument errors to exit status 2 as the documented interface says.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = ArgumentSuggestions.unknownCommand(arguments) {
            Console.error(unknown)
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as WriteFailure {
            Console.error("error: \(failure)")
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                do {
                    try Console.print(fullMessage(for: error))
                } catch {
                    Console.error("error: \(error)")
                    Foundation.exit(ExitStatus.invalidInput.rawValue)
                }
                Foundation.exit(0)
            }
            Console.error(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus: Int32 {
    // 0 (permitted, or no findings) is a normal return: nothing throws it.
    case findings = 1
    case invalidInput = 2

    var code: ExitCode { ExitCode(rawValue) }
}
