/// `Truth` as the decision's evaluators hold it: false 0, unknown 1, true 2, so that Kleene's
/// "and" is the smaller code, "or" the larger and "not" two minus the code, with no branch.
struct Kleene: Equatable, Sendable {
    let code: UInt8

    static let `false` = Kleene(code: 0)
    static let unknown = Kleene(code: 1)
    static let `true` = Kleene(code: 2)

    init(code: UInt8) { self.code = code }

    init(_ truth: Truth) {
        switch truth {
        case .false: code = 0
        case .unknown: code = 1
        case .true: code = 2
        }
    }

    var truth: Truth {
        switch code {
        case 0: .false
        case 2: .true
        default: .unknown
        }
    }

    static prefix func ! (value: Kleene) -> Kleene { Kleene(code: 2 &- value.code) }

    static func && (lhs: Kleene, rhs: Kleene) -> Kleene { Kleene(code: min(lhs.code, rhs.code)) }

    static func || (lhs: Kleene, rhs: Kleene) -> Kleene { Kleene(code: max(lhs.code, rhs.code)) }
}
