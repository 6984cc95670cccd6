import ArgumentParser
import Bailiwick
import BailiwickReports

extension RequestField {
    /// The option that sets the field: the command line names fields this way only.
    var flag: String { "--\(rawValue)" }
}

extension RequestError {
    /// The message with fields named as options, `--days`, and an unknown id told the command
    /// that lists the known ones.
    var commandLineMessage: String {
        guard case .unknown(let error) = self else { return message { $0.flag } }
        return error.description(listedBy: error.kind.listCommand)
    }

    /// For a command's `validate()`: argument-parser prints it with the usage and exits 2.
    var validationError: ValidationError { ValidationError(commandLineMessage) }
}

extension Console {
    /// Fails with status 2 and the request's error, its fields named as options.
    static func invalidInput(_ error: RequestError) -> ExitCode { invalidInput(error.commandLineMessage) }

    /// The jurisdiction a command was given, or status 2 with the one message for an unknown one.
    @discardableResult
    static func resolve(_ jurisdiction: String, in packs: PackSet) throws -> Jurisdiction {
        do {
            return try packs.resolveJurisdiction(jurisdiction)
        } catch {
            throw invalidInput(.unknown(error))
        }
    }
}

extension QueryError.Kind {
    /// The `list` command that shows every id of this kind.
    var listCommand: String? {
        switch self {
        case .jurisdiction: "bailiwick list jurisdictions"
        case .license: "bailiwick list licenses"
        case .action: "bailiwick list actions"
        case .area: "bailiwick list areas"
        case .fact: "bailiwick list facts"
        case .rule: "bailiwick list rules"
        case .deadline: "bailiwick list deadlines"
        case .event: "bailiwick list events"
        case .timeRule: nil
        }
    }
}
