import ArgumentParser
import Bailiwick
import BailiwickReports

/// `bailiwick deadlines`: when is it due, and why that date?
struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "Compute a deadline from a trigger date, with each step of the computation and the rule behind it.",
        discussion: """
            Either count an ad-hoc period with the jurisdiction's time rule (--days, --hours), or compute a \
            named deadline of the pack (--rule; see 'bailiwick list deadlines'). The jurisdiction's rule on \
            the trigger date decides how days are counted: the trigger day is skipped, short periods may skip \
            weekends and holidays, a last day on a weekend or court holiday moves to the next court day \
            (the previous one when counting back), and days are added for service by mail where the rule says so.

            Examples:
              bailiwick deadlines --jurisdiction us --from 2026-01-09 --days 21 --service mail
              bailiwick deadlines --jurisdiction us-wa --rule answer-to-complaint --from 2026-03-08
              bailiwick deadlines --jurisdiction us-wa --rule answer-to-complaint --from 2026-03-08 --fact \
            served-out-of-state=true --format ics
            """
    )

    @Option(
        name: [.customShort("j"), .long],
        help: "Jurisdiction id (us, us-wa, us-ut, us-az, us-co, us-or, us-mn, ca-on).")
    var jurisdiction: String

    @Option(
        help: ArgumentHelp(
            "The date of the trigger event (service, entry of judgment, …), YYYY-MM-DD.", valueName: "date"),
        transform: DateArgument.parse)
    var from: DateArgument

    @Option(help: "A named deadline of the jurisdiction's pack.")
    var rule: String?

    @Option(help: "An ad-hoc period in days.")
    var days: Int?

    @Flag(help: "With --days: count court days only (weekends and court holidays skipped).")
    var courtDays = false

    @Option(help: "An ad-hoc period in hours (needs --at).")
    var hours: Int?

    @Option(help: ArgumentHelp("The time of the trigger, HH:MM, for periods in hours.", valueName: "time"))
    var at: String?

    @Flag(help: "With --days or --hours: count back from the trigger (a deadline before a hearing).")
    var before = false

    @Option(help: "How the triggering paper was served: personal, mail, electronic, clerk or consented.")
    var service: ServiceMethodArgument?

    @Option(
        name: .customLong("time-rule"), help: "With --days or --hours: a time rule of the pack other than the default.")
    var timeRule: String?

    @Option(
        name: .customLong("fact"),
        help: ArgumentHelp(
            "A matter fact deciding between a rule's variants, id=value (repeatable): --fact served-out-of-state=true.",
            valueName: "id=value"))
    var facts: [String] = []

    @Option(help: "Output format: text, json or ics (an iCalendar file of all-day events).")
    var format: DeadlineFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the result to this file instead of standard output (written whole).", valueName: "file"))
    var output: String?

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Calendar (--format ics)") var calendar: CalendarArguments

    enum DeadlineFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, ics
    }

    /// The request the options describe.
    var request: DeadlineRequest {
        get throws(RequestError) {
            var request = DeadlineRequest(jurisdiction: jurisdiction, from: from.date)
            request.rule = rule
            request.days = days
            request.courtDays = courtDays
            request.hours = hours
            request.at = at.flatMap(TimeOfDay.init)
            request.before = before
            request.service = service?.method
            request.timeRule = timeRule
            request.facts = try FactArguments.pairs(facts)
            return request
        }
    }

    func validate() throws {
        do throws(RequestError) {
            if let at { _ = try DeadlineRequest.time(at) }
            try request.validate()
        } catch {
            throw error.validationError
        }
        if calendar.given && format != .ics {
            throw ValidationError("--reminders, --names and --previous are for --format ics")
        }
        if calendar.names { throw ValidationError("--names is for 'audit': a deadline has no matter or people") }
    }

    func run() throws {
        let packs = try packOptions.load(jurisdiction: jurisdiction)
        let item: DeadlineItem
        do throws(RequestError) {
            item = try request.compute(in: packs)
        } catch {
            throw Console.invalidInput(error)
        }
        let options = try calendar.options()
        let text =
            switch format {
            case .text:
                DeadlineText(
                    item: item, packs: packs, style: output == nil ? .standardOutput : .plain, hints: .commandLine
                )
                .render()
            case .json: DeadlineJSON.render([item])
            case .ics: ICalendar.render([item], options: options)
            }
        do throws(WriteFailure) {
            let sink = try ReportSink(path: output)
            try sink.write(text)
            try sink.finish()
        } catch {
            throw Console.invalidInput(error.description)
        }
    }
}

/// `--service`.
struct ServiceMethodArgument: ExpressibleByArgument {
    let method: ServiceMethod

    init?(argument: String) {
        guard let method = ServiceMethod(rawValue: argument) else { return nil }
        self.method = method
    }

    static var allValueStrings: [String] { ServiceMethod.allCases.map(\.rawValue) }
}

extension DeadlineHints {
    /// The command line's hints name the options that supply what is missing.
    static let commandLine = DeadlineHints(
        facts: { "(--fact \($0.joined(separator: "=…, --fact "))=… decides)" },
        undecidable: "cannot be worked out from what was given (another event's date, or --at for hours)")
}
