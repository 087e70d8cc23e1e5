import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rulebook {
    /// The structural rules of SPEC §3, always on: the shape every organization file must have
    /// before any regulation is applied to it; with a summary of each section they cite, and
    /// the names under which the sections cited by a word, and the documents, are shown.
    public static let structural = Rulebook(
        id: "structural", title: LocalizedText(en: "Structural rules", vi: "Các quy tắc về cơ cấu"),
        rules: [
            .relationEndpoints, .noSelfRelation, .duplicateRelation, .partOfRequired, .acyclicLeadership,
            .levelRequired,
        ],
        clauses: [
            "relation types": LocalizedText(
                en: "OrgGraph's vocabulary: which kinds of body each type of working relationship connects.",
                vi: "Bộ từ vựng của OrgGraph: mỗi loại quan hệ công tác nối những loại tổ chức nào."),
            "relations": LocalizedText(
                en: "OrgGraph's file format: each relation is written once, between two different nodes.",
                vi: "Định dạng tệp của OrgGraph: mỗi quan hệ ghi một lần, giữa hai nút khác nhau."),
            "containment": LocalizedText(
                en: "OrgGraph's vocabulary: the one body each kind of body is part of, or none.",
                vi: "Bộ từ vựng của OrgGraph: mỗi loại tổ chức trực thuộc một tổ chức loại nào, hoặc không trực thuộc."),
            "levels": LocalizedText(
                en: "OrgGraph's vocabulary: the kinds of body that carry an administrative level, and which levels.",
                vi: "Bộ từ vựng của OrgGraph: loại tổ chức nào phải ghi cấp hành chính, và ghi cấp nào."),
            "§1, §3": LocalizedText(
                en: "§1 and §3 in summary: leadership of a unit's party organization comes down from the committees "
                    + "above it, never back up.",
                vi: "Tóm tắt §1 và §3: sự lãnh đạo đối với tổ chức đảng của đơn vị đi từ các cấp ủy cấp trên xuống, "
                    + "không đi ngược lên."),
        ],
        names: [
            "relation types": LocalizedText(en: "relation types", vi: "loại quan hệ"),
            "relations": LocalizedText(en: "relations", vi: "quan hệ"),
            "containment": LocalizedText(en: "containment", vi: "quan hệ trực thuộc"),
            "levels": LocalizedText(en: "levels", vi: "cấp"),
            "Regulation 125-QD/TW": LocalizedText(en: "Regulation 125-QD/TW", vi: "Quy định 125-QĐ/TW"),
            "OrgGraph vocabulary": LocalizedText(en: "OrgGraph vocabulary", vi: "Bộ từ vựng của OrgGraph"),
            "OrgGraph file format": LocalizedText(en: "OrgGraph file format", vi: "Định dạng tệp của OrgGraph"),
        ])
}
