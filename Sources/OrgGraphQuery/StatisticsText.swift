import OrgGraphCore

/// The words `orggraph stats` writes itself, in English or Vietnamese.
struct StatisticsText {
    var language: Language

    /// `12 nodes, 30 relations`.
    func totals(nodes: Int, relations: Int) -> String {
        language.text(en: "\(nodes) nodes, \(relations) relations", vi: "\(nodes) nút, \(relations) quan hệ")
    }

    var nodesByKind: String { language.text(en: "Nodes by kind", vi: "Số nút theo loại") }

    var relationsByType: String {
        language.text(
            en: "Relations by type (part-of fields included)",
            vi: "Số quan hệ theo loại (kể cả các trường part-of)")
    }

    var unitsByLevel: String {
        language.text(en: "Public service units by level", vi: "Đơn vị sự nghiệp công lập theo cấp")
    }

    var unitsBySector: String {
        language.text(en: "Public service units by sector", vi: "Đơn vị sự nghiệp công lập theo lĩnh vực")
    }

    /// A level as a row names it: `provincial`, `cấp tỉnh`; `(no level)` when none is written.
    func level(_ level: Level?) -> String {
        guard let level else { return language.text(en: "(no level)", vi: "(không ghi cấp)") }
        return language.text(en: level.rawValue, vi: "cấp \(level.vietnameseName)")
    }

    /// A sector as written, or `(no sector)` when none is.
    func sector(_ sector: String?) -> String {
        sector ?? language.text(en: "(no sector)", vi: "(không ghi lĩnh vực)")
    }

    /// The last line: the depth of the `leads` relations and their deepest chain; `nil` depth
    /// when they form a cycle.
    func leadershipDepth(_ depth: Int?, chain: String) -> String {
        guard let depth else {
            return language.text(
                en: "Leadership depth: none (the leads relations form a cycle; run validate)",
                vi: "Số tầng lãnh đạo: không xác định (các quan hệ leads tạo thành vòng khép kín; hãy chạy validate)")
        }
        guard depth > 0 else {
            return language.text(
                en: "Leadership depth: 0 (no leads relations)", vi: "Số tầng lãnh đạo: 0 (không có quan hệ leads)")
        }
        return language.text(en: "Leadership depth: \(depth) (\(chain))", vi: "Số tầng lãnh đạo: \(depth) (\(chain))")
    }
}
