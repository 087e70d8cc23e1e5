/// The tables of SPEC §2 that constrain a structure: which kinds a relation type may connect,
/// what each kind must be part of, which kinds carry a level.
///
/// The tables are data: checks read them, and a later regulation can replace them.
public struct Vocabulary: Sendable {
    /// One allowed (from, to) combination of a relation type.
    ///
    /// A node's level, for the two conditions below, is the one written on it, else the level
    /// of its kind (a territorial committee's).
    public struct Endpoints: Sendable, Hashable {
        public var from: KindSet
        public var to: KindSet
        /// The levels the `to` node may have, when the row asks for one.
        public var toLevels: Set<Level>?
        /// Whether the `to` node must have the level of the `from` node (a territorial committee
        /// leads the People's Committee of its own place).
        public var sameLevel: Bool

        public init(from: KindSet, to: KindSet, toLevels: Set<Level>? = nil, sameLevel: Bool = false) {
            self.from = from
            self.to = to
            self.toLevels = toLevels
            self.sameLevel = sameLevel
        }

        /// Whether the row asks anything of the levels.
        public var asksLevels: Bool { toLevels != nil || sameLevel }

        /// Whether the row's level conditions hold for nodes of these levels.
        ///
        /// - Complexity: O(1).
        public func admits(fromLevel: Level?, toLevel: Level?) -> Bool {
            if let toLevels {
                guard let toLevel, toLevels.contains(toLevel) else { return false }
            }
            if sameLevel {
                guard let fromLevel, fromLevel == toLevel else { return false }
            }
            return true
        }
    }

    /// The allowed endpoint combinations of each relation type other than `part-of`.
    public var endpoints: [RelationType: [Endpoints]]
    /// For each kind that must be part of something, the kinds it may be part of.
    public var containers: [NodeKind: KindSet]
    /// The kinds that must carry a level, with the levels they may carry.
    public var requiredLevels: [NodeKind: Set<Level>]
    /// For a kind listed in `containers`, the levels at which a node of it is part of nothing
    /// instead (a managing agency of level central, a ministry).
    public var partOfNothingAt: [NodeKind: Set<Level>] = [:]

    /// The kinds a node of kind `kind` and level `level` must be part of, exactly once; `nil`
    /// when it is part of nothing.
    ///
    /// - Complexity: O(1).
    public func containers(of kind: NodeKind, level: Level?) -> KindSet? {
        if let level, partOfNothingAt[kind]?.contains(level) == true { return nil }
        return containers[kind]
    }

    /// Whether a relation of `type` may go from a node of kind `from` and level `fromLevel` to
    /// one of kind `to` and level `toLevel`.
    ///
    /// - Complexity: O(number of rows for `type`), at most six.
    public func allows(
        _ type: RelationType, from: NodeKind, fromLevel: Level? = nil, to: NodeKind, toLevel: Level? = nil
    ) -> Bool {
        if type == .partOf {
            return containers(of: from, level: fromLevel)?.contains(to) ?? false
        }
        guard let rows = endpoints[type] else { return false }
        return rows.contains {
            $0.from.contains(from) && $0.to.contains(to) && $0.admits(fromLevel: fromLevel, toLevel: toLevel)
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
        var partOfNothingAt: [NodeKind: Set<Level>] = [:]
        for kind in NodeKind.allCases {
            let entry = kind.entry
            containers[kind] = entry.partOf
            if case .required(let levels) = entry.level { requiredLevels[kind] = levels }
            if !entry.partOfNothingAt.isEmpty { partOfNothingAt[kind] = entry.partOfNothingAt }
        }
        return Vocabulary(
            endpoints: endpoints, containers: containers, requiredLevels: requiredLevels,
            partOfNothingAt: partOfNothingAt)
    }()
}
