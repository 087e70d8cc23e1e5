internal import CGraphviz

/// `gvRenderData`, the one place that knows the type of its length argument: `unsigned int *`
/// up to Graphviz 12, `size_t *` from Graphviz 13. The length type is inferred from the
/// function as the installed header declares it.
enum RenderData {
    /// Renders `graph` (laid out) to `format` in memory and returns the bytes.
    ///
    /// - Returns: the bytes, or `nil` when Graphviz reports a failure (the messages say why).
    static func render(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, format: String) -> [UInt8]? {
        call(gvRenderData, context, graph, format)
    }

    private static func call<Length: BinaryInteger>(
        _ function: (
            OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Length>?
        ) -> Int32,
        _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: String
    ) -> [UInt8]? {
        var data: UnsafeMutablePointer<CChar>?
        var length: Length = 0
        let status = function(context, graph, format, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else { return nil }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }
}
