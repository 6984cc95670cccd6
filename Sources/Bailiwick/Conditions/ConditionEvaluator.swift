extension CompiledCondition {
    /// Evaluates the condition over a matter's facts in three-valued logic.
    public func evaluate(_ facts: FactValues) -> Truth {
        switch self {
        case .constant(let value):
            return Truth(value)
        case .fact(let slot):
            guard case .boolean(let value)? = facts[slot] else { return .unknown }
            return Truth(value)
        case .not(let operand):
            return !operand.evaluate(facts)
        case .and(let lhs, let rhs):
            return lhs.evaluate(facts) && rhs.evaluate(facts)
        case .or(let lhs, let rhs):
            return lhs.evaluate(facts) || rhs.evaluate(facts)
        case .compare(let lhs, let op, let rhs):
            guard let left = lhs.value(in: facts), let right = rhs.value(in: facts) else { return .unknown }
            return Truth(Self.compare(left, op, right))
        case .member(let element, let container):
            guard let item = element.value(in: facts), let list = container.value(in: facts),
                case .list(let members) = list
            else { return .unknown }
            return Truth(members.contains(item.description))
        case .overlaps(let lhs, let rhs):
            guard case .list(let left)? = lhs.value(in: facts), case .list(let right)? = rhs.value(in: facts) else {
                return .unknown
            }
            return Truth(!left.isDisjoint(with: right))
        }
    }

    private static func compare(_ lhs: FactValue, _ op: BinaryOperator, _ rhs: FactValue) -> Bool {
        switch op {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        default: break
        }
        let ordering: Int
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): ordering = a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): ordering = a < b ? -1 : (a == b ? 0 : 1)
        default: return false // ruled out by the type checker
        }
        switch op {
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        default: return false
        }
    }
}

extension CompiledCondition.Operand {
    func value(in facts: FactValues) -> FactValue? {
        switch self {
        case .fact(let slot): facts[slot]
        case .value(let value): value
        }
    }
}

extension Condition {
    public func evaluate(_ facts: FactValues) -> Truth { compiled.evaluate(facts) }

    /// The facts this condition reads that the matter does not give.
    public func unknownSlots(in facts: FactValues) -> [Int] {
        factSlots.filter { facts[$0] == nil }
    }
}
