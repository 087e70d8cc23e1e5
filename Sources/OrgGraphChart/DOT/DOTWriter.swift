import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Writes a ``Chart`` as DOT text: an org chart of the regulation's lines, read top-down.
///
/// - Every public service unit is a cluster holding its header (the unit itself), its party
///   organization (an inner cluster with its cells and secretaries), its head, board and chair.
/// - Kinds are told apart by shape and colour (``NodeStyle``), relation types by colour, dashes
///   and arrowheads (``LineStyle``); only containment and command lines set the ranks.
/// - Every name is quoted; names from the file that are not plain are replaced by `#N`; every
///   label is escaped (``DOTText``); attributes come only from ``DOTAttribute``.
///
/// The output depends only on the organization and the options: the same input gives the same
/// bytes.
public struct DOTWriter: Sendable {
    /// The font of every label: it has the glyphs of Vietnamese.
    public static let fontName = "DejaVu Sans"

    public init() {}

    /// The DOT text of `chart`.
    ///
    /// - Complexity: O(*n* + *m*) in the nodes and lines drawn.
    public func write(_ chart: Chart) -> String {
        var text = DOTTextSink()
        write(chart, into: &text)
        return text.finished()
    }

    /// The statements of `chart`, in order, into `out`: what the DOT text says, for a sink that
    /// builds the graph another way (in memory, say).
    ///
    /// - Complexity: O(*n* + *m*) in the nodes and lines drawn.
    public func write<Sink: DOTSink>(_ chart: Chart, into out: inout Sink) {
        let text = ChartText(language: chart.options.language)
        var graph: [DOTAssignment] = [
            .code(.charset, "UTF-8"), .code(.rankdir, "TB"), .code(.newrank, "true"), .code(.ranksep, "0.55"),
            .code(.nodesep, "0.25"), .code(.outputorder, "edgesfirst"), .code(.overlap, "false"),
            .code(.pad, "0.3"), .code(.bgcolor, ChartPalette.white), .code(.fontname, Self.fontName),
        ]
        if chart.options.title, let title = chart.loaded.organization.title.map(LabelText.clean), !title.isEmpty {
            graph += [.label(LabelText.wrap(title, width: 90)), .code(.labelloc, "t"), .code(.fontsize, "20")]
        }
        out.defaults(.graph, graph)
        out.defaults(
            .node,
            [.code(.fontname, Self.fontName), .code(.fontsize, "10"), .code(.margin, "0.14,0.06")])
        out.defaults(
            .edge, [.code(.fontname, Self.fontName), .code(.fontsize, "9"), .code(.arrowsize, "0.8")])

        let groups = ChartGroups(chart)
        let communes = CommunePairs.pairs(chart)
        let ranked = rankingPairs(chart)
        let bands = levelBands(
            groups.outside.filter { node in !communes.contains { $0.peoplesCommittee == node } }, chart)
        // A member of a unit whose container is not drawn (a focus can leave it out) hangs
        // under the unit, not above it.
        let placed = Set(ranked.map(\.child))
        var unplaced: [(parent: Int, child: Int)] = []
        for unit in groups.units {
            for member in groups.allMembers(of: unit) where member != unit && !placed.contains(member) {
                unplaced.append((unit, member))
            }
        }
        // Inside a unit, the board hangs under the head: the frame grows down, not across.
        var boards: [(parent: Int, child: Int)] = []
        for unit in groups.units {
            let members = groups.members[unit] ?? []
            guard let head = members.first(where: { chart.loaded.graph.kinds[$0] == .unitHead }) else { continue }
            for board in members where KindSet.boards.contains(chart.loaded.graph.kinds[board]) {
                boards.append((head, board))
            }
        }
        let layout =
            chart.options.wide
            ? nil
            : compactLayout(
                chart, text, groups: groups, bands: bands,
                constraints: ranked + unplaced + communes.map { ($0.committee, $0.peoplesCommittee) } + boards)
        let stagger =
            layout == nil
            ? RankStagger(
                ranked + communes.map { ($0.committee, $0.peoplesCommittee) }, fixed: Set(bands.flatMap(\.nodes)))
            : RankStagger([], fixed: [])
        for node in groups.outside { out.node(name(node, chart), nodeAttributes(node, chart, text)) }
        if let layout {
            for (position, pair) in layout.pairs.enumerated() {
                out.beginSubgraph("level_pair_\(position)")
                out.defaults(.graph, [.code(.rank, "same")])
                out.members([name(pair.committee, chart), name(pair.peoplesCommittee, chart)])
                out.endSubgraph()
            }
        } else {
            for band in bands {
                out.beginSubgraph("level_\(band.level.rawValue)")
                out.defaults(.graph, [.code(.rank, "same")])
                out.members(band.nodes.map { name($0, chart) })
                out.endSubgraph()
            }
        }
        for unit in groups.units { writeUnit(unit, groups, chart, text, into: &out) }
        if chart.options.legend { writeLegend(chart, text, into: &out) }

        for edge in chart.lines { writeLine(edge, chart, groups, stagger, layout, into: &out) }
        for edge in chart.rankingEdges {
            let (container, part) = (Int(chart.loaded.graph.edgeTo[edge]), Int(chart.loaded.graph.edgeFrom[edge]))
            guard layout?.ranks(from: container, to: part) ?? true else { continue }
            var attributes: [DOTAssignment] = [.code(.style, "invis"), .code(.weight, "2")]
            if let length = stagger.minimumLength(from: container, to: part) {
                attributes.append(.code(.minlen, length))
            }
            out.edge(from: name(container, chart), to: name(part, chart), attributes)
        }
        for pair in unplaced where layout?.ranks(from: pair.parent, to: pair.child) ?? true {
            out.edge(from: name(pair.parent, chart), to: name(pair.child, chart), [.code(.style, "invis")])
        }
        // A commune's People's Committee hangs under its party committee.
        for pair in communes where layout?.ranks(from: pair.committee, to: pair.peoplesCommittee) ?? true {
            out.edge(
                from: name(pair.committee, chart), to: name(pair.peoplesCommittee, chart),
                [.code(.style, "invis"), .code(.weight, "4")])
        }
        for pair in boards where layout?.ranks(from: pair.parent, to: pair.child) ?? true {
            out.edge(from: name(pair.parent, chart), to: name(pair.child, chart), [.code(.style, "invis")])
        }
        // The compact layout's columns: each child under the lowest node of the one above it,
        // set by rank only (weight 0), so a column does not lean toward the corner it hangs from.
        for chain in layout?.chains ?? [] {
            out.edge(
                from: name(chain.from, chart), to: name(chain.to, chart), [.code(.style, "invis"), .code(.weight, "0")])
        }
    }

