import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

@Suite("Example organizations")
struct ExampleOrganizationTests {
    @Test("The examples load and have no structural finding", arguments: examplePaths(broken: false))
    func cleanExample(_ path: String) throws {
        let loaded = try loadPackageFile(path)
        #expect(loaded.organization.nodes.count > 10)
        let report = Auditor().audit(loaded)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location): \($0.message)" })")
        #expect(report.suppressed.isEmpty)
    }

    @Test("There are at least four examples")
    func fourExamples() {
        #expect(examplePaths(broken: false).count >= 4)
    }

    @Test("The structural broken file produces exactly its findings, at the faults")
    func brokenStructural() throws {
        let path = "Examples/broken/structural.yaml"
        let report = Auditor().audit(try loadPackageFile(path))
        let found = report.findings.map { "\($0.location) \($0.rule) \($0.node)" }
        #expect(
            found == [
                "10:5 acyclic-leadership tinh-uy",
                "21:5 level-required ubnd-huyen",
                "39:12 level-required dang-uy-xa-dai-hiep",
                "59:14 part-of-required bi-thu-chi-bo",
                "77:5 relation-endpoints huyen-uy",
                "81:5 duplicate-relation chi-bo-truong",
                "86:5 no-self-relation phong-gd-dt",
            ])
        // Each fault is marked by a comment announcing its finding on the line before the finding
        // or one of its related places.
        let lines = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for finding in report.findings {
            let places = [finding.location] + finding.related.map(\.location)
            let marked = places.contains { place in
                (1...3).contains { back in
                    let index = Int(place.line) - 1 - back
                    return index >= 0 && lines[index].contains("# finding: \(finding.rule) \(finding.node) ")
                }
            }
            #expect(marked, "no '# finding: \(finding.rule) \(finding.node)' comment before \(finding.location)")
        }
        let rules = Set(report.findings.map(\.rule))
        #expect(rules == Set(Rulebook.structural.rules.map(\.id)), "every structural rule is shown")
    }

    @Test("The cycle finding lists the cycle and points at both relations")
    func cycleFinding() throws {
        let report = Auditor().audit(try loadPackageFile("Examples/broken/structural.yaml"))
        let cycle = try #require(report.findings.first { $0.rule == "acyclic-leadership" })
        #expect(cycle.related.map(\.location.line) == [62, 64])
        #expect(cycle.message.contains("'tinh-uy' (Tỉnh ủy Quảng Nam) leads 'huyen-uy' (Huyện ủy Đại Lộc)"))
        #expect(cycle.message.contains("'huyen-uy' (Huyện ủy Đại Lộc) leads 'tinh-uy' (Tỉnh ủy Quảng Nam)"))
    }
}
