import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// One example of a rule's description: a small organization, whether it triggers the rule, and
/// the nodes its findings must be on.
struct RuleExample: Sendable, CustomTestStringConvertible {
    var rulebook: String
    var rule: Rule
    var number: Int
    var triggers: Bool
    var text: String
    var expect: [String] = []

    var testDescription: String { "\(rulebook): \(rule.id) \(triggers ? "triggering" : "non-triggering") #\(number)" }

    static func all(in rulebook: Rulebook, named name: String) -> [RuleExample] {
        rulebook.rules.flatMap { rule in
            rule.description.triggering.enumerated().map {
                RuleExample(
                    rulebook: name, rule: rule, number: $0.offset + 1, triggers: true, text: $0.element.organization,
                    expect: $0.element.expect)
            }
                + rule.description.nonTriggeringExamples.enumerated().map {
                    RuleExample(rulebook: name, rule: rule, number: $0.offset + 1, triggers: false, text: $0.element)
                }
        }
    }

    /// The rulebooks whose examples run: the built-in ones, and every rulebook file under
    /// `Examples/rulebooks/` (a file that starts with `rulebook:`, not `orggraph:`).
    static let rulebooks: [(name: String, rulebook: Rulebook)] = {
        var result = RulebookLoader.builtinIDs.compactMap { id in RulebookLoader.builtin(id).map { (id, $0) } }
        let folder = packageRoot.appendingPathComponent("Examples/rulebooks")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            let path = folder.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                text.split(separator: "\n").first(where: { !$0.hasPrefix("#") && !$0.isEmpty })?.hasPrefix("rulebook:")
                    == true
            else { continue }
            // A rulebook that does not load fails here, naming its file.
            guard let rulebook = try? RulebookLoader().load(path) else {
                Issue.record("Examples/rulebooks/\(file) does not load")
                continue
            }
            result.append(("Examples/rulebooks/\(file)", rulebook))
        }
        return result
    }()

    /// Every example of every rulebook, each rule once per rulebook that defines or inherits it.
    static let everyExample: [RuleExample] = rulebooks.flatMap { all(in: $0.rulebook, named: $0.name) }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test(
        "Every example triggers its rule on exactly the nodes it names, or does not trigger it",
        arguments: RuleExample.everyExample)
    func example(_ example: RuleExample) throws {
        let loaded = try load("orggraph: 1\n" + example.text)
        let report = Auditor(rulebook: Rulebook(id: "one", title: "one rule", rules: [example.rule])).audit(loaded)
        let mine = report.findings.filter { $0.rule == example.rule.id }
        if example.triggers {
            #expect(!example.expect.isEmpty, "the example does not name the node its finding must be on ('expect:')")
            #expect(
                Set(mine.map(\.node)) == Set(example.expect), "findings: \(mine.map { "\($0.node): \($0.message)" })")
            for finding in mine {
                #expect(finding.location.isKnown, "a finding without a location: \(finding.message)")
                #expect(loaded.graph.index(of: finding.node) != nil)
            }
        } else {
            #expect(mine.isEmpty, "unexpected: \(mine.map(\.message))")
        }
    }

    @Test("Every example rulebook under Examples/rulebooks/ is found and has examples of its own rules")
    func exampleRulebooksAreFound() {
        #expect(RuleExample.rulebooks.contains { $0.name.hasPrefix("Examples/rulebooks/") })
    }

    @Test("Every rule has examples both ways, a title, a rationale and a citation")
    func descriptionsAreComplete() {
        for rule in RulebookLoader.regulation125.rules + RulebookLoader.regulation125TwoTier.rules {
            let description = rule.description
            #expect(!description.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            #expect(!description.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(!description.title.isEmpty && !description.rationale.isEmpty)
            #expect(description.citation != nil)
            #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" })
        }
        for rulebook in [RulebookLoader.regulation125, RulebookLoader.regulation125TwoTier] {
            let ids = rulebook.rules.map(\.id)
            #expect(Set(ids).count == ids.count, "rule ids are unique")
        }
    }
}

@Suite("The 125-QD/TW rulebook")
struct Regulation125Tests {
    /// The rule ids of SPEC §3, in the order of its tables.
    static let catalog = [
        "relation-endpoints", "no-self-relation", "duplicate-relation", "part-of-required", "acyclic-leadership",
        "level-required", "leadership-at-unit-level", "documents-from-party-committee", "meeting-invitations",
        "reports-to-standing-body", "directed-by-authority", "documents-reach-unit", "single-immediate-superior",
        "commune-not-superior", "periodic-report-to-superior", "coordination-with-leaders", "party-informs-leaders",
        "leaders-report-to-party", "leaders-accountable", "escalation-path", "local-liaison", "unit-has-one-head",
        "unit-party-organization", "attached-cell-led", "board-has-one-chair", "territorial-nesting",
    ]

