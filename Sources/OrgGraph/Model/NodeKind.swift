/// The kind of a body or office in the organization (SPEC §2, "Node kinds").
///
/// The raw value is the kebab-case name written in organization files.
public enum NodeKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case provincialPartyCommittee = "provincial-party-committee"
    case districtPartyCommittee = "district-party-committee"
    case communePartyCommittee = "commune-party-committee"
    case superiorPartyCommittee = "superior-party-committee"
    case standingCommittee = "standing-committee"
    case standingBoard = "standing-board"
    case advisoryAgency = "advisory-agency"
    case partyCadresCommittee = "party-cadres-committee"
    case peoplesCommittee = "peoples-committee"
    case managingAgency = "managing-agency"
    case publicServiceUnit = "public-service-unit"
    case unitPartyCommittee = "unit-party-committee"
    case grassrootsCell = "grassroots-cell"
    case partialPartyCommittee = "partial-party-committee"
    case subordinateCell = "subordinate-cell"
    case partySecretary = "party-secretary"
    case unitHead = "unit-head"
    case managementBoard = "management-board"
    case schoolCouncil = "school-council"
    case boardChair = "board-chair"

    /// The position of the kind in the vocabulary table, a small dense integer.
    @inlinable
    public var index: Int {
        switch self {
        case .provincialPartyCommittee: 0
        case .districtPartyCommittee: 1
        case .communePartyCommittee: 2
        case .superiorPartyCommittee: 3
        case .standingCommittee: 4
        case .standingBoard: 5
        case .advisoryAgency: 6
        case .partyCadresCommittee: 7
        case .peoplesCommittee: 8
        case .managingAgency: 9
        case .publicServiceUnit: 10
        case .unitPartyCommittee: 11
        case .grassrootsCell: 12
        case .partialPartyCommittee: 13
        case .subordinateCell: 14
        case .partySecretary: 15
        case .unitHead: 16
        case .managementBoard: 17
        case .schoolCouncil: 18
        case .boardChair: 19
        }
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.index < rhs.index }

    /// The English display name of the kind.
    public var englishName: String {
        switch self {
        case .provincialPartyCommittee: "Provincial party committee"
        case .districtPartyCommittee: "District party committee"
        case .communePartyCommittee: "Commune party committee"
        case .superiorPartyCommittee: "Superior party committee"
        case .standingCommittee: "Standing committee"
        case .standingBoard: "Standing board"
        case .advisoryAgency: "Advisory agency"
        case .partyCadresCommittee: "Party cadres committee"
        case .peoplesCommittee: "People's Committee"
        case .managingAgency: "Managing agency"
        case .publicServiceUnit: "Public service unit"
        case .unitPartyCommittee: "Unit party committee"
        case .grassrootsCell: "Grassroots party cell"
        case .partialPartyCommittee: "Partial party committee"
        case .subordinateCell: "Subordinate party cell"
        case .partySecretary: "Party secretary"
        case .unitHead: "Unit head"
        case .managementBoard: "Management board"
        case .schoolCouncil: "School council"
        case .boardChair: "Board chair"
        }
    }

    /// The Vietnamese display name of the kind.
    public var vietnameseName: String {
        switch self {
        case .provincialPartyCommittee: "Tỉnh ủy, Thành ủy"
        case .districtPartyCommittee: "Huyện ủy, Quận ủy, Thị ủy"
        case .communePartyCommittee: "Đảng ủy xã, phường"
        case .superiorPartyCommittee: "Đảng ủy cấp trên cơ sở"
        case .standingCommittee: "Ban Thường vụ"
        case .standingBoard: "Thường trực cấp ủy"
        case .advisoryAgency: "Cơ quan tham mưu, giúp việc"
        case .partyCadresCommittee: "Ban cán sự đảng"
        case .peoplesCommittee: "Ủy ban nhân dân"
        case .managingAgency: "Cơ quan quản lý"
        case .publicServiceUnit: "Đơn vị sự nghiệp công lập"
        case .unitPartyCommittee: "Đảng ủy cơ sở"
        case .grassrootsCell: "Chi bộ cơ sở"
        case .partialPartyCommittee: "Đảng ủy bộ phận"
        case .subordinateCell: "Chi bộ trực thuộc"
        case .partySecretary: "Bí thư"
        case .unitHead: "Thủ trưởng đơn vị"
        case .managementBoard: "Hội đồng quản lý"
        case .schoolCouncil: "Hội đồng trường"
        case .boardChair: "Chủ tịch Hội đồng"
        }
    }

    /// The display name in the given language.
    public func displayName(in language: Language) -> String {
        switch language {
        case .english: englishName
        case .vietnamese: vietnameseName
        }
    }

    /// Whether the kind belongs to the party side (committees, cells, secretaries) rather than
    /// the state side (People's Committees, agencies, units and their leaders).
    public var isParty: Bool { KindSet.partySide.contains(self) }

    /// The level a territorial committee has by its kind, `nil` for other kinds.
    public var territorialLevel: Level? {
        switch self {
        case .provincialPartyCommittee: .provincial
        case .districtPartyCommittee: .district
        case .communePartyCommittee: .commune
        default: nil
        }
    }
}

/// A display language for kind and relation names.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case vietnamese = "vi"
}
