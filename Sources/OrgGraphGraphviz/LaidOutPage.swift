internal import CGraphviz

/// One page's graph, laid out by dot and measured: its size as the PDF device draws it, the
/// smallest text on it, and where named nodes are (for links). Run in turn; the graph is freed by
/// ``free()``.
struct LaidOutPage: @unchecked Sendable {
    /// A rectangle in the drawing's points, y growing down from its top left corner.
    struct Box: Sendable, Hashable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    let laidOut: LaidOutGraph
    /// The drawing's size in points: the layout's bounding box and the graph's padding around it.
    let width: Double
    let height: Double
    /// The smallest font size of any text drawn, in points.
    let smallestFont: Double
    /// The boxes of the nodes asked for by name.
    let boxes: [String: Box]

    /// Builds `statements` into a graph and lays it out with dot.
    ///
    /// - Parameter boxesOf: names of nodes whose boxes are wanted.
    /// - Throws: ``GraphvizError`` when the graph cannot be built or laid out.
    static func layOut(_ statements: RecordedStatements, context: OpaquePointer, boxesOf names: Set<String>)
        throws(GraphvizError) -> LaidOutPage
    {
        let session = GraphvizSession.shared
        guard var builder = GraphBuilder() else { throw session.failure(.parse) }
        statements.replay(into: &builder)
        let graph = builder.root
        if GraphvizMessages.hasError {
            agclose(graph)
            throw session.failure(.parse)
        }
        // No margin around the drawing (the PDF device's default is half an inch): the page
        // places it.
        GraphvizAttributes.set("margin", to: "0", on: graph)
        let laidOut = LaidOutGraph(context: context, graph: graph)
        guard gvLayout(context, graph, "dot") == 0, !GraphvizMessages.hasError else {
            laidOut.free()
            throw session.failure(.layout)
        }
        guard let info = record(graph, as: Agraphinfo_t.self) else {
            laidOut.free()
            throw GraphvizError(stage: .layout, messages: ["dot left the graph without a layout"])
        }
        let bb = info.pointee.bb
        let pad = (Double(attribute(graph, "pad")) ?? 0.0555) * 72
        var smallest = Double.infinity
        if let label = info.pointee.label, hasText(label) { smallest = min(smallest, label.pointee.fontsize) }
        var boxes: [String: Box] = [:]
        var node = agfstnode(graph)
        while let current = node {
            guard let data = record(current, as: Agnodeinfo_t.self) else {
                node = agnxtnode(graph, current)
                continue
            }
            if let label = data.pointee.label, hasText(label), attribute(current, "shape") != "point" {
                smallest = min(smallest, label.pointee.fontsize)
            }
            if let name = agnameof(current).map({ String(cString: $0) }), names.contains(name) {
                let width = data.pointee.width * 72
                let height = data.pointee.height * 72
                let centre = data.pointee.coord
                boxes[name] = Box(
                    x: centre.x - width / 2 - bb.LL.x + pad, y: bb.UR.y - (centre.y + height / 2) + pad,
                    width: width, height: height)
            }
            node = agnxtnode(graph, current)
        }
        smallest = min(smallest, smallestClusterFont(graph))
        return LaidOutPage(
            laidOut: laidOut, width: bb.UR.x - bb.LL.x + 2 * pad, height: bb.UR.y - bb.LL.y + 2 * pad,
            smallestFont: smallest.isFinite ? smallest : 14, boxes: boxes)
    }

    func free() {
        laidOut.free()
    }

    /// The smallest font of the labels of clusters, nested ones included.
    private static func smallestClusterFont(_ graph: UnsafeMutablePointer<Agraph_t>) -> Double {
        var smallest = Double.infinity
        var subgraph = agfstsubg(graph)
        while let current = subgraph {
            let name = agnameof(current).map { String(cString: $0) } ?? ""
            if name.hasPrefix("cluster"), let info = record(current, as: Agraphinfo_t.self) {
                if let label = info.pointee.label, hasText(label) { smallest = min(smallest, label.pointee.fontsize) }
            }
            smallest = min(smallest, smallestClusterFont(current))
            subgraph = agnxtsubg(current)
        }
        return smallest
    }

    private static func hasText(_ label: UnsafeMutablePointer<textlabel_t>) -> Bool {
        guard let text = label.pointee.text else { return false }
        return text.pointee != 0
    }

    /// The layout's record of a graph or node (`GD_*`, `ND_*`): the first record of its object.
    private static func record<Object, Record>(_ object: UnsafeMutablePointer<Object>, as _: Record.Type)
        -> UnsafeMutablePointer<Record>?
    {
        let base = UnsafeMutableRawPointer(object).assumingMemoryBound(to: Agobj_t.self)
        return base.pointee.data.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Record.self) }
    }

    /// The value of attribute `name` on `object`, empty when it has none.
    private static func attribute<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String) -> String {
        var name = Array(name.utf8CString)
        return name.withUnsafeMutableBufferPointer { name in
            agget(UnsafeMutableRawPointer(object), name.baseAddress).map { String(cString: $0) } ?? ""
        }
    }
}
