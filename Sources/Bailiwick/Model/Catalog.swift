/// An act a legal professional may take for a client (`negotiate`, `file-document`, …).
public struct Action: Sendable {
    public let id: String
    public let title: String
    public let description: String
    /// The action's index in the pack set, used by rule indexes instead of its name.
    public let index: Int

    public init(id: String, title: String, description: String, index: Int) {
        self.id = id
        self.title = title
        self.description = description
        self.index = index
    }
}

/// A practice area (`family`, `landlord-tenant`, …).
public struct PracticeArea: Sendable {
    public let id: String
    public let title: String
    public let description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}
