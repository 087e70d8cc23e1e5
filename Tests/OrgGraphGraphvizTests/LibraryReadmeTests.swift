import Foundation
import OrgGraph
import OrgGraphGraphviz
import TestSupport
import Testing

/// The README's "As a library" code, compiled against the public API only (this file imports
/// nothing `@testable`), and run on the hospital example.
@Suite("The README's library example")
struct LibraryReadmeTests {
    @Test("Loading, auditing, the graph, paths, superiors and charts work as the README shows")
    func readmeExample() throws {
        let file = packageRoot.appendingPathComponent("Examples/hospital.yaml").path
        let loaded = try OrganizationLoader().load(contentsOf: file)
        let report = Auditor(rulebook: RulebookLoader.regulation125).audit(loaded)
        #expect(report.findings.isEmpty)

        let graph = loaded.graph
        let committee = try #require(graph.index(of: "tinh-uy"))
        let led = graph.neighbors(of: committee, via: .leads).map { loaded.organization.nodes[Int($0)].displayName }
        #expect(!led.isEmpty)

        var evaluator = PathEvaluator(loaded)
        let cells = evaluator.evaluate(try PathExpression(parsing: "leads+[kind=subordinate-cell]"), from: committee)
        #expect(cells.count >= 2)
        var finder = PathFinder(graph)
        let path = finder.shortestPath(from: try #require(graph.index(of: "chi-bo-khoa-noi")), to: committee)
        #expect(path != nil)
        let (top, fromA, fromB) = try #require(Superiors(graph).lowestCommonSuperior(cells[0], cells[1]))
        #expect(graph.kinds[top] == .unitPartyCommittee && !fromA.isEmpty && !fromB.isEmpty)

        let chart = try Chart(loaded, options: ChartOptions(focus: "dang-uy-bv", depth: 1, language: .vietnamese))
        let dot = DOTWriter().write(chart)
        #expect(dot.hasPrefix("digraph"))
        let svg: [UInt8] = try GraphvizRenderer().render(chart, layout: .dot, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("</svg>"))
        #expect(OrganizationWriter.write(loaded.organization, as: .json).hasPrefix("{"))
    }
}
