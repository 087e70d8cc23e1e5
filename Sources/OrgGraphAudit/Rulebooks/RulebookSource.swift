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
    var document: LocalizedText?
    var extends: (name: String, location: SourceLocation)?
    var disable: [(id: String, location: SourceLocation)] = []
    var severities: [(id: String, severity: Severity, location: SourceLocation)] = []
    var rules: [RuleSource] = []
    /// The clause summaries and names it adds or replaces, by section, in the order written.
    var clauses: [Clause] = []

    /// An entry of `clauses`: a section as rules cite it, its summary, the name it is shown under.
    struct Clause: Sendable {
        var section: String
        var summary: LocalizedText?
        var name: LocalizedText?
    }
}
