import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphGraphviz
@testable import OrgGraphQuery

/// What a chart draws for each option: relations, focus, highlight, findings, language, legend.
@Suite("Chart selection")
struct ChartSelectionTests {
    static func hospital() throws -> LoadedOrganization { try loadPackageFile("Examples/hospital.yaml") }

    static func ids(_ chart: Chart) -> Set<String> {
        Set(chart.nodes.map { chart.loaded.organization.nodes[$0].id })
    }

    @Test("--relations draws only those types; containment still keeps the ranks, invisibly")
    func relations() throws {
        let chart = try Chart(try Self.hospital(), options: ChartOptions(relations: [.leads]))
        let graph = chart.loaded.graph
        #expect(!chart.lines.isEmpty)
        #expect(chart.lines.allSatisfy { graph.edgeTypes[$0] == .leads })
        #expect(chart.rankingEdges.allSatisfy { graph.edgeTypes[$0] == .partOf })
        #expect(chart.nodeCount == graph.nodeCount)
        let parsed = try DOTInspection.parse(DOTWriter().write(chart))
        let visible = parsed.edges.filter { $0.attributes["style"] != "invis" && !$0.tail.hasPrefix("#legend") }
        #expect(visible.count == chart.lines.count)
    }

    @Test("--focus draws the neighbourhood within --depth steps, with the unit that frames it")
    func focus() throws {
        let zero = try Chart(try Self.hospital(), options: ChartOptions(focus: "chi-bo-khoa-noi", depth: 0))
        #expect(Self.ids(zero) == ["chi-bo-khoa-noi", "bv-da-khoa"])
        let one = try Chart(try Self.hospital(), options: ChartOptions(focus: "chi-bo-khoa-noi", depth: 1))
        #expect(Self.ids(one) == ["chi-bo-khoa-noi", "bv-da-khoa", "dang-uy-bv", "bi-thu-chi-bo-khoa-noi"])
        let two = try Chart(try Self.hospital(), options: ChartOptions(focus: "chi-bo-khoa-noi", depth: 2))
        #expect(Self.ids(two).isStrictSuperset(of: Self.ids(one)))
        #expect(Self.ids(two).contains("tinh-uy"))
        let dot = DOTWriter().write(one)
        #expect(dot.contains("\"chi-bo-khoa-noi\" [label=") && dot.contains("peripheries=\"2\""))
    }

    @Test("--highlight draws the shortest path in the highlight colour")
    func highlight() throws {
        let options = ChartOptions(highlight: .init(from: "chi-bo-khoa-noi", to: "tinh-uy"))
        let chart = try Chart(try Self.hospital(), options: options)
        let path = try #require(chart.path)
        #expect(path.count == 2)
        let parsed = try DOTInspection.parse(DOTWriter().write(chart))
        let strong = parsed.edges.filter {
            $0.attributes["color"] == ChartPalette.highlight && !$0.tail.hasPrefix("#legend")
        }
        #expect(strong.count == 2)
        #expect(
            parsed.nodes.filter { $0.attributes["color"] == ChartPalette.highlight }.map(\.name).sorted()
                == ["chi-bo-khoa-noi", "dang-uy-bv", "tinh-uy"])
    }

    @Test("--highlight along relations that do not connect the two finds no path")
    func noPath() throws {
        let options = ChartOptions(relations: [.invites], highlight: .init(from: "chi-bo-khoa-noi", to: "tinh-uy"))
        #expect(try Chart(try Self.hospital(), options: options).path == nil)
    }

    @Test("--findings marks each node with its findings, by the highest severity")
    func findings() throws {
        let loaded = try loadPackageFile("Examples/broken/regulation.yaml")
        let findings = Auditor(rulebook: RulebookLoader.regulation125).audit(loaded).findings
        let chart = try Chart(loaded, options: ChartOptions(findings: findings))
        let parsed = try DOTInspection.parse(DOTWriter().write(chart))
        let head = try #require(parsed.nodes.first { $0.name == "giam-doc" })
        #expect(head.attributes["color"] == ChartPalette.severity(.error))
        #expect(head.attributes["style"]?.hasSuffix("dashed") == true)
        #expect(head.attributes["label"]?.contains("⚠ leaders-report-to-party") == true)
        #expect(parsed.nodes.contains { $0.name == "#legend-severity-error" })
        #expect(parsed.nodes.contains { $0.name == "#legend-severity-warning" })
    }

    @Test("unknown ids in options are errors with a suggestion")
    func unknownIDs() throws {
        #expect(throws: ChartError.unknownNode(id: "tinh-u", option: .focus, suggestion: "tinh-uy")) {
            try Chart(try Self.hospital(), options: ChartOptions(focus: "tinh-u"))
        }
        #expect(throws: ChartError.unknownNode(id: "nowhere", option: .highlight, suggestion: nil)) {
            try Chart(try Self.hospital(), options: ChartOptions(highlight: .init(from: "tinh-uy", to: "nowhere")))
        }
    }

    @Test("labels: Vietnamese kind names with --lang vi, the file's names always")
    func language() throws {
        let dot = DOTWriter().write(try Chart(try Self.hospital(), options: ChartOptions(language: .vietnamese)))
        #expect(dot.contains("label=\"Tỉnh ủy Lâm Đồng\\nTỉnh ủy, Thành ủy\""))
        #expect(dot.contains("label=\"Chú giải\""))
        #expect(!dot.contains("Provincial party committee"))
    }

    @Test("--no-legend leaves the legend out")
    func noLegend() throws {
        let dot = DOTWriter().write(try Chart(try Self.hospital(), options: ChartOptions(legend: false)))
        #expect(!dot.contains("#legend"))
        #expect(!dot.contains("cluster_legend"))
    }

    @Test("every unit is a cluster holding its party organization, head, board and chair")
    func clusters() throws {
        let parsed = try DOTInspection.parse(DOTWriter().write(try Chart(try Self.hospital())))
        #expect(parsed.subgraphs.contains { $0.name == "cluster_unit_13" })
        #expect(parsed.subgraphs.contains { $0.name == "cluster_party_17" })
    }

    @Test(
        "names wrap between words, in balanced lines",
        arguments: [
            ("Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng", 20, ["Đảng ủy Bệnh viện Đa", "khoa tỉnh Lâm Đồng"]),
            ("Thường trực Tỉnh ủy Lâm Đồng", 24, ["Thường trực Tỉnh", "ủy Lâm Đồng"]),
            ("short", 20, ["short"]),
            ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
        ])
    func wrap(text: String, width: Int, lines: [String]) {
        #expect(LabelText.wrap(text, width: width) == lines)
    }

    @Test("a very long name is cut to a few lines")
    func longName() {
        let lines = LabelText.wrap(String(repeating: "chi bộ ", count: 1_000), width: 20)
        #expect(lines.count == LabelText.maximumLines)
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(LabelText.wrap(String(repeating: "x", count: 100_000), width: 20).count == LabelText.maximumLines)
    }

    @Test("line breaks, tabs and control characters are cleaned")
    func clean() {
        #expect(LabelText.clean("  a\nb\r\n\tc\u{1}d  ") == "a b c\u{FFFD}d")
    }
}
