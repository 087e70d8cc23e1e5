import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

extension DOTWriter {
    /// Line samples per row of the legend.
    static let legendLineColumns = 3
    /// Kinds per row of the legend.
    static let legendKindColumns = 5

    /// A row of the legend: nodes side by side on one rank, left to right.
    private struct Row {
        var names: [String]
        /// Positions `i` where `names[i] -> names[i + 1]` is already a sample line.
        var joined: Set<Int> = []

        init(_ names: [String], joined: Set<Int> = []) {
            self.names = names
            self.joined = joined
        }
    }

    /// The legend: a cluster with a sample of every kind drawn (party side, then state side), a
    /// sample line of every relation type drawn, and the marks of the path and of findings when
    /// the chart shows them. Legend names start with `#legend`, which no name from the file can.
    func writeLegend<Sink: DOTSink>(_ chart: Chart, _ text: ChartText, into out: inout Sink) {
        let graph = chart.loaded.graph
        var kindsDrawn = KindSet()
        for node in chart.nodes { kindsDrawn.insert(graph.kinds[node]) }
        var typesDrawn = Set<RelationType>()
        for edge in chart.lines { typesDrawn.insert(graph.edgeTypes[edge]) }

        out.beginSubgraph("cluster_legend")
        out.defaults(
            .graph,
            [
                .label([text.legend]), .code(.labeljust, "l"), .code(.style, "rounded,filled"),
                .code(.color, ChartPalette.legendFrame), .code(.fillcolor, ChartPalette.legendFill),
                .code(.fontsize, "12"), .code(.penwidth, "1.0"),
            ])
        var rows: [Row] = []
        let sides: [(key: String, caption: String, kinds: [NodeKind])] = [
            ("party", text.partySide, kindsDrawn.kinds.filter(\.isParty)),
            ("state", text.stateSide, kindsDrawn.kinds.filter { !$0.isParty }),
        ]
        for side in sides where !side.kinds.isEmpty {
            let caption = "#legend-side-\(side.key)"
            out.node(
                caption,
                [.label(LabelText.wrap(side.caption, width: 16)), .code(.shape, "plaintext"), .code(.fontsize, "10")])
            var names = [caption]
            for kind in side.kinds {
                let name = "#legend-kind-\(kind.rawValue)"
                out.node(name, sample(NodeStyle.of(kind), lines: LabelText.wrap(text.kind(kind), width: 18)))
                names.append(name)
                if names.count == Self.legendKindColumns {
                    rows.append(Row(names))
                    names = []
                }
            }
            if !names.isEmpty { rows.append(Row(names)) }
        }

        var samples = RelationType.allCases.filter { typesDrawn.contains($0) }.map {
            (key: $0.rawValue, label: text.relation($0), line: LineStyle.of($0))
        }
        if chart.path != nil {
            var line = LineStyle.of(.leads)
            line.color = ChartPalette.highlight
            line.penwidth = "4.0"
            samples.append((key: "path", label: text.path, line: line))
        }
        for chunk in stride(from: 0, to: samples.count, by: Self.legendLineColumns) {
            var row: [String] = []
            for sample in samples[chunk..<min(chunk + Self.legendLineColumns, samples.count)] {
                let (start, end, caption) = (
                    "#legend-line-\(sample.key)-a", "#legend-line-\(sample.key)-b",
                    "#legend-line-\(sample.key)"
                )
                for point in [start, end] {
                    out.node(
                        point,
                        [.label([]), .code(.shape, "point"), .code(.width, "0.05"), .code(.color, ChartPalette.grey)])
                }
                out.node(caption, [.label([sample.label]), .code(.shape, "plaintext"), .code(.fontsize, "9")])
                var attributes: [DOTAssignment] = [
                    .code(.color, sample.line.color), .code(.style, sample.line.style),
                    .code(.penwidth, sample.line.penwidth), .code(.arrowhead, sample.line.arrowhead),
                    .code(.minlen, "3"),
                ]
                if let dir = sample.line.dir { attributes.append(.code(.dir, dir)) }
                if let tail = sample.line.arrowtail { attributes.append(.code(.arrowtail, tail)) }
                out.edge(from: start, to: end, attributes)
                row += [start, end, caption]
            }
            rows.append(Row(row, joined: Set(row.indices.filter { $0 % 3 == 0 })))
        }

        if let severities = legendSeverities(chart) {
            var names: [String] = []
            for severity in severities {
                let name = "#legend-severity-\(severity.rawValue)"
                var style = NodeStyle.of(.managementBoard)
                style.border = ChartPalette.severity(severity)
                style.style = "filled,dashed"
                style.fill = ChartPalette.white
                style.penwidth = "3.2"
                out.node(name, sample(style, lines: ["⚠ " + text.severity(severity)]))
                names.append(name)
            }
            if severities.isEmpty {
                names.append("#legend-severity-none")
                out.node("#legend-severity-none", [.label([text.noFindings]), .code(.shape, "plaintext")])
            }
            rows.append(Row(names))
        }
        writeGrid(rows, into: &out)
        out.endSubgraph()
    }

    /// The severities to explain: those marked on the chart, highest first; `nil` when the chart
    /// marks no findings.
    private func legendSeverities(_ chart: Chart) -> [Severity]? {
        guard chart.options.findings != nil else { return nil }
        let present = Set(chart.nodes.compactMap { chart.marks[$0]?.severity })
        return Severity.allCases.reversed().filter { present.contains($0) }
    }

    private func sample(_ style: NodeStyle, lines: [String]) -> [DOTAssignment] {
        [
            .label(lines), .code(.shape, style.shape), .code(.style, style.style), .code(.fillcolor, style.fill),
            .code(.color, style.border), .code(.fontcolor, style.font), .code(.fontsize, "9"),
            .code(.penwidth, style.penwidth),
        ]
    }

    /// Lays the rows out: each row's nodes on one rank, left to right in order (invisible lines
    /// where no sample line joins them), each row below the one before.
    private func writeGrid<Sink: DOTSink>(_ rows: [Row], into out: inout Sink) {
        for (number, row) in rows.enumerated() {
            out.beginSubgraph("legend_row_\(number)")
            out.defaults(.graph, [.code(.rank, "same")])
            out.members(row.names)
            for index in row.names.indices.dropLast() where !row.joined.contains(index) {
                out.edge(from: row.names[index], to: row.names[index + 1], [.code(.style, "invis")])
            }
            out.endSubgraph()
        }
        for (upper, lower) in zip(rows, rows.dropFirst()) {
            if let top = upper.names.first, let bottom = lower.names.first {
                out.edge(from: top, to: bottom, [.code(.style, "invis")])
            }
        }
    }
}
