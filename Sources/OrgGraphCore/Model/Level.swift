/// The administrative level of a body (SPEC §1: central | provincial | district | commune),
/// from the top down.
public enum Level: String, VocabularyWord {
    case central
    case provincial
    case district
    case commune

    /// The territorial party committee kind of this level; `nil` for `central`, which has none.
    public var territorialCommittee: NodeKind? {
        switch self {
        case .central: nil
        case .provincial: .provincialPartyCommittee
        case .district: .districtPartyCommittee
        case .commune: .communePartyCommittee
        }
    }

    /// The Vietnamese name of the level, as `cấp ...` completes it: `trung ương`, `tỉnh`,
    /// `huyện`, `xã`.
    public var vietnameseName: String {
        switch self {
        case .central: "trung ương"
        case .provincial: "tỉnh"
        case .district: "huyện"
        case .commune: "xã"
        }
    }
}

/// A reporting period on a `reports-to` relation.
public enum Period: String, VocabularyWord {
    case sixMonths = "6-months"
    case oneYear = "1-year"
    case congress
    case regular
    case extraordinary
    case adHoc = "ad-hoc"

    /// The periods as a bit mask, bit `i` for `allCases[i]`.
    package static func mask<S: Sequence>(_ periods: S) -> UInt8 where S.Element == Period {
        periods.reduce(0) { $0 | 1 << UInt8($1.index) }
    }

    /// The periods of a bit mask, in vocabulary order.
    package static func periods(_ mask: UInt8) -> [Period] {
        allCases.indices.filter { mask & (1 << UInt8($0)) != 0 }.map { allCases[$0] }
    }
}

/// The basis of a `liaises-with` relation: where the unit is located, or where members reside.
public enum Basis: String, VocabularyWord {
    case location
    case residence
}
