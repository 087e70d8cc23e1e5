/// A working relationship from one node to another.
public struct Relation: Sendable, Hashable {
    public var type: RelationType
    public var from: String
    public var to: String
    /// Reporting periods, only on `reports-to`; `nil` when not written.
    public var period: [Period]?
    /// Location or residence, only on `liaises-with`.
    public var basis: Basis?
    public var note: String?
    public var attributes: [Attribute]

    public init(
        type: RelationType, from: String, to: String, period: [Period]? = nil, basis: Basis? = nil,
        note: String? = nil, attributes: [Attribute] = []
    ) {
        self.type = type
        self.from = from
        self.to = to
        self.period = period
        self.basis = basis
        self.note = note
        self.attributes = attributes
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
