import OrgGraphCore

/// One step of a path: from a node to a neighbour along one edge, forwards or backwards.
public struct PathStep: Sendable, Hashable {
    /// The node the step leaves.
    public var from: Int
    /// The node the step reaches.
    public var to: Int
    /// The graph edge walked.
    public var edge: Int
    public var type: RelationType
    /// Whether the edge is written `to → from`, so the step walks it backwards.
    public var inverse: Bool

    public init(from: Int, to: Int, edge: Int, type: RelationType, inverse: Bool) {
        self.from = from
        self.to = to
        self.edge = edge
        self.type = type
        self.inverse = inverse
    }
}

/// A set of allowed steps: relation types, each forwards, backwards or both.
public struct StepSet: Sendable, Hashable {
    var mask: UInt32

    /// Every type, both ways.
    public static let all = StepSet(mask: UInt32((1 << (RelationType.allCases.count * 2)) - 1))

    public init(_ steps: [(type: RelationType, inverse: Bool)]) {
        mask = 0
        for step in steps { mask |= 1 << UInt32(Self.code(step.type, step.inverse)) }
    }

    init(mask: UInt32) { self.mask = mask }

    /// The steps of a `--via` expression: a union of relation types and inverses.
    /// - Returns: `nil` when the expression is anything else.
    public init?(_ expression: PathExpression) {
        guard let steps = expression.unionOfSteps else { return nil }
        self.init(steps)
    }

    public func allows(_ type: RelationType, inverse: Bool) -> Bool {
        mask & (1 << UInt32(Self.code(type, inverse))) != 0
    }

    static func code(_ type: RelationType, _ inverse: Bool) -> Int { type.index * 2 + (inverse ? 1 : 0) }
}
