/// Conditions laid out for scope decisions: each one a run of postfix steps in one contiguous
/// array, its operands plain values (fact slots, numbers, day numbers), evaluated in a loop over
/// a stack of two-bit truth values held in one machine word. Reading a step or a fact cell counts
/// no references, unlike walking `CompiledCondition`'s indirect cases and copying `FactValue`s.
///
/// The results are `CompiledCondition.evaluate`'s, case for case: what the plain form cannot
/// decide on its own (two strings compared, a member of a non-empty list, a condition nested
/// deeper than the stack) is handed to that evaluator, so it has only one meaning to keep.
struct ConditionProgram: Sendable {
    /// One step. Leaves push a truth value; `not`, `and` and `or` combine the top of the stack.
    enum Step: Sendable {
        case constant(Kleene)
        /// A boolean fact used as a condition.
        case fact(slot: Int)
        case not, and, or
        /// `compare`, at a position in `comparisons`.
        case compare(Int)
        /// `member`, at a position in `listTests`.
        case member(Int)
        /// `overlaps`, at a position in `listTests`.
        case overlaps(Int)
        /// A whole condition evaluated by `CompiledCondition`, at a position in `general`.
        case general(Int)
    }

    /// A value a comparison or list test reads.
    enum Operand: Sendable {
        case fact(slot: Int)
        case value(FactCell)
        /// A parameter's dated values, at a range of `parameterValues`, in date order.
        case parameter(Range<Int>)
    }

    struct Comparison: Sendable {
        let lhs: Operand
        let op: BinaryOperator
        let rhs: Operand
        /// The same comparison in `general`, for strings.
        let general: Int
    }

    /// `member` (element, container) or `overlaps` (lhs, rhs).
    struct ListTest: Sendable {
        let lhs: Operand
        let rhs: Operand
        /// The same test in `general`, for a non-empty list.
        let general: Int
    }

    /// One dated value of a parameter: from the day number `from`.
    struct DatedValue: Sendable {
        let from: Int
        let value: FactCell
    }

    /// The deepest stack a program may need: 32 two-bit values fill a 64-bit word.
    static let maximumDepth = 32

    private(set) var steps: [Step] = []
    private(set) var comparisons: [Comparison] = []
    private(set) var listTests: [ListTest] = []
    private(set) var parameterValues: [DatedValue] = []
    private(set) var general: [CompiledCondition] = []

    /// Lays out a condition; its steps are the returned range of `steps`, never empty.
    mutating func append(_ condition: CompiledCondition) -> Range<Int> {
        let start = steps.count
        if emit(condition) > Self.maximumDepth {
            steps.removeSubrange(start...)
            steps.append(.general(keep(condition)))
        }
        return start..<steps.count
    }

    /// Emits the steps of `condition` and returns the depth of stack they need.
    private mutating func emit(_ condition: CompiledCondition) -> Int {
        switch condition {
        case .constant(let value):
            steps.append(.constant(Kleene(Truth(value))))
            return 1
        case .fact(let slot):
            steps.append(.fact(slot: slot))
            return 1
        case .not(let operand):
            let depth = emit(operand)
            steps.append(.not)
            return depth
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let left = emit(lhs)
            let right = emit(rhs)
            if case .and = condition { steps.append(.and) } else { steps.append(.or) }
            return max(left, right + 1)
        case .compare(let lhs, let op, let rhs):
            comparisons.append(
                Comparison(lhs: operand(lhs), op: op, rhs: operand(rhs), general: keep(condition)))
            steps.append(.compare(comparisons.count - 1))
            return 1
        case .member(let lhs, in: let rhs), .overlaps(let lhs, let rhs):
            listTests.append(ListTest(lhs: operand(lhs), rhs: operand(rhs), general: keep(condition)))
            if case .member = condition {
                steps.append(.member(listTests.count - 1))
            } else {
                steps.append(.overlaps(listTests.count - 1))
            }
            return 1
        }
    }

    private mutating func operand(_ operand: CompiledCondition.Operand) -> Operand {
        switch operand {
        case .fact(let slot): return .fact(slot: slot)
        case .value(let value): return .value(FactCell(value))
        case .parameter(let parameter):
            let start = parameterValues.count
            for dated in parameter.values {
                parameterValues.append(DatedValue(from: dated.from.dayNumber, value: FactCell(dated.value)))
            }
            return .parameter(start..<parameterValues.count)
        }
    }

    private mutating func keep(_ condition: CompiledCondition) -> Int {
        general.append(condition)
        return general.count - 1
    }
}

extension ConditionProgram {
    /// The program in memory of its own, which a decision reads through plain pointers: no
    /// closure to enter, no reference to count. Immutable once made.
    final class Buffers: @unchecked Sendable {
        let steps: UnsafeMutableBufferPointer<Step>
        let comparisons: UnsafeMutableBufferPointer<Comparison>
        let listTests: UnsafeMutableBufferPointer<ListTest>
        let parameterValues: UnsafeMutableBufferPointer<DatedValue>
        let general: UnsafeMutableBufferPointer<CompiledCondition>

        init(_ program: ConditionProgram) {
            steps = .copy(program.steps)
            comparisons = .copy(program.comparisons)
            listTests = .copy(program.listTests)
            parameterValues = .copy(program.parameterValues)
            general = .copy(program.general)
        }

        deinit {
            steps.free()
            comparisons.free()
            listTests.free()
            parameterValues.free()
            general.free()
        }

        var reader: Reader {
            Reader(
                steps: UnsafeBufferPointer(steps), comparisons: UnsafeBufferPointer(comparisons),
                listTests: UnsafeBufferPointer(listTests), parameterValues: UnsafeBufferPointer(parameterValues),
                general: UnsafeBufferPointer(general))
        }
    }

