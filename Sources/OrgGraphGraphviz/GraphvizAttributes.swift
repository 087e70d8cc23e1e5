internal import CGraphviz

/// Setting attributes on a parsed graph from code (cgraph takes `char *`, and copies).
enum GraphvizAttributes {
    /// Sets the graph attribute `name` of `graph` to `value`, declaring it when needed.
    static func set(_ name: String, to value: String, on graph: UnsafeMutablePointer<Agraph_t>) {
        var name = Array(name.utf8CString)
        var value = Array(value.utf8CString)
        var empty = Array("".utf8CString)
        name.withUnsafeMutableBufferPointer { name in
            value.withUnsafeMutableBufferPointer { value in
                empty.withUnsafeMutableBufferPointer { empty in
                    _ = agsafeset(
                        UnsafeMutableRawPointer(graph), name.baseAddress, value.baseAddress, empty.baseAddress)
                }
            }
        }
    }
}
