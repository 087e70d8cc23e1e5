import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

@Suite("Audit")
struct AuditTests {
    static let selfLead = """
        orggraph: 1
        nodes:
          - {id: tu, kind: provincial-party-committee}
          - {id: hu, kind: district-party-committee}
        relations:
          - {type: leads, from: tu, to: tu}
        """

    @Test("A suppression with a reason hides the finding and is counted")
    func suppressionHides() throws {
        let text = Self.selfLead + "\nsuppressions:\n  - {rule: no-self-relation, node: tu, reason: under review}\n"
        let report = Auditor().audit(try load(text))
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.rule) == ["no-self-relation"])
    }

    @Test("A suppression that hides nothing is itself reported, at the suppression")
    func unusedSuppression() throws {
        let text = Self.selfLead + "\nsuppressions:\n  - {rule: duplicate-relation, node: hu, reason: old}\n"
        let report = Auditor().audit(try load(text))
        let unused = try #require(report.findings.first { $0.rule == "unused-suppression" })
        #expect(unused.location == SourceLocation(line: 8, column: 5))
        #expect(unused.node == "hu")
        #expect(unused.severity == .warning)
        #expect(unused.message == "the suppression of duplicate-relation on 'hu' hides no finding; remove it")
    }

    @Test("Fingerprints name rule and nodes, not lines: moving a relation keeps them")
    func fingerprintsAreStable() throws {
        let moved = Self.selfLead.replacingOccurrences(
            of: "relations:\n", with: "relations:\n  - {type: leads, from: tu, to: hu}\n")
        let before = Auditor().audit(try load(Self.selfLead)).findings
        let after = Auditor().audit(try load(moved)).findings
        #expect(before.count == 1 && after.count == 1)
        #expect(before.first?.location != after.first?.location)
        #expect(before.first?.fingerprint == after.first?.fingerprint)
        #expect(before.first?.fingerprint.count == 16)
    }

    @Test("Findings come in file order, and the JSON report has the documented shape")
    func jsonReport() throws {
        let text = """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit}
              - {id: gd, kind: unit-head}
            relations:
              - {type: leads, from: gd, to: bv}
            """
        let loaded = try load(text, file: "org.yaml")
        var report = ValidationReport()
        report.add(Auditor().audit(loaded), file: "org.yaml")
        #expect(report.findings.map(\.location.line) == [3, 4, 6])
        let data = Data(report.json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["files"] as? [String] == ["org.yaml"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        let endpoint = try #require(findings.last)
        #expect(endpoint["rule"] as? String == "relation-endpoints")
        #expect(endpoint["severity"] as? String == "error")
        #expect(endpoint["node"] as? String == "gd")
        #expect(endpoint["file"] as? String == "org.yaml")
        #expect(endpoint["line"] as? Int == 6)
        #expect(endpoint["column"] as? Int == 5)
        let relation = try #require(endpoint["relation"] as? [String: Any])
        #expect(relation["type"] as? String == "leads")
        #expect(relation["index"] as? Int == 0)
        #expect((endpoint["fingerprint"] as? String)?.count == 16)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["error": 3, "warning": 0, "info": 0, "suppressed": 0])
    }

    @Test("The text report: one line a finding, notes for related places, a summary")
    func textReport() throws {
        let text = """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
              - {id: hu, kind: district-party-committee}
            relations:
              - {type: leads, from: tu, to: hu}
              - {type: leads, from: tu, to: hu}
            """
        var report = ValidationReport()
        report.add(Auditor().audit(try load(text, file: "org.yaml")), file: "org.yaml")
        #expect(
            report.text() == """
                org.yaml:7:5: warning: 'leads' from 'tu' to 'hu' is written twice; keep one [duplicate-relation]
                org.yaml:6:5: note: first written here
                0 errors, 1 warning, 0 info in 1 file

                """)
    }

    @Test("A part-of written as a field and as a relation counts as one containment")
    func partOfTwiceIsOneContainment() throws {
        let text = """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit, level: provincial}
              - {id: gd, kind: unit-head, part-of: bv}
            relations:
              - {type: part-of, from: gd, to: bv}
            """
        let findings = Auditor().audit(try load(text)).findings
        #expect(findings.map(\.rule) == ["duplicate-relation"])
    }

    @Test("liaises-with a People's Committee needs one of level district or commune")
    func liaisonLevel() throws {
        let text = """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit, level: provincial}
              - {id: dubv, kind: unit-party-committee, part-of: bv}
              - {id: ubnd, kind: peoples-committee, level: provincial}
            relations:
              - {type: liaises-with, from: dubv, to: ubnd, basis: location}
            """
        let findings = Auditor().audit(try load(text)).findings
        #expect(findings.map(\.rule) == ["relation-endpoints"])
        #expect(findings.first?.message.contains("of level district or commune") == true)
    }
}

