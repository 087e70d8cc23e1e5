/// A body or office of the organization: a committee, a unit, a cell, a head, a board.
public struct Node: Sendable, Hashable {
    /// The unique id, written in relations and suppressions.
    public var id: String
    public var kind: NodeKind
    /// The display name as written (any Unicode); `nil` when the file gives none.
    public var name: String?
    public var level: Level?
    /// Free text: health, education, research...
    public var sector: String?
    /// The id of the node this one is part of (the `part-of:` shorthand).
    public var partOf: String?
    public var note: String?
    /// Free string attributes, in the order written.
    public var attributes: [Attribute]

    public init(
        id: String, kind: NodeKind, name: String? = nil, level: Level? = nil, sector: String? = nil,
        partOf: String? = nil, note: String? = nil, attributes: [Attribute] = []
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.level = level
        self.sector = sector
        self.partOf = partOf
        self.note = note
        self.attributes = attributes
    }

    /// The name to show: the written name, or the id when there is none.
    public var displayName: String { name ?? id }
}

/// A free key-value pair kept as written.
public struct Attribute: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
