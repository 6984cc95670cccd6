/// A named figure a pack's conditions compare facts with, whose value changes on dates the law
/// sets (Utah's small-claims limit). Conditions read it as `param.<id>`.
public struct Parameter: Sendable {
    public let id: String
    public let jurisdiction: String
    public let description: String
    public let type: FactType
    /// What the figure counts, in words ("US dollars"), if the pack says.
    public let unit: String?
    /// In order of `from`; each value holds until the next one starts.
    public let values: [ParameterValue]

    public init(
        id: String, jurisdiction: String, description: String, type: FactType, unit: String?,
        values: [ParameterValue]
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.description = description
        self.type = type
        self.unit = unit
        self.values = values.sorted { $0.from < $1.from }
    }

    /// The value in force on `date`; nil before the first dated value, so nothing is guessed.
    public func value(on date: CivilDate) -> ParameterValue? {
        values.last { $0.from <= date }
    }

    /// The first day the parameter has a value.
    public var firstDate: CivilDate? { values.first?.from }
}

/// One dated value of a parameter, with the law that sets it.
public struct ParameterValue: Sendable {
    public let from: CivilDate
    public let value: FactValue
    public let citation: Citation
    public let note: String?

    public init(from: CivilDate, value: FactValue, citation: Citation, note: String? = nil) {
        self.from = from
        self.value = value
        self.citation = citation
        self.note = note
    }
}

/// A parameter a decision read, with the value it used (nil: none on the decision's date).
public struct ParameterUse: Sendable {
    public let parameter: Parameter
    public let value: ParameterValue?
}
