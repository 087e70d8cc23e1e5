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

    @Test("liaises-with a People's Committee needs one of level commune")
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
        #expect(findings.first?.message.contains("of level commune") == true)
    }
}

@Suite("Path expression limits")
struct PathLimitTests {
    @Test("An expression that unrolls past the limit is a located error, not a slow query")
    func unrollLimit() {
        #expect(throws: PathSyntaxError.self) { try PathExpression(parsing: "((leads?){40}){40}") }
        #expect(throws: Never.self) { try PathExpression(parsing: "((leads?){30}){30}") }
        do {
            _ = try PathExpression(parsing: "((leads?){40}){40}")
        } catch {
            #expect(error.message.hasPrefix("the expression unrolls to more than 1000 steps"))
            #expect(error.column == 1)
        }
    }
}
