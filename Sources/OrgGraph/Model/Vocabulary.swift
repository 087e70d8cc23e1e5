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
    /// The vocabulary of SPEC §2, after Regulation 125-QD/TW.
    public static let standard: Vocabulary = {
        let aboveGrassroots = KindSet.aboveGrassrootsCommittees
        let standing = KindSet.standingBodies
        let upo = KindSet.unitPartyOrganizations
        let leaders = KindSet.unitLeaders
        let boards = KindSet.boards
        let competent = aboveGrassroots.union(standing).union([.peoplesCommittee, .managingAgency])
        let endpoints: [RelationType: [Endpoints]] = [
            .leads: [
                Endpoints(from: aboveGrassroots, to: aboveGrassroots.union(upo)),
                Endpoints(from: [.unitPartyCommittee], to: [.partialPartyCommittee, .subordinateCell]),
                Endpoints(from: [.partialPartyCommittee], to: [.subordinateCell]),
            ],
            .superiorOf: [Endpoints(from: aboveGrassroots, to: upo)],
            .sendsDocuments: [
                Endpoints(
                    from: aboveGrassroots.union(standing).union([
                        .advisoryAgency, .peoplesCommittee, .partyCadresCommittee, .managingAgency,
                    ]),
                    to: upo)
            ],
            .invites: [Endpoints(from: standing, to: [.partySecretary, .unitHead])],
            .reportsTo: [
                Endpoints(from: upo, to: standing.union(aboveGrassroots)),
                Endpoints(from: leaders, to: upo),
                Endpoints(
                    from: [.partialPartyCommittee, .subordinateCell],
                    to: [.unitPartyCommittee, .partialPartyCommittee]),
            ],
            .manages: [Endpoints(from: [.peoplesCommittee, .managingAgency], to: [.publicServiceUnit])],
            .coordinatesWith: [Endpoints(from: upo, to: leaders)],
            .informs: [Endpoints(from: upo, to: leaders)],
            .escalatesTo: [Endpoints(from: upo.union(leaders).union([.managingAgency]), to: competent)],
            .accountableTo: [Endpoints(from: leaders.union([.partySecretary]), to: upo)],
            .liaisesWith: [
                Endpoints(from: upo, to: [.communePartyCommittee]),
                Endpoints(from: upo, to: [.peoplesCommittee], toLevel: .commune),
            ],
        ]
        var containers: [NodeKind: KindSet] = [:]
        for kind in standing.union([.advisoryAgency]).kinds { containers[kind] = aboveGrassroots }
        containers[.partyCadresCommittee] = [.peoplesCommittee]
        containers[.managingAgency] = [.peoplesCommittee]
        for kind in upo.union(boards).union([.unitHead]).kinds { containers[kind] = [.publicServiceUnit] }
        containers[.partialPartyCommittee] = [.unitPartyCommittee]
        containers[.subordinateCell] = [.unitPartyCommittee, .partialPartyCommittee]
        containers[.partySecretary] = upo.union([.partialPartyCommittee, .subordinateCell])
        containers[.boardChair] = boards
        let all = Set(Level.allCases)
        let requiredLevels: [NodeKind: Set<Level>] = [
            .publicServiceUnit: all,
            .peoplesCommittee: all,
            .partyCadresCommittee: all,
            .superiorPartyCommittee: [.provincial, .district],
        ]
        return Vocabulary(endpoints: endpoints, containers: containers, requiredLevels: requiredLevels)
    }()
}
