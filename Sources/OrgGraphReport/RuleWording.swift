import OrgGraphAudit
import OrgGraphCore

/// The one place the report takes the words of a rulebook in its language: a rule's title,
/// rationale and clause summary, a finding's message, a rulebook's title and the document it
/// cites. Everything else the report writes comes from ``ReportText``.
struct RuleWording: Sendable {
    var language: Language

    /// The rule's title.
    func title(_ rule: RuleDescription) -> String { rule.title }

    /// Why the rule exists, one paragraph.
    func rationale(_ rule: RuleDescription) -> String { rule.rationale }

    /// What the finding says is wrong.
    func message(_ finding: Finding) -> String { finding.message }

    /// The rulebook's title.
    func title(_ rulebook: Rulebook) -> String { rulebook.title }

    /// The document the rulebook's sections cite: the one its rules cite with a `§`, else the
    /// first any rule cites.
    func document(_ rulebook: Rulebook) -> String? {
        let citations = rulebook.rules.compactMap(\.description.citation)
        let document =
            citations.first { $0.section?.hasPrefix("§") == true }?.document ?? citations.first?.document
        return document.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The citation as the report shows it: the section (or what stands alone) and a one-line
    /// summary of that clause, written for the rulebook, never the regulation's own words.
    func citation(_ rule: RuleDescription, in rulebook: Rulebook) -> (section: String, summary: String?)? {
        guard let citation = rule.citation else { return nil }
        let section = citation.section ?? citation.document
        return (section, ClauseSummaries.summary(of: section, language: language))
    }
}

/// One-line summaries of the clauses of Regulation 125-QD/TW the built-in rulebooks cite, in
/// both languages: what each group of working relationships is about, in the report's words.
enum ClauseSummaries {
    static func summary(of section: String, language: Language) -> String? {
        guard let entry = table[section] else { return nil }
        return language == .english ? entry.english : entry.vietnamese
    }

    private static let table: [String: (english: String, vietnamese: String)] = [
        "§1": (
            "the provincial and district party committees lead the unit's party organization, send it their documents, invite it and receive its reports",
            "Tỉnh ủy, Huyện ủy lãnh đạo tổ chức đảng của đơn vị, gửi văn bản, mời dự họp và nhận báo cáo"
        ),
        "§2": (
            "the party cadres committee and the People's Committee lead and direct the unit's party organization and send it their documents",
            "Ban cán sự đảng, Ủy ban nhân dân lãnh đạo, chỉ đạo tổ chức đảng của đơn vị và gửi văn bản"
        ),
        "§3": (
            "the immediate superior party committee leads the unit's party organization, which reports to it every 6 months and every year",
            "cấp ủy cấp trên trực tiếp lãnh đạo tổ chức đảng của đơn vị; chế độ báo cáo định kỳ 6 tháng, 1 năm"
        ),
        "§4": (
            "the party organization coordinates with and informs the unit head and the board chair, who report to it and answer for the unit",
            "tổ chức đảng phối hợp, thông tin với Thủ trưởng đơn vị, Chủ tịch Hội đồng quản lý (Hội đồng trường); các vị này báo cáo và chịu trách nhiệm"
        ),
        "§5": (
            "the unit's party organization keeps close ties with the local party committees and authorities where it is located",
            "tổ chức đảng của đơn vị giữ mối liên hệ với cấp ủy, chính quyền địa phương nơi đơn vị đặt trụ sở"
        ),
        "structure": (
            "the organization's shape that the regulation presumes", "cơ cấu tổ chức mà quy định mặc nhiên đòi hỏi"
        ),
    ]
}
