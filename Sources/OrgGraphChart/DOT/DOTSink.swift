import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// What a ``DOTWriter`` writes a chart into, statement by statement: DOT text, or a graph built
/// in memory by a renderer.
///
/// Names are node and subgraph names as DOT reads them back (never escaped); attribute values
/// are as Graphviz stores them (a label in escString form: backslashes doubled, lines joined by
/// `\n`), never quoted. A sink that writes text quotes both (``DOTText``).
public protocol DOTSink {
    /// `graph [...]`, `node [...]` or `edge [...]` in the current graph or subgraph.
    mutating func defaults(_ kind: DOTObjectKind, _ attributes: [DOTAssignment])
    /// A node statement, in the current graph or subgraph.
    mutating func node(_ name: String, _ attributes: [DOTAssignment])
    /// An edge statement, in the current graph or subgraph.
    mutating func edge(from tail: String, to head: String, _ attributes: [DOTAssignment])
    /// Nodes named, already declared, made members of the current subgraph.
    mutating func members(_ names: [String])
    /// Opens a subgraph inside the current graph or subgraph.
    mutating func beginSubgraph(_ name: String)
    /// Closes the innermost open subgraph.
    mutating func endSubgraph()
}

/// The object kind of an attribute statement.
public enum DOTObjectKind: Sendable {
    case graph, node, edge
}

/// A chart as DOT text: `digraph "orggraph" { ... }`, one statement a line, indented by nesting,
/// every name and value quoted.
struct DOTTextSink: DOTSink {
    private var text = "digraph \"orggraph\" {\n"
    private var indent = 1

    /// The text, with the graph closed.
    func finished() -> String { text + "}\n" }

    mutating func defaults(_ kind: DOTObjectKind, _ attributes: [DOTAssignment]) {
        switch kind {
        case .graph: statement("graph", attributes)
        case .node: statement("node", attributes)
        case .edge: statement("edge", attributes)
        }
    }

    mutating func node(_ name: String, _ attributes: [DOTAssignment]) {
        statement(DOTText.quoted(name), attributes)
    }

    mutating func edge(from tail: String, to head: String, _ attributes: [DOTAssignment]) {
        statement(DOTText.quoted(tail) + " -> " + DOTText.quoted(head), attributes)
    }

    mutating func members(_ names: [String]) {
        line(names.map(DOTText.quoted).joined(separator: " "))
    }

    mutating func beginSubgraph(_ name: String) {
        line("subgraph " + DOTText.quoted(name) + " {")
        indent += 1
    }

    mutating func endSubgraph() {
        indent -= 1
        line("}")
    }

    private mutating func line(_ line: String) {
        for _ in 0..<indent { text += "  " }
        text += line
        text += "\n"
    }

    /// `head [a="x" b="y"]`, or `head` alone when there are no attributes.
    private mutating func statement(_ head: String, _ attributes: [DOTAssignment]) {
        for _ in 0..<indent { text += "  " }
        text += head
        for (position, assignment) in attributes.enumerated() {
            text += position == 0 ? " [" : " "
            text += assignment.attribute.rawValue
            text += "="
            text += DOTText.quoted(assignment.value)
        }
        text += attributes.isEmpty ? "\n" : "]\n"
    }
}