@Suite("Path expression limits")
struct PathLimitTests {
    @Test("An expression whose automaton passes 256 states is a located error, not a slow query")
    func unrollLimit() throws {
        #expect(throws: Never.self) { try PathExpression(parsing: "((leads?){15}){15}") }
        #expect(PathExpression.positions(try PathExpression(parsing: "leads{85}/leads{85}/leads{85}").root) + 1 == 256)
        let cases: [(String, String)] = [
            (
                "((leads?){40}){40}",
                "query:1:15: error: the expression needs an automaton of 1601 states up to here, more than 256; "
                    + "use smaller repetition bounds, or '*' and '+'\n((leads?){40}){40}\n              ^"
            ),
            (
                "leads{100}/leads{100}/leads{56}",
                "query:1:23: error: the expression needs an automaton of 257 states up to here, more than 256; "
                    + "use smaller repetition bounds, or '*' and '+'\nleads{100}/leads{100}/leads{56}\n"
                    + String(repeating: " ", count: 22) + "^"
            ),
            (
                "(leads{100}|reports-to{100})|part-of{60}",
                "query:1:30: error: the expression needs an automaton of 261 states up to here, more than 256; "
                    + "use smaller repetition bounds, or '*' and '+'\n(leads{100}|reports-to{100})|part-of{60}\n"
                    + String(repeating: " ", count: 29) + "^"
            ),
        ]
        for (text, rendered) in cases {
            do {
                let parsed = try PathExpression(parsing: text)
                Issue.record("'\(text)' parsed as \(parsed.root)")
            } catch {
                #expect(error.description == rendered)
            }
        }
    }

    @Test(
        "Repetitions of repetitions are written once: the automaton stays small",
        arguments: [
            ("(((leads|^leads|part-of|^part-of)*){0,50}){0,5}", 5),
            ("(leads*){0,81}", 2), ("(leads*)*", 2), ("(leads+)*", 2), ("(leads?)*", 2), ("(leads+){3,7}", 4),
            ("((leads{0,2}){0,3}){0,4}", 25), ("(^leads*)+", 2), ("((leads/reports-to)*){2,}", 3),
        ])
    func normalised(_ text: String, states: Int) throws {
        #expect(PathExpression.positions(try PathExpression(parsing: text).root) + 1 == states)
    }
}

@Suite("Long leadership cycles")
struct LongCycleTests {
    /// `count` district committees `c0` → `c1` → ... → `c0` along `leads`.
    static func circle(_ count: Int) throws -> LoadedOrganization {
        var organization = Organization()
        for i in 0..<count { organization.nodes.append(Node(id: "c\(i)", kind: .districtPartyCommittee)) }
        for i in 0..<count {
            organization.relations.append(Relation(type: .leads, from: "c\(i)", to: "c\((i + 1) % count)"))
        }
        return try LoadedOrganization(organization)
    }

    @Test("A cycle of nine steps or fewer is listed whole")
    func shortCycle() throws {
        let finding = try #require(
            Auditor().audit(try Self.circle(3)).findings.first { $0.rule == "acyclic-leadership" })
        #expect(
            finding.message
                == "leadership runs in a circle through 'c0': 'c0' leads 'c1', 'c1' leads 'c2', 'c2' leads 'c0'; "
                + "leadership must run one way")
    }

    @Test("A long cycle shows its first and last four steps and its length", arguments: [10, 300_000])
    func longCycle(_ count: Int) throws {
        let report = Auditor().audit(try Self.circle(count))
        let finding = try #require(report.findings.first { $0.rule == "acyclic-leadership" })
        let last = count - 1
        #expect(
            finding.message
                == "leadership runs in a circle of \(count) steps through 'c0': 'c0' leads 'c1', 'c1' leads 'c2', "
                + "'c2' leads 'c3', 'c3' leads 'c4', … \(count - 8) more steps …, 'c\(last - 3)' leads 'c\(last - 2)', "
                + "'c\(last - 2)' leads 'c\(last - 1)', 'c\(last - 1)' leads 'c\(last)', 'c\(last)' leads 'c0'; "
                + "leadership must run one way")
        #expect(finding.related.count == 8)
    }
}
