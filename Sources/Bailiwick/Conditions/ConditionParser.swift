/// Parses the condition language of the packs:
///
///     condition  := or
///     or         := and ("or" and)*
///     and        := unary ("and" unary)*
///     unary      := "not" unary | comparison
///     comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in" | "contains-any") operand)?
///     operand    := fact | integer | string | date | "true" | "false" | list | "(" condition ")"
///     list       := "[" (operand ("," operand)*)? "]"
struct ConditionParser {
    /// Deeper nesting than this (parentheses, `not`s and lists inside one another) is refused, so
    /// a hostile pack cannot exhaust the stack. A condition without any is at level 0.
    static let maximumDepth = 64
    /// More facts and values than this in one condition are refused: the type checker, the
    /// compiler and the evaluator recurse once per operator, so a long flat chain of `and`s would
    /// exhaust the stack as surely as deep nesting. The shipped packs use at most about a dozen.
    static let maximumTerms = 500

    private let scalars: [Unicode.Scalar]
    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0
    private var terms = 0

    static func parse(_ text: String) throws(ConditionError) -> ConditionSyntax {
        var parser = ConditionParser(scalars: Array(text.unicodeScalars))
        try parser.tokenize()
        guard parser.tokens.count > 1 else { throw ConditionError("the condition is empty", at: 0) }
        let syntax = try parser.parseOr()
        let next = parser.tokens[parser.position]
        guard next.kind == .end else {
            throw ConditionError(
                "unexpected \(next.kind.name) '\(next.text)'; expected 'and', 'or' or the end of the condition",
                at: next.range.lowerBound)
        }
        return syntax
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    // MARK: Tokens

    private struct Token {
        enum Kind: Equatable {
            case word, integer, string, date, symbol, end
            var name: String {
                switch self {
                case .word: "word"
                case .integer: "number"
                case .string: "string"
                case .date: "date"
                case .symbol: "symbol"
                case .end: "end"
                }
            }
        }
        let kind: Kind
        let text: String
        let range: Range<Int>
    }

    private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        isWordStart(scalar) || isDigit(scalar) || scalar == "-" || scalar == "."
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private mutating func tokenize() throws(ConditionError) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                index += 1
            } else if Self.isWordStart(scalar) {
                while index < scalars.count, Self.isWordPart(scalars[index]) { index += 1 }
                append(.word, start, index)
            } else if Self.isDigit(scalar)
                || (scalar == "-" && index + 1 < scalars.count && Self.isDigit(scalars[index + 1]))
            {
                index += 1
                while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "-" { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                append(isDateShaped(text) ? .date : .integer, start, index)
            } else if scalar == "\"" {
                index += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while index < scalars.count {
                    let next = scalars[index]
                    if next == "\\", index + 1 < scalars.count {
                        value.append(scalars[index + 1])
                        index += 2
                    } else if next == "\"" {
                        index += 1
                        closed = true
                        break
                    } else {
                        value.append(next)
                        index += 1
                    }
                }
                guard closed else { throw ConditionError("unterminated string", at: start) }
                tokens.append(Token(kind: .string, text: String(value), range: start..<index))
            } else if let length = symbolLength(at: index) {
                index += length
                append(.symbol, start, index)
            } else {
                throw ConditionError("unexpected character '\(scalar)'", at: start)
            }
        }
        tokens.append(Token(kind: .end, text: "", range: scalars.count..<scalars.count))
    }

    private func isDateShaped(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
    }

    private func symbolLength(at index: Int) -> Int? {
        let scalar = scalars[index]
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch scalar {
        case "=", "!": return next == "=" ? 2 : nil
        case "<", ">": return next == "=" ? 2 : 1
        case "(", ")", "[", "]", ",": return 1
        default: return nil
        }
    }

    private mutating func append(_ kind: Token.Kind, _ start: Int, _ end: Int) {
        tokens.append(
            Token(kind: kind, text: String(String.UnicodeScalarView(scalars[start..<end])), range: start..<end))
    }

    // MARK: Grammar

    private var current: Token { tokens[position] }

    private func isWord(_ word: String) -> Bool { current.kind == .word && current.text == word }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol && current.text == symbol }

    private mutating func nest() throws(ConditionError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ConditionError(
                "the condition is nested more than \(Self.maximumDepth) levels deep", at: current.range.lowerBound)
        }
    }

    private mutating func parseOr() throws(ConditionError) -> ConditionSyntax {
        var result = try parseAnd()
        while isWord("or") {
            let operatorRange = current.range
            position += 1
            result = .binary(.or, result, try parseAnd(), operatorRange: operatorRange)
        }
        return result
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionSyntax {
        var result = try parseUnary()
        while isWord("and") {
            let operatorRange = current.range
            position += 1
            result = .binary(.and, result, try parseUnary(), operatorRange: operatorRange)
        }
        return result
    }

    private mutating func parseUnary() throws(ConditionError) -> ConditionSyntax {
        if isWord("not") {
            let start = current.range.lowerBound
            try nest()
            defer { depth -= 1 }
            position += 1
            let operand = try parseUnary()
            return .not(operand, start..<operand.range.upperBound)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionError) -> ConditionSyntax {
        let lhs = try parseOperand()
        let operatorRange = current.range
        let binary: BinaryOperator?
        if current.kind == .symbol, let symbol = BinaryOperator(rawValue: current.text), symbol.isComparison {
            binary = symbol
            position += 1
        } else if isWord("in") {
            binary = .in
            position += 1
        } else if isWord("contains-any") {
            binary = .containsAny
            position += 1
        } else if isWord("not"), tokens[position + 1].kind == .word, tokens[position + 1].text == "in" {
            binary = .notIn
            position += 2
        } else {
            binary = nil
        }
        guard let binary else { return lhs }
        let rhs = try parseOperand()
        return .binary(
            binary, lhs, rhs, operatorRange: operatorRange.lowerBound..<tokens[position - 1].range.upperBound)
    }

    private static let reservedWords: Set<String> = ["and", "or", "not", "in", "contains-any"]

    private mutating func countTerm() throws(ConditionError) {
        terms += 1
        guard terms <= Self.maximumTerms else {
            throw ConditionError(
                "the condition has more than \(Self.maximumTerms) facts and values",
                at: current.range.lowerBound)
        }
    }

    private mutating func parseOperand() throws(ConditionError) -> ConditionSyntax {
        let token = current
        if token.kind != .symbol && token.kind != .end { try countTerm() }
        switch token.kind {
        case .word:
            if Self.reservedWords.contains(token.text) {
                throw ConditionError("expected a fact or a value, found '\(token.text)'", at: token.range.lowerBound)
            }
            position += 1
            if token.text == "true" || token.text == "false" { return .boolean(token.text == "true", token.range) }
            return .fact(token.text, token.range)
        case .integer:
            position += 1
            guard let value = Int(token.text) else {
                throw ConditionError("'\(token.text)' is not a whole number in range", at: token.range.lowerBound)
            }
            return .integer(value, token.range)
        case .date:
            position += 1
            guard let date = CivilDate(token.text) else {
                throw ConditionError("'\(token.text)' is not a real calendar date", at: token.range.lowerBound)
            }
            return .date(date, token.range)
        case .string:
            position += 1
            return .string(token.text, token.range)
        case .symbol where token.text == "(":
            try nest()
            defer { depth -= 1 }
            position += 1
            let inner = try parseOr()
            guard isSymbol(")") else {
                throw ConditionError(
                    "expected ')' to close the '(' at column \(token.range.lowerBound + 1)",
                    at: current.range.lowerBound)
            }
            position += 1
            return inner
        case .symbol where token.text == "[":
            position += 1
            var items: [ConditionSyntax] = []
            if !isSymbol("]") {
                while true {
                    try nest()
                    items.append(try parseOperand())
                    depth -= 1
                    if isSymbol(",") {
                        position += 1
                        continue
                    }
                    break
                }
            }
            guard isSymbol("]") else {
                throw ConditionError("expected ',' or ']' in the list", at: current.range.lowerBound)
            }
            let end = current.range.upperBound
            position += 1
            return .list(items, token.range.lowerBound..<end)
        case .end:
            throw ConditionError("the condition ends too early; expected a fact or a value", at: token.range.lowerBound)
        default:
            throw ConditionError("expected a fact or a value, found '\(token.text)'", at: token.range.lowerBound)
        }
    }
}
