/// Checks a parsed condition against the fact definitions and compiles it.
public struct ConditionTypeChecker {
    /// How a condition names a parameter: `param.small-claims-limit`.
    public static let parameterPrefix = "param."

    public let facts: [String: FactDefinition]
    /// The parameters conditions may read, by id (without the prefix).
    public let parameters: [String: Parameter]
    /// Why no parameter can be read here, if none can (a section that has no date to read them on).
    public let parametersUnavailable: String?

    public init(
        facts: [String: FactDefinition], parameters: [String: Parameter] = [:], parametersUnavailable: String? = nil
    ) {
        self.facts = facts
        self.parameters = parameters
        self.parametersUnavailable = parametersUnavailable
    }

    /// The same facts, with the parameters of one jurisdiction.
    public func with(parameters: [String: Parameter]) -> ConditionTypeChecker {
        ConditionTypeChecker(facts: facts, parameters: parameters)
    }

    /// Parses, type-checks and compiles `text`; errors point inside it.
    public func compile(_ text: String) throws(ConditionError) -> Condition {
        let syntax = try ConditionParser.parse(text)
        var slots: [Int] = []
        var read = Reads()
        let compiled = try condition(syntax, slots: &slots, read: &read)
        var seen = Set<Int>()
        return Condition(
            text: text, compiled: compiled, factSlots: slots.filter { seen.insert($0).inserted },
            parameters: read.parameters)
    }

    /// The parameters a condition reads, once each, in order.
    private struct Reads {
        var parameters: [Parameter] = []
        mutating func add(_ parameter: Parameter) {
            if !parameters.contains(where: { $0.id == parameter.id }) { parameters.append(parameter) }
        }
    }

    /// The static type of an operand: a fact's type, or a literal's.
    private enum OperandType: Equatable {
        case scalar(FactType)
        case literalList
    }

    private func condition(_ syntax: ConditionSyntax, slots: inout [Int], read: inout Reads) throws(ConditionError)
        -> CompiledCondition
    {
        switch syntax {
        case .boolean(let value, _):
            return .constant(value)
        case .fact(let name, let range) where name.hasPrefix(Self.parameterPrefix):
            _ = try parameter(name, at: range)
            throw ConditionError(
                "'\(name)' is a parameter, not a condition; compare a fact with it", at: range.lowerBound)
        case .fact(let name, let range):
            let definition = try fact(name, at: range)
            guard definition.type == .boolean else {
                throw ConditionError(
                    "'\(name)' is \(definition.type.withArticle) fact, not a condition; compare it with a value",
                    at: range.lowerBound)
            }
            slots.append(definition.slot)
            return .fact(slot: definition.slot)
        case .not(let operand, _):
            return .not(try condition(operand, slots: &slots, read: &read))
        case .binary(.and, let lhs, let rhs, _):
            return .and(try condition(lhs, slots: &slots, read: &read), try condition(rhs, slots: &slots, read: &read))
        case .binary(.or, let lhs, let rhs, _):
            return .or(try condition(lhs, slots: &slots, read: &read), try condition(rhs, slots: &slots, read: &read))
        case .binary(let op, let lhs, let rhs, let operatorRange):
            return try relation(op, lhs, rhs, operatorRange: operatorRange, slots: &slots, read: &read)
        case .integer(_, let range), .string(_, let range), .date(_, let range), .list(_, let range):
            throw ConditionError("a value alone is not a condition; compare a fact with it", at: range.lowerBound)
        }
    }

    private func relation(
        _ op: BinaryOperator, _ lhs: ConditionSyntax, _ rhs: ConditionSyntax,
        operatorRange: Range<Int>, slots: inout [Int], read: inout Reads
    ) throws(ConditionError) -> CompiledCondition {
        let left = try operand(lhs, slots: &slots, read: &read)
        let right = try operand(rhs, slots: &slots, read: &read)
        if !left.operand.isFact, !right.operand.isFact {
            throw ConditionError(
                "'\(op.rawValue)' compares two fixed values; one side must be a fact", at: operatorRange.lowerBound)
        }
        switch op {
        case .in, .notIn:
            let member: CompiledCondition
            switch (left.type, right.type) {
            case (.scalar(.string), .scalar(.list)):
                try checkAllowed(lhs, against: rhs)
                member = .member(left.operand, in: right.operand)
            case (.scalar(let type), .literalList) where type != .list:
                try checkListItems(rhs, type: type, against: lhs)
                member = .member(left.operand, in: right.operand)
            default:
                throw ConditionError(
                    "'\(op.rawValue)' needs a string and a list fact, or a fact and a list of values",
                    at: operatorRange.lowerBound)
            }
            return op == .in ? member : .not(member)
        case .containsAny:
            guard left.type == .scalar(.list), right.type == .literalList || right.type == .scalar(.list) else {
                throw ConditionError(
                    "'contains-any' needs a list fact on the left and a list on the right", at: operatorRange.lowerBound
                )
            }
            try checkListItems(rhs, type: .string, against: lhs)
            return .overlaps(left.operand, right.operand)
        default:
            guard case .scalar(let leftType) = left.type, case .scalar(let rightType) = right.type,
                leftType == rightType
            else {
                throw ConditionError(
                    "'\(op.rawValue)' compares \(describe(left.type)) with \(describe(right.type))",
                    at: operatorRange.lowerBound)
            }
            let ordered = op != .equal && op != .notEqual
            if ordered && leftType != .integer && leftType != .date {
                throw ConditionError(
                    "'\(op.rawValue)' orders numbers and dates only, not \(leftType.rawValue)s",
                    at: operatorRange.lowerBound)
            }
            if leftType == .list {
                throw ConditionError(
                    "'\(op.rawValue)' cannot compare lists; use 'in' or 'contains-any'", at: operatorRange.lowerBound)
            }
            try checkAllowed(lhs, against: rhs)
            try checkAllowed(rhs, against: lhs)
            return .compare(left.operand, op, right.operand)
        }
    }

