/// The vocabulary of SPEC §2 as one table: for each kind and each relation type, every fact the
/// package knows of it. The rest is derived from here: ``Vocabulary/standard`` (endpoints,
/// containment, levels), the party and state sides, the path language's group names, the
/// direction ``Superiors`` follows. Adding a kind or a type is one row here, plus its chart
/// style (`NodeStyle`, `LineStyle`); a row missing a field does not compile.

// MARK: Kinds

extension NodeKind {
    /// The party side or the state side of the organization.
    public enum Side: Sendable, Hashable {
        case party
        case state
    }

    /// The level a kind carries (SPEC §2, "Containment", last paragraph).
    public enum LevelRule: Sendable, Hashable {
        /// No level is asked for; one may be written.
        case optional
        /// The kind has this level by itself (a territorial committee); one written must match.
        case fixed(Level)
        /// A level is required, one of these.
        case required(Set<Level>)
    }

    /// One row of the kinds table.
    public struct Entry: Sendable {
        public var english: String
        public var vietnamese: String
        public var side: Side
        public var level: LevelRule
        /// The kinds a node of this kind must be part of, exactly once; `nil` for a kind that
        /// is part of nothing.
        public var partOf: KindSet?
        /// The levels at which a node of this kind is part of nothing although `partOf` names
        /// containers: a managing agency of level central, a ministry.
        public var partOfNothingAt: Set<Level> = []
    }

    /// The kind's row of the vocabulary table.
    ///
    /// - Complexity: O(1); the rows are made once.
    public var entry: Entry { Self.entries[index] }

    /// The rows, in `allCases` order.
    static let entries = allCases.map(\.row)

    private var row: Entry {
        let allLevels = Set(Level.allCases)
        let centralOrProvincial: Set<Level> = [.central, .provincial]
        switch self {
        case .provincialPartyCommittee:
            return Entry(
                english: "Provincial party committee", vietnamese: "Tỉnh ủy, Thành ủy", side: .party,
                level: .fixed(.provincial), partOf: nil)
        case .districtPartyCommittee:
            return Entry(
                english: "District party committee",
                vietnamese: "Huyện ủy, Quận ủy, Thị ủy, Thành ủy thành phố thuộc tỉnh", side: .party,
                level: .fixed(.district), partOf: nil)
        case .communePartyCommittee:
            return Entry(
                english: "Commune party committee", vietnamese: "Đảng ủy xã, phường, thị trấn, đặc khu",
                side: .party, level: .fixed(.commune), partOf: nil)
        case .blocPartyCommittee:
            return Entry(
                english: "Bloc party committee", vietnamese: "Đảng ủy Khối", side: .party,
                level: .required(centralOrProvincial), partOf: nil)
        case .authorityPartyCommittee:
            return Entry(
                english: "Authority party committee", vietnamese: "Đảng ủy Ủy ban nhân dân tỉnh", side: .party,
                level: .required(centralOrProvincial), partOf: nil)
        case .partyAgenciesCommittee:
            return Entry(
                english: "Party agencies committee", vietnamese: "Đảng ủy các cơ quan Đảng tỉnh", side: .party,
                level: .required(centralOrProvincial), partOf: nil)
        case .superiorPartyCommittee:
            return Entry(
                english: "Superior party committee", vietnamese: "Đảng ủy cấp trên cơ sở", side: .party,
                level: .required([.central, .provincial, .district]), partOf: nil)
        case .standingCommittee:
            return Entry(
                english: "Standing committee", vietnamese: "Ban Thường vụ", side: .party, level: .optional,
                partOf: .aboveGrassrootsCommittees)
        case .standingBoard:
            return Entry(
                english: "Standing board", vietnamese: "Thường trực cấp ủy", side: .party, level: .optional,
                partOf: .aboveGrassrootsCommittees)
        case .advisoryAgency:
            return Entry(
                english: "Advisory agency", vietnamese: "Cơ quan tham mưu, giúp việc", side: .party,
                level: .optional, partOf: .aboveGrassrootsCommittees)
        case .partyCadresCommittee:
            return Entry(
                english: "Party cadres committee", vietnamese: "Ban cán sự đảng", side: .party,
                level: .required(centralOrProvincial), partOf: nil)
        case .peoplesCommittee:
            return Entry(
                english: "People's Committee", vietnamese: "Ủy ban nhân dân", side: .state,
                level: .required([.provincial, .district, .commune]), partOf: nil)
        case .managingAgency:
            return Entry(
                english: "Managing agency", vietnamese: "Cơ quan quản lý", side: .state, level: .optional,
                partOf: [.peoplesCommittee], partOfNothingAt: [.central])
        case .publicServiceUnit:
            return Entry(
                english: "Public service unit", vietnamese: "Đơn vị sự nghiệp công lập", side: .state,
                level: .required(allLevels), partOf: nil)
        case .unitPartyCommittee:
            return Entry(
                english: "Unit party committee", vietnamese: "Đảng ủy cơ sở", side: .party, level: .optional,
                partOf: [.publicServiceUnit])
        case .grassrootsCell:
            return Entry(
                english: "Grassroots party cell", vietnamese: "Chi bộ cơ sở", side: .party, level: .optional,
                partOf: [.publicServiceUnit])
        case .partialPartyCommittee:
            return Entry(
                english: "Partial party committee", vietnamese: "Đảng ủy bộ phận", side: .party, level: .optional,
                partOf: [.unitPartyCommittee])
        case .subordinateCell:
            // Part of a public service unit: the unit's only party organization, attached to a
            // committee outside the unit.
            return Entry(
                english: "Subordinate party cell", vietnamese: "Chi bộ trực thuộc", side: .party, level: .optional,
                partOf: [.unitPartyCommittee, .partialPartyCommittee, .publicServiceUnit])
        case .partySecretary:
            return Entry(
                english: "Party secretary", vietnamese: "Bí thư", side: .party, level: .optional,
                partOf: KindSet.unitPartyOrganizations.union([.partialPartyCommittee, .subordinateCell]))
        case .unitHead:
            return Entry(
                english: "Unit head", vietnamese: "Thủ trưởng, người đứng đầu đơn vị", side: .state,
                level: .optional, partOf: [.publicServiceUnit])
        case .managementBoard:
            return Entry(
                english: "Management board", vietnamese: "Hội đồng quản lý", side: .state, level: .optional,
                partOf: [.publicServiceUnit])
        case .schoolCouncil:
            return Entry(
                english: "School council", vietnamese: "Hội đồng trường", side: .state, level: .optional,
                partOf: [.publicServiceUnit])
        case .boardChair:
            return Entry(
                english: "Board chair", vietnamese: "Chủ tịch Hội đồng", side: .state, level: .optional,
                partOf: .boards)
        }
    }
}

