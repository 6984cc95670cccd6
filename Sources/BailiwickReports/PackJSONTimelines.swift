import Bailiwick

/// Named deadlines and matter types.
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
}