    private func describe(_ type: OperandType) -> String {
        switch type {
        case .scalar(let type): type.withArticle
        case .literalList: "a list"
        }
    }

    private func operand(_ syntax: ConditionSyntax, slots: inout [Int], read: inout Reads) throws(ConditionError)
        -> (operand: CompiledCondition.Operand, type: OperandType)
    {
        switch syntax {
        case .fact(let name, let range) where name.hasPrefix(Self.parameterPrefix):
            let parameter = try parameter(name, at: range)
            read.add(parameter)
            return (.parameter(parameter), .scalar(parameter.type))
        case .fact(let name, let range):
            let definition = try fact(name, at: range)
            slots.append(definition.slot)
            return (.fact(slot: definition.slot), .scalar(definition.type))
        case .boolean(let value, _): return (.value(.boolean(value)), .scalar(.boolean))
        case .integer(let value, _): return (.value(.integer(value)), .scalar(.integer))
        case .string(let value, _): return (.value(.string(value)), .scalar(.string))
        case .date(let value, _): return (.value(.date(value)), .scalar(.date))
        case .list(let items, let range):
            var values = Set<String>()
            for item in items {
                switch item {
                case .string(let value, _), .fact(let value, _): values.insert(value)
                default:
                    throw ConditionError("list items must be strings in double quotes", at: item.range.lowerBound)
                }
            }
            guard !items.isEmpty else { throw ConditionError("the list is empty", at: range.lowerBound) }
            return (.value(.list(values)), .literalList)
        case .not, .binary:
            throw ConditionError(
                "expected a fact or a value here; put a condition in parentheses", at: syntax.range.lowerBound)
        }
    }

    private func parameter(_ name: String, at range: Range<Int>) throws(ConditionError) -> Parameter {
        if let parametersUnavailable {
            throw ConditionError("'\(name)': \(parametersUnavailable)", at: range.lowerBound)
        }
        let id = String(name.dropFirst(Self.parameterPrefix.count))
        guard let parameter = parameters[id] else {
            let known = parameters.keys.map { Self.parameterPrefix + $0 }
            var message = Suggestions.message("unknown parameter '\(name)'", for: name, in: known)
            if known.isEmpty { message += " (this jurisdiction declares no parameters)" }
            throw ConditionError(message, at: range.lowerBound)
        }
        return parameter
    }

    private func fact(_ name: String, at range: Range<Int>) throws(ConditionError) -> FactDefinition {
        guard let definition = facts[name] else {
            throw ConditionError(
                Suggestions.message("unknown fact '\(name)'", for: name, in: facts.keys), at: range.lowerBound)
        }
        return definition
    }

    /// A string literal compared with a fact that lists its values must be one of them.
    private func checkAllowed(_ literal: ConditionSyntax, against other: ConditionSyntax) throws(ConditionError) {
        guard case .string(let value, let range) = literal, case .fact(let name, _) = other,
            let allowed = facts[name]?.allowedValues, !allowed.contains(value)
        else { return }
        throw ConditionError(
            Suggestions.message("'\(value)' is not a value of '\(name)'", for: value, in: allowed), at: range.lowerBound
        )
    }

    private func checkListItems(_ list: ConditionSyntax, type: FactType, against other: ConditionSyntax)
        throws(ConditionError)
    {
        guard case .list(let items, _) = list else { return }
        for item in items {
            if case .fact(let word, let range) = item {
                throw ConditionError(
                    "list items must be strings in double quotes: write \"\(word)\"", at: range.lowerBound)
            }
            guard type == .string else {
                throw ConditionError(
                    "only string facts can be tested against a list of values", at: item.range.lowerBound)
            }
            try checkAllowed(item, against: other)
        }
    }
}

extension CompiledCondition.Operand {
    fileprivate var isFact: Bool {
        if case .fact = self { return true }
        return false
    }
}

extension FactType {
    var withArticle: String { self == .integer ? "an integer" : "a \(rawValue)" }
}
