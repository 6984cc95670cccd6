import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickReports

/// The options of an iCalendar export (`--format ics`), shared by `audit` and `deadlines`.
struct CalendarArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "With --format ics: reminders, in days before each date, comma-separated, or none (default: 7,1).",
            valueName: "days"))
    var reminders: ReminderDays?

    @Flag(help: "With --format ics: put matter titles and people's names in the events (left out by default).")
    var names = false

    @Option(
        help: ArgumentHelp(
            "With --format ics: the calendar this export replaces; changed events get a higher SEQUENCE, "
                + "and events no longer there are cancelled.", valueName: "file"))
    var previous: String?

    var given: Bool { reminders != nil || names || previous != nil }

    /// The options, with the previous export read; a file that is not one is bad input.
    func options() throws -> CalendarOptions {
        var previousCalendar: PreviousCalendar?
        if let previous {
            let text: String
            do throws(Diagnostic) {
                text = try InputFile.text(at: previous)
            } catch {
                Console.error(error.description)
                throw ExitStatus.invalidInput.code
            }
            do throws(PreviousCalendar.Problem) {
                previousCalendar = try PreviousCalendar(parsing: text)
            } catch {
                throw Console.invalidInput("\(previous):\(error.line): \(error.message) (--previous)")
            }
        }
        return CalendarOptions(
            reminders: reminders?.days ?? CalendarOptions.defaultReminders, names: names, previous: previousCalendar)
    }
}

/// `--reminders 14,7,1` or `--reminders none`.
struct ReminderDays: ExpressibleByArgument {
    let days: [Int]

    init?(argument: String) {
        if argument == "none" {
            days = []
            return
        }
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty,
            parts.allSatisfy({ $0.map { (0...CalendarOptions.maximumReminder).contains($0) } ?? false })
        else { return nil }
        days = parts.compactMap { $0 }
    }

    static var defaultValueDescription: String { "7,1" }
}
