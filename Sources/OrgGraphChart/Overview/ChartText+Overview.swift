import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

extension ChartText {
    /// A unit's box when no party organization is written in it.
    var noPartyOrganization: String {
        language == .english ? "no party organization" : "chưa có tổ chức đảng"
    }

    /// `3 cells · 1 head · 1 board`.
    func counts(cells: Int, heads: Int, boards: Int) -> String {
        if language == .vietnamese {
            return "\(cells) chi bộ · \(heads) thủ trưởng · \(boards) hội đồng"
        }
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        return [count(cells, "cell", "cells"), count(heads, "head", "heads"), count(boards, "board", "boards")]
            .joined(separator: " · ")
    }

    /// The caption of the legend's sample unit box.
    var unitBoxLines: [String] {
        language == .english
            ? ["Public service unit", "its party organization", "cells · heads · boards", "page of the unit"]
            : [
                "Đơn vị sự nghiệp công lập", "tổ chức đảng của đơn vị", "chi bộ · thủ trưởng · hội đồng",
                "trang của đơn vị",
            ]
    }
}

/// The words of a chart's pages, in English and Vietnamese.
public struct PageWords: Sendable, Hashable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// `Page 3`, `Trang 3`.
    public func page(_ number: Int) -> String {
        language == .english ? "Page \(number)" : "Trang \(number)"
    }

    /// The title of the overview page.
    public var overview: String { language == .english ? "Overview" : "Tổng quan" }

    /// `→ page 3` in a unit's box.
    func pointer(_ number: Int) -> String {
        "→ " + page(number)
    }
}