    /// The compact layout of `chart`, from the sizes of its nodes' labels and the frames that
    /// hold them.
    private func compactLayout(
        _ chart: Chart, _ text: ChartText, groups: ChartGroups, bands: [(level: Level, nodes: [Int])],
        constraints: [(parent: Int, child: Int)]
    ) -> CompactLayout {
        var sizes: [Int: (width: Double, height: Double)] = [:]
        for node in chart.nodes {
            let (lines, style) = label(node, chart, text)
            sizes[node] = CompactLayout.size(lines: lines, shape: style.shape)
        }
        var frames: [Int: Double] = [:]
        for unit in groups.units {
            frames[unit] = CompactLayout.framePadding
            for organization in groups.partyOrganizations[unit] ?? [] {
                frames[organization] = CompactLayout.framePadding
            }
        }
        return CompactLayout(
            chart: chart, constraints: constraints.map { ($0.parent, $0.child) }, sizes: sizes, frames: frames,
            bands: bands.filter { $0.level != .commune }.map(\.nodes),
            legend: chart.options.legend ? CompactLayout.legendSize(chart) : nil)
    }

    /// The DOT name of node `index`: its id when the id reads back verbatim, else `#index`.
    func name(_ index: Int, _ chart: Chart) -> String {
        chart.dotNames[index]
    }

    /// The territorial party committees and the People's Committees of each level, outside
    /// every unit, to be put on one rank: the province, then its districts, then its communes,
    /// party beside state.
    private func levelBands(_ nodes: [Int], _ chart: Chart) -> [(level: Level, nodes: [Int])] {
        let graph = chart.loaded.graph
        return Level.allCases.compactMap { level in
            let band = nodes.filter { node in
                let kind = graph.kinds[node]
                return kind == level.territorialCommittee
                    || (kind == .peoplesCommittee && graph.writtenLevel(of: node) == level)
            }
            return band.count > 1 ? (level, band) : nil
        }
    }

    /// Every line that sets ranks, as `(upper, lower)`: containment (container above part),
    /// leadership, immediate superiors and state management, drawn or invisible.
    private func rankingPairs(_ chart: Chart) -> [(parent: Int, child: Int)] {
        let graph = chart.loaded.graph
        var pairs: [(parent: Int, child: Int)] = []
        for edge in chart.lines + chart.rankingEdges where LineStyle.of(graph.edgeTypes[edge]).ranks {
            let (from, to) = (Int(graph.edgeFrom[edge]), Int(graph.edgeTo[edge]))
            pairs.append(graph.edgeTypes[edge] == .partOf ? (to, from) : (from, to))
        }
        return pairs
    }

    private func writeUnit<Sink: DOTSink>(
        _ unit: Int, _ groups: ChartGroups, _ chart: Chart, _ text: ChartText, into out: inout Sink
    ) {
        out.beginSubgraph("cluster_unit_\(unit)")
        out.defaults(
            .graph,
            [
                .label([]), .code(.style, "rounded,filled"), .code(.color, ChartPalette.unitFrame),
                .code(.fillcolor, ChartPalette.unitFill), .code(.penwidth, "1.4"),
            ])
        for node in groups.members[unit] ?? [] { out.node(name(node, chart), nodeAttributes(node, chart, text)) }
        for organization in groups.partyOrganizations[unit] ?? [] {
            out.beginSubgraph("cluster_party_\(organization)")
            out.defaults(
                .graph,
                [
                    .label([]), .code(.style, "rounded,filled,dashed"), .code(.color, ChartPalette.partyFrame),
                    .code(.fillcolor, ChartPalette.partyFill), .code(.penwidth, "1.0"),
                ])
            for node in groups.members[organization] ?? [] {
                out.node(name(node, chart), nodeAttributes(node, chart, text))
            }
            out.endSubgraph()
        }
        out.endSubgraph()
    }

