import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `unused-suppression`: a suppression in the file hides a finding. The auditor applies it
    /// with every rulebook, after the rulebook's rules, since it reads their findings.
    public static let unusedSuppression = Rule(
        RuleDescription(
            id: "unused-suppression",
            title: LocalizedText(
                en: "A suppression hides a finding", vi: "Mỗi miễn trừ (suppression) phải che một phát hiện"),
            severity: .warning,
            rationale: LocalizedText(
                en: """
                    A suppression accepts one finding for a stated reason. When the structure changes and \
                    the finding is gone, the suppression would silently accept a future, different problem; \
                    it should be removed.
                    """,
                vi: """
                    Một miễn trừ chấp nhận một phát hiện với lý do đã nêu. Khi cơ cấu tổ chức thay đổi và \
                    phát hiện đó không còn, miễn trừ sẽ âm thầm chấp nhận một vấn đề khác về sau; cần xóa \
                    bỏ miễn trừ này.
                    """)),
        check: UnusedSuppressionCheck())
}

/// Reports each suppression of the file that hides no finding, at the suppression.
///
/// It needs the findings of every other rule, so it does nothing when run with them: the
/// auditor calls ``findings(unused:rulebook:rule:_:)`` once the suppressions are applied.
struct UnusedSuppressionCheck: Check {
    func run(_ context: AuditContext, into sink: inout FindingSink) {}

    /// The findings of the suppressions at `unused` (indices into the file's suppressions).
    ///
    /// - Complexity: O(*u* · *r*) for *u* unused suppressions naming no rule of the *r* of
    ///   `rulebook`; O(*u*) otherwise.
    func findings(
        unused: [Int], rulebook: Rulebook, rule: RuleDescription, _ context: AuditContext
    ) -> [Finding] {
        let suppressions = context.organization.suppressions
        let map = context.organization.sourceMap
        return unused.map { index in
            let suppression = suppressions[index]
            let known = rulebook.rule(suppression.rule) != nil || suppression.rule == rule.id
            let (id, node) = (suppression.rule, suppression.node)
            return Finding(
                rule: rule.id, severity: rule.severity,
                message: context.localized(
                    en: "the suppression of \(id) on '\(node)' hides no finding"
                        + (known ? "" : " ('\(id)' is not a rule of \(rulebook.id))") + "; remove it",
                    vi: "miễn trừ quy tắc \(id) cho '\(node)' không che phát hiện nào"
                        + (known ? "" : " ('\(id)' không phải là quy tắc của \(rulebook.id))")
                        + "; hãy xóa miễn trừ này"),
                node: suppression.node, file: map.suppressionFile, location: map.suppression(index),
                fingerprint: Fingerprint.make([rule.id, suppression.node, suppression.rule]))
        }
    }

    func summary(in language: Language) -> [String] {
        ["check: unused suppressions (applied by the auditor after every other rule, on their findings)"]
    }
}
