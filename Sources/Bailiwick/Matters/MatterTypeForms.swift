/// A form as a jurisdiction's listing shows it: the form, and the matter type it belongs to.
public struct MatterTypeForm: Sendable {
    public let type: MatterType
    public let form: RequiredForm
}

extension PackSet {
    /// The forms of a jurisdiction's matter types (of one type, when `type` names one), in pack order.
    /// A form listed by two types appears once for each: its conditions and due date are the type's.
    public func forms(in jurisdictionID: String, type typeID: String? = nil) -> [MatterTypeForm] {
        matterTypes(in: jurisdictionID).filter { typeID == nil || $0.id == typeID }
            .flatMap { type in type.forms.map { MatterTypeForm(type: type, form: $0) } }
    }
}
