extension CompiledCondition {
    /// Evaluates the condition over a matter's facts in three-valued logic. A parameter takes its
    /// value on `date`; without a date, or before its first dated value, it is unknown.
    public func evaluate(_ facts: FactValues, on date: CivilDate? = nil) -> Truth {
        switch self {
        case .constant(let value):
            return Truth(value)
        case .fact(let slot):
            guard case .boolean(let value)? = facts[slot] else { return .unknown }
            return Truth(value)
        case .not(let operand):
            return !operand.evaluate(facts, on: date)
        case .and(let lhs, let rhs):
            return lhs.evaluate(facts, on: date) && rhs.evaluate(facts, on: date)
        case .or(let lhs, let rhs):
            return lhs.evaluate(facts, on: date) || rhs.evaluate(facts, on: date)
        case .compare(let lhs, let op, let rhs):
            guard let left = lhs.value(in: facts, on: date), let right = rhs.value(in: facts, on: date) else {
                return .unknown
            }
            return Truth(Self.compare(left, op, right))
        case .member(let element, let container):
            guard let item = element.value(in: facts, on: date), let list = container.value(in: facts, on: date),
                case .list(let members) = list
            else { return .unknown }
            return Truth(members.contains(item.description))
        case .overlaps(let lhs, let rhs):
            guard case .list(let left)? = lhs.value(in: facts, on: date),
                case .list(let right)? = rhs.value(in: facts, on: date)
            else {
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
    func value(in facts: FactValues, on date: CivilDate?) -> FactValue? {
        switch self {
        case .fact(let slot): facts[slot]
        case .value(let value): value
        case .parameter(let parameter): date.flatMap { parameter.value(on: $0)?.value }
        }
    }
}

extension Condition {
    public func evaluate(_ facts: FactValues, on date: CivilDate? = nil) -> Truth {
        compiled.evaluate(facts, on: date)
    }

    /// The parameters it reads, each with its value on `date` (nil: none that day).
    public func parameterUses(on date: CivilDate) -> [ParameterUse] {
        parameters.map { ParameterUse(parameter: $0, value: $0.value(on: date)) }
    }

    /// The facts this condition reads that the matter does not give.
    public func unknownSlots(in facts: FactValues) -> [Int] {
        factSlots.filter { facts[$0] == nil }
    }
}
