import Foundation

/// Organizations whose `rulebook:` names a rulebook with a bad rule: a path expression whose
/// automaton is too large, one whose error sits inside a folded or literal block, a rule id
/// that is not kebab-case; and one whose expressions are costly as written but small once
/// normalised, which loads.
extension CatalogCase {
    /// The clean example, pointing at `rulebook.yaml` beside it.
    static let withRulebook = exampleYAML.replacingOccurrences(
        of: "title: Bệnh viện", with: "rulebook: rulebook.yaml\ntitle: Bệnh viện")

    /// A rulebook extending 125-QD/TW with one rule: `rule` holds the lines after its subject.
    static func rulebook(_ rule: String) -> String {
        """
        rulebook: catalog
        title: Catalog
        extends: 125-QD/TW
        rules:
          - id: catalog-rule
            title: A rule of the catalog
            severity: warning
            subject: provincial-party-committee
        \(rule.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    static let rulebookPaths: [CatalogCase] = [
        CatalogCase(
            "rulebook path whose automaton is too large", "large-automaton.yaml", .text(withRulebook),
            [
                E(
                    nil,
                    "rulebook.yaml:9:25: error: in 'path': the expression needs an automaton of 1601 states up to here")
            ],
            rulebook: rulebook("path: ((leads?){40}){40}\nmax: 100")),
        CatalogCase(
            "rulebook path too large in a sequence", "long-sequence.yaml", .text(withRulebook),
            [
                E(
                    nil,
                    "rulebook.yaml:9:35: error: in 'path': the expression needs an automaton of 301 states up to here")
            ],
            rulebook: rulebook("path: \"leads{100}/^leads{100}/part-of{100}\"\nmax: 100")),
        CatalogCase(
            "rulebook path error inside a folded block", "folded-path.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:12:9: error: in 'path': unknown relation 'lead'; did you mean 'leads'?")],
            rulebook: rulebook("path: >-\n  ^superior-of/\n  leads/\n    lead[kind=grassroots-cell]\nmax: 100")),
        CatalogCase(
            "rulebook path error inside a literal block", "literal-path.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:12:8: error: in 'path': unknown relation 'reports'; did you mean 'reports-to'?")],
            rulebook: rulebook("path: |\n  leads/\n  ^leads\n  /reports\nmax: 100")),
        CatalogCase(
            "rulebook path error in a plain scalar over two lines", "plain-path.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:10:13: error: in 'path': unknown relation 'leeds'; did you mean 'leads'?")],
            rulebook: rulebook("path: ^superior-of/\n  leads/leeds\nmax: 100")),
        CatalogCase(
            "rule id not kebab-case", "snake-id.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:5:9: error: rule id 'catalog_rule' is not kebab-case")],
            rulebook: rulebook("path: leads\nmax: 100").replacingOccurrences(
                of: "id: catalog-rule", with: "id: catalog_rule")),
        CatalogCase(
            "rule id with capitals", "capital-id.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:5:9: error: rule id 'Catalog-Rule' is not kebab-case")],
            rulebook: rulebook("path: leads\nmax: 100").replacingOccurrences(
                of: "id: catalog-rule", with: "id: Catalog-Rule")),
        CatalogCase(
            "rule id with a doubled hyphen", "double-hyphen-id.yaml", .text(withRulebook),
            [E(nil, "rulebook.yaml:5:9: error: rule id 'catalog--rule' is not kebab-case")],
            rulebook: rulebook("path: leads\nmax: 100").replacingOccurrences(
                of: "id: catalog-rule", with: "id: catalog--rule")),
        CatalogCase(
            "rulebook path costly as written, small once normalised", "nested-stars.yaml", .text(withRulebook),
            status: 0,
            rulebook: rulebook("path: (((leads|^leads|part-of|^part-of)*){0,50}){0,5}\nmax: 100000")),
    ]
}
