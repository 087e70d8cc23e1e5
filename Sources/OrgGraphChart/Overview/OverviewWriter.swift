import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Writes an ``OverviewChart`` as DOT: committees styled as in the full chart, each unit one
/// box in the colours of a unit's frame, the leadership and immediate-superior lines between
/// them, a small legend.
///
/// The boxes are set out as ``CompactLayout`` sets out a chart: the boxes under each committee
/// (its units, the committees it leads with all under them) and the top-level blocks are wrapped
/// into rows no wider than a page, each later row hung under the row above by invisible lines, so
/// a province makes a block about as wide as it is high rather than a long strip.
/// Names and labels are quoted and escaped as ``DOTWriter`` does; the output depends only on
/// the overview.
public struct OverviewWriter: Sendable {
    public init() {}

    /// The DOT text of `overview`.
    public func write(_ overview: OverviewChart) -> String {
        var text = DOTTextSink()
        write(overview, into: &text)
        return text.finished()
    }

    /// The statements of `overview`, in order, into `out`.
    ///
    /// - Complexity: O(*c* + *u* + *l*) in the committees, units and lines drawn.
    public func write<Sink: DOTSink>(_ overview: OverviewChart, into out: inout Sink) {
        let text = ChartText(language: overview.language)
        var graph: [DOTAssignment] = [
            .code(.charset, "UTF-8"), .code(.rankdir, "TB"), .code(.newrank, "true"), .code(.ranksep, "0.5"),
            .code(.nodesep, "0.3"), .code(.outputorder, "edgesfirst"), .code(.pad, "0.3"),
            .code(.bgcolor, ChartPalette.white), .code(.fontname, DOTWriter.fontName),
        ]
        if let title = overview.title.map(LabelText.clean), !title.isEmpty {
            graph += [.label(LabelText.wrap(title, width: 90)), .code(.labelloc, "t"), .code(.fontsize, "20")]
        }
        out.defaults(.graph, graph)
        out.defaults(
            .node, [.code(.fontname, DOTWriter.fontName), .code(.fontsize, "10"), .code(.margin, "0.14,0.06")])
        out.defaults(.edge, [.code(.fontname, DOTWriter.fontName), .code(.arrowsize, "0.8")])

        let organization = overview.loaded.organization
        var sizes: [Int: (width: Double, height: Double)] = [:]
        for committee in overview.committees {
            let node = organization.nodes[committee]
            let style = NodeStyle.of(node.kind)
            var lines = LabelText.wrap(LabelText.clean(node.displayName), width: style.wrapWidth)
            // The name says what the committee is; the legend explains its colour.
            if lines.isEmpty { lines = [LabelText.clean(node.id)] }
            sizes[committee] = CompactLayout.size(lines: lines, shape: style.shape)
            out.node(name(committee, overview), attributes(style, lines: lines))
        }
        for group in overview.groups {
            for unit in group.units {
                let lines = unitLines(unit, overview)
                sizes[unit] = CompactLayout.size(lines: lines, shape: Self.unitStyle.shape)
                out.node(name(unit, overview), attributes(Self.unitStyle, lines: lines))
            }
        }
        if overview.legend { writeLegend(overview, text, into: &out) }

        let drawn = Set(overview.committees).union(overview.units)
        let lines = overview.lines.filter { drawn.contains($0.from) && drawn.contains($0.to) }
        let layout = CompactLayout(
            nodes: overview.committees + overview.units, unit: nil, kinds: overview.loaded.graph.kinds,
            constraints: lines.map { ($0.from, $0.to) }, sizes: sizes, frames: [:], bands: [],
            legend: overview.legend ? Self.legendSize(overview) : nil, legendBelow: true)
        for line in lines {
            let style = LineStyle.of(line.type)
            var attributes: [DOTAssignment] = [
                .code(.color, style.color), .code(.style, style.style), .code(.penwidth, style.penwidth),
                .code(.arrowhead, style.arrowhead),
            ]
            // A line the layout draws upward, across or far down does not pull the rows apart.
            if layout.ranks(from: line.from, to: line.to) {
                if let weight = style.weight { attributes.append(.code(.weight, weight)) }
            } else {
                attributes.append(.code(.constraint, "false"))
            }
            out.edge(from: name(line.from, overview), to: name(line.to, overview), attributes)
        }
        // Each box of a later row under the lowest box of the row above it, set by rank only.
        for chain in layout.chains {
            out.edge(
                from: name(chain.from, overview), to: name(chain.to, overview),
                [.code(.style, "invis"), .code(.weight, "0")])
        }
        // The rows in columns, each box under the one above it.
        for column in layout.columns {
            out.edge(
                from: name(column.from, overview), to: name(column.to, overview),
                [.code(.style, "invis"), .code(.weight, "10")])
        }
        // The legend below the chart, not beside it.
        if overview.legend, let lowest = layout.lowest {
            out.edge(from: name(lowest, overview), to: Self.legendTop, [.code(.style, "invis"), .code(.weight, "0")])
        }
    }