// MARK: Groups of kinds

/// A named group of kinds, usable wherever a kind is, in path expressions and rulebooks
/// (`standing-body` for the standing committee and the standing board, and so on).
public enum KindGroup: String, CaseIterable, Sendable {
    case territorialCommittee = "territorial-committee"
    case aboveGrassrootsCommittee = "above-grassroots-committee"
    case partyCommittee = "party-committee"
    case standingBody = "standing-body"
    case unitPartyOrganization = "unit-party-organization"
    case unitLeader = "unit-leader"
    case board

    /// The kinds of the group.
    public var kinds: KindSet {
        switch self {
        case .territorialCommittee: .territorialCommittees
        case .aboveGrassrootsCommittee: .aboveGrassrootsCommittees
        case .partyCommittee: .partyCommittees
        case .standingBody: .standingBodies
        case .unitPartyOrganization: .unitPartyOrganizations
        case .unitLeader: .unitLeaders
        case .board: .boards
        }
    }
}

// MARK: Relation types

extension RelationType {
    /// Which way a relation points in the hierarchy.
    public enum Direction: Sendable, Hashable {
        /// From the body above to the body below: leadership, documents, invitations.
        case down
        /// From the body below to the body above: a part to its whole, reports, escalation,
        /// accountability.
        case up
        /// Between bodies that neither lead nor report to each other (the unit's party
        /// organization and its leaders, a unit and its locality); followed as written.
        case lateral
    }

    /// A field a relation of some types may carry besides `type`, `from`, `to`, `note` and
    /// `attributes`.
    public enum Field: Sendable, Hashable {
        case period
        case basis
    }

    /// One row of the relation types table.
    public struct Entry: Sendable {
        public var english: String
        public var vietnamese: String
        /// The group of the regulation article the relation comes from, if any.
        public var source: String?
        public var direction: Direction
        public var fields: Set<Field>
        /// The allowed (from, to) combinations; empty for `part-of`, whose endpoints are the
        /// kinds table's `partOf`.
        public var endpoints: [Vocabulary.Endpoints]
    }

    /// The type's row of the vocabulary table.
    ///
    /// - Complexity: O(1); the rows are made once.
    public var entry: Entry { Self.entries[index] }

    /// The rows, in `allCases` order.
    static let entries = allCases.map(\.row)

