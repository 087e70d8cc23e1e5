import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat

/// Text a person reads in Vietnamese: the letters only Vietnamese writes with (đ, ă, â, ê, ô,
/// ơ, ư and the vowels with a tone mark), NFC.
enum VietnameseText {
    static let letters: Set<Character> = Set(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
            + "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ")

    /// What is wrong with `text` as Vietnamese text, or `nil` when nothing is.
    static func problem(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return "missing" }
        guard text.isNFC else { return "not NFC: \(text)" }
        guard text.contains(where: letters.contains) else { return "no Vietnamese letter: \(text)" }
        return nil
    }

    /// What is missing or wrong in `text`, a text a built-in rule gives in both languages.
    static func problems(_ text: LocalizedText) -> [String] {
        var result: [String] = []
        if (text.given(in: .english) ?? "").isEmpty { result.append("English missing") }
        if let problem = problem(text.given(in: .vietnamese)) { result.append("Vietnamese \(problem)") }
        return result
    }
}

@Suite("Rules in both languages")
struct RuleLanguageTests {
    /// The rules written in Swift: the structural ones and those the auditor applies itself.
    static let swiftRules = Rulebook.structural.rules + Auditor.ownRules

    @Test("Every rule written in Swift has its title and rationale in English and in Vietnamese")
    func swiftRuleDescriptions() {
        for rule in Self.swiftRules {
            for (field, text) in [("title", rule.description.title), ("rationale", rule.description.rationale)] {
                let problems = VietnameseText.problems(text)
                #expect(problems.isEmpty, "\(rule.id) \(field): \(problems)")
            }
        }
        #expect(VietnameseText.problems(Rulebook.structural.title).isEmpty)
        for (section, summary) in Rulebook.structural.clauses {
            #expect(VietnameseText.problems(summary).isEmpty, "structural clause \(section)")
        }
        for rule in Rulebook.structural.rules {
            let citation = rule.description.citation
            #expect(
                citation.flatMap { Rulebook.structural.clauseSummary(for: $0, in: .vietnamese) } != nil,
                "\(rule.id) cites \(citation?.description ?? "nothing") and the rulebook has no summary of it")
        }
        Self.expectNamesComplete(Rulebook.structural)
    }

    /// Each section a rule of `book` cites by a word, not a `§` (each part of one that cites
    /// several), and each document its rules cite, has its name in both languages; the
    /// Vietnamese citation keeps no part as written in English.
    static func expectNamesComplete(_ book: Rulebook) {
        for rule in book.rules {
            guard let citation = rule.description.citation else { continue }
            let document = book.document.flatMap { $0.given(in: .english) == citation.document ? $0 : nil }
            let documentName = document ?? book.names[citation.document]
            #expect(
                documentName.map(VietnameseText.problems) == [],
                "\(book.id) \(rule.id): the document '\(citation.document)' has no name in both languages")
            guard let section = citation.section else { continue }
            let parts = book.names[section] != nil ? [section] : Rulebook.parts(of: section)
            for part in parts where !part.hasPrefix("§") {
                #expect(
                    book.names[part].map(VietnameseText.problems) == [],
                    "\(book.id) \(rule.id): '\(part)' has no name in both languages")
            }
            let shown = book.citationText(citation, in: .vietnamese)
            for part in Rulebook.parts(of: section) + [citation.document] where !part.hasPrefix("§") {
                #expect(!shown.contains(part), "\(book.id) \(rule.id): '\(part)' in '\(shown)'")
            }
        }
    }

    /// Organizations that make the Swift rules write each of their kinds of message: their own
    /// triggering examples, the broken examples, and the cases those miss.
    static let organizations: [String] = {
        var texts = swiftRules.flatMap(\.description.triggeringExamples).map { "orggraph: 1\n" + $0 }
        for name in ["structural", "regulation", "two-tier-2025"] {
            if let text = try? String(
                contentsOf: packageRoot.appendingPathComponent("Examples/broken/\(name).yaml"), encoding: .utf8)
            {
                texts.append(text)
            }
        }
        texts += [
            // A level where the relation asks for the committee's own level; none written; a
            // relation no kind pair allows; a container for a body that stands alone.
            """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
              - {id: ubh, kind: peoples-committee, level: district}
              - {id: ub, kind: peoples-committee}
              - {id: bv, kind: public-service-unit, level: provincial, part-of: tu}
              - {id: gd, kind: unit-head, part-of: bv}
              - {id: byt, kind: managing-agency, level: central, part-of: ubh}
            relations:
              - {type: leads, from: tu, to: ubh}
              - {type: manages, from: gd, to: tu}
              - {type: informs, from: tu, to: ub}
              - {type: leads, from: tu, to: ubh}
              - {type: leads, from: tu, to: ubh}
            suppressions:
              - {rule: local-liaison, node: bv, reason: no longer needed}
              - {rule: no-such-rule, node: gd, reason: a typo}
            """,
            // A long circle: shown by its ends.
            "orggraph: 1\nnodes:\n"
                + (0..<12).map { "  - {id: c\($0), kind: superior-party-committee, level: provincial}\n" }.joined()
                + "relations:\n"
                + (0..<12).map { "  - {type: superior-of, from: c\($0), to: c\(($0 + 1) % 12)}\n" }.joined(),
        ]
        return texts
    }()

    @Test("Every message the Swift rules write in Vietnamese is Vietnamese, NFC, and not the English one")
    func swiftRuleMessages() throws {
        let rulebook = Rulebook(id: "swift", title: "Swift rules", rules: Rulebook.structural.rules)
        var seen = Set<String>()
        for text in Self.organizations {
            let loaded = try load(text)
            let english = Auditor(rulebook: rulebook, language: .english).audit(loaded).findings
            let vietnamese = Auditor(rulebook: rulebook, language: .vietnamese).audit(loaded).findings
            #expect(english.map(\.fingerprint) == vietnamese.map(\.fingerprint))
            for (inEnglish, inVietnamese) in zip(english, vietnamese) {
                seen.insert(inVietnamese.rule)
                #expect(VietnameseText.problem(inVietnamese.message) == nil, "\(inVietnamese.rule)")
                #expect(inVietnamese.message != inEnglish.message, "\(inVietnamese.rule): \(inEnglish.message)")
                for (relatedEnglish, related) in zip(inEnglish.related, inVietnamese.related) {
                    #expect(VietnameseText.problem(related.message) == nil, "\(inVietnamese.rule) related")
                    #expect(related.message != relatedEnglish.message, "\(inVietnamese.rule): \(related.message)")
                }
            }
        }
        // unused-baseline-entry speaks when a baseline is applied to a report.
        let entry = Baseline.Entry(rule: "local-liaison", node: "du", message: "", fingerprint: "0123456789abcdef")
        var reports: [ValidationReport] = []
        for language in Language.allCases {
            var report = ValidationReport(language: language)
            report.apply(Baseline(entries: [entry], file: "b.json"))
            reports.append(report)
        }
        for (inEnglish, inVietnamese) in zip(reports[0].findings, reports[1].findings) {
            seen.insert(inVietnamese.rule)
            #expect(VietnameseText.problem(inVietnamese.message) == nil, "\(inVietnamese.rule)")
            #expect(inVietnamese.message != inEnglish.message, "\(inVietnamese.rule): \(inEnglish.message)")
        }
        #expect(
            seen == Set(Self.swiftRules.map(\.id)),
            "rules never heard: \(Set(Self.swiftRules.map(\.id)).subtracting(seen))")
    }

    /// Every rule of the built-in rulebooks, as `orggraph rules` lists them, with the rulebook.
    static let builtinRules: [(rulebook: String, rule: Rule)] = [
        RulebookLoader.regulation125, RulebookLoader.regulation125TwoTier,
    ].flatMap { book in book.withAuditorRules.rules.map { (book.id, $0) } }

    // These two tests read the built-in rulebooks Rulebooks/*.yaml: they pass once every rule
    // there gives its title, rationale and messages, and each clause it cites (its summary, and
    // the name of a section cited by a word), in both languages, and so does the document.

    @Test("Every rule of the built-in rulebooks has its title, rationale and messages in both languages")
    func builtinRulesComplete() {
        for (book, rule) in Self.builtinRules {
            let description = rule.description
            for (field, text) in [("title", description.title), ("rationale", description.rationale)]
                + rule.check.messages.enumerated().map({ ("message \($0.offset + 1)", $0.element.text) })
            {
                let problems = VietnameseText.problems(text)
                #expect(problems.isEmpty, "\(book) \(rule.id) \(field): \(problems)")
            }
        }
        for book in [RulebookLoader.regulation125, RulebookLoader.regulation125TwoTier] {
            #expect(VietnameseText.problems(book.title).isEmpty, "\(book.id) title")
            #expect(book.document.map(VietnameseText.problems) == [], "\(book.id) document")
        }
    }

    @Test("Every section the built-in rules cite has a one-line summary, and a word a name, in both languages")
    func builtinClausesComplete() {
        for book in [RulebookLoader.regulation125, RulebookLoader.regulation125TwoTier] {
            for rule in book.rules {
                guard let citation = rule.description.citation, let section = citation.section else { continue }
                let found = book.clauses(of: citation)
                if book.clauses[section] == nil {
                    for part in Rulebook.parts(of: section) where !found.contains(where: { $0.section == part }) {
                        Issue.record("\(book.id) \(rule.id): no summary of '\(part)' under 'clauses:'")
                    }
                }
                for (part, summary) in found {
                    #expect(VietnameseText.problems(summary).isEmpty, "\(book.id) clause \(part)")
                }
            }
            Self.expectNamesComplete(book.withAuditorRules)
        }
    }
}
