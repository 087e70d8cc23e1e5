import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphQuery

/// One row, or one combination outside a row, of the vocabulary's tables (SPEC §2) as a
/// structural rule reads it: a small organization and the nodes the rule's findings are on
/// (none for an allowed combination).
struct VocabularyRowCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: String
    var nodes: String
    var relations: String = ""
    var expect: [String] = []

    var testDescription: String { "\(rule): \(name)" }

    /// The nodes most cases share: a province with its People's Committee, a commune with its
    /// own, and a provincial unit with its party committee.
    static let common = """
          - {id: tu, kind: provincial-party-committee}
          - {id: btv, kind: standing-committee, part-of: tu}
          - {id: ubnd-tinh, kind: peoples-committee, level: provincial}
          - {id: xa, kind: commune-party-committee}
          - {id: ubnd-xa, kind: peoples-committee, level: commune}
          - {id: bv, kind: public-service-unit, level: provincial}
          - {id: dubv, kind: unit-party-committee, part-of: bv}

        """

    var text: String {
        "orggraph: 1\nnodes:\n" + Self.common + nodes.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
            + (relations.isEmpty
                ? "" : "relations:\n" + relations.split(separator: "\n").map { "  " + $0 + "\n" }.joined())
    }
}

extension VocabularyRowCase {
    static let endpoints: [VocabularyRowCase] = [
        .init(
            name: "a territorial committee leads the People's Committee of its own level",
            rule: "relation-endpoints", nodes: "",
            relations: "- {type: leads, from: tu, to: ubnd-tinh}\n- {type: leads, from: xa, to: ubnd-xa}"),
        .init(
            name: "a provincial committee does not lead a commune People's Committee", rule: "relation-endpoints",
            nodes: "", relations: "- {type: leads, from: tu, to: ubnd-xa}", expect: ["tu"]),
        .init(
            name: "a commune committee does not lead the provincial People's Committee", rule: "relation-endpoints",
            nodes: "", relations: "- {type: leads, from: xa, to: ubnd-tinh}", expect: ["xa"]),
        .init(
            name: "a territorial committee does not lead a People's Committee of no level", rule: "relation-endpoints",
            nodes: "- {id: ubnd, kind: peoples-committee}", relations: "- {type: leads, from: tu, to: ubnd}",
            expect: ["tu"]),
        .init(
            name: "the provincial committee and its standing committee lead the party cadres committee",
            rule: "relation-endpoints", nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial}",
            relations: "- {type: leads, from: tu, to: bcs}\n- {type: leads, from: btv, to: bcs}"),
        .init(
            name: "a commune committee does not lead a party cadres committee", rule: "relation-endpoints",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial}",
            relations: "- {type: leads, from: xa, to: bcs}", expect: ["xa"]),
        .init(
            name: "the cadres and the authority committees lead a People's Committee", rule: "relation-endpoints",
            nodes: """
                - {id: bcs, kind: party-cadres-committee, level: provincial}
                - {id: dubnd, kind: authority-party-committee, level: provincial}
                """,
            relations: "- {type: leads, from: bcs, to: ubnd-tinh}\n- {type: leads, from: dubnd, to: ubnd-tinh}"),
        .init(
            name: "a bloc committee does not lead a People's Committee", rule: "relation-endpoints",
            nodes: "- {id: khoi, kind: bloc-party-committee, level: provincial}",
            relations: "- {type: leads, from: khoi, to: ubnd-tinh}", expect: ["khoi"]),
        .init(
            name: "the new committees are above-grassroots committees: they lead and are superiors",
            rule: "relation-endpoints",
            nodes: """
                - {id: khoi, kind: bloc-party-committee, level: provincial}
                - {id: dubnd, kind: authority-party-committee, level: provincial}
                - {id: dcq, kind: party-agencies-committee, level: provincial}
                """,
            relations: """
                - {type: leads, from: tu, to: dcq}
                - {type: leads, from: khoi, to: dubv}
                - {type: leads, from: dubnd, to: dubv}
                - {type: superior-of, from: dcq, to: dubv}
                - {type: sends-documents, from: dubnd, to: dubv}
                - {type: reports-to, from: dubv, to: dcq}
                """),
        .init(
            name: "any party committee leads an attached subordinate cell", rule: "relation-endpoints",
            nodes: """
                - {id: truong, kind: public-service-unit, level: commune}
                - {id: cb, kind: subordinate-cell, part-of: truong}
                - {id: dubp, kind: partial-party-committee, part-of: dubv}
                - {id: cb2, kind: subordinate-cell, part-of: dubp}
                """,
            relations: """
                - {type: leads, from: xa, to: cb}
                - {type: reports-to, from: cb, to: xa}
                - {type: leads, from: dubv, to: dubp}
                - {type: leads, from: dubp, to: cb2}
                - {type: reports-to, from: cb2, to: dubp}
                - {type: reports-to, from: dubp, to: dubv}
                """),
        .init(
            name: "a grassroots cell does not lead a subordinate cell", rule: "relation-endpoints",
            nodes: """
                - {id: truong, kind: public-service-unit, level: commune}
                - {id: cbcs, kind: grassroots-cell, part-of: truong}
                - {id: cb, kind: subordinate-cell, part-of: dubv}
                """,
            relations: "- {type: leads, from: cbcs, to: cb}", expect: ["cbcs"]),
        .init(
            name: "a subordinate cell does not report to a standing committee", rule: "relation-endpoints",
            nodes: "- {id: cb, kind: subordinate-cell, part-of: dubv}",
            relations: "- {type: reports-to, from: cb, to: btv}", expect: ["cb"]),
        .init(
            name: "a partial party committee does not report to the provincial committee",
            rule: "relation-endpoints", nodes: "- {id: dubp, kind: partial-party-committee, part-of: dubv}",
            relations: "- {type: reports-to, from: dubp, to: tu}", expect: ["dubp"]),
        .init(
            name: "the cadres committee, the authority committee and a People's Committee direct a UPO",
            rule: "relation-endpoints",
            nodes: """
                - {id: bcs, kind: party-cadres-committee, level: provincial}
                - {id: dubnd, kind: authority-party-committee, level: provincial}
                """,
            relations: """
                - {type: directs, from: bcs, to: dubv}
                - {type: directs, from: dubnd, to: dubv}
                - {type: directs, from: ubnd-tinh, to: dubv}
                """),
        .init(
            name: "a territorial committee does not direct", rule: "relation-endpoints", nodes: "",
            relations: "- {type: directs, from: tu, to: dubv}", expect: ["tu"]),
        .init(
            name: "a managing agency does not direct", rule: "relation-endpoints",
            nodes: "- {id: syt, kind: managing-agency, part-of: ubnd-tinh}",
            relations: "- {type: directs, from: syt, to: dubv}", expect: ["syt"]),
        .init(
            name: "directs goes to the unit's party organization, not to the unit", rule: "relation-endpoints",
            nodes: "", relations: "- {type: directs, from: ubnd-tinh, to: bv}", expect: ["ubnd-tinh"]),
        .init(
            name: "a UPO liaises with a district committee and a district People's Committee",
            rule: "relation-endpoints",
            nodes: """
                - {id: hu, kind: district-party-committee}
                - {id: ubnd-huyen, kind: peoples-committee, level: district}
                """,
            relations: """
                - {type: liaises-with, from: dubv, to: hu, basis: location}
                - {type: liaises-with, from: dubv, to: ubnd-huyen, basis: location}
                - {type: liaises-with, from: dubv, to: ubnd-xa, basis: residence}
                """),
        .init(
            name: "a UPO does not liaise with the provincial People's Committee", rule: "relation-endpoints",
            nodes: "", relations: "- {type: liaises-with, from: dubv, to: ubnd-tinh, basis: location}",
            expect: ["dubv"]),
        .init(
            name: "a UPO does not liaise with the provincial committee", rule: "relation-endpoints", nodes: "",
            relations: "- {type: liaises-with, from: dubv, to: tu, basis: location}", expect: ["dubv"]),
    ]

    static let containment: [VocabularyRowCase] = [
        .init(
            name: "a ministry (a managing agency of level central) is part of nothing", rule: "part-of-required",
            nodes: "- {id: bo, kind: managing-agency, level: central}"),
        .init(
            name: "a provincial managing agency part of nothing", rule: "part-of-required",
            nodes: "- {id: syt, kind: managing-agency, level: provincial}", expect: ["syt"]),
        .init(
            name: "a managing agency of no level part of nothing", rule: "part-of-required",
            nodes: "- {id: syt, kind: managing-agency}", expect: ["syt"]),
        .init(
            name: "a managing agency of level central written part of a People's Committee",
            rule: "part-of-required", nodes: "- {id: bo, kind: managing-agency, level: central, part-of: ubnd-tinh}",
            expect: ["bo"]),
        .init(
            name: "a party cadres committee is part of nothing", rule: "part-of-required",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial}"),
        .init(
            name: "a party cadres committee written part of the People's Committee", rule: "part-of-required",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial, part-of: ubnd-tinh}",
            expect: ["bcs"]),
        .init(
            name: "an attached subordinate cell is part of a unit", rule: "part-of-required",
            nodes: """
                - {id: truong, kind: public-service-unit, level: commune}
                - {id: cb, kind: subordinate-cell, part-of: truong}
                - {id: bt, kind: party-secretary, part-of: cb}
                """),
        .init(
            name: "a subordinate cell is not part of a grassroots cell", rule: "part-of-required",
            nodes: """
                - {id: truong, kind: public-service-unit, level: commune}
                - {id: cbcs, kind: grassroots-cell, part-of: truong}
                - {id: cb, kind: subordinate-cell, part-of: cbcs}
                """,
            expect: ["cb"]),
        .init(
            name: "the new committees are above-grassroots: they have standing bodies and advisory agencies",
            rule: "part-of-required",
            nodes: """
                - {id: khoi, kind: bloc-party-committee, level: provincial}
                - {id: dubnd, kind: authority-party-committee, level: provincial}
                - {id: dcq, kind: party-agencies-committee, level: central}
                - {id: btv-khoi, kind: standing-committee, part-of: khoi}
                - {id: tt-dubnd, kind: standing-board, part-of: dubnd}
                - {id: vp-dcq, kind: advisory-agency, part-of: dcq}
                """),
        .init(
            name: "the new committees are part of nothing", rule: "part-of-required",
            nodes: """
                - {id: khoi, kind: bloc-party-committee, level: provincial, part-of: tu}
                - {id: dubnd, kind: authority-party-committee, level: provincial, part-of: ubnd-tinh}
                """,
            expect: ["khoi", "dubnd"]),
    ]

    static let levels: [VocabularyRowCase] = [
        .init(
            name: "level central where the rows allow it", rule: "level-required",
            nodes: """
                - {id: bvtw, kind: public-service-unit, level: central}
                - {id: khoi, kind: bloc-party-committee, level: central}
                - {id: dcp, kind: authority-party-committee, level: central}
                - {id: dcq, kind: party-agencies-committee, level: central}
                - {id: dubo, kind: superior-party-committee, level: central}
                - {id: bcs, kind: party-cadres-committee, level: central}
                - {id: bo, kind: managing-agency, level: central}
                """),
        .init(
            name: "the new committees at provincial level, a superior committee at district level",
            rule: "level-required",
            nodes: """
                - {id: khoi, kind: bloc-party-committee, level: provincial}
                - {id: dubnd, kind: authority-party-committee, level: provincial}
                - {id: dcq, kind: party-agencies-committee, level: provincial}
                - {id: bcs, kind: party-cadres-committee, level: provincial}
                - {id: du, kind: superior-party-committee, level: district}
                """),
        .init(
            name: "the new committees below the province, or with no level", rule: "level-required",
            nodes: """
                - {id: khoi, kind: bloc-party-committee, level: district}
                - {id: dubnd, kind: authority-party-committee}
                - {id: dcq, kind: party-agencies-committee, level: commune}
                """,
            expect: ["khoi", "dubnd", "dcq"]),
        .init(
            name: "a party cadres committee below the province", rule: "level-required",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: district}", expect: ["bcs"]),
        .init(
            name: "a People's Committee of level central, a superior committee of level commune",
            rule: "level-required",
            nodes: """
                - {id: cp, kind: peoples-committee, level: central}
                - {id: du, kind: superior-party-committee, level: commune}
                """,
            expect: ["cp", "du"]),
        .init(
            name: "a territorial committee written at level central", rule: "level-required",
            nodes: "- {id: tu2, kind: provincial-party-committee, level: central}", expect: ["tu2"]),
    ]

    static let cycles: [VocabularyRowCase] = [
        .init(
            name: "directs is not a line of leadership for cycles", rule: "acyclic-leadership",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial}",
            relations: "- {type: directs, from: bcs, to: dubv}\n- {type: leads, from: dubv, to: bcs}"),
        .init(
            name: "leads through the cadres committee back to the province is a cycle", rule: "acyclic-leadership",
            nodes: "- {id: bcs, kind: party-cadres-committee, level: provincial}",
            relations: "- {type: leads, from: tu, to: bcs}\n- {type: leads, from: bcs, to: tu}", expect: ["tu"]),
    ]
}

