import OrgGraphChart
import OrgGraphCore

extension GraphvizRenderer {
    /// Lays out `overview` with dot and renders it to `format`, the lines drawn without
    /// constraint added afterwards where the boxes stand, as for a compact chart.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot lay out or render it.
    public func render(_ overview: OverviewChart, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        var statements = RecordedStatements()
        OverviewWriter().write(overview, into: &statements)
        return try renderCompact(statements, format: format)
    }
}
