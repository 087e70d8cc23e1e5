import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The words findings' messages are made of, in the audit's language: nodes with their kinds,
/// lists of kinds and levels, relations, `none`. In Vietnamese a kind, level or relation type
/// is named as the regulation names it, with the word the file writes in parentheses, so the
/// message also says what to write.
extension AuditContext {
    /// A node with its kind: `the unit-head 'gd' (Giám đốc)`, `Thủ trưởng 'gd' (Giám đốc)`.
    public func describeWithKind(_ index: Int) -> String {
        let kind = organization.nodes[index].kind
        return localized(
            en: "the \(kind.rawValue) \(describe(index))", vi: "\(kind.shortVietnameseName) \(describe(index))")
    }

    /// Nodes named for a message: `'a' (A), 'b' (B)`, or `none` (`không có`).
    func describeList<S: Sequence>(_ nodes: S) -> String where S.Element == Int {
        let names = nodes.map(describe)
        return names.isEmpty ? none : names.joined(separator: ", ")
    }

    /// `none`, in the audit's language: what a message's list of nodes or periods says when it
    /// is empty.
    var none: String { localized(en: "none", vi: "không có") }

    /// A kind as a message names it: `a unit-head`, `Thủ trưởng (unit-head)`.
    func kind(_ kind: NodeKind) -> String {
        localized(en: "a \(kind.rawValue)", vi: "\(kind.shortVietnameseName) (\(kind.rawValue))")
    }

    /// `a x, a y or a z`; `X (x), Y (y) hoặc Z (z)`; in vocabulary order.
    func kinds(_ kinds: KindSet) -> String {
        alternatives(kinds.kinds.map(kind))
    }

    /// A level as a message names it: `provincial`, `cấp tỉnh (provincial)`.
    func level(_ level: Level) -> String {
        localized(en: level.rawValue, vi: "cấp \(level.vietnameseName) (\(level.rawValue))")
    }

    /// `x, y or z`, `cấp x (x), cấp y (y) hoặc cấp z (z)`, in vocabulary order.
    func levels(_ levels: Set<Level>) -> String {
        alternatives(Level.allCases.filter(levels.contains).map(level))
    }

    /// A reporting period as a message names it: `6-months`, `định kỳ 6 tháng (6-months)`.
    func period(_ period: Period) -> String {
        localized(en: period.rawValue, vi: "\(period.vietnameseName) (\(period.rawValue))")
    }

    /// A relation type as a message names it: `'leads'`, `'leads' (lãnh đạo)`.
    func relation(_ type: RelationType) -> String {
        localized(en: "'\(type.rawValue)'", vi: "'\(type.rawValue)' (\(type.vietnameseName))")
    }

    /// `a, b or c`; `a, b hoặc c`.
    func alternatives(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + localized(en: " or ", vi: " hoặc ") + last
    }
}

extension NodeKind {
    /// The Vietnamese name of one body of the kind: the first of the names the vocabulary
    /// gives (`Tỉnh ủy` of `Tỉnh ủy, Thành ủy`).
    var shortVietnameseName: String {
        vietnameseName.split(separator: ",", maxSplits: 1).first.map(String.init) ?? vietnameseName
    }
}

extension Period {
    /// The Vietnamese name of the period, as the regulation's reporting regime says it.
    var vietnameseName: String {
        switch self {
        case .sixMonths: "định kỳ 6 tháng"
        case .oneYear: "định kỳ 1 năm"
        case .congress: "dịp đại hội"
        case .regular: "định kỳ"
        case .extraordinary: "đột xuất"
        case .adHoc: "khi có yêu cầu"
        }
    }
}