@Suite("Vocabulary rows")
struct VocabularyRowTests {
    @Test(
        "Each row of SPEC §2 is allowed, and each combination outside it is a finding on the right node",
        arguments: VocabularyRowCase.endpoints + VocabularyRowCase.containment + VocabularyRowCase.levels
            + VocabularyRowCase.cycles)
    func row(_ row: VocabularyRowCase) throws {
        let loaded = try load(row.text)
        let report = Auditor(rulebook: .structural).audit(loaded)
        let mine = report.findings.filter { $0.rule == row.rule }
        #expect(mine.map(\.node).sorted() == row.expect.sorted(), "findings: \(mine.map(\.message))")
    }

    @Test("A leads to a People's Committee of another level says which level it needs")
    func sameLevelMessage() throws {
        let row = VocabularyRowCase.endpoints[1]
        let report = Auditor(rulebook: .structural).audit(try load(row.text))
        let messages = report.findings.filter { $0.rule == "relation-endpoints" }.map(\.message)
        #expect(
            messages == [
                "'leads' from the provincial-party-committee 'tu' goes to a peoples-committee of its own level, provincial; 'ubnd-xa' is of level commune"
            ])
    }

    @Test("A provincial managing agency part of nothing is told both containments")
    func managingAgencyMessage() throws {
        let row = VocabularyRowCase.containment[1]
        let report = Auditor(rulebook: .structural).audit(try load(row.text))
        let messages = report.findings.filter { $0.rule == "part-of-required" }.map(\.message)
        #expect(
            messages == [
                "the managing-agency 'syt' must be part of a peoples-committee (one of level central is part of nothing); add 'part-of:'"
            ])
    }

    @Test("The endpoints' level conditions read a node's written level, else its kind's")
    func levelConditions() {
        let vocabulary = Vocabulary.standard
        #expect(
            vocabulary.allows(
                .leads, from: .districtPartyCommittee, fromLevel: .district, to: .peoplesCommittee, toLevel: .district))
        #expect(
            !vocabulary.allows(
                .leads, from: .districtPartyCommittee, fromLevel: .district, to: .peoplesCommittee, toLevel: .commune))
        #expect(!vocabulary.allows(.leads, from: .provincialPartyCommittee, to: .peoplesCommittee))
        #expect(vocabulary.allows(.leads, from: .partyCadresCommittee, to: .peoplesCommittee, toLevel: .provincial))
        #expect(vocabulary.allows(.partOf, from: .managingAgency, fromLevel: .provincial, to: .peoplesCommittee))
        #expect(!vocabulary.allows(.partOf, from: .managingAgency, fromLevel: .central, to: .peoplesCommittee))
        #expect(vocabulary.containers(of: .managingAgency, level: .central) == nil)
        #expect(vocabulary.containers(of: .managingAgency, level: nil) == [.peoplesCommittee])
    }
}

