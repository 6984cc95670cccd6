/// What became of one candidate rule during a decision.
struct CandidateState: Sendable {
    var inForce = false
    var applies = Truth.false
    var active = Truth.false
    var evaluated = false
    var decisive = false

    init() {}

    /// Bit 0 in force, bits 1-2 applies, bits 3-4 active, bit 5 evaluated, bit 6 decisive.
    fileprivate init(byte: UInt8) {
        inForce = byte & 1 != 0
        applies = Self.truth(byte >> 1)
        active = Self.truth(byte >> 3)
        evaluated = byte & 0x20 != 0
        decisive = byte & 0x40 != 0
    }

    fileprivate var byte: UInt8 {
        (inForce ? 1 : 0) | Self.bits(applies) << 1 | Self.bits(active) << 3 | (evaluated ? 0x20 : 0)
            | (decisive ? 0x40 : 0)
    }

    private static func bits(_ truth: Truth) -> UInt8 {
        switch truth {
        case .false: 0
        case .true: 1
        case .unknown: 2
        }
    }

    private static func truth(_ bits: UInt8) -> Truth {
        switch bits & 3 {
        case 0: .false
        case 1: .true
        default: .unknown
        }
    }
}

/// The states of a decision's candidate rules, a byte each, by position among the candidates:
/// held inline for up to 32 candidates, so that a decision allocates nothing; a larger set (no
/// shipped pack has one) is held in an array.
struct CandidateStates: Sendable {
    static let inlineCapacity = 32

    private var inline: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var overflow: [UInt8] = []
    let count: Int

    init(count: Int) {
        self.count = count
        if count > Self.inlineCapacity { overflow = Array(repeating: 0, count: count) }
    }

    subscript(position: Int) -> CandidateState {
        get {
            precondition(position >= 0 && position < count, "candidate position out of range")
            if count > Self.inlineCapacity { return CandidateState(byte: overflow[position]) }
            return withUnsafeBytes(of: inline) { CandidateState(byte: $0[position]) }
        }
        set {
            precondition(position >= 0 && position < count, "candidate position out of range")
            if count > Self.inlineCapacity {
                overflow[position] = newValue.byte
            } else {
                withUnsafeMutableBytes(of: &inline) { $0[position] = newValue.byte }
            }
        }
    }
}
