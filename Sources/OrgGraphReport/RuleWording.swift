import OrgGraphAudit
import OrgGraphCore

/// The one place the report takes the words of a rulebook in its language: a rule's title,
/// rationale, citation and clause summary, a finding's message, a rulebook's title and the
/// document it cites. Everything else the report writes comes from ``ReportText``.
struct RuleWording: Sendable {
    var language: Language

    /// The rule's title.
    func title(_ rule: RuleDescription) -> String { rule.title.text(in: language) }

    /// Why the rule exists, one paragraph.
    func rationale(_ rule: RuleDescription) -> String { rule.rationale.text(in: language) }

    /// What the finding says is wrong, as the audit wrote it in the report's language
    /// (``AuditedFile/init(path:loaded:rulebook:language:)``).
    func message(_ finding: Finding) -> String { finding.message }

    /// The rulebook's title.
    func title(_ rulebook: Rulebook) -> String { rulebook.title.text(in: language) }

    /// The document the rulebook's sections cite, named in the report's language
    /// (``Rulebook/documentText(in:)``).
    func document(_ rulebook: Rulebook) -> String? { rulebook.documentText(in: language) }

    /// The citation as the report shows it: the section (or what stands alone) by the name
    /// the rulebook gives it in the report's language, and the rulebook's one-line summary of
    /// that clause, never the regulation's own words.
    func citation(_ rule: RuleDescription, in rulebook: Rulebook) -> (section: String, summary: String?)? {
        guard let citation = rule.citation else { return nil }
        return (rulebook.sectionText(citation, in: language), rulebook.clauseSummary(for: citation, in: language))
    }
}
