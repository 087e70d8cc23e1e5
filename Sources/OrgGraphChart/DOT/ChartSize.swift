/// Whether a chart is small enough for a layout engine to draw readably in reasonable time.
///
/// dot's layout grows faster than linearly with the nodes and lines; past a few thousand the
/// chart is unreadable anyway and the layout runs for minutes. Such a chart is refused at
/// once, before Graphviz is asked.
public struct ChartSize: Sendable, Hashable {
    public let nodes: Int
    public let lines: Int

    public init(_ chart: Chart) {
        nodes = chart.nodeCount
        lines = chart.lines.count
    }

    /// The most nodes and lines each engine is asked to draw.
    public static func limits(_ layout: GraphvizLayout) -> (nodes: Int, lines: Int) {
        switch layout {
        case .dot: (1_500, 5_000)
        case .neato, .fdp, .circo, .twopi: (2_000, 8_000)
        case .sfdp: (50_000, 200_000)
        }
    }

    /// - Throws: ``ChartError/tooLarge(nodes:lines:layout:maximumNodes:maximumLines:)`` when
    ///   the chart has more nodes or lines than `layout` draws readably.
    public func check(layout: GraphvizLayout) throws(ChartError) {
        let limit = Self.limits(layout)
        guard nodes > limit.nodes || lines > limit.lines else { return }
        throw .tooLarge(
            nodes: nodes, lines: lines, layout: layout, maximumNodes: limit.nodes, maximumLines: limit.lines)
    }
}
