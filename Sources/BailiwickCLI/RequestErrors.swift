import ArgumentParser
import Bailiwick
import BailiwickReports

extension RequestField {
    /// The option that sets the field: the command line names fields this way only.
    var flag: String { "--\(rawValue)" }
}

extension RequestError {
    /// The message with fields named as options, `--days`.
    var commandLineMessage: String { message { $0.flag } }

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
