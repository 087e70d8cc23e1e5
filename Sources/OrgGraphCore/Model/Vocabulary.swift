/// The tables of SPEC §2 that constrain a structure: which kinds a relation type may connect,
/// what each kind must be part of, which kinds carry a level.
///
/// The tables are data: checks read them, and a later regulation can replace them.
public struct Vocabulary: Sendable {
    /// One allowed (from, to) combination of a relation type.
    public struct Endpoints: Sendable, Hashable {
        public var from: KindSet
        public var to: KindSet
        /// The level the `to` node must carry, when the row asks for one.
        public var toLevel: Level?
        public init(from: KindSet, to: KindSet, toLevel: Level? = nil) {
            self.from = from
            self.to = to
            self.toLevel = toLevel
        }
    }

    /// The allowed endpoint combinations of each relation type other than `part-of`.
    public var endpoints: [RelationType: [Endpoints]]
    /// For each kind that must be part of something, the kinds it may be part of.
    public var containers: [NodeKind: KindSet]
    /// The kinds that must carry a level, with the levels they may carry.
    public var requiredLevels: [NodeKind: Set<Level>]

    /// Whether a relation of `type` may go from a node of kind `from` to one of kind `to` and
    /// level `toLevel`.
    ///
    /// - Complexity: O(number of rows for `type`), at most three.
    public func allows(_ type: RelationType, from: NodeKind, to: NodeKind, toLevel: Level? = nil) -> Bool {
        if type == .partOf {
            return containers[from]?.contains(to) ?? false
        }
        guard let rows = endpoints[type] else { return false }
        return rows.contains {
            $0.from.contains(from) && $0.to.contains(to) && ($0.toLevel == nil || $0.toLevel == toLevel)
        }
    }
}

extension Vocabulary {
    /// The vocabulary of SPEC §2, after Regulation 125-QD/TW, derived from the rows of
    /// `VocabularyTable.swift`.
    public static let standard: Vocabulary = {
        var endpoints: [RelationType: [Endpoints]] = [:]
        for type in RelationType.allCases where type != .partOf {
            endpoints[type] = type.entry.endpoints
        }
        var containers: [NodeKind: KindSet] = [:]
        var requiredLevels: [NodeKind: Set<Level>] = [:]
        for kind in NodeKind.allCases {
            let entry = kind.entry
            containers[kind] = entry.partOf
            if case .required(let levels) = entry.level { requiredLevels[kind] = levels }
        }
        return Vocabulary(endpoints: endpoints, containers: containers, requiredLevels: requiredLevels)
    }()
}
