import Bailiwick
import BailiwickReports
import Foundation

/// Asks for one fact on the terminal (`check --interactive`, `audit --ask`): the prompt on standard
/// error, the answer from standard input, asked again until it is one the fact takes.
enum FactPrompt {
    /// The answer as the facts' parser takes it and as read; nil when the user stops (an empty line
    /// or the end of input). A list fact answered `none` (or `-`) is the empty list.
    static func ask(_ fact: FactDefinition) -> (text: String, value: FactValue)? {
        while true {
            Console.error(FactQuestion.prompt(fact), terminator: "")
            let line = readLine()?.trimmingCharacters(in: .whitespaces)
            // A terminal shows what was typed; input from a pipe is shown, so the transcript reads.
            if isatty(STDIN_FILENO) == 0 { Console.error(line ?? "") }
            guard let line, !line.isEmpty else { return nil }
            if fact.type == .list && FactQuestion.isNone(line) { return ("", .list([])) }
            do throws(RequestError) {
                return (line, try FactArguments.value(line, for: fact))
            } catch {
                Console.error("  \(error.commandLineMessage)")
            }
        }
    }
}