    private var row: Entry {
        typealias E = Vocabulary.Endpoints
        let territorial = KindSet.territorialCommittees
        let aboveGrassroots = KindSet.aboveGrassrootsCommittees
        let partyCommittees = KindSet.partyCommittees
        let standing = KindSet.standingBodies
        let upo = KindSet.unitPartyOrganizations
        let leaders = KindSet.unitLeaders
        switch self {
        case .partOf:
            return Entry(
                english: "part of", vietnamese: "trực thuộc", source: nil, direction: .up, fields: [], endpoints: [])
        case .leads:
            return Entry(
                english: "leads", vietnamese: "lãnh đạo", source: "§1", direction: .down, fields: [],
                endpoints: [
                    E(from: aboveGrassroots, to: aboveGrassroots.union(upo)),
                    // The People's Committee of the committee's own place.
                    E(from: territorial, to: [.peoplesCommittee], sameLevel: true),
                    E(from: [.provincialPartyCommittee, .standingCommittee], to: [.partyCadresCommittee]),
                    E(from: [.partyCadresCommittee, .authorityPartyCommittee], to: [.peoplesCommittee]),
                    // Any party committee, the partial party committee among them.
                    E(from: partyCommittees, to: [.subordinateCell]),
                    E(from: [.unitPartyCommittee], to: [.partialPartyCommittee]),
                ])
        case .superiorOf:
            return Entry(
                english: "immediate superior of", vietnamese: "cấp ủy cấp trên trực tiếp", source: "§3",
                direction: .down, fields: [], endpoints: [E(from: aboveGrassroots, to: upo)])
        case .directs:
            return Entry(
                english: "directs", vietnamese: "lãnh đạo, chỉ đạo thực hiện", source: "§2", direction: .down,
                fields: [],
                endpoints: [
                    E(from: [.partyCadresCommittee, .authorityPartyCommittee, .peoplesCommittee], to: upo)
                ])
        case .sendsDocuments:
            return Entry(
                english: "sends documents to", vietnamese: "gửi văn bản", source: "§1, §2", direction: .down,
                fields: [],
                endpoints: [
                    E(
                        from: aboveGrassroots.union(standing).union([
                            .advisoryAgency, .peoplesCommittee, .partyCadresCommittee, .managingAgency,
                        ]),
                        to: upo)
                ])
        case .invites:
            return Entry(
                english: "invites", vietnamese: "mời dự họp", source: "§1", direction: .down, fields: [],
                endpoints: [E(from: standing, to: [.partySecretary, .unitHead])])
        case .reportsTo:
            return Entry(
                english: "reports to", vietnamese: "báo cáo", source: "§1, §3, §4", direction: .up,
                fields: [.period],
                endpoints: [
                    E(from: upo, to: standing.union(aboveGrassroots)),
                    E(from: leaders, to: upo),
                    E(from: [.partialPartyCommittee], to: [.unitPartyCommittee, .partialPartyCommittee]),
                    // An attached cell reports to the committee that leads it.
                    E(from: [.subordinateCell], to: partyCommittees),
                ])
        case .manages:
            return Entry(
                english: "manages", vietnamese: "quản lý", source: "§2", direction: .down, fields: [],
                endpoints: [E(from: [.peoplesCommittee, .managingAgency], to: [.publicServiceUnit])])
        case .coordinatesWith:
            return Entry(
                english: "coordinates with", vietnamese: "phối hợp", source: "§4", direction: .lateral, fields: [],
                endpoints: [E(from: upo, to: leaders)])
        case .informs:
            return Entry(
                english: "informs", vietnamese: "thông tin", source: "§4", direction: .lateral, fields: [],
                endpoints: [E(from: upo, to: leaders)])
        case .escalatesTo:
            return Entry(
                english: "escalates to", vietnamese: "báo cáo cấp trên có thẩm quyền", source: "§4", direction: .up,
                fields: [],
                endpoints: [
                    E(
                        from: upo.union(leaders).union([.managingAgency]),
                        to: aboveGrassroots.union(standing).union([.peoplesCommittee, .managingAgency]))
                ])
        case .accountableTo:
            return Entry(
                english: "accountable to", vietnamese: "chịu trách nhiệm trước", source: "§4", direction: .up,
                fields: [], endpoints: [E(from: leaders.union([.partySecretary]), to: upo)])
        case .liaisesWith:
            return Entry(
                english: "liaises with", vietnamese: "quan hệ với địa phương", source: "§5", direction: .lateral,
                fields: [.basis],
                endpoints: [
                    E(from: upo, to: [.communePartyCommittee, .districtPartyCommittee]),
                    E(from: upo, to: [.peoplesCommittee], toLevels: [.commune, .district]),
                ])
        }
    }
}
