import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Where a rule comes from: a document and a section of it.
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    public var document: String
    public var section: String?

    public init(document: String, section: String? = nil) {
        self.document = document
        self.section = section
    }

    /// `Regulation 125-QD/TW §3` for a section of the document; a citation of something else
    /// (`structure`, `Constitution (2025) art. 110`) stands alone.
    public var description: String {
        guard let section else { return document }
        return section.hasPrefix("§") ? "\(document) \(section)" : section
    }
}

/// What a rule is, apart from how it checks: id, title, severity, citation, rationale, and
/// the examples that trigger it and that do not, which the test suite runs.
public struct RuleDescription: Sendable, Hashable {
    /// A stable kebab-case id.
    public var id: String
    /// One line: what the rule asks, in English, Vietnamese or both.
    public var title: LocalizedText
    public var severity: Severity
    public var citation: Citation?
    /// One paragraph: why the rule exists, in English, Vietnamese or both.
    public var rationale: LocalizedText
    /// Organization files (without the `orggraph: 1` line) the rule reports, each with the
    /// nodes its findings must be on.
    public var triggering: [TriggeringExample]
    /// Organization files the rule does not report.
    public var nonTriggeringExamples: [String]

    /// The organization files of the triggering examples.
    public var triggeringExamples: [String] { triggering.map(\.organization) }

    /// An organization the rule reports, and the nodes its findings must be on: the subject of
    /// the rule's sentence (SPEC §3, "Where a finding goes").
    public struct TriggeringExample: Sendable, Hashable {
        /// The file, without its `orggraph: 1` line.
        public var organization: String
        /// The ids of the nodes the rule's findings are on, each once; empty when the example
        /// does not say.
        public var expect: [String]

        public init(expect: [String], _ organization: String) {
            self.expect = expect
            self.organization = organization
        }
    }

    public init(
        id: String, title: LocalizedText, severity: Severity, citation: Citation? = nil, rationale: LocalizedText,
        triggering: [TriggeringExample], nonTriggeringExamples: [String] = []
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.citation = citation
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    /// A description whose triggering examples do not name their nodes.
    public init(
        id: String, title: LocalizedText, severity: Severity, citation: Citation? = nil, rationale: LocalizedText,
        triggeringExamples: [String] = [], nonTriggeringExamples: [String] = []
    ) {
        self.init(
            id: id, title: title, severity: severity, citation: citation, rationale: rationale,
            triggering: triggeringExamples.map { TriggeringExample(expect: [], $0) },
            nonTriggeringExamples: nonTriggeringExamples)
    }
}

/// A check: the logic of a rule, given its parameters. Checks report findings to a sink and
/// never throw; the same check kind can serve many rules with different parameters.
public protocol Check: Sendable {
    /// Reports every departure found in `context` to `sink`.
    func run(_ context: AuditContext, into sink: inout FindingSink)
    /// What the check asks, one line a parameter, as `orggraph rules ID` shows it: the kind of
    /// check first (`check: path count`), then its parameters (`subject: ...`, `path: ...`,
    /// `min: 1`), path expressions as written, and messages in `language`.
    func summary(in language: Language) -> [String]
    /// The templates of the messages the check writes, each in the languages it is given in;
    /// none for a check whose messages are written in Swift.
    var messages: [MessageTemplate] { get }
}

extension Check {
    /// What the check asks, its messages in English (``summary(in:)``).
    public var summary: [String] { summary(in: .english) }

    public var messages: [MessageTemplate] { [] }
}

/// A rule: a description and the check that carries it out.
public struct Rule: Sendable {
    public var description: RuleDescription
    public var check: any Check

    public init(_ description: RuleDescription, check: any Check) {
        self.description = description
        self.check = check
    }

    public var id: String { description.id }
}

/// A named, ordered set of rules, with a one-line summary of each clause its rules cite, the
/// document they cite and the names under which cited sections are shown, in both languages.
public struct Rulebook: Sendable {
    public var id: String
    public var title: LocalizedText
    public var rules: [Rule]
    /// A summary of each clause the rules cite, by the citation's section as rules write it
    /// (`§1`, `structure`, `Constitution (2025) art. 110`): written for the rulebook, to be
    /// shown as a summary, never as the regulation's own words.
    public var clauses: [String: LocalizedText]
    /// The document the rules cite (`document:`), in one or both languages; its English text
    /// (or its only one) is the document of the rules' citations, as written.
    public var document: LocalizedText?
    /// The name under which something the rules cite is shown to a person, by how they write
    /// it: a section (`structure` → `cấu trúc tổ chức`), a part of one, or a document (the
    /// one a rulebook this one extends cites). A section without a name is shown as written.
    public var names: [String: LocalizedText]

    public init(
        id: String, title: LocalizedText, rules: [Rule], clauses: [String: LocalizedText] = [:],
        document: LocalizedText? = nil, names: [String: LocalizedText] = [:]
    ) {
        self.id = id
        self.title = title
        self.rules = rules
        self.clauses = clauses
        self.document = document
        self.names = names
    }

