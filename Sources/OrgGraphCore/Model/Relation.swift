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
    public var annotations: Annotations

    public init(
        type: RelationType, from: String, to: String, period: [Period]? = nil, basis: Basis? = nil,
        note: String? = nil, attributes: [Attribute] = []
    ) {
        self.init(
            type: type, from: from, to: to, period: period, basis: basis,
            annotations: Annotations(note: note, attributes: attributes))
    }

    package init(
        type: RelationType, from: String, to: String, period: [Period]?, basis: Basis?, annotations: Annotations
    ) {
        self.type = type
        self.from = from
        self.to = to
        self.period = period
        self.basis = basis
        self.annotations = annotations
    }
}

extension Relation: Annotated {}

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
