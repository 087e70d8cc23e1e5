internal import CGraphviz

/// A parsed graph and its layout, freed together (once, in turn, on the render thread).
struct LaidOutGraph: @unchecked Sendable {
    let context: OpaquePointer
    let graph: UnsafeMutablePointer<Agraph_t>

    /// Frees the layout (if any) and the graph.
    @Sendable func free() {
        gvFreeLayout(context, graph)
        agclose(graph)
    }
}