    /// The attributes of node `index`: its kind's style, its label, and the marks of the path,
    /// the focus and findings.
    func nodeAttributes(_ index: Int, _ chart: Chart, _ text: ChartText) -> [DOTAssignment] {
        var (lines, style) = label(index, chart, text)
        if let mark = chart.marks[index] {
            style.border = ChartPalette.severity(mark.severity)
            style.penwidth = "3.2"
            style.style += ",dashed"
        }
        var peripheries: String?
        if chart.pathNodes.contains(index) {
            style.border = ChartPalette.highlight
            style.penwidth = "3.2"
        }
        if chart.focus == index { peripheries = "2" }
        var attributes: [DOTAssignment] = [
            .label(lines), .code(.shape, style.shape), .code(.style, style.style), .code(.fillcolor, style.fill),
            .code(.color, style.border), .code(.fontcolor, style.font), .code(.penwidth, style.penwidth),
        ]
        if let peripheries { attributes.append(.code(.peripheries, peripheries)) }
        return attributes
    }

    /// The lines of the label of node `index` (its name, its kind, the rules of its findings)
    /// and the style of its kind.
    func label(_ index: Int, _ chart: Chart, _ text: ChartText) -> (lines: [String], style: NodeStyle) {
        let node = chart.loaded.organization.nodes[index]
        let style = NodeStyle.of(node.kind)
        var lines = LabelText.wrap(LabelText.clean(node.displayName), width: style.wrapWidth)
        if lines.isEmpty { lines = [LabelText.clean(node.id)] }
        var kindLine = text.kind(node.kind)
        if node.kind == .publicServiceUnit {
            var parts = [kindLine]
            if let level = node.level { parts.append(text.level(level)) }
            if let sector = node.sector.map(LabelText.clean), !sector.isEmpty { parts.append(sector) }
            kindLine = parts.joined(separator: " · ")
        }
        lines += LabelText.wrap(kindLine, width: style.wrapWidth + 10)
        if let mark = chart.marks[index] {
            let shown = mark.rules.prefix(3).map { "⚠ " + LabelText.clean($0) }
            lines += shown.flatMap { LabelText.wrap($0, width: style.wrapWidth + 10) }
            if mark.rules.count > shown.count { lines.append("+\(mark.rules.count - shown.count) \(text.more)") }
        }
        return (lines, style)
    }

    private func writeLine<Sink: DOTSink>(
        _ edge: Int, _ chart: Chart, _ groups: ChartGroups, _ stagger: RankStagger, _ layout: CompactLayout?,
        into out: inout Sink
    ) {
        let graph = chart.loaded.graph
        let type = graph.edgeTypes[edge]
        var from = Int(graph.edgeFrom[edge])
        var to = Int(graph.edgeTo[edge])
        var line = LineStyle.of(type)
        if type == .partOf { swap(&from, &to) }
        // A line the compact layout draws upward or across does not pull the ranks apart.
        if line.ranks, let layout, !layout.ranks(from: from, to: to) { line.ranks = false }
        let minimumLength = line.ranks ? stagger.minimumLength(from: from, to: to) : nil
        let highlighted = chart.pathEdges.contains(edge)
        // A part drawn inside its container's frame needs no line to it: the frame says it
        // (unless the line is a step of the highlighted path).
        if type == .partOf, !highlighted, groups.isFramed(part: to, container: from) {
            guard line.ranks else { return }
            var attributes: [DOTAssignment] = [.code(.style, "invis"), .code(.weight, "2")]
            if let minimumLength { attributes.append(.code(.minlen, minimumLength)) }
            out.edge(from: name(from, chart), to: name(to, chart), attributes)
            return
        }
        var attributes: [DOTAssignment] = [
            .code(.color, highlighted ? ChartPalette.highlight : line.color), .code(.style, line.style),
            .code(.penwidth, highlighted ? "4.0" : line.penwidth), .code(.arrowhead, line.arrowhead),
        ]
        if let dir = line.dir { attributes.append(.code(.dir, dir)) }
        if let tail = line.arrowtail { attributes.append(.code(.arrowtail, tail)) }
        if line.ranks {
            if let weight = line.weight { attributes.append(.code(.weight, weight)) }
            if let minimumLength { attributes.append(.code(.minlen, minimumLength)) }
        } else {
            attributes.append(.code(.constraint, "false"))
        }
        out.edge(from: name(from, chart), to: name(to, chart), attributes)
    }
}
