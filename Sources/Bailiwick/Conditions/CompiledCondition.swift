/// A type-checked condition, reading facts by slot: what the evaluator runs.
package indirect enum CompiledCondition: Sendable {
    case constant(Bool)
    /// A boolean fact used as a condition.
    case fact(slot: Int)
    case not(CompiledCondition)
    case and(CompiledCondition, CompiledCondition)
    case or(CompiledCondition, CompiledCondition)
    case compare(Operand, BinaryOperator, Operand)
    /// `"x" in listFact`, or `fact in ["a", "b"]`.
    case member(Operand, in: Operand)
    /// `listFact contains-any ["a", "b"]`.
    case overlaps(Operand, Operand)

    package enum Operand: Sendable {
        case fact(slot: Int)
        case value(FactValue)
        /// A pack parameter: its value on the decision's date.
        case parameter(Parameter)
    }
}

/// A condition as the pack wrote it, with its compiled form and the facts it reads.
public struct Condition: Sendable, CustomStringConvertible {
    public let text: String
    package let compiled: CompiledCondition
    /// The slots of the facts it reads, in the order they appear.
    public let factSlots: [Int]
    /// The parameters it reads, in the order they appear.
    public let parameters: [Parameter]

    package init(text: String, compiled: CompiledCondition, factSlots: [Int], parameters: [Parameter] = []) {
        self.text = text
        self.compiled = compiled
        self.factSlots = factSlots
        self.parameters = parameters
    }

    public var description: String { text }
}
