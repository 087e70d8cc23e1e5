import OrgGraphCore
import OrgGraphFormat

extension Rule {
    /// `unused-baseline-entry`: each entry of a baseline accepts a finding. A validation run
    /// with `--baseline` applies it, after the rulebook's rules and the file's suppressions,
    /// since it reads the findings that are left.
    public static let unusedBaselineEntry = Rule(
        RuleDescription(
            id: "unused-baseline-entry",
            title: LocalizedText(
                en: "A baseline entry matches a finding",
                vi: "Mỗi mục của baseline phải khớp với một phát hiện"),
            severity: .warning,
            rationale: LocalizedText(
                en: """
                    A baseline accepts the findings an organization had when it was written, so that \
                    only new ones fail a run. When a finding it accepts is fixed, its entry would \
                    silently accept the same finding if it came back; the entry should be removed, by \
                    writing the baseline again.
                    """,
                vi: """
                    Baseline chấp nhận các phát hiện mà cơ cấu tổ chức đã có khi ghi baseline, để chỉ \
                    phát hiện mới làm lần kiểm tra thất bại. Khi một phát hiện được chấp nhận đã được \
                    khắc phục, mục của nó sẽ âm thầm chấp nhận chính phát hiện ấy nếu nó xuất hiện \
                    trở lại; cần xóa mục này bằng cách ghi lại baseline.
                    """)),
        check: UnusedBaselineEntryCheck())
}

/// Reports each entry of a baseline that accepts no finding, at the entry's line in the
/// baseline file.
///
/// It needs the findings of every other rule, after suppressions, so it does nothing when run
/// with them: a validation run with a baseline calls ``findings(unused:in:rule:language:)``.
struct UnusedBaselineEntryCheck: Check {
    func run(_ context: AuditContext, into sink: inout FindingSink) {}

    /// The findings of the entries at `unused` (indices into `baseline`'s entries).
    ///
    /// - Complexity: O(*u*).
    func findings(unused: [Int], in baseline: Baseline, rule: RuleDescription, language: Language) -> [Finding] {
        unused.map { index in
            let entry = baseline.entries[index]
            let (id, node) = (entry.rule, entry.node)
            let relation = entry.relation.map { " ('\($0.type)' \($0.from) → \($0.to))" } ?? ""
            return Finding(
                rule: rule.id, severity: rule.severity,
                message: language.text(
                    en: "the baseline entry of \(id) on '\(node)'\(relation) matches no finding; the finding is gone, "
                        + "remove the entry (write the baseline again)",
                    vi: "mục baseline của quy tắc \(id) cho '\(node)'\(relation) không khớp với phát hiện nào; "
                        + "phát hiện đã không còn, hãy xóa mục này (ghi lại baseline)"),
                node: node, file: baseline.file, location: baseline.location(index),
                fingerprint: Fingerprint.make([rule.id, node, id, entry.fingerprint]))
        }
    }

    func summary(in language: Language) -> [String] {
        [
            "check: baseline entries that match no finding (applied by validate --baseline, on the findings left after suppressions)"
        ]
    }
}
