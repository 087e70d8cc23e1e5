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

/// A set of allowed steps: relation types, each forwards, backwards or both, and for some of
/// them only the relations that pass an edge filter (`liaises-with{basis=location}`).
public struct StepSet: Sendable, Hashable {
    var mask: UInt32
    /// The steps allowed only through some edge filter: bit `code` as in `mask`.
    var filtered: UInt32 = 0
    /// For each filtered step's code, the filters of which a relation must pass one.
    var filters: [Int: [EdgeFilter]] = [:]

    /// Every type, both ways.
    public static let all = StepSet(mask: UInt32((1 << (RelationType.allCases.count * 2)) - 1))

    public init(_ steps: [(type: RelationType, inverse: Bool)]) {
        mask = 0
        for step in steps { mask |= 1 << UInt32(Self.code(step.type, step.inverse)) }
    }

    init(mask: UInt32) { self.mask = mask }

    /// The steps of a `--via` expression: a union of relation types and inverses, each with an
    /// edge filter or not (`reports-to{period=regular}|^leads`).
    /// - Returns: `nil` when the expression is anything else.
    public init?(_ expression: PathExpression) {
        guard let steps = expression.unionOfFilteredSteps else { return nil }
        mask = 0
        var unfiltered: UInt32 = 0
        for step in steps {
            let code = Self.code(step.type, step.inverse)
            mask |= 1 << UInt32(code)
            if let filter = step.filter {
                filters[code, default: []].append(filter)
            } else {
                unfiltered |= 1 << UInt32(code)
            }
        }
        // A step written without a filter too takes every relation.
        for code in filters.keys where unfiltered & (1 << UInt32(code)) != 0 { filters[code] = nil }
        for code in filters.keys { filtered |= 1 << UInt32(code) }
    }

    /// Whether the step is allowed for some relation (for every relation when it has no filter).
    public func allows(_ type: RelationType, inverse: Bool) -> Bool {
        mask & (1 << UInt32(Self.code(type, inverse))) != 0
    }

    /// Whether a step of `code` along edge `edge` of `graph` is allowed, when `code` is one of
    /// the filtered steps.
    func passes(_ code: UInt8, edge: Int, in graph: Graph) -> Bool {
        filters[Int(code)]?.contains { $0.passes(edge, in: graph) } ?? true
    }

    static func code(_ type: RelationType, _ inverse: Bool) -> Int { type.index * 2 + (inverse ? 1 : 0) }
}
