import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick holidays`: a jurisdiction's court holidays in a year, as its rules compute them.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List a jurisdiction's court holidays for a year, with the day each is observed.",
        discussion: """
            Dates come from the pack's holiday rules (fixed dates, nth weekdays, dates relative to other \
            holidays, Easter), with the jurisdiction's weekend shifts and each holiday's first and last years.

            Example: bailiwick holidays --jurisdiction us-wa --year 2026
            """
    )

    @Option(
        name: [.customShort("j"), .long],
        help: "Jurisdiction id (us, us-wa, us-ut, us-az, us-co, us-or, us-mn, ca-on).")
    var jurisdiction: String

    @Option(help: "The year (default: this year, in UTC).")
    var year: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var packOptions: PackOptions

    var request: HolidaysRequest { HolidaysRequest(jurisdiction: jurisdiction, year: year) }

    func validate() throws {
        do throws(RequestError) {
            try request.validate()
        } catch {
            throw error.validationError
        }
    }

    func run() throws {
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        let result: HolidaysRequest.Result
        do throws(RequestError) {
            result = try request.holidays(in: packs)
        } catch {
            throw Console.invalidInput(error)
        }
        switch format {
        case .json: try Console.print(result.json, terminator: "")
        case .text: try Console.print(result.text(style: .standardOutput), terminator: "")
        }
    }
}
