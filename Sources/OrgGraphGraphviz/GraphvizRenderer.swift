internal import CGraphviz
import Dispatch
import OrgGraphChart
import OrgGraphCore

/// Renders DOT text to SVG, PNG or PDF in-process, through libgvc; no `dot` process is run.
///
/// Calls are serialized process-wide (libgvc is not thread-safe) and run on a thread with a
/// large stack; Graphviz's own messages never reach standard error: errors come back as
/// ``GraphvizError`` and warnings are dropped (what its libraries print themselves is captured
/// too once ``captureStandardError()`` is called). Each render frees its graph, layout and output.
/// The same graph gives the same bytes every time: its objects are numbered in the order they are
/// written (``OrderedGraph``), so the layout does not depend on where memory put their names.
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// Lays out `dot` with `layout` and renders it to `format`.
    ///
    /// - Parameters:
    ///   - dot: the graph, as DOT text.
    ///   - layout: the layout engine.
    ///   - format: the output format.
    /// - Returns: the bytes of the output file.
    /// - Throws: ``GraphvizError`` when Graphviz cannot read, lay out or render the graph.
    public func render(_ dot: String, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws(GraphvizError)
        -> [UInt8]
    {
        try render(dot, engine: layout.rawValue, format: format)
    }

    /// Gets Graphviz ready in the background: loads the plugins, makes the context and measures
    /// a label in the chart font, so fontconfig and pango have read their configuration before
    /// the first render needs them. Returns at once; a render that starts meanwhile waits for it.
    public static func prepare() {
        DispatchQueue.global(qos: .userInitiated).async {
            try? GraphvizSession.shared.perform(capturing: false) { context throws(GraphvizError) in
                guard let graph = OrderedGraph.read(Self.warmUp) else { return }
                gvLayout(context, graph, "dot")
                gvFreeLayout(context, graph)
                agclose(graph)
            }
        }
    }

    /// From now on, what Graphviz's libraries print to standard error during a render (cairo,
    /// libpath, Pango's warnings through GLib) is captured as messages instead
    /// (``StandardErrorCapture``). For a program where no other thread writes to standard error
    /// meanwhile, such as a command-line tool: the descriptor is the process's.
    public static func captureStandardError() {
        GraphvizSession.shared.captureStandardError()
    }

    /// A one-node graph with text in the chart font and Vietnamese letters.
    private static let warmUp = "digraph { a [label=\"Tỉnh ủy\" fontname=\"\(DOTWriter.fontName)\"] }"

    /// Lays out `dot` with the engine named `engine` (any name; Graphviz decides whether it
    /// knows it) and renders it to `format`.
    func render(_ dot: String, engine: String, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        guard !dot.utf8.contains(0) else {
            throw GraphvizError(stage: .parse, messages: ["the DOT text contains a NUL character"])
        }
        let session = GraphvizSession.shared
        return try session.performThenCleanUp { context throws(GraphvizError) in
            guard let graph = OrderedGraph.read(dot) else { throw session.failure(.parse) }
            if GraphvizMessages.hasError {
                agclose(graph)
                throw session.failure(.parse)
            }
            return try Self.layOutAndRender(graph, context: context, engine: engine, format: format)
        }
    }

    /// Lays out `graph` and renders it; hands back the bytes, and the freeing of the graph and
    /// its layout to run once the caller has them. Frees the graph itself when it fails. Call in
    /// turn.
    static func layOutAndRender(
        _ graph: UnsafeMutablePointer<Agraph_t>, context: OpaquePointer, engine: String, format: GraphvizFormat
    ) throws(GraphvizError) -> (result: [UInt8], cleanUp: (@Sendable () -> Void)?) {
        let session = GraphvizSession.shared
        let laidOut = LaidOutGraph(context: context, graph: graph)
        if let dpi = format.dpi { GraphvizAttributes.set("dpi", to: dpi, on: graph) }
        session.prepareLayout(engine, context: context)
        guard gvLayout(context, graph, engine) == 0, !GraphvizMessages.hasError else {
            laidOut.free()
            throw session.failure(.layout)
        }
        guard let bytes = RenderData.render(context, graph, format: format.device), !GraphvizMessages.hasError else {
            laidOut.free()
            throw session.failure(.render)
        }
        // The caller has its bytes while the graph and its layout are freed.
        return (bytes, laidOut.free)
    }
}
