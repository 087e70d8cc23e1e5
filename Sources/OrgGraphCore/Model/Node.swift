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
    public var annotations: Annotations

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
        annotations = Annotations(note: note, attributes: attributes)
    }

    /// The name to show: the written name, or the id when there is none.
    public var displayName: String { name ?? id }
}

extension Node: Annotated {}

/// What nodes and relations both carry: a free note and attributes.
public protocol Annotated {
    /// The note and attributes, together.
    var annotations: Annotations { get set }
}

extension Annotated {
    /// Free text, kept as written.
    public var note: String? {
        get { annotations.note }
        set { annotations.note = newValue }
    }

    /// Free string attributes, in the order written.
    public var attributes: [Attribute] {
        get { annotations.attributes }
        set { annotations.attributes = newValue }
    }
}

/// A note and attributes in one box, which is absent when there are neither: most nodes and
/// relations have neither, and a nationwide organization has a million relations.
public struct Annotations: Sendable, Hashable {
    private var box: Box?

    public init(note: String? = nil, attributes: [Attribute] = []) {
        box = Box(note: note, attributes: attributes)
    }

    public var note: String? {
        get { box?.note }
        set { box = Box(note: newValue, attributes: attributes) }
    }

    public var attributes: [Attribute] {
        get { box?.attributes ?? [] }
        set { box = Box(note: note, attributes: newValue) }
    }

    private indirect enum Box: Sendable, Hashable {
        case value(note: String?, attributes: [Attribute])

        init?(note: String?, attributes: [Attribute]) {
            guard note != nil || !attributes.isEmpty else { return nil }
            self = .value(note: note, attributes: attributes)
        }

        var note: String? {
            switch self {
            case .value(let note, _): note
            }
        }

        var attributes: [Attribute] {
            switch self {
            case .value(_, let attributes): attributes
            }
        }
    }
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
