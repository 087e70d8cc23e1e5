/// A set of node kinds, stored as a bit mask: membership is one AND.
public struct KindSet: Sendable, Hashable, SetAlgebra, ExpressibleByArrayLiteral {
    public var rawValue: UInt32

    public init() { rawValue = 0 }
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(arrayLiteral elements: NodeKind...) {
        self.init(elements)
    }
    public init<S: Sequence>(_ kinds: S) where S.Element == NodeKind {
        rawValue = 0
        for kind in kinds { rawValue |= 1 << UInt32(kind.index) }
    }

    /// - Complexity: O(1).
    @inlinable
    public func contains(_ kind: NodeKind) -> Bool { rawValue & (1 << UInt32(kind.index)) != 0 }

    public var isEmpty: Bool { rawValue == 0 }
    public func union(_ other: KindSet) -> KindSet { KindSet(rawValue: rawValue | other.rawValue) }
    public func intersection(_ other: KindSet) -> KindSet { KindSet(rawValue: rawValue & other.rawValue) }
    public func symmetricDifference(_ other: KindSet) -> KindSet { KindSet(rawValue: rawValue ^ other.rawValue) }
    @discardableResult
    public mutating func insert(_ kind: NodeKind) -> (inserted: Bool, memberAfterInsert: NodeKind) {
        let inserted = !contains(kind)
        rawValue |= 1 << UInt32(kind.index)
        return (inserted, kind)
    }
    @discardableResult
    public mutating func remove(_ kind: NodeKind) -> NodeKind? {
        guard contains(kind) else { return nil }
        rawValue &= ~(1 << UInt32(kind.index))
        return kind
    }
    @discardableResult
    public mutating func update(with kind: NodeKind) -> NodeKind? {
        let had = contains(kind)
        rawValue |= 1 << UInt32(kind.index)
        return had ? kind : nil
    }
    public mutating func formUnion(_ other: KindSet) { rawValue |= other.rawValue }
    public mutating func formIntersection(_ other: KindSet) { rawValue &= other.rawValue }
    public mutating func formSymmetricDifference(_ other: KindSet) { rawValue ^= other.rawValue }

    /// The kinds in the set, in vocabulary order.
    public var kinds: [NodeKind] { NodeKind.allCases.filter(contains) }
}

extension KindSet {
    /// Provincial, district and commune party committees.
    public static let territorialCommittees: KindSet = [
        .provincialPartyCommittee, .districtPartyCommittee, .communePartyCommittee,
    ]
    /// A territorial committee, a bloc, authority or party agencies committee, or another
    /// superior (ministry, sector) party committee.
    public static let aboveGrassrootsCommittees: KindSet = territorialCommittees.union([
        .blocPartyCommittee, .authorityPartyCommittee, .partyAgenciesCommittee, .superiorPartyCommittee,
    ])
    /// An above-grassroots committee, a unit's party committee or a partial party committee.
    public static let partyCommittees: KindSet =
        aboveGrassrootsCommittees.union([.unitPartyCommittee, .partialPartyCommittee])
    /// Standing committees and standing boards.
    public static let standingBodies: KindSet = [.standingCommittee, .standingBoard]
    /// The party organization of a unit: its party committee or grassroots cell.
    public static let unitPartyOrganizations: KindSet = [.unitPartyCommittee, .grassrootsCell]
    /// The unit head and the chair of the unit's board.
    public static let unitLeaders: KindSet = [.unitHead, .boardChair]
    /// Management boards and school councils.
    public static let boards: KindSet = [.managementBoard, .schoolCouncil]
    /// Every party body and office.
    public static let partySide = KindSet(NodeKind.allCases.filter { $0.entry.side == .party })
    /// Every kind.
    public static let all = KindSet(NodeKind.allCases)
}

extension KindSet {
    /// The kinds a kind or group name stands for.
    public static func named(_ name: String) -> KindSet? {
        if let kind = NodeKind(rawValue: name) { return [kind] }
        return KindGroup(rawValue: name)?.kinds
    }

    /// Every kind and group name.
    public static var allNames: [String] {
        NodeKind.allCases.map(\.rawValue) + KindGroup.allCases.map(\.rawValue).sorted()
    }
}
