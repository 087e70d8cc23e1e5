import OrgGraphChart
import OrgGraphCore

extension GraphvizRenderer {
    /// Lays out `overview` with dot and renders it to `format`.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot lay out or render it.
    public func render(_ overview: OverviewChart, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        var statements = RecordedStatements()
        OverviewWriter().write(overview, into: &statements)
        return try render(statements, engine: GraphvizLayout.dot.rawValue, format: format)
    }
}
