import ArgumentParser
import OrgGraph
import OrgGraphGraphviz

/// Whether a chart is small enough for a layout engine to draw readably in reasonable time.
///
/// dot's layout grows faster than linearly with the nodes and lines; past a few thousand the
/// chart is unreadable anyway and the layout runs for minutes. Such a run is refused at once,
/// with what to do instead.
struct ChartSize {
    let nodes: Int
    let lines: Int

    init(_ chart: Chart) {
        nodes = chart.nodeCount
        lines = chart.lines.count
    }

    /// The most nodes and lines each engine is asked to draw.
    static func limits(_ layout: GraphvizLayout) -> (nodes: Int, lines: Int) {
        switch layout {
        case .dot: (1_500, 5_000)
        case .neato, .fdp, .circo, .twopi: (2_000, 8_000)
        case .sfdp: (50_000, 200_000)
        }
    }

    /// - Throws: `ExitCode(2)` after a message when the chart is too large for `layout`.
    func check(layout: GraphvizLayout, file: String) throws {
        let limit = Self.limits(layout)
        guard nodes > limit.nodes || lines > limit.lines else { return }
        let advice =
            layout == .sfdp
            ? "draw part of it with --focus ID --depth N or --relations"
            : "draw part of it with --focus ID --depth N or --relations, or use --layout sfdp"
        FileOutput.standardError(
            "\(file): error: the chart has \(nodes) nodes and \(lines) lines, more than a readable '\(layout.rawValue)' layout can take (\(limit.nodes) nodes, \(limit.lines) lines); \(advice)\n"
        )
        throw ExitCode(2)
    }
}
