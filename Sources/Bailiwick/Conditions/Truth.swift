/// Three-valued (Kleene) truth: a fact the matter does not give is unknown, never silently
/// true or false.
public enum Truth: String, Sendable, Hashable {
    case `true`, `false`, unknown

    public init(_ value: Bool) { self = value ? .true : .false }

    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }

    public static func && (lhs: Truth, rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .false { return .false }
        let right = rhs()
        if right == .false { return .false }
        return lhs == .true && right == .true ? .true : .unknown
    }

    public static func || (lhs: Truth, rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .true { return .true }
        let right = rhs()
        if right == .true { return .true }
        return lhs == .false && right == .false ? .false : .unknown
    }
}
