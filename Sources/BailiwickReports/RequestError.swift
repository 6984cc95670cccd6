import Bailiwick

/// What is wrong with a request, kept typed from the stage that found it to the front end that
/// shows it. Fields are named by `RequestField`; a front end words them (`message(naming:)`),
/// so no option syntax reaches the API or a page, and no parameter syntax the command line.
public enum RequestError: Error, Sendable {
    /// An id the packs do not know, given as a parameter.
    case unknown(QueryError)
    /// An id the packs do not know, given as the address itself (`/v1/packs/{jurisdiction}`).
    case notFound(QueryError)
    case missing(RequestField)
    case invalid(RequestField, Problem)
    /// Exactly one of these fields must be given.
    case chooseOne([RequestField])
    case notComputable(Uncomputable)
    case unreadableMatter(DiagnosticList)
    /// A body over its limit: the matter file (`field` .matter) or a whole form (`field` nil).
    case tooLarge(RequestField?, limit: Int, raisedBy: String?)

    /// What is wrong with one field's value.
    public enum Problem: Sendable, Equatable {
        case outOfRange(ClosedRange<Int>, given: String)
        case notADate(String)
        case notATime(String)
        case notOneOf([String], given: String)
        /// An area held that the licence does not offer.
        case areaNotOffered(license: String, offered: [String], given: String)
        case notYesOrNo(String)
        case yesAndNo
        /// Given without the field it goes with.
        case needs(RequestField)
        /// Given with a named deadline, which sets its own counting.
        case notWithRule
        /// A `--fact`/`fact` value: the sentence names the fact, never the matter's data.
        case fact(String)
        /// A value a fact with a list of allowed values does not allow.
        case notAllowedValue(fact: String, given: String, allowed: [String])
        /// A row of the audit page's simple matter has an entry but no date.
        case rowWithoutDate(Int)
        /// A row of a form's list has an entry without what it needs (`needs` says what, never the row's values).
        case rowNeeds(Int, String)
        /// A form's list has more rows than a page takes.
        case tooManyRows(limit: Int)
    }

    /// Every field is valid, and still nothing can be computed.
    public enum Uncomputable: Sendable {
        case timeline(TimelineError)
        case needsMoreThanATrigger(rule: String)
        case noCourtCalendar(jurisdiction: String)
        case noQuestions
        /// A review with no miss to ask again (none recorded, or none the packs still ask).
        case nothingToReview
        /// An audit report whose findings name nothing the packs ask questions on.
        case nothingFromTheAudit
    }

    public var code: ErrorCode {
        switch self {
        case .unknown: .unknownID
        case .notFound: .notFound
        case .missing, .invalid, .chooseOne: .invalidParameter
        case .notComputable: .notComputable
        case .unreadableMatter: .unreadableMatter
        case .tooLarge: .tooLarge
        }
    }

    /// The field the error is about, if one is.
    public var field: RequestField? {
        switch self {
        case .unknown(let error), .notFound(let error): RequestField(error.kind)
        case .missing(let field), .invalid(let field, _): field
        case .tooLarge(let field, _, _): field
        case .chooseOne, .notComputable, .unreadableMatter: nil
        }
    }

    /// The id the user probably meant, when an unknown one is close to a known one.
    public var suggestion: String? {
        switch self {
        case .unknown(let error), .notFound(let error): error.suggestion
        case .invalid(_, .notAllowedValue(_, let given, let allowed)): Suggestions.closest(to: given, in: allowed)
        default: nil
        }
    }

    /// The valid ids or values, when the error is about one not among them (the API gives them as data).
    public var known: [String]? {
        switch self {
        case .unknown(let error), .notFound(let error): error.known
        case .invalid(_, .notOneOf(let values, _)): values
        case .invalid(_, .notAllowedValue(_, _, let allowed)): allowed
        default: nil
        }
    }

    /// The message, with each field named as `name` says (`--days`, `'days'`, a form's label).
    public func message(naming name: (RequestField) -> String) -> String {
        switch self {
        case .unknown(let error), .notFound(let error): error.description
        case .missing(let field): "\(name(field)) is required"
        case .invalid(let field, let problem): problem.message(name(field), naming: name)
        case .chooseOne(let fields): "give exactly one of " + Self.list(fields.map(name), or: true)
        case .notComputable(let reason): reason.description
        case .unreadableMatter: "the matter file cannot be read"
        case .tooLarge(let field, let limit, let setting):
            "\(field == .matter ? "the matter file" : "the form") is larger than \(limit) bytes, the largest accepted"
                + (setting.map { " (\($0) on the server raises the limit)" } ?? "")
        }
    }

    /// "a, b or c".
    static func list(_ items: [String], or: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}

extension RequestError: CustomStringConvertible {
    /// The message with fields named as the API names them, `'days'`.
    public var description: String { message { "'\($0.rawValue)'" } }
}

extension RequestError.Problem {
    func message(_ field: String, naming name: (RequestField) -> String) -> String {
        switch self {
        case .outOfRange(let range, let given):
            "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(given)'"
        case .notADate(let given):
            "\(field) must be a date written YYYY-MM-DD, not '\(given)'"
                + (ValueSyntax.dateHint(given).map { ": \($0)" } ?? "")
        case .notATime(let given): "\(field) must be a time HH:MM (24-hour clock), not '\(given)'"
        case .notOneOf(let values, let given):
            "\(field) must be one of \(values.joined(separator: ", ")), not '\(given)'"
        case .areaNotOffered(let license, let offered, let given):
            "\(field) names '\(given)', an area the \(license) licence does not offer "
                + "(it offers \(offered.joined(separator: ", ")))"
        case .notYesOrNo(let given): "\(field) must be \(ValueSyntax.yesOrNoWords), not '\(given)'"
        case .yesAndNo: "\(field) is given both as yes and as no"
        case .needs(let other): "\(field) needs \(name(other))"
        case .notWithRule: "\(field) is for ad-hoc periods; a named deadline (\(name(.rule))) sets its own"
        case .fact(let sentence): sentence
        case .notAllowedValue(let fact, let given, let allowed):
            Suggestions.message("'\(given)' is not a value of \(fact)", for: given, in: allowed, listedBy: nil)
        case .rowWithoutDate(let row): "row \(row) of \(field) needs a date"
        case .rowNeeds(let row, let needs): "row \(row) of \(field) needs \(needs)"
        case .tooManyRows(let limit): "\(field) has more than \(limit) rows, the most a page takes: write a matter file"
        }
    }
}

extension RequestError.Uncomputable: CustomStringConvertible {
    public var description: String {
        switch self {
        case .timeline(let error): error.description
        case .needsMoreThanATrigger(let rule): "\(rule) cannot be computed from a trigger date alone"
        case .noCourtCalendar(let jurisdiction): "the \(jurisdiction) pack has no court calendar"
        case .noQuestions: "the packs give no question for these choices; choose another topic, jurisdiction or licence"
        case .nothingToReview: "the results file records no missed question to ask again"
        case .nothingFromTheAudit:
            "the audit report has no error or warning on a rule, form or deadline that the packs ask about"
        }
    }
}
