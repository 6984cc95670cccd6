/// The type of a matter fact, which fixes how conditions may use it.
public enum FactType: String, Sendable, CaseIterable {
    case boolean, integer, string, date, list
}

/// A fact a condition may read, as a pack defines it.
public struct FactDefinition: Sendable {
    public let id: String
    public let type: FactType
    public let description: String
    /// For `string` and `list` facts: the allowed values, or nil for free text.
    public let allowedValues: [String]?
    /// The fact's slot in `FactValues`: conditions read facts by slot, not by name.
    public let slot: Int
    /// For `integer` facts: the smallest and the largest value a matter may give, if bounded.
    public let minimum: Int?
    public let maximum: Int?
    /// For `boolean` facts: true when the fact holding is a problem (a conflict, a risk, something outside the
    /// simple case), so a simple, clean matter has it false. The quiz builds its clean matters from this.
    public let isProblem: Bool

    public init(
        id: String, type: FactType, description: String, allowedValues: [String]?, slot: Int,
        minimum: Int? = nil, maximum: Int? = nil, isProblem: Bool = false
    ) {
        self.id = id
        self.type = type
        self.description = description
        self.allowedValues = allowedValues
        self.slot = slot
        self.minimum = minimum
        self.maximum = maximum
        self.isProblem = isProblem
    }

    /// Nil when `value` is within the fact's bounds; otherwise what the fact takes, as in
    /// "a whole number from 0 to 20". Every reader of integer facts (matter files, `--fact`, the
    /// API) checks here.
    public func outOfBounds(_ value: Int) -> String? {
        if let minimum, value < minimum { return allowedRange }
        if let maximum, value > maximum { return allowedRange }
        return nil
    }

    /// The values an integer fact takes, for messages and help.
    public var allowedRange: String {
        switch (minimum, maximum) {
        case (let minimum?, let maximum?): "a whole number from \(minimum) to \(maximum)"
        case (let minimum?, nil): "a whole number of \(minimum) or more"
        case (nil, let maximum?): "a whole number of at most \(maximum)"
        case (nil, nil): "a whole number"
        }
    }
}

/// A fact's value in a matter.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case boolean(Bool)
    case integer(Int)
    case string(String)
    case date(CivilDate)
    case list(Set<String>)

    public var type: FactType {
        switch self {
        case .boolean: .boolean
        case .integer: .integer
        case .string: .string
        case .date: .date
        case .list: .list
        }
    }

    public var description: String {
        switch self {
        case .boolean(let value): String(value)
        case .integer(let value): String(value)
        case .string(let value): value
        case .date(let value): value.description
        case .list(let values): values.sorted().joined(separator: ",")
        }
    }
}

/// The facts of one matter, by fact slot. A slot with no value is an unknown fact.
public struct FactValues: Sendable {
    private var values: [FactValue?]
    /// The same facts as plain cells, which a scope decision reads without counting references.
    private var cells: [FactCell]

    public init(slotCount: Int) {
        values = Array(repeating: nil, count: slotCount)
        cells = Array(repeating: .unknown, count: slotCount)
    }

    public subscript(slot: Int) -> FactValue? {
        get { slot < values.count ? values[slot] : nil }
        set {
            if slot >= values.count {
                values += Array(repeating: nil, count: slot - values.count + 1)
                cells += Array(repeating: .unknown, count: slot - cells.count + 1)
            }
            values[slot] = newValue
            cells[slot] = FactCell(newValue)
        }
    }

    /// The slots that hold a value, in slot order.
    public var givenSlots: [Int] { values.indices.filter { values[$0] != nil } }

    /// Runs `body` with the facts as cells, by slot, and with the facts themselves, both valid only
    /// for its length: a decision reads them many times and counts their references once.
    func withCells<Result>(_ body: (UnsafeBufferPointer<FactCell>, UnsafePointer<FactValues>) -> Result) -> Result {
        withUnsafePointer(to: self) { facts in cells.withUnsafeBufferPointer { body($0, facts) } }
    }
}

/// A fact as a scope decision reads it: its kind and, for a boolean (0 or 1), a whole number, a
/// date (its day number) or a list (its count), the value as a plain number. Strings and the
/// members of lists are read from the `FactValue` itself.
struct FactCell: Sendable {
    enum Kind: UInt8, Sendable {
        case unknown, boolean, integer, string, date, list
    }

    let kind: Kind
    let number: Int

    static let unknown = FactCell(kind: .unknown, number: 0)

    init(kind: Kind, number: Int) {
        self.kind = kind
        self.number = number
    }

    init(_ value: FactValue?) {
        switch value {
        case nil: self = .unknown
        case .boolean(let value)?: self.init(kind: .boolean, number: value ? 1 : 0)
        case .integer(let value)?: self.init(kind: .integer, number: value)
        case .string?: self.init(kind: .string, number: 0)
        case .date(let value)?: self.init(kind: .date, number: value.dayNumber)
        case .list(let values)?: self.init(kind: .list, number: values.count)
        }
    }
}