    /// The rules SPEC §3 gives the severity `warning` or `info`; the others are errors.
    static let severities: [String: Severity] = [
        "duplicate-relation": .warning, "documents-from-party-committee": .warning, "meeting-invitations": .info,
        "reports-to-standing-body": .warning, "directed-by-authority": .warning, "documents-reach-unit": .warning,
        "coordination-with-leaders": .warning, "party-informs-leaders": .info, "leaders-accountable": .info,
        "escalation-path": .warning, "local-liaison": .warning, "unit-party-organization": .warning,
        "territorial-nesting": .warning,
    ]

    /// The rules SPEC §3 cites as `structure`.
    static let structureRules: Set = [
        "unit-has-one-head", "unit-party-organization", "attached-cell-led", "board-has-one-chair",
        "territorial-nesting",
    ]

    @Test(
        "The built-in rulebook loads with the whole catalog of 26 rules, severities and citations as the SPEC sets them"
    )
    func catalogIsComplete() throws {
        // Loading the compiled-in text directly surfaces any error instead of the fallback.
        let rulebook = try RulebookLoader().load(
            bytes: Array(BuiltinRulebookTexts.regulation125.utf8), file: "125-QD-TW.yaml")
        #expect(rulebook.id == "125-QD/TW")
        #expect(rulebook.rules.map(\.id) == Self.catalog)
        #expect(rulebook.rules.count == 26)
        for rule in rulebook.rules {
            #expect(rule.description.severity == Self.severities[rule.id] ?? .error, "\(rule.id)")
        }
        for rule in rulebook.rules.dropFirst(6) {
            let citation = try #require(rule.description.citation, "\(rule.id)")
            if Self.structureRules.contains(rule.id) {
                #expect(citation.description == "structure", "\(rule.id)")
            } else {
                #expect(citation.document == "Regulation 125-QD/TW", "\(rule.id)")
                #expect(citation.section?.hasPrefix("§") == true, "\(rule.id)")
            }
        }
    }

    @Test("The two-tier rulebook extends 125-QD/TW with the changes of SPEC §3")
    func twoTierCatalog() throws {
        let rulebook = try RulebookLoader().load(
            bytes: Array(BuiltinRulebookTexts.regulation125TwoTier.utf8), file: "125-QD-TW-2025.yaml")
        #expect(rulebook.id == "125-QD/TW-2025")
        let expected =
            Self.catalog.filter { $0 != "commune-not-superior" } + [
                "no-district-level", "no-ended-bodies", "superior-at-unit-level",
            ]
        #expect(rulebook.rules.map(\.id) == expected)
        let inherited = Dictionary(
            uniqueKeysWithValues: RulebookLoader.regulation125.rules.map { ($0.id, $0.description) })
        // The changed rules say so in their citations or rationales: each names a 2025 text.
        for id in [
            "no-district-level", "no-ended-bodies", "leadership-at-unit-level", "superior-at-unit-level",
            "directed-by-authority", "documents-reach-unit", "territorial-nesting",
        ] {
            let description = try #require(rulebook.rules.first { $0.id == id }?.description)
            #expect(description != inherited[id], "\(id) is the 2023 rule")
            let text = (description.citation?.description ?? "") + " " + description.rationale.text(in: .english)
            #expect(
                ["2025", "294-QĐ/TW", "298-QĐ/TW"].contains { text.contains($0) }, "\(id) cites no 2025 text")
            #expect(!description.triggeringExamples.isEmpty && !description.nonTriggeringExamples.isEmpty)
        }
        for id in ["no-district-level", "no-ended-bodies", "leadership-at-unit-level", "superior-at-unit-level"] {
            #expect(rulebook.rules.first { $0.id == id }?.description.severity == .error)
        }
    }

    @Test("The compiled-in text is the rulebook file")
    func embeddedTextIsCurrent() throws {
        for (name, text) in [
            ("125-QD-TW.yaml", BuiltinRulebookTexts.regulation125),
            ("125-QD-TW-2025.yaml", BuiltinRulebookTexts.regulation125TwoTier),
        ] {
            let file = try String(
                contentsOf: packageRoot.appendingPathComponent("Rulebooks/\(name)"), encoding: .utf8)
            #expect(text + "\n" == file, "Rulebooks/\(name) changed: run Scripts/embed-rulebooks.sh")
        }
    }

    @Test("The broken regulation file shows every 125-QD/TW rule")
    func brokenRegulation() throws {
        let report = Auditor(rulebook: RulebookLoader.regulation125).audit(
            try loadPackageFile("Examples/broken/regulation.yaml"))
        let rules = Set(report.findings.map(\.rule))
        #expect(rules == Set(Self.catalog.dropFirst(6)))
        #expect(report.findings.count == 20)
    }

    @Test(
        "The examples that name no other rulebook have no finding under 125-QD/TW",
        arguments: examplePaths(broken: false).filter { path in
            let rulebook = try? loadPackageFile(path).organization.rulebook
            return rulebook == nil || rulebook == "125-QD/TW"
        })
    func examplesAreClean(_ path: String) throws {
        let report = Auditor(rulebook: RulebookLoader.regulation125).audit(try loadPackageFile(path))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location) \($0.rule): \($0.message)" })")
    }
}