@Suite("Statistics of the v2 vocabulary")
struct VocabularyStatisticsTests {
    @Test("stats counts the new kinds, directs and central units, in text and JSON")
    func newWordsAreCounted() throws {
        let loaded = try load(
            """
            orggraph: 1
            nodes:
              - {id: khoi, kind: bloc-party-committee, level: provincial}
              - {id: dubnd, kind: authority-party-committee, level: provincial}
              - {id: dcq, kind: party-agencies-committee, level: central}
              - {id: bvtw, kind: public-service-unit, level: central}
              - {id: dubv, kind: unit-party-committee, part-of: bvtw}
            relations:
              - {type: directs, from: dubnd, to: dubv}
              - {type: superior-of, from: dcq, to: dubv}
            """)
        let statistics = OrganizationStatistics(loaded)
        #expect(
            statistics.kinds.map(\.kind.rawValue) == [
                "bloc-party-committee", "authority-party-committee", "party-agencies-committee", "public-service-unit",
                "unit-party-committee",
            ])
        #expect(
            statistics.relationTypes.map { "\($0.type.rawValue) \($0.count)" } == [
                "part-of 1", "superior-of 1", "directs 1",
            ])
        let text = statistics.text(title: nil, file: "v2.yaml")
        #expect(text.contains("  bloc-party-committee            1  Đảng ủy Khối\n"))
        #expect(text.contains("  authority-party-committee       1  Đảng ủy Ủy ban nhân dân tỉnh\n"))
        #expect(text.contains("  directs           1\n"))
        #expect(text.contains("  central            1\n"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(statistics.json(file: "v2.yaml").utf8)) as? [String: Any])
        let kinds = try #require(json["kinds"] as? [String: Int])
        #expect(kinds["party-agencies-committee"] == 1 && kinds["authority-party-committee"] == 1)
        #expect((json["relationTypes"] as? [String: Int])?["directs"] == 1)
    }
}