    /// Evaluates programs over one question's facts, valid while its `Buffers` live.
    struct Reader {
        let steps: UnsafeBufferPointer<Step>
        let comparisons: UnsafeBufferPointer<Comparison>
        let listTests: UnsafeBufferPointer<ListTest>
        let parameterValues: UnsafeBufferPointer<DatedValue>
        let general: UnsafeBufferPointer<CompiledCondition>
    }
}

/// The facts and the date a program is evaluated over, as plain values: nothing here is
/// reference counted when it is passed on.
struct ProgramInput {
    /// `FactValues.withCells`.
    let cells: UnsafeBufferPointer<FactCell>
    /// The facts themselves, for the steps handed to `CompiledCondition`.
    let facts: UnsafePointer<FactValues>
    let date: CivilDate
    /// The date's day number, for parameters.
    let day: Int
}

extension ConditionProgram.Reader {
    func evaluate(_ program: Range<Int>, _ input: ProgramInput) -> Kleene {
        var stack: UInt64 = 0
        for position in program {
            let pushed: UInt8
            switch steps[position] {
            case .constant(let value): pushed = value.code
            case .fact(let slot): pushed = truth(of: cell(slot, input)).code
            case .not:
                stack = (stack & ~3) | (2 &- (stack & 3))
                continue
            case .and:
                let top = stack & 3
                stack >>= 2
                stack = (stack & ~3) | min(stack & 3, top)
                continue
            case .or:
                let top = stack & 3
                stack >>= 2
                stack = (stack & ~3) | max(stack & 3, top)
                continue
            case .compare(let index): pushed = compare(comparisons[index], input).code
            case .member(let index): pushed = member(listTests[index], input).code
            case .overlaps(let index): pushed = overlaps(listTests[index], input).code
            case .general(let index): pushed = handedOver(index, input).code
            }
            stack = (stack << 2) | UInt64(pushed)
        }
        return Kleene(code: UInt8(truncatingIfNeeded: stack & 3))
    }

    /// As `FactValues`: a slot past the end holds no value.
    private func cell(_ slot: Int, _ input: ProgramInput) -> FactCell {
        slot < input.cells.count ? input.cells[slot] : .unknown
    }

    private func truth(of cell: FactCell) -> Kleene {
        cell.kind == .boolean ? Kleene(code: cell.number == 0 ? 0 : 2) : .unknown
    }

    /// An operand's value as a cell; nil when it has none (an unknown fact, a parameter before
    /// its first value).
    private func value(_ operand: ConditionProgram.Operand, _ input: ProgramInput) -> FactCell? {
        switch operand {
        case .fact(let slot):
            let value = cell(slot, input)
            return value.kind == .unknown ? nil : value
        case .value(let value):
            return value
        case .parameter(let values):
            // `Parameter.value(on:)`: the last value from on or before the date.
            var found: FactCell?
            for position in values where parameterValues[position].from <= input.day {
                found = parameterValues[position].value
            }
            return found
        }
    }

    /// A step `CompiledCondition` evaluates.
    private func handedOver(_ index: Int, _ input: ProgramInput) -> Kleene {
        Kleene(general[index].evaluate(input.facts.pointee, on: input.date))
    }

    private func compare(
        _ comparison: ConditionProgram.Comparison, _ input: ProgramInput
    ) -> Kleene {
        guard let lhs = value(comparison.lhs, input), let rhs = value(comparison.rhs, input) else { return .unknown }
        if lhs.kind == .string || lhs.kind == .list || rhs.kind == .string || rhs.kind == .list {
            return handedOver(comparison.general, input)
        }
        let equal = lhs.kind == rhs.kind && lhs.number == rhs.number
        switch comparison.op {
        case .equal: return equal ? .true : .false
        case .notEqual: return equal ? .false : .true
        default: break
        }
        // Only whole numbers and dates are ordered (the type checker rules out the rest).
        guard lhs.kind == rhs.kind, lhs.kind == .integer || lhs.kind == .date else { return .false }
        let holds: Bool
        switch comparison.op {
        case .less: holds = lhs.number < rhs.number
        case .lessOrEqual: holds = lhs.number <= rhs.number
        case .greater: holds = lhs.number > rhs.number
        case .greaterOrEqual: holds = lhs.number >= rhs.number
        default: holds = false
        }
        return holds ? .true : .false
    }

    /// `element in list`: unknown without both, or when the container is not a list; false in an
    /// empty list.
    private func member(
        _ test: ConditionProgram.ListTest, _ input: ProgramInput
    ) -> Kleene {
        guard value(test.lhs, input) != nil, let list = value(test.rhs, input), list.kind == .list else {
            return .unknown
        }
        return list.number == 0 ? .false : handedOver(test.general, input)
    }

    /// `lhs contains-any rhs`: unknown unless both are lists; false when either is empty.
    private func overlaps(
        _ test: ConditionProgram.ListTest, _ input: ProgramInput
    ) -> Kleene {
        guard let lhs = value(test.lhs, input), let rhs = value(test.rhs, input), lhs.kind == .list,
            rhs.kind == .list
        else { return .unknown }
        return lhs.number == 0 || rhs.number == 0 ? .false : handedOver(test.general, input)
    }
}

extension Condition {
    /// The condition evaluated as scope decisions evaluate it, laid out as steps on its own: for
    /// the tests that check it agrees with `evaluate` everywhere.
    package func evaluateLaidOut(_ facts: FactValues, on date: CivilDate) -> Truth {
        var program = ConditionProgram()
        let steps = program.append(compiled)
        let buffers = ConditionProgram.Buffers(program)
        return facts.withCells { cells, facts in
            buffers.reader.evaluate(steps, ProgramInput(cells: cells, facts: facts, date: date, day: date.dayNumber))
                .truth
        }
    }
}