    /// The name of `document`, as citations write it, in `language`: the rulebook's own
    /// document, or one it names (``names``); `document` itself otherwise.
    public func documentName(_ document: String, in language: Language) -> String {
        if let own = self.document, own.given(in: .english) == document || own.given(in: .vietnamese) == document {
            return own.text(in: language)
        }
        return names[document]?.text(in: language) ?? document
    }

    /// The section `citation` names, as a person reads it in `language`: the whole section's
    /// name when the rulebook gives one, otherwise each part of a section that cites several
    /// (`§1; Regulation 298-QĐ/TW` → `§1; Quy định 298-QĐ/TW`) by its name, a part without
    /// one as written, the separators kept. A citation without a section gives its document's
    /// name (``documentName(_:in:)``).
    ///
    /// - Complexity: O(the length of the section).
    public func sectionText(_ citation: Citation, in language: Language) -> String {
        guard let section = citation.section else { return documentName(citation.document, in: language) }
        if let name = names[section] { return name.text(in: language) }
        var result = ""
        var part = ""
        func flush() {
            let trimmed = part.trimmingWhitespace()
            if !trimmed.isEmpty, let name = names[trimmed] {
                let leading = part.prefix { $0.isWhitespace }
                let trailing = part.reversed().prefix { $0.isWhitespace }
                result += leading + name.text(in: language) + String(trailing.reversed())
            } else {
                result += part
            }
            part = ""
        }
        for character in section {
            if character == ";" || character == "," {
                flush()
                result.append(character)
            } else {
                part.append(character)
            }
        }
        flush()
        return result
    }

    /// The citation as a person reads it in `language`, the counterpart of
    /// ``Citation/description``: a `§` section after its document's name (`Quy định
    /// 125-QĐ/TW §3`), anything else standing alone (``sectionText(_:in:)``), each part by the
    /// name the rulebook gives it. JSON and SARIF keep the citation as written.
    public func citationText(_ citation: Citation, in language: Language) -> String {
        let section = sectionText(citation, in: language)
        guard let written = citation.section, written.hasPrefix("§") else { return section }
        return "\(documentName(citation.document, in: language)) \(section)"
    }

    /// The name of the document the rules cite, in `language`: the rulebook's `document`,
    /// else the one its rules cite with a `§`, else the first any rule cites; `nil` when none.
    public func documentText(in language: Language) -> String? {
        if let document, !document.isEmpty { return document.text(in: language) }
        let citations = rules.compactMap(\.description.citation)
        let cited = citations.first { $0.section?.hasPrefix("§") == true }?.document ?? citations.first?.document
        return cited.flatMap { $0.isEmpty ? nil : documentName($0, in: language) }
    }

    /// The clauses `citation` names, each with its summary: the clause of its whole section
    /// (`§3`, `structure`) when the rulebook summarizes it; otherwise each part of a section
    /// that cites several, joined by `;` or `,` (`§1; Regulation 298-QĐ/TW`), that the
    /// rulebook summarizes, in the order cited. Empty when it summarizes none.
    ///
    /// - Complexity: O(the length of the section).
    public func clauses(of citation: Citation) -> [(section: String, summary: LocalizedText)] {
        guard let section = citation.section else { return [] }
        if let summary = clauses[section] { return [(section, summary)] }
        return Self.parts(of: section).compactMap { part in clauses[part].map { (part, $0) } }
    }

    /// The one-line summary of the clause `citation` names, in `language`; for a citation of
    /// several clauses, their summaries joined by ` · `; `nil` when the rulebook has none for
    /// it (or the citation names no section).
    public func clauseSummary(for citation: Citation, in language: Language) -> String? {
        let found = clauses(of: citation)
        return found.isEmpty ? nil : found.map { $0.summary.text(in: language) }.joined(separator: " · ")
    }

    /// The one-line summary of the clause the rule with `ruleID` cites, in `language`.
    public func clauseSummary(ofRule ruleID: String, in language: Language) -> String? {
        rule(ruleID)?.description.citation.flatMap { clauseSummary(for: $0, in: language) }
    }

    /// The parts of a section that cites several clauses: `§1; Regulation 298-QĐ/TW` →
    /// `§1`, `Regulation 298-QĐ/TW`.
    public static func parts(of section: String) -> [String] {
        section.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// The rulebook as an audit applies it: its rules, then those the auditor applies itself
    /// (``Auditor/ownRules``) that it does not define. This is what `orggraph rules` lists.
    public var withAuditorRules: Rulebook {
        var result = self
        result.rules += Auditor.ownRules.filter { rule($0.id) == nil }
        return result
    }

    /// The rule with `id`, if the rulebook has it.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The id of the rule closest to `id`, when one is close enough to be a likely typo.
    public func closestRuleID(to id: String) -> String? {
        Suggestion.closest(to: id, in: rules.map(\.id))
    }
}
