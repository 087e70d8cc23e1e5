import Foundation
import Testing

@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphQuery

/// The check vocabulary of rulebooks: `when` as a list of guards, relation entries in
/// `conditions`, `among` and `not-among` on path counts, edge filters in their paths.
@Suite("Rulebook check vocabulary")
struct CheckVocabularyTests {
    /// A rulebook of `rules` (YAML list items, indented by two spaces).
    static func book(_ rules: String) throws -> Rulebook {
        try RulebookLoader().load(bytes: Array("rulebook: t\nrules:\n\(rules)".utf8), file: "book.yaml")
    }

    /// The findings of `book`'s own rules on the organization `text`: "node: message".
    static func findings(_ book: Rulebook, _ text: String) throws -> [String] {
        let ids = Set(book.rules.map(\.id))
        return Auditor(rulebook: book).audit(try load(text)).findings.filter { ids.contains($0.rule) }.map {
            "\($0.node): \($0.message)"
        }
    }

    static let organization = """
        orggraph: 1
        nodes:
          - {id: ubnd, kind: peoples-committee, level: provincial}
          - {id: so, kind: managing-agency, part-of: ubnd}
          - {id: tu, kind: provincial-party-committee}
          - {id: tu2, kind: provincial-party-committee}
          - {id: bv, kind: public-service-unit, level: provincial}
          - {id: dubv, kind: unit-party-committee, part-of: bv}
          - {id: gd, kind: unit-head, part-of: bv}
          - {id: bv2, kind: public-service-unit, level: district}
          - {id: dubv2, kind: unit-party-committee, part-of: bv2}
        relations:
          - {type: manages, from: so, to: bv}
          - {type: leads, from: tu, to: ubnd}
          - {type: leads, from: tu2, to: dubv}
          - {type: superior-of, from: tu, to: dubv}
          - {type: leads, from: tu2, to: dubv2}
          - {type: coordinates-with, from: gd, to: dubv}
        """

    static let tiedLeadership = """
          - id: tied-leadership
            title: The leading committee is tied to the People's Committee
            severity: error
            subject: unit-party-committee
            when:
              - part-of[kind=public-service-unit][level=provincial]
              - {path: ^superior-of, exactly: 1}
            path: ^leads[kind=provincial-party-committee]
            among: part-of[kind=public-service-unit]/^manages/(part-of)?[kind=peoples-committee]/^leads[kind=provincial-party-committee]
            min: 1
            message: "{subject} is led by {count} tied committees"
        """

    @Test("when: every guard must hold; among keeps only the nodes it also reaches")
    func guardsAndAmong() throws {
        let book = try Self.book(Self.tiedLeadership)
        // dubv is led by tu2, not by tu who leads the People's Committee; dubv2's unit is a district one.
        #expect(try Self.findings(book, Self.organization) == ["dubv: 'dubv' is led by 0 tied committees"])
        let tied = Self.organization + "\n  - {type: leads, from: tu, to: dubv}\n"
        #expect(try Self.findings(book, tied) == [])
        // Two immediate superiors: the guard {path: ^superior-of, exactly: 1} does not hold.
        let twoSuperiors = Self.organization + "\n  - {type: superior-of, from: tu2, to: dubv}\n"
        #expect(try Self.findings(book, twoSuperiors) == [])
        let noSuperior = Self.organization.replacingOccurrences(
            of: "  - {type: superior-of, from: tu, to: dubv}\n", with: "")
        #expect(try Self.findings(book, noSuperior) == [])
    }

