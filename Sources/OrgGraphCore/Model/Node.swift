/// A body or office of the organization: a committee, a unit, a cell, a head, a board.
public struct Node: Sendable, Hashable {
    /// The unique id, written in relations and suppressions.
    public var id: String
    public var kind: NodeKind
    public var level: Level?
    /// The display name as written (any Unicode); `nil` when the file gives none.
    public var name: String?
    /// Free text: health, education, research...
    public var sector: String?
    /// The id of the node this one is part of (the `part-of:` shorthand).
    public var partOf: String?
    /// The note and attributes, boxed: most nodes have neither.
    private var extras: Extras?

    public var note: String? {
        get { extras?.note }
        set { extras = Extras(note: newValue, attributes: attributes) }
    }

    /// Free string attributes, in the order written.
    public var attributes: [Attribute] {
        get { extras?.attributes ?? [] }
        set { extras = Extras(note: note, attributes: newValue) }
    }

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
        extras = Extras(note: note, attributes: attributes)
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
