import Bailiwick

/// Named deadlines, matter types and their forms.
extension PackJSON {
    public static func deadline(_ deadline: DeadlineRule) -> JSONValue {
        .object([
            ("jurisdiction", .string(deadline.jurisdiction)),
            ("id", .string(deadline.id)),
            ("name", .string(deadline.name)),
            ("kind", .string(deadline.kind.rawValue)),
            ("trigger", .string(deadline.trigger)),
            ("period", .string(deadline.period.description)),
            ("direction", .string(deadline.direction.rawValue)),
            ("citation", citation(deadline.citation)),
            ("variants", .strings(deadline.variants.map(\.when.text))),
            ("in-force", period(deadline.inForce)),
            ("dated-by", .optional(deadline.datedBy)),
        ])
    }

    public static func matterType(_ type: MatterType) -> JSONValue {
        .object([
            ("jurisdiction", .string(type.jurisdiction)),
            ("id", .string(type.id)),
            ("name", .string(type.name)),
            ("area", .string(type.area)),
            ("citation", citation(type.citation)),
            ("forms", .strings(type.forms.map(\.code))),
        ])
    }

    /// A form of a matter type, as `list forms` and `/v1/packs/{jurisdiction}` show it.
    public static func form(_ item: MatterTypeForm) -> JSONValue {
        let form = item.form
        let due: JSONValue =
            switch form.due {
            case .event(let id)?: .object([("event", .string(id))])
            case .deadline(let id)?: .object([("deadline", .string(id))])
            case nil: .null
            }
        return .object([
            ("jurisdiction", .string(item.type.jurisdiction)),
            ("matter-type", .string(item.type.id)),
            ("code", .string(form.code)),
            ("name", .string(form.name)),
            ("required", .bool(form.required)),
            ("when", .optional(form.when?.text)),
            ("due", due),
            ("citation", citation(form.citation)),
            ("note", .optional(form.note)),
        ])
    }
}
