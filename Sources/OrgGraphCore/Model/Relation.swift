/// A working relationship from one node to another.
public struct Relation: Sendable, Hashable {
    public var type: RelationType
    /// Location or residence, only on `liaises-with`.
    public var basis: Basis?
    public var from: String
    public var to: String
    /// Reporting periods, only on `reports-to`; `nil` when not written.
    public var period: [Period]?
    /// The note and attributes, boxed: most relations have neither, and a nationwide
    /// organization has a million relations.
    private var extras: Extras?

    public var note: String? {
        get { extras?.note }
        set { extras = Extras(note: newValue, attributes: attributes) }
    }

    public var attributes: [Attribute] {
        get { extras?.attributes ?? [] }
        set { extras = Extras(note: note, attributes: newValue) }
    }

    public init(
        type: RelationType, from: String, to: String, period: [Period]? = nil, basis: Basis? = nil,
        note: String? = nil, attributes: [Attribute] = []
    ) {
        self.type = type
        self.from = from
        self.to = to
        self.period = period
        self.basis = basis
        extras = Extras(note: note, attributes: attributes)
    }
}

/// A note and attributes in one box; `nil` when there are neither.
indirect enum Extras: Sendable, Hashable {
    case value(note: String?, attributes: [Attribute])

    init?(note: String?, attributes: [Attribute]) {
        guard note != nil || !attributes.isEmpty else { return nil }
        self = .value(note: note, attributes: attributes)
    }

    var note: String? {
        switch self { case .value(let note, _): note }
    }

    var attributes: [Attribute] {
        switch self { case .value(_, let attributes): attributes }
    }
}

/// An accepted finding, written in the organization file with the reason it is accepted.
public struct Suppression: Sendable, Hashable {
    /// The rule id the suppression applies to.
    public var rule: String
    /// The id of the node the finding is about.
    public var node: String
    public var reason: String

    public init(rule: String, node: String, reason: String) {
        self.rule = rule
        self.node = node
        self.reason = reason
    }
}
