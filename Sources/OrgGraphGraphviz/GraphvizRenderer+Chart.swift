internal import CGraphviz
import OrgGraphChart
import OrgGraphCore

extension GraphvizRenderer {
    /// Lays out `chart` with `layout` and renders it to `format`; when the layout fails, falls
    /// back as ``renderWithFallback(_:layout:format:)`` does and returns the bytes alone.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot lay out or render the chart.
    public func render(_ chart: Chart, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws(GraphvizError)
        -> [UInt8]
    {
        try renderWithFallback(chart, layout: layout, format: format).bytes
    }

    /// Lays out `chart` with `layout` and renders it to `format`. When the layout fails, tries
    /// again in ways that ask less of it (``LayoutFallback``), the last of which cannot fail.
    ///
    /// The graph is built in memory from the statements ``DOTWriter`` writes (the same graph its
    /// DOT text describes, without printing and parsing the text).
    ///
    /// - Parameters:
    ///   - chart: what to draw.
    ///   - layout: the layout engine.
    ///   - format: the output format.
    /// - Returns: the bytes of the output file, and the fallback taken, if any.
    /// - Throws: ``GraphvizError`` when Graphviz cannot render the chart, or cannot lay it out in
    ///   any way (the error of the first try).
    public func renderWithFallback(
        _ chart: Chart, layout: GraphvizLayout = .dot, format: GraphvizFormat
    ) throws(GraphvizError) -> RenderedChart {
        var statements = RecordedStatements()
        DOTWriter().write(chart, into: &statements)
        var firstFailure: GraphvizError?
        for fallback in [nil] + LayoutFallback.sequence(after: layout) {
            let attempt = fallback?.statements(statements) ?? statements
            let engine = fallback?.engine ?? layout.rawValue
            do {
                let bytes =
                    engine == "dot" && !chart.options.wide
                    ? try renderCompact(attempt, format: format)
                    : try render(attempt, engine: engine, format: format)
                return RenderedChart(
                    bytes: bytes, fallback: fallback,
                    reason: firstFailure.flatMap { $0.messages.first.map(GraphvizError.oneLine) })
            } catch  where error.stage == .layout {
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? GraphvizError(stage: .layout, messages: [])
    }

    /// Builds the graph of `statements` and lays it out with `engine`, in turn.
    func render(_ statements: RecordedStatements, engine: String, format: GraphvizFormat) throws(GraphvizError)
        -> [UInt8]
    {
        let session = GraphvizSession.shared
        return try session.performThenCleanUp { [statements] context throws(GraphvizError) in
            guard var builder = GraphBuilder() else { throw session.failure(.parse) }
            statements.replay(into: &builder)
            if GraphvizMessages.hasError {
                agclose(builder.root)
                throw session.failure(.parse)
            }
            return try Self.layOutAndRender(builder.root, context: context, engine: engine, format: format)
        }
    }
}

extension GraphvizRenderer {
    /// Lays out a compact chart in two passes: dot places the nodes and the lines that set
    /// ranks; the lines drawn without constraint (reporting, documents, lateral relationships)
    /// are then drawn straight between the nodes where they stand (`nop2`, which keeps every
    /// position and line dot gave). dot would route each such line through every rank it
    /// crosses, with a placeholder on each, and a line from a unit far down the chart to the
    /// provincial committee would push the units apart.
    func renderCompact(_ statements: RecordedStatements, format: GraphvizFormat) throws(GraphvizError)
        -> [UInt8]
    {
        let (laidOut, free) = statements.separatingFreeLines()
        let session = GraphvizSession.shared
        return try session.performThenCleanUp { [laidOut, free] context throws(GraphvizError) in
            guard var builder = GraphBuilder() else { throw session.failure(.parse) }
            laidOut.replay(into: &builder)
            let graph = builder.root
            if GraphvizMessages.hasError {
                agclose(graph)
                throw session.failure(.parse)
            }
            guard gvLayout(context, graph, "dot") == 0, !GraphvizMessages.hasError else {
                LaidOutGraph(context: context, graph: graph).free()
                throw session.failure(.layout)
            }
            // Rendering to DOT writes the positions dot found into the graph's attributes, where
            // nop2 reads them.
            guard RenderData.render(context, graph, format: "dot") != nil, !GraphvizMessages.hasError else {
                LaidOutGraph(context: context, graph: graph).free()
                throw session.failure(.layout)
            }
            gvFreeLayout(context, graph)
            var adding = GraphBuilder(adding: graph)
            free.replay(into: &adding)
            GraphvizAttributes.set("splines", to: "line", on: graph)
            return try Self.layOutAndRender(graph, context: context, engine: "nop2", format: format)
        }
    }
}

/// A chart rendered: the bytes, and how the layout fell back when the one asked for failed.
public struct RenderedChart: Sendable {
    public var bytes: [UInt8]
    /// The fallback taken; `nil` when the layout asked for drew the chart.
    public var fallback: LayoutFallback?
    /// Why the layout asked for failed, in one line; `nil` when it did not.
    public var reason: String?

    /// One line saying which fallback drew the chart and why, for standard error; `nil` when
    /// there was none.
    public func note(layout: GraphvizLayout) -> String? {
        guard let fallback else { return nil }
        let why = reason.map { " (\($0))" } ?? ""
        return "'\(layout.rawValue)' could not lay out the chart\(why); \(fallback.drawn)"
    }
}

/// A way to lay out a chart that asks less of Graphviz than the chart as written.
public enum LayoutFallback: String, Sendable, CaseIterable {
    /// dot again, without the rows that put each level's committees side by side: their
    /// `rank=same` constraints are what dot's ranking trips on in large charts with clusters.
    case withoutLevelRows
    /// osage: clusters packed as boxes, with no ranks to solve; it cannot fail.
    case packed

    /// The fallbacks to try, in order, after `layout` failed.
    static func sequence(after layout: GraphvizLayout) -> [LayoutFallback] {
        layout == .dot ? [.withoutLevelRows, .packed] : [.packed]
    }

    /// The engine of the fallback.
    var engine: String {
        switch self {
        case .withoutLevelRows: "dot"
        case .packed: "osage"
        }
    }

    /// What the note says was drawn.
    var drawn: String {
        switch self {
        case .withoutLevelRows: "drawn without the level rows"
        case .packed: "drawn packed by 'osage', without ranks"
        }
    }

    /// The statements to lay out: `statements`, less what this fallback leaves out.
    func statements(_ statements: RecordedStatements) -> RecordedStatements {
        statements.dropping { $0.attribute == .rank }
    }
}
