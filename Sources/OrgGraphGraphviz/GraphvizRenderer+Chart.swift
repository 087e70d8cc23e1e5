internal import CGraphviz
import OrgGraphChart
import OrgGraphCore

extension GraphvizRenderer {
    /// Lays out `chart` with `layout` and renders it to `format`.
    ///
    /// The graph is built in memory from the statements ``DOTWriter`` writes (the same graph its
    /// DOT text describes, without printing and parsing the text).
    ///
    /// - Parameters:
    ///   - chart: what to draw.
    ///   - layout: the layout engine.
    ///   - format: the output format.
    /// - Returns: the bytes of the output file.
    /// - Throws: ``GraphvizError`` when Graphviz cannot lay out or render the chart.
    public func render(_ chart: Chart, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        var statements = RecordedStatements()
        DOTWriter().write(chart, into: &statements)
        let session = GraphvizSession.shared
        return try session.performThenCleanUp { [statements] context throws(GraphvizError) in
            guard var builder = GraphBuilder() else { throw session.failure(.parse) }
            statements.replay(into: &builder)
            if GraphvizMessages.hasError {
                agclose(builder.root)
                throw session.failure(.parse)
            }
            return try Self.layOutAndRender(builder.root, context: context, engine: layout.rawValue, format: format)
        }
    }
}
