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

    public init(_ impact: Impact, file: String, rulebook: Rulebook? = nil) {
        self.impact = impact
        self.file = file
        self.rulebook = rulebook
    }

    /// The created findings as a validation report of one file.
    public var created: ValidationReport {
        var report = ValidationReport()
        report.add(AuditReport(findings: impact.created), file: file, rulebook: rulebook)
        return report
    }

    /// `removing 'a', 'b' would create N findings:` and the findings, or `... creates no
    /// finding`; then `and resolve N findings it has now` when it resolves any.
    public func text() -> String {
        var lines: [String] = []
        let names = impact.removed.map { "'\($0)'" }.joined(separator: ", ")
        if impact.created.isEmpty {
            lines.append("removing \(names) creates no finding")
        } else {
            lines.append("removing \(names) would create \(Self.counted(impact.created.count, "finding")):")
            lines += created.findingLines()
        }
        if !impact.resolved.isEmpty {
            lines.append("and resolve \(Self.counted(impact.resolved.count, "finding")) it has now")
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
