import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat

@Suite("Localized rulebooks and audits")
struct LocalizationTests {
    /// Loads `text` as a rulebook.
    static func rulebook(_ text: String, file: String = "book.yaml") throws -> Rulebook {
        try RulebookLoader().load(bytes: Array(text.utf8), file: file)
    }

    @Test("A text in one language falls back to it in the other; one in both is complete")
    func fallback() throws {
        let english = try #require(LocalizedText(english: "one head", vietnamese: nil))
        #expect(english.text(in: .vietnamese) == "one head" && !english.isComplete)
        let vietnamese = try #require(LocalizedText(english: nil, vietnamese: "một thủ trưởng"))
        #expect(vietnamese.text(in: .english) == "một thủ trưởng" && vietnamese.given(in: .english) == nil)
        let both = LocalizedText(en: "one head", vi: "một thủ trưởng")
        #expect(
            both.isComplete && both.text(in: .english) == "one head" && both.text(in: .vietnamese) == "một thủ trưởng")
        #expect(LocalizedText(english: nil, vietnamese: nil) == nil)
    }

    @Test("Vietnamese text is put in NFC: a letter and its combining marks become one scalar")
    func normalization() throws {
        // "Thủ trưởng" written with combining marks: U+0309 (hook above), U+031B (horn).
        let decomposed = "Thu\u{0309} tru\u{031B}o\u{031B}\u{0309}ng"
        #expect(!decomposed.isNFC)
        let text = LocalizedText(en: "Unit head", vi: decomposed)
        let vietnamese = try #require(text.given(in: .vietnamese))
        #expect(vietnamese.isNFC && vietnamese.unicodeScalars.count == "Thủ trưởng".unicodeScalars.count)
        #expect(Array(vietnamese.utf8) == Array("Th\u{1EE7} tr\u{01B0}\u{1EDF}ng".utf8))
        // And so is a rulebook's, as loaded.
        let book = try Self.rulebook("rulebook: x\ntitle: {en: Heads, vi: \"\(decomposed)\"}\n")
        #expect(book.title.given(in: .vietnamese) == vietnamese)
        #expect(book.title.given(in: .vietnamese).map { Array($0.utf8) } == Array(vietnamese.utf8))
    }

    static let bilingual = """
        rulebook: bilingual
        title: {en: A bilingual rulebook, vi: Bộ quy tắc song ngữ}
        document: Regulation 125-QD/TW
        clauses:
          §4: {en: The unit's party organization and its leaders work together., vi: "Tổ chức đảng và lãnh đạo đơn vị phối hợp."}
          structure: The shape of the organization.
        rules:
          - id: head-recorded
            title:
              en: Each unit head has a name
              vi: Mỗi Thủ trưởng đơn vị có tên
            severity: warning
            citation: §4
            rationale: {vi: "Thủ trưởng đơn vị phải được ghi tên."}
            subject: unit-head
            attribute: {key: name, required: true}
            message: {en: "{subject} has no name ({found})", vi: "{subject} chưa có tên ({found})"}
          - id: secretary-reports
            title: A secretary reports
            severity: info
            subject: party-secretary
            conditions:
              - path: reports-to
                min: 1
                message: {vi: "{subject} không báo cáo ai"}
        """

    @Test("Titles, rationales and messages read as plain text or as {en, vi}, with fallback")
    func decodingLocalizedFields() throws {
        let book = try Self.rulebook(Self.bilingual)
        #expect(book.title.text(in: .vietnamese) == "Bộ quy tắc song ngữ")
        let head = try #require(book.rule("head-recorded")).description
        #expect(head.title.isComplete && head.title.text(in: .vietnamese) == "Mỗi Thủ trưởng đơn vị có tên")
        #expect(head.rationale.text(in: .english) == "Thủ trưởng đơn vị phải được ghi tên.")
        #expect(!head.rationale.isComplete)
        let secretary = try #require(book.rule("secretary-reports")).description
        #expect(secretary.title.text(in: .vietnamese) == "A secretary reports")

        let organization = try load(
            """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit, level: provincial}
              - {id: gd, kind: unit-head, part-of: bv}
              - {id: dubv, kind: unit-party-committee, part-of: bv}
              - {id: bt, kind: party-secretary, part-of: dubv}
            """)
        func messages(_ language: Language) -> [String: String] {
            let findings = Auditor(rulebook: book, language: language).audit(organization).findings
            return Dictionary(findings.map { ($0.rule, $0.message) }, uniquingKeysWith: { first, _ in first })
        }
        #expect(messages(.english)["head-recorded"] == "'gd' has no name (none)")
        #expect(messages(.vietnamese)["head-recorded"] == "'gd' chưa có tên (không có)")
        // Given only in Vietnamese: English falls back to it.
        #expect(messages(.english)["secretary-reports"] == "'bt' không báo cáo ai")
    }

    @Test("Clause summaries are looked up by the citation's section, inherited, and replaced")
    func clauses() throws {
        let book = try Self.rulebook(Self.bilingual)
        let citation = try #require(book.rule("head-recorded")?.description.citation)
        #expect(
            book.clauseSummary(for: citation, in: .vietnamese) == "Tổ chức đảng và lãnh đạo đơn vị phối hợp.")
        #expect(book.clauseSummary(ofRule: "head-recorded", in: .english)?.hasPrefix("The unit's party") == true)
        #expect(
            book.clauseSummary(for: Citation(document: "x", section: "structure"), in: .vietnamese)
                == "The shape of the organization.")
        #expect(book.clauseSummary(for: Citation(document: "Regulation 125-QD/TW"), in: .english) == nil)
        // A citation of several clauses: each that has a summary, in the order cited.
        let several = Citation(document: "x", section: "structure; §9, §4")
        #expect(book.clauses(of: several).map(\.section) == ["structure", "§4"])
        #expect(
            book.clauseSummary(for: several, in: .vietnamese)
                == "The shape of the organization. · Tổ chức đảng và lãnh đạo đơn vị phối hợp.")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clauses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.bilingual.write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let child = folder.appendingPathComponent("child.yaml")
        try """
        rulebook: child
        extends: base.yaml
        clauses:
          structure: {en: What every organization has, vi: Điều mọi tổ chức đều có}
          §5: Liaison with the locality.
        """.write(to: child, atomically: true, encoding: .utf8)
        let extended = try RulebookLoader().load(child.path)
        #expect(extended.clauses.count == 3)
        #expect(extended.clauses["structure"]?.text(in: .vietnamese) == "Điều mọi tổ chức đều có")
        #expect(extended.clauses["§4"] == book.clauses["§4"])
        #expect(extended.clauses["§5"]?.text(in: .vietnamese) == "Liaison with the locality.")
    }

    static let named = """
        rulebook: named
        title: A rulebook that names what it cites
        document: {en: Regulation 125-QD/TW, vi: Quy định 125-QĐ/TW}
        clauses:
          §1: {en: The committees above., vi: Các cấp ủy cấp trên.}
          structure:
            summary: {en: The organization's shape., vi: Cơ cấu của tổ chức.}
            name: {en: structure, vi: cơ cấu tổ chức}
          Regulation 298-QĐ/TW:
            name: {en: Regulation 298-QĐ/TW, vi: Quy định 298-QĐ/TW}
          levels: {name: {vi: cấp}}
        rules:
          - {id: shape, title: Shape, severity: info, citation: structure, subject: unit-head, forbidden: true}
          - {id: both, title: Both, severity: info, citation: "§1; Regulation 298-QĐ/TW", subject: board, forbidden: true}
          - {id: plain, title: Plain, severity: info, subject: board-chair, forbidden: true}
        """

    @Test("Citations and the document are shown by the names the rulebook gives them; as written otherwise")
    func citationNames() throws {
        let book = try Self.rulebook(Self.named)
        let shape = try #require(book.rule("shape")?.description.citation)
        let both = try #require(book.rule("both")?.description.citation)
        let plain = try #require(book.rule("plain")?.description.citation)
        // As written for scripts: the English document, the section as cited.
        #expect(shape == Citation(document: "Regulation 125-QD/TW", section: "structure"))
        #expect(plain == Citation(document: "Regulation 125-QD/TW"))
        #expect(book.citationText(shape, in: .vietnamese) == "cơ cấu tổ chức")
        #expect(book.citationText(shape, in: .english) == "structure")
        #expect(book.citationText(both, in: .vietnamese) == "Quy định 125-QĐ/TW §1; Quy định 298-QĐ/TW")
        #expect(book.citationText(both, in: .english) == both.description)
        #expect(book.sectionText(both, in: .vietnamese) == "§1; Quy định 298-QĐ/TW")
        #expect(book.citationText(plain, in: .vietnamese) == "Quy định 125-QĐ/TW")
        #expect(book.documentText(in: .vietnamese) == "Quy định 125-QĐ/TW")
        #expect(book.documentText(in: .english) == "Regulation 125-QD/TW")
        // A summary given with a name is still the clause's summary; a name alone gives none.
        #expect(book.clauseSummary(for: shape, in: .vietnamese) == "Cơ cấu của tổ chức.")
        #expect(book.clauses["levels"] == nil && book.clauses["Regulation 298-QĐ/TW"] == nil)
        // A name given in one language stands in for the other; parts unnamed stay as written,
        // and so do the separators.
        let odd = Citation(document: "Regulation 125-QD/TW", section: "levels ,§2;  Annex B")
        #expect(book.sectionText(odd, in: .english) == "cấp ,§2;  Annex B")
        #expect(book.sectionText(Citation(document: "Other text", section: "§3"), in: .vietnamese) == "§3")
        #expect(book.citationText(Citation(document: "Other text", section: "§3"), in: .vietnamese) == "Other text §3")

        // A rulebook that extends it and cites another document still names the inherited one.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.named.write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let child = folder.appendingPathComponent("child.yaml")
        try """
        rulebook: child
        extends: base.yaml
        document: {en: Hospital rules, vi: Nội quy bệnh viện}
        clauses:
          structure: {name: {en: shape, vi: cơ cấu}}
        rules:
          - {id: own, title: Own, severity: info, citation: §9, subject: party-secretary, forbidden: true}
        """.write(to: child, atomically: true, encoding: .utf8)
        let extended = try RulebookLoader().load(child.path)
        let own = try #require(extended.rule("own")?.description.citation)
        #expect(extended.citationText(own, in: .vietnamese) == "Nội quy bệnh viện §9")
        #expect(extended.citationText(both, in: .vietnamese) == "Quy định 125-QĐ/TW §1; Quy định 298-QĐ/TW")
        #expect(extended.citationText(shape, in: .vietnamese) == "cơ cấu")
        #expect(extended.clauseSummary(for: shape, in: .vietnamese) == "Cơ cấu của tổ chức.")
        #expect(extended.documentText(in: .vietnamese) == "Nội quy bệnh viện")
        // One that gives no document has its base's.
        try "rulebook: quiet\nextends: base.yaml\n".write(
            to: folder.appendingPathComponent("quiet.yaml"), atomically: true, encoding: .utf8)
        let quiet = try RulebookLoader().load(folder.appendingPathComponent("quiet.yaml").path)
        #expect(quiet.documentText(in: .vietnamese) == "Quy định 125-QĐ/TW")
    }

    @Test("A clause that mixes a summary's languages with 'summary' or 'name', or gives nothing, is a located error")
    func clauseShapeErrors() {
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses:\n  §1: {en: A, name: B}\n")
                == """
                book.yaml:3:7: error: 'clauses.§1' is either a summary in 'en' and 'vi', or a mapping of 'summary' and 'name'; not both
                  §1: {en: A, name: B}
                      ^
                """)
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses:\n  §1: {}\n")
                == """
                book.yaml:3:7: error: 'clauses.§1' needs its summary ('en', 'vi'), or its 'summary' or 'name'
                  §1: {}
                      ^
                """)
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses:\n  §1: {summary: A, nam: B}\n")?
                .hasPrefix("book.yaml:3:20: error: unknown field 'nam' in 'clauses.§1'") == true)
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses:\n  §1: {name: {en: A, vn: B}}\n")?
                .hasPrefix("book.yaml:3:22: error: unknown field 'vn' in 'clauses.§1.name'") == true)
        #expect(
            RulebookTests.loadError("rulebook: x\ndocument: {en: A, vn: B}\n")?
                .hasPrefix("book.yaml:2:19: error: unknown field 'vn' in 'document'") == true)
    }

    @Test("A localized field with an unknown language, no text or the wrong shape is a located error")
    func localizedErrors() {
        #expect(
            RulebookTests.loadError("rulebook: x\ntitle: {en: A, vn: B}\n")
                == """
                book.yaml:2:16: error: unknown field 'vn' in 'title' (a text in English 'en' and Vietnamese 'vi'); did you mean 'en'?
                title: {en: A, vn: B}
                               ^
                """)
        #expect(
            RulebookTests.loadError("rulebook: x\ntitle: {}\n")
                == """
                book.yaml:2:8: error: 'title' needs its text in 'en', 'vi' or both
                title: {}
                       ^
                """)
        #expect(
            RulebookTests.loadError(
                "rulebook: x\nrules:\n  - {id: r, title: [a], severity: info, subject: unit-head, forbidden: true}\n")
                    == """
                    book.yaml:3:20: error: 'title' must be text, or a mapping with 'en' and 'vi' texts; found a list
                      - {id: r, title: [a], severity: info, subject: unit-head, forbidden: true}
                                       ^
                    """)
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses: [§1]\n")
                == """
                book.yaml:2:10: error: 'clauses' must be a mapping of sections as rules cite them (§1, structure) to one-line summaries
                clauses: [§1]
                         ^
                """)
        #expect(
            RulebookTests.loadError("rulebook: x\nclauses:\n  §1: {en: A, fr: B}\n")?
                .hasPrefix("book.yaml:3:15: error: unknown field 'fr' in 'clauses.§1'") == true)
    }

    @Test(
        "The same file audited in English and in Vietnamese gives the same findings and fingerprints",
        arguments: [
            "Examples/broken/regulation.yaml", "Examples/broken/structural.yaml", "Examples/broken/two-tier-2025.yaml",
        ])
    func fingerprintsDoNotDependOnLanguage(path: String) throws {
        let loaded = try loadPackageFile(path)
        let rulebook = try RulebookLoader().load(namedIn: loaded.organization) ?? RulebookLoader.regulation125
        let english = Auditor(rulebook: rulebook, language: .english).audit(loaded)
        let vietnamese = Auditor(rulebook: rulebook, language: .vietnamese).audit(loaded)
        #expect(!english.findings.isEmpty)
        #expect(english.findings.map(\.fingerprint) == vietnamese.findings.map(\.fingerprint))
        #expect(english.findings.map(\.rule) == vietnamese.findings.map(\.rule))
        #expect(english.findings.map(\.node) == vietnamese.findings.map(\.node))
        #expect(english.suppressed.map(\.fingerprint) == vietnamese.suppressed.map(\.fingerprint))
    }
}
