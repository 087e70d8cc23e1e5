import Foundation
import OrgGraph
import TestSupport
import Testing

/// The DOT of the examples, compared byte for byte with the golden files
/// (regenerate them with Scripts/update-golden-charts.sh, then review the diff).
@Suite("Golden DOT charts")
struct GoldenChartTests {
    @Test("the manifest lists every example", arguments: examplePaths)
    func everyExampleHasAGoldenChart(path: String) {
        #expect(GoldenChart.all.contains { $0.arguments.first == path }, "no golden chart for \(path)")
    }

    @Test("orggraph render --format dot writes the golden bytes", arguments: GoldenChart.all)
    func commandLineMatchesGolden(chart: GoldenChart) throws {
        let expected = try Data(contentsOf: goldenFolder.appendingPathComponent(chart.file))
        let result = try orggraph(["render"] + chart.arguments + ["--format", "dot", "-o", "-"])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.output == expected,
            "DOT differs from \(chart.file); run Scripts/update-golden-charts.sh and review the diff")
    }

    @Test("the library writes the golden bytes for the default chart of each example", arguments: examplePaths)
    func libraryMatchesGolden(path: String) throws {
        guard let chart = GoldenChart.all.first(where: { $0.arguments == [path] }) else { return }
        let expected = try String(contentsOf: goldenFolder.appendingPathComponent(chart.file), encoding: .utf8)
        let loaded = try loadPackageFile(path)
        #expect(DOTWriter().write(try Chart(loaded)) == expected)
    }

    @Test("the same input gives the same bytes, run after run")
    func deterministic() throws {
        let loaded = try loadPackageFile("Examples/province.yaml")
        let options = ChartOptions(findings: Auditor(rulebook: RulebookLoader.regulation125).audit(loaded).findings)
        let first = DOTWriter().write(try Chart(loaded, options: options))
        for _ in 0..<3 {
            let reloaded = try loadPackageFile("Examples/province.yaml")
            #expect(DOTWriter().write(try Chart(reloaded, options: options)) == first)
        }
    }
}
