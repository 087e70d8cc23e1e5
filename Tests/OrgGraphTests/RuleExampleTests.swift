import Testing
@testable import OrgGraph

/// One example of a rule's description: a small organization and whether it triggers the rule.
struct RuleExample: Sendable, CustomTestStringConvertible {
    var rule: String
    var number: Int
    var triggers: Bool
    var text: String

    var testDescription: String { "\(rule) \(triggers ? "triggering" : "non-triggering") #\(number)" }

    static func all(in rulebook: Rulebook) -> [RuleExample] {
        rulebook.rules.flatMap { rule in
            rule.description.triggeringExamples.enumerated().map {
                RuleExample(rule: rule.id, number: $0.offset + 1, triggers: true, text: $0.element)
            }
                + rule.description.nonTriggeringExamples.enumerated().map {
                    RuleExample(rule: rule.id, number: $0.offset + 1, triggers: false, text: $0.element)
                }
        }
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("Every example triggers its rule, or does not, as it says", arguments: RuleExample.all(in: .structural))
    func example(_ example: RuleExample) throws {
        let loaded = try load("orggraph: 1\n" + example.text)
        let rule = try #require(Rulebook.structural.rule(example.rule))
        let report = Auditor(rulebook: Rulebook(id: "one", title: "one rule", rules: [rule])).audit(loaded)
        let mine = report.findings.filter { $0.rule == example.rule }
        if example.triggers {
            #expect(!mine.isEmpty, "expected a finding of \(example.rule)")
            for finding in mine {
                #expect(finding.location.isKnown, "a finding without a location: \(finding.message)")
                #expect(loaded.graph.index(of: finding.node) != nil)
            }
        } else {
            #expect(mine.isEmpty, "unexpected: \(mine.map(\.message))")
        }
    }

    @Test("Every rule has examples both ways, a title, a rationale and a citation")
    func descriptionsAreComplete() {
        for rule in Rulebook.structural.rules {
            let description = rule.description
            #expect(!description.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            #expect(!description.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(!description.title.isEmpty && !description.rationale.isEmpty)
            #expect(description.citation != nil)
            #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" })
        }
        let ids = Rulebook.structural.rules.map(\.id)
        #expect(Set(ids).count == ids.count, "rule ids are unique")
    }
}
