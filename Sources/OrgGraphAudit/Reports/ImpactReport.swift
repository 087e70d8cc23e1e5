import OrgGraphCore

/// What removing bodies would do, as `orggraph impact` shows it: the findings the removal
/// creates, then the count of those it resolves; or the JSON object of ``ValidationReport``
/// over the created findings, with `removed` (the ids) and `resolved` (the fingerprints).
public struct ImpactReport: Sendable {
    public var impact: Impact
    /// The organization file, as the findings name it.
    public var file: String
    /// The rulebook the audits ran under.
    public var rulebook: Rulebook?
    /// The language of the text around the findings (their messages are in the audit's).
    public var language: Language

    public init(_ impact: Impact, file: String, rulebook: Rulebook? = nil, language: Language = .english) {
        self.impact = impact
        self.file = file
        self.rulebook = rulebook
        self.language = language
    }

    /// The created findings as a validation report of one file.
    public var created: ValidationReport {
        var report = ValidationReport(language: language)
        report.add(AuditReport(findings: impact.created), file: file, rulebook: rulebook)
        return report
    }

    /// `removing 'a', 'b' would create N findings:` and the findings, or `... creates no
    /// finding`; then `and resolve N findings it has now` when it resolves any.
    public func text() -> String {
        var lines: [String] = []
        let names = impact.removed.map { "'\($0)'" }.joined(separator: ", ")
        let (createdCount, resolvedCount) = (impact.created.count, impact.resolved.count)
        if impact.created.isEmpty {
            lines.append(
                language.text(en: "removing \(names) creates no finding", vi: "bỏ \(names) không tạo ra phát hiện nào"))
        } else {
            lines.append(
                language.text(
                    en: "removing \(names) would create \(Self.counted(createdCount, "finding")):",
                    vi: "bỏ \(names) sẽ tạo ra \(createdCount) phát hiện:"))
            lines += created.findingLines()
        }
        if !impact.resolved.isEmpty {
            lines.append(
                language.text(
                    en: "and resolve \(Self.counted(resolvedCount, "finding")) it has now",
                    vi: "và giải quyết \(resolvedCount) phát hiện hiện có"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"files", "findings", "errors", "summary", "removed", "resolved"}`: the validation
    /// report of the created findings, then the ids removed and the fingerprints of the
    /// findings resolved.
    public func json() -> String {
        JSONText.document(
            created.jsonMembers() + [
                ("removed", JSONText.array(impact.removed.map(JSONText.quote))),
                ("resolved", JSONText.array(impact.resolved.map { JSONText.quote($0.fingerprint) })),
            ])
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
