import OrgGraphCore
import OrgGraphFormat

/// The note that suggests the two-tier rulebook for a file that looks like the organization
/// since 1 July 2025, audited under the 2023 one: no district level, and commune committees
/// as immediate superiors (SPEC §3). It only suggests: the findings and the exit status stay
/// those of the rulebook in force.
public enum RulebookSuggestion {
    /// The note for `loaded` audited under `rulebook`, in English and Vietnamese, or `nil` when
    /// there is nothing to suggest.
    ///
    /// - Complexity: O(*n* + the `superior-of` relations).
    public static func note(
        for loaded: LoadedOrganization, auditedUnder rulebook: Rulebook
    ) -> Diagnostic? {
        guard rulebook.id == RulebookLoader.defaultID else { return nil }
        let organization = loaded.organization
        let graph = loaded.graph
        if organization.nodes.contains(where: { ($0.level ?? $0.kind.territorialLevel) == .district }) { return nil }
        let superiors = graph.outgoing[RelationType.superiorOf.index]
        guard !superiors.offsets.isEmpty else { return nil }
        for node in 0..<graph.nodeCount where graph.kinds[node] == .communePartyCommittee {
            guard superiors.offsets[node] != superiors.offsets[node + 1] else { continue }
            let twoTier = RulebookLoader.twoTierID
            return Diagnostic(
                .note, file: organization.sourceMap.nodeFile, location: organization.sourceMap.node(node),
                message: LocalizedText(
                    en: "this file has no district level and commune party committees as immediate superiors, as in "
                        + "the two-tier organization since 1 July 2025; it was audited under \(rulebook.id) (2023). "
                        + "To audit it under \(twoTier), give --rulebook \(twoTier) or write 'rulebook: \(twoTier)' in it",
                    vi: "tệp này không có cấp huyện và có Đảng ủy xã là cấp ủy cấp trên trực tiếp, như tổ chức chính "
                        + "quyền địa phương hai cấp từ ngày 1/7/2025; tệp đã được kiểm tra theo \(rulebook.id) (2023). "
                        + "Để kiểm tra theo \(twoTier), dùng --rulebook \(twoTier) hoặc ghi 'rulebook: \(twoTier)' "
                        + "trong tệp"))
        }
        return nil
    }
}
