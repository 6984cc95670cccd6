/// A parsed, not yet type-checked condition. Ranges are offsets in Unicode scalars from the
/// start of the condition text, so errors can point inside it.
indirect enum ConditionSyntax: Sendable {
    case fact(String, Range<Int>)
    case boolean(Bool, Range<Int>)
    case integer(Int, Range<Int>)
    case string(String, Range<Int>)
    case date(CivilDate, Range<Int>)
    case list([ConditionSyntax], Range<Int>)
    case not(ConditionSyntax, Range<Int>)
    case binary(BinaryOperator, ConditionSyntax, ConditionSyntax, operatorRange: Range<Int>)

    var range: Range<Int> {
        switch self {
        case .fact(_, let range), .boolean(_, let range), .integer(_, let range), .string(_, let range),
            .date(_, let range), .list(_, let range), .not(_, let range):
            range
        case .binary(_, let lhs, let rhs, _):
            lhs.range.lowerBound..<rhs.range.upperBound
        }
    }
}

public enum BinaryOperator: String, Sendable {
    case and, or
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in`
    case notIn = "not in"
    case containsAny = "contains-any"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// A problem in a condition's text, at an offset inside it.
public struct ConditionError: Error, Sendable, Equatable {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
