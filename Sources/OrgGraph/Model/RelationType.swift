/// The type of a relation between two nodes (SPEC §2, "Relation types").
///
/// Leadership goes down, reporting goes up.
public enum RelationType: String, CaseIterable, Sendable, Hashable, Comparable {
    case partOf = "part-of"
    case leads
    case superiorOf = "superior-of"
    case sendsDocuments = "sends-documents"
    case invites
    case reportsTo = "reports-to"
    case manages
    case coordinatesWith = "coordinates-with"
    case informs
    case escalatesTo = "escalates-to"
    case accountableTo = "accountable-to"
    case liaisesWith = "liaises-with"

    /// The position of the type in the vocabulary table, a small dense integer.
    @inlinable
    public var index: Int {
        switch self {
        case .partOf: 0
        case .leads: 1
        case .superiorOf: 2
        case .sendsDocuments: 3
        case .invites: 4
        case .reportsTo: 5
        case .manages: 6
        case .coordinatesWith: 7
        case .informs: 8
        case .escalatesTo: 9
        case .accountableTo: 10
        case .liaisesWith: 11
        }
    }

    public static func < (lhs: RelationType, rhs: RelationType) -> Bool { lhs.index < rhs.index }

    /// The English display name of the type.
    public var englishName: String {
        switch self {
        case .partOf: "part of"
        case .leads: "leads"
        case .superiorOf: "immediate superior of"
        case .sendsDocuments: "sends documents to"
        case .invites: "invites"
        case .reportsTo: "reports to"
        case .manages: "manages"
        case .coordinatesWith: "coordinates with"
        case .informs: "informs"
        case .escalatesTo: "escalates to"
        case .accountableTo: "accountable to"
        case .liaisesWith: "liaises with"
        }
    }

    /// The Vietnamese display name of the type.
    public var vietnameseName: String {
        switch self {
        case .partOf: "trực thuộc"
        case .leads: "lãnh đạo"
        case .superiorOf: "cấp ủy cấp trên trực tiếp"
        case .sendsDocuments: "gửi văn bản"
        case .invites: "mời dự họp"
        case .reportsTo: "báo cáo"
        case .manages: "quản lý"
        case .coordinatesWith: "phối hợp"
        case .informs: "thông tin"
        case .escalatesTo: "báo cáo cấp trên có thẩm quyền"
        case .accountableTo: "chịu trách nhiệm trước"
        case .liaisesWith: "quan hệ với địa phương"
        }
    }

    /// The display name in the given language.
    public func displayName(in language: Language) -> String {
        switch language {
        case .english: englishName
        case .vietnamese: vietnameseName
        }
    }

    /// The section of the regulation article the relation comes from, if any.
    public var source: String? {
        switch self {
        case .partOf: nil
        case .leads, .invites: "§1"
        case .superiorOf: "§3"
        case .sendsDocuments: "§1, §2"
        case .reportsTo: "§1, §3, §4"
        case .manages: "§2"
        case .coordinatesWith, .informs, .escalatesTo, .accountableTo: "§4"
        case .liaisesWith: "§5"
        }
    }

    /// Whether the relation may carry a `period` list.
    public var allowsPeriod: Bool { self == .reportsTo }
    /// Whether the relation may carry a `basis`.
    public var allowsBasis: Bool { self == .liaisesWith }
}
