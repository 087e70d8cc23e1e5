internal import CGraphviz

/// What Graphviz itself reads from DOT text: nodes, edges, subgraphs and their attributes.
///
/// For tests: it shows that a chart's DOT parses into exactly the nodes, labels and attributes
/// the writer meant, whatever the organization file contained.
struct DOTInspection: Sendable, Hashable {
    /// A node, edge or subgraph, and every attribute it has a non-empty value for.
    struct Object: Sendable, Hashable {
        var name: String
        var attributes: [String: String]
    }

    /// An edge from `tail` to `head`.
    struct Edge: Sendable, Hashable {
        var tail: String
        var head: String
        var attributes: [String: String]
    }

    var graphAttributes: [String: String]
    var nodes: [Object]
    var edges: [Edge]
    /// Every subgraph, nested ones included, depth first.
    var subgraphs: [Object]
    /// The names of every attribute declared for graphs, nodes and edges.
    var declaredAttributes: Set<String>

    /// Parses `dot` with Graphviz.
    ///
    /// - Throws: ``GraphvizError`` when Graphviz cannot read it.
    static func parse(_ dot: String) throws(GraphvizError) -> DOTInspection {
        let session = GraphvizSession.shared
        return try session.perform { _ throws(GraphvizError) in
            guard let graph = OrderedGraph.read(dot) else { throw session.failure(.parse) }
            defer { agclose(graph) }
            if GraphvizMessages.hasError { throw session.failure(.parse) }
            return inspect(graph)
        }
    }

    private static func inspect(_ graph: UnsafeMutablePointer<Agraph_t>) -> DOTInspection {
        var declared = Set<String>()
        var symbols: [Int32: [UnsafeMutablePointer<Agsym_t>]] = [:]
        for kind in [AGRAPH, AGNODE, AGEDGE] {
            var symbol = agnxtattr(graph, kind, nil)
            while let current = symbol {
                if let name = current.pointee.name { declared.insert(String(cString: name)) }
                symbols[kind, default: []].append(current)
                symbol = agnxtattr(graph, kind, current)
            }
        }
        func attributes(_ object: UnsafeMutableRawPointer, _ kind: Int32) -> [String: String] {
            var result: [String: String] = [:]
            for symbol in symbols[kind] ?? [] {
                guard let name = symbol.pointee.name, let value = agxget(object, symbol) else { continue }
                let text = String(cString: value)
                if !text.isEmpty { result[String(cString: name)] = text }
            }
            return result
        }
        func name(_ object: UnsafeMutableRawPointer) -> String {
            agnameof(object).map { String(cString: $0) } ?? ""
        }
        var nodes: [Object] = []
        var edges: [Edge] = []
        var node = agfstnode(graph)
        while let current = node {
            let raw = UnsafeMutableRawPointer(current)
            nodes.append(Object(name: name(raw), attributes: attributes(raw, AGNODE)))
            var edge = agfstout(graph, current)
            while let out = edge {
                let head = out.pointee.node.map { name(UnsafeMutableRawPointer($0)) } ?? ""
                edges.append(
                    Edge(tail: name(raw), head: head, attributes: attributes(UnsafeMutableRawPointer(out), AGEDGE)))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        var subgraphs: [Object] = []
        func walk(_ parent: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(parent)
            while let current = sub {
                let raw = UnsafeMutableRawPointer(current)
                subgraphs.append(Object(name: name(raw), attributes: attributes(raw, AGRAPH)))
                walk(current)
                sub = agnxtsubg(current)
            }
        }
        walk(graph)
        return DOTInspection(
            graphAttributes: attributes(UnsafeMutableRawPointer(graph), AGRAPH), nodes: nodes, edges: edges,
            subgraphs: subgraphs, declaredAttributes: declared)
    }
}