    /// The estimated size in points of the legend: a unit's box, a row of the committee kinds
    /// drawn, a row of the two line samples, one under another.
    static func legendSize(_ overview: OverviewChart) -> (width: Double, height: Double) {
        let kinds = Set(overview.committees.map { overview.loaded.graph.kinds[$0] }).count
        return (max(Double(min(kinds, 4)) * 130, 520), 260)
    }

    private func name(_ node: Int, _ overview: OverviewChart) -> String {
        overview.dotNames[node]
    }

    /// The lines of a unit's box: its name, its party organization's kind, its counts and its page.
    private func unitLines(_ unit: Int, _ overview: OverviewChart) -> [String] {
        let node = overview.loaded.organization.nodes[unit]
        var lines = LabelText.wrap(LabelText.clean(node.displayName), width: 26)
        if lines.isEmpty { lines = [LabelText.clean(node.id)] }
        lines += LabelText.wrap(overview.partyLine(unit), width: 36)
        lines.append(overview.countsLine(unit))
        if let page = overview.pageNumbers[unit] { lines.append(PageWords(language: overview.language).pointer(page)) }
        return lines
    }

    /// The first node of the legend.
    static let legendTop = "#legend-unit"

    /// A unit's box looks like the frame of a unit in the full chart.
    static let unitStyle = NodeStyle(
        shape: "box", style: "rounded,filled", fill: ChartPalette.unitFill, border: ChartPalette.unitFrame,
        font: ChartPalette.ink, penwidth: "1.6", wrapWidth: 26)

    private func attributes(_ style: NodeStyle, lines: [String], fontsize: String? = nil) -> [DOTAssignment] {
        var attributes: [DOTAssignment] = [
            .label(lines), .code(.shape, style.shape), .code(.style, style.style), .code(.fillcolor, style.fill),
            .code(.color, style.border), .code(.fontcolor, style.font), .code(.penwidth, style.penwidth),
        ]
        if let fontsize { attributes.append(.code(.fontsize, fontsize)) }
        return attributes
    }

    /// The legend: a sample of each committee kind drawn and of a unit's box, and the two lines.
    private func writeLegend<Sink: DOTSink>(_ overview: OverviewChart, _ text: ChartText, into out: inout Sink) {
        let graph = overview.loaded.graph
        out.beginSubgraph("cluster_legend")
        out.defaults(
            .graph,
            [
                .label([text.legend]), .code(.labeljust, "l"), .code(.style, "rounded,filled"),
                .code(.color, ChartPalette.legendFrame), .code(.fillcolor, ChartPalette.legendFill),
                .code(.fontsize, "12"), .code(.penwidth, "1.0"),
            ])
        var kinds: [NodeKind] = []
        for committee in overview.committees where !kinds.contains(graph.kinds[committee]) {
            kinds.append(graph.kinds[committee])
        }
        out.node(Self.legendTop, attributes(Self.unitStyle, lines: text.unitBoxLines))
        var rows: [[String]] = [[Self.legendTop]]
        var row: [String] = []
        for kind in NodeKind.allCases where kinds.contains(kind) {
            let name = "#legend-kind-\(kind.rawValue)"
            out.node(name, attributes(NodeStyle.of(kind), lines: LabelText.wrap(text.kind(kind), width: 18)))
            row.append(name)
            if row.count == 4 {
                rows.append(row)
                row = []
            }
        }
        if !row.isEmpty { rows.append(row) }
        var lines: [String] = []
        for type in OverviewChart.relationTypes {
            let style = LineStyle.of(type)
            let (start, end, caption) = (
                "#legend-line-\(type.rawValue)-a", "#legend-line-\(type.rawValue)-b", "#legend-line-\(type.rawValue)"
            )
            for point in [start, end] {
                out.node(
                    point,
                    [.label([]), .code(.shape, "point"), .code(.width, "0.05"), .code(.color, ChartPalette.grey)])
            }
            out.node(caption, [.label([text.relation(type)]), .code(.shape, "plaintext")])
            out.edge(
                from: start, to: end,
                [
                    .code(.color, style.color), .code(.style, style.style), .code(.penwidth, style.penwidth),
                    .code(.arrowhead, style.arrowhead), .code(.minlen, "3"),
                ])
            lines += [start, end, caption]
        }
        rows.append(lines)
        let lineRow = rows.count - 1
        for (number, names) in rows.enumerated() {
            out.beginSubgraph("legend_row_\(number)")
            out.defaults(.graph, [.code(.rank, "same")])
            out.members(names)
            for index in names.indices.dropLast() where !(number == lineRow && index % 3 == 0) {
                out.edge(from: names[index], to: names[index + 1], [.code(.style, "invis")])
            }
            out.endSubgraph()
        }
        for (upper, lower) in zip(rows, rows.dropFirst()) {
            if let top = upper.first, let bottom = lower.first {
                out.edge(from: top, to: bottom, [.code(.style, "invis")])
            }
        }
        out.endSubgraph()
    }
}