    @Test("not-among counts only the nodes it does not reach, listed in {found}")
    func notAmong() throws {
        let book = try Self.book(
            """
              - id: coordinated
                title: The party organization coordinates with the unit head
                severity: warning
                subject: unit-party-committee
                path: part-of/^part-of[kind=unit-head]
                not-among: coordinates-with|^coordinates-with
                max: 0
                message: "{subject} does not coordinate with {found}"
            """)
        #expect(try Self.findings(book, Self.organization) == [])
        let none = Self.organization.replacingOccurrences(
            of: "  - {type: coordinates-with, from: gd, to: dubv}", with: "")
        let found = try Self.findings(book, none)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("dubv: 'dubv' does not coordinate with 'gd'") == true)
    }

    @Test("A rule's conditions may be relations: the failing ones make one finding")
    func relationConditions() throws {
        let book = try Self.book(
            """
              - id: reports-by-level
                title: Reports to the standing bodies of the leading committee
                severity: warning
                subject: unit-party-committee
                conditions:
                  - when: part-of[kind=public-service-unit][level=provincial]
                    relation:
                      type: reports-to
                      to: ^leads[kind=provincial-party-committee]/^part-of[kind=standing-body]
                      periods: [regular, extraordinary]
                    message: "{subject} reports without {periods}"
                  - when: ['part-of[kind=public-service-unit][level=district]']
                    relation: {type: reports-to, to: '^leads[kind=district-party-committee]/^part-of[kind=standing-body]'}
                    message: "{subject} does not report to {missing}"
                  - {path: ^superior-of, exactly: 1, message: "{subject} has {count} superiors"}
            """)
        let text = """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
              - {id: btv, kind: standing-committee, part-of: tu}
              - {id: hu, kind: district-party-committee}
              - {id: btvh, kind: standing-committee, part-of: hu}
              - {id: bv, kind: public-service-unit, level: provincial}
              - {id: dubv, kind: unit-party-committee, part-of: bv}
              - {id: bv2, kind: public-service-unit, level: district}
              - {id: dubv2, kind: unit-party-committee, part-of: bv2}
            relations:
              - {type: leads, from: tu, to: dubv}
              - {type: superior-of, from: tu, to: dubv}
              - {type: reports-to, from: dubv, to: btv, period: [regular]}
              - {type: leads, from: hu, to: dubv2}
            """
        let found = try Self.findings(book, text)
        #expect(
            found == [
                "dubv: 'dubv' reports without extraordinary",
                "dubv2: 'dubv2' does not report to 'btvh'; 'dubv2' has 0 superiors",
            ])
        let fixed =
            text + "\n  - {type: reports-to, from: dubv, to: btv, period: [extraordinary]}"
            + "\n  - {type: reports-to, from: dubv2, to: btvh}\n  - {type: superior-of, from: hu, to: dubv2}\n"
        #expect(try Self.findings(book, fixed) == [])
    }

    @Test("A rulebook's paths take edge filters")
    func edgeFilters() throws {
        let book = try Self.book(
            """
              - id: liaison
                title: Liaises with the committee where the unit stands
                severity: warning
                subject: unit-party-committee
                path: liaises-with{basis=location}[kind=commune-party-committee]
                exactly: 1
                message: "{subject} liaises by location with {found}"
            """)
        let text = """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit, level: commune}
              - {id: dubv, kind: unit-party-committee, part-of: bv}
              - {id: dx, kind: commune-party-committee}
              - {id: dx2, kind: commune-party-committee}
            relations:
              - {type: liaises-with, from: dubv, to: dx2, basis: residence}
            """
        #expect(try Self.findings(book, text) == ["dubv: 'dubv' liaises by location with none"])
        let fixed = text + "\n  - {type: liaises-with, from: dubv, to: dx, basis: location}\n"
        #expect(try Self.findings(book, fixed) == [])
    }

    @Test(
        "Malformed guards, relation conditions and edge filters are located errors",
        arguments: [
            (
                "    when: [{path: ^superior-of, exact: 1}]\n    path: ^leads\n    min: 1\n",
                "book.yaml:7:33: error: unknown field 'exact' in a guard of 'when'; did you mean 'exactly'?"
            ),
            (
                "    when: [{min: 1}]\n    path: ^leads\n    min: 1\n",
                "book.yaml:7:12: error: a guard of 'when' needs a 'path'"
            ),
            (
                "    path: ^leads\n    not-among: ^lead\n    max: 0\n",
                "book.yaml:8:17: error: in 'not-among': unknown relation 'lead'; did you mean 'leads'?"
            ),
            (
                "    path: 'liaises-with{basis=locaton}'\n    min: 1\n",
                "book.yaml:7:31: error: in 'path': unknown basis 'locaton'; did you mean 'location'?; bases are location, residence"
            ),
            (
                "    conditions:\n      - {relation: {type: reports-to}, path: ^leads, min: 1}\n",
                "book.yaml:8:9: error: a condition has a 'path' or a 'relation', not both"
            ),
            (
                "    conditions:\n      - {relation: {type: reports-to}, min: 1}\n",
                "book.yaml:8:40: error: 'min' belongs to a 'path' condition; a 'relation' condition has 'when', 'relation' and 'message'"
            ),
            (
                "    conditions:\n      - {relation: {type: report-to}}\n",
                "book.yaml:8:27: error: unknown relation type 'report-to'; did you mean 'reports-to'?"
            ),
            (
                "    conditions:\n      - {when: ^leads, message: m}\n",
                "book.yaml:8:9: error: a condition needs a 'path' or a 'relation'"
            ),
        ])
    func errors(fields: String, message: String) {
        let text = """
            rulebook: t
            rules:
              - id: r
                title: t
                severity: error
                subject: unit-party-committee

            """ + fields
        do {
            _ = try RulebookLoader().load(bytes: Array(text.utf8), file: "book.yaml")
            Issue.record("loaded: \(fields)")
        } catch {
            #expect(error.description.split(separator: "\n").first.map(String.init) == message)
        }
    }

    @Test("A rule's summary shows its guards, among, not-among and relation conditions")
    func summary() throws {
        let book = try Self.book(
            Self.tiedLeadership + "\n"
                + """
                  - id: mixed
                    title: Mixed
                    severity: info
                    subject: unit-party-committee
                    conditions:
                      - when: ['part-of[level=district]', {path: ^superior-of, min: 1, max: 2}]
                        relation: {type: reports-to, to: ^superior-of, periods: [6-months], each: to}
                        message: "{subject}: {missing}"
                      - path: part-of/^part-of[kind=unit-head]
                        not-among: coordinates-with
                        max: 0
                        message: "{subject}: {found}"
                """)
        let tied = try #require(book.rule("tied-leadership"))
        #expect(
            tied.check.summary == [
                "check: path count", "subject: unit-party-committee",
                "when: [part-of[kind=public-service-unit][level=provincial], {path: ^superior-of, exactly: 1}]",
                "path: ^leads[kind=provincial-party-committee]",
                "among: part-of[kind=public-service-unit]/^manages/(part-of)?[kind=peoples-committee]/^leads[kind=provincial-party-committee]",
                "min: 1", "message: {subject} is led by {count} tied committees",
            ])
        let mixed = try #require(book.rule("mixed"))
        #expect(
            mixed.check.summary == [
                "check: path count", "subject: unit-party-committee", "conditions:",
                "  - when: [part-of[level=district], {path: ^superior-of, min: 1, max: 2}]", "    relation:",
                "      type: reports-to", "      from: the subject", "      to: ^superior-of",
                "      periods: 6-months",
                "      each: to", "    message: {subject}: {missing}", "  - path: part-of/^part-of[kind=unit-head]",
                "    not-among: coordinates-with", "    max: 0", "    message: {subject}: {found}",
            ])
    }
}
