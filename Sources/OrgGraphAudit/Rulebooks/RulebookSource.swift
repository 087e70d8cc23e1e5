import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// A rulebook as written in YAML, before the rulebook it extends is applied.
struct RulebookSource: Sendable {
    struct RuleSource: Sendable {
        var rule: Rule
        var location: SourceLocation
    }

    var id: String
    var title: LocalizedText?
    var document: String?
    var extends: (name: String, location: SourceLocation)?
    var disable: [(id: String, location: SourceLocation)] = []
    var severities: [(id: String, severity: Severity, location: SourceLocation)] = []
    var rules: [RuleSource] = []
    /// The clause summaries it adds or replaces, by section, in the order written.
    var clauses: [(section: String, summary: LocalizedText)] = []
}
