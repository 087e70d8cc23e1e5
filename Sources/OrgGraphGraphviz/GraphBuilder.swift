internal import CGraphviz
import OrgGraphChart
import OrgGraphCore

/// Builds a chart's graph in memory through libcgraph, statement by statement, exactly as the
/// DOT scanner and parser would from the writer's text (the text is the reference; a test
/// renders both and compares), without printing and parsing it. Nothing is parsed, so nothing
/// can be injected; values reach Graphviz as the writer made them, labels with `&` quoted so
/// that libgvc draws them as written (``GraphvizLabel``). The graph numbers its objects in the
/// order they are made, as a graph read from the text does (``OrderedGraph``), so both lay out
/// alike. Run in turn.
struct GraphBuilder: DOTSink {
    /// The graph built, to be freed by the caller (`agclose`).
    let root: UnsafeMutablePointer<Agraph_t>
    /// The graph or subgraph statements go into, innermost last.
    private var stack: [UnsafeMutablePointer<Agraph_t>]

    /// Opens an empty directed graph named as the writer's text names it.
    ///
    /// - Returns: `nil` when Graphviz cannot make the graph.
    init?() {
        guard let root = OrderedGraph.read("digraph \"orggraph\" {}") else { return nil }
        self.root = root
        stack = [root]
    }

    /// Adds to `root`, a graph made by another builder.
    init(adding root: UnsafeMutablePointer<Agraph_t>) {
        self.root = root
        stack = [root]
    }

    private var current: UnsafeMutablePointer<Agraph_t> { stack.last ?? root }

    mutating func defaults(_ kind: DOTObjectKind, _ attributes: [DOTAssignment]) {
        let code = Self.code(kind)
        for assignment in attributes {
            _ = symbol(code, assignment.attribute.rawValue)
            _ = Self.withCStrings(assignment.attribute.rawValue, Self.value(assignment)) { name, value in
                agattr(current, code, name, value)
            }
        }
    }

    mutating func node(_ name: String, _ attributes: [DOTAssignment]) {
        guard let node = node(named: name) else { return }
        set(attributes, on: UnsafeMutableRawPointer(node), kind: AGNODE)
    }

    mutating func edge(from tail: String, to head: String, _ attributes: [DOTAssignment]) {
        guard let tail = node(named: tail), let head = node(named: head),
            let edge = agedge(current, tail, head, nil, 1)
        else { return }
        set(attributes, on: UnsafeMutableRawPointer(edge), kind: AGEDGE)
    }

    mutating func members(_ names: [String]) {
        for name in names { _ = node(named: name) }
    }

    mutating func beginSubgraph(_ name: String) {
        let sub = Self.withCStrings(name, "") { name, _ in agsubg(current, name, 1) }
        stack.append(sub ?? current)
    }

    mutating func endSubgraph() {
        if stack.count > 1 { stack.removeLast() }
    }

    /// The node `name` in the current graph, made if new (in the root graph too).
    private func node(named name: String) -> UnsafeMutablePointer<Agnode_t>? {
        Self.withCStrings(name, "") { name, _ in agnode(current, name, 1) }
    }

    /// Sets `attributes` on `object`, declaring each at the root with an empty default first, as
    /// the parser does for an attribute it has not seen.
    private func set(_ attributes: [DOTAssignment], on object: UnsafeMutableRawPointer, kind: Int32) {
        for assignment in attributes {
            guard let symbol = symbol(kind, assignment.attribute.rawValue) else { continue }
            _ = Self.withCStrings(Self.value(assignment), "") { value, _ in agxset(object, symbol, value) }
        }
    }

    /// The value of `assignment` as libgvc must be given it: a label in the form that draws it
    /// as written (``GraphvizLabel``), any other value as the writer made it.
    private static func value(_ assignment: DOTAssignment) -> String {
        assignment.attribute == .label ? GraphvizLabel.drawable(assignment.value) : assignment.value
    }

    /// The attribute `name` of `kind`, as seen from the current graph; declared at the root
    /// with an empty default when it is new.
    private func symbol(_ kind: Int32, _ name: String) -> UnsafeMutablePointer<Agsym_t>? {
        Self.withCStrings(name, "") { name, empty in
            agattr(current, kind, name, nil) ?? agattr(root, kind, name, empty)
        }
    }

    private static func code(_ kind: DOTObjectKind) -> Int32 {
        switch kind {
        case .graph: AGRAPH
        case .node: AGNODE
        case .edge: AGEDGE
        }
    }

    /// Calls `body` with two mutable C strings (cgraph takes `char *`, and copies).
    private static func withCStrings<T>(
        _ first: String, _ second: String,
        _ body: (UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?) -> T
    ) -> T {
        var first = Array(first.utf8CString)
        var second = Array(second.utf8CString)
        return first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in body(first.baseAddress, second.baseAddress) }
        }
    }
}
