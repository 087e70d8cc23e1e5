import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Writes an ``OverviewChart`` as DOT: committees styled as in the full chart, each unit one
/// box in the colours of a unit's frame, the leadership and immediate-superior lines between
/// them, a small legend.
///
/// The boxes that hang from one committee with nothing under them (its units, and committees
/// with no units) are wrapped into rows of ``rowLength(_:)``, kept in the overview's order, so a
/// committee with many units makes a block rather than a long strip.
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
        for committee in overview.committees {
            let node = organization.nodes[committee]
            let style = NodeStyle.of(node.kind)
            var lines = LabelText.wrap(LabelText.clean(node.displayName), width: style.wrapWidth)
            // The name says what the committee is; the legend explains its colour.
            if lines.isEmpty { lines = [LabelText.clean(node.id)] }
            out.node(name(committee, overview), attributes(style, lines: lines))
        }
        for group in overview.groups {
            for unit in group.units { out.node(name(unit, overview), unitBox(unit, overview)) }
        }
        if overview.legend { writeLegend(overview, text, into: &out) }

        let drawn = Set(overview.committees).union(overview.units)
        for line in overview.lines where drawn.contains(line.from) && drawn.contains(line.to) {
            let style = LineStyle.of(line.type)
            var attributes: [DOTAssignment] = [
                .code(.color, style.color), .code(.style, style.style), .code(.penwidth, style.penwidth),
                .code(.arrowhead, style.arrowhead),
            ]
            if let weight = style.weight { attributes.append(.code(.weight, weight)) }
            // The line to a unit on a lower row of its group reaches over the rows above.
            out.edge(from: name(line.from, overview), to: name(line.to, overview), attributes)
        }
        for (number, leaves) in leaves(overview).enumerated() { writeRows(leaves, number, overview, into: &out) }
        // The legend below the chart, not beside it.
        if overview.legend, let last = overview.units.last ?? overview.committees.last {
            out.edge(from: name(last, overview), to: Self.legendTop, [.code(.style, "invis"), .code(.weight, "0")])
        }
    }

    /// How many of the leaves of one committee stand side by side: the square root of their
    /// number, rounded up, so they make a block about as wide as it is high.
    public static func rowLength(_ count: Int) -> Int {
        var length = 1
        while length * length < count { length += 1 }
        return length
    }

    /// For each committee that has some, the boxes that hang from it with nothing under them:
    /// its units, then the committees it is the first to lead that have nothing drawn under them.
    private func leaves(_ overview: OverviewChart) -> [[Int]] {
        let drawn = Set(overview.committees).union(overview.units)
        var parent: [Int: Int] = [:]
        var hasChildren = Set<Int>()
        for line in overview.lines where drawn.contains(line.from) && drawn.contains(line.to) {
            hasChildren.insert(line.from)
            if parent[line.to] == nil { parent[line.to] = line.from }
        }
        var leafCommittees: [Int: [Int]] = [:]
        for committee in overview.committees where !hasChildren.contains(committee) {
            if let above = parent[committee] { leafCommittees[above, default: []].append(committee) }
        }
        var result: [[Int]] = []
        for group in overview.groups {
            let committees = group.committee.map { leafCommittees[$0] ?? [] } ?? []
            if group.units.count + committees.count > 1 { result.append(group.units + committees) }
        }
        return result
    }

    /// The rows of one committee's leaves: each row on one rank, in order, and each row under the
    /// one before, by invisible lines.
    private func writeRows<Sink: DOTSink>(
        _ leaves: [Int], _ number: Int, _ overview: OverviewChart, into out: inout Sink
    ) {
        let length = Self.rowLength(leaves.count)
        let rows = stride(from: 0, to: leaves.count, by: length).map {
            Array(leaves[$0..<min($0 + length, leaves.count)])
        }
        for (index, row) in rows.enumerated() where row.count > 1 {
            out.beginSubgraph("overview_row_\(number)_\(index)")
            out.defaults(.graph, [.code(.rank, "same")])
            out.members(row.map { name($0, overview) })
            for (left, right) in zip(row, row.dropFirst()) {
                out.edge(from: name(left, overview), to: name(right, overview), [.code(.style, "invis")])
            }
            out.endSubgraph()
        }
        for (upper, lower) in zip(rows, rows.dropFirst()) {
            for (top, bottom) in zip(upper, lower) {
                out.edge(
                    from: name(top, overview), to: name(bottom, overview),
                    [.code(.style, "invis"), .code(.weight, "0")])
            }
        }
    }

    private func name(_ node: Int, _ overview: OverviewChart) -> String {
        overview.dotNames[node]
    }

    /// A unit's box: its name, its party organization's kind, its counts and its page.
    private func unitBox(_ unit: Int, _ overview: OverviewChart) -> [DOTAssignment] {
        let node = overview.loaded.organization.nodes[unit]
        var lines = LabelText.wrap(LabelText.clean(node.displayName), width: 26)
        if lines.isEmpty { lines = [LabelText.clean(node.id)] }
        lines += LabelText.wrap(overview.partyLine(unit), width: 36)
        lines.append(overview.countsLine(unit))
        if let page = overview.pageNumbers[unit] { lines.append(PageWords(language: overview.language).pointer(page)) }
        return attributes(Self.unitStyle, lines: lines)
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
