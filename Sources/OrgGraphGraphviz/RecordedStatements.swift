import OrgGraphChart
import OrgGraphCore

/// A chart's statements as the writer gives them, kept to be replayed later on the render
/// thread (``GraphBuilder``): the writing happens on the caller's thread, outside the turn.
struct RecordedStatements: DOTSink, Sendable {
    /// One statement.
    enum Statement: Sendable {
        case defaults(DOTObjectKind, [DOTAssignment])
        case node(String, [DOTAssignment])
        case edge(String, String, [DOTAssignment])
        case members([String])
        case beginSubgraph(String)
        case endSubgraph
    }

    private(set) var statements: [Statement] = []

    mutating func defaults(_ kind: DOTObjectKind, _ attributes: [DOTAssignment]) {
        statements.append(.defaults(kind, attributes))
    }

    mutating func node(_ name: String, _ attributes: [DOTAssignment]) {
        statements.append(.node(name, attributes))
    }

    mutating func edge(from tail: String, to head: String, _ attributes: [DOTAssignment]) {
        statements.append(.edge(tail, head, attributes))
    }

    mutating func members(_ names: [String]) {
        statements.append(.members(names))
    }

    mutating func beginSubgraph(_ name: String) {
        statements.append(.beginSubgraph(name))
    }

    mutating func endSubgraph() {
        statements.append(.endSubgraph)
    }

    /// The statements with every assignment for which `isDropped` holds left out.
    func dropping(_ isDropped: (DOTAssignment) -> Bool) -> RecordedStatements {
        var copy = RecordedStatements()
        copy.statements = statements.map { statement in
            switch statement {
            case .defaults(let kind, let attributes): .defaults(kind, attributes.filter { !isDropped($0) })
            case .node(let name, let attributes): .node(name, attributes.filter { !isDropped($0) })
            case .edge(let tail, let head, let attributes): .edge(tail, head, attributes.filter { !isDropped($0) })
            default: statement
            }
        }
        return copy
    }

    /// The statements without the lines drawn without constraint (`constraint=false`) outside
    /// every subgraph, and those lines on their own, in order.
    func separatingFreeLines() -> (laidOut: RecordedStatements, free: RecordedStatements) {
        var laidOut = RecordedStatements()
        var free = RecordedStatements()
        var depth = 0
        for statement in statements {
            switch statement {
            case .beginSubgraph: depth += 1
            case .endSubgraph: depth -= 1
            case .edge(_, _, let attributes)
            where depth == 0 && attributes.contains(where: { $0.attribute == .constraint && $0.value == "false" }):
                free.statements.append(statement)
                continue
            default: break
            }
            laidOut.statements.append(statement)
        }
        return (laidOut, free)
    }

    /// Plays the statements into `sink`, in order.
    func replay<Sink: DOTSink>(into sink: inout Sink) {
        for statement in statements {
            switch statement {
            case .defaults(let kind, let attributes): sink.defaults(kind, attributes)
            case .node(let name, let attributes): sink.node(name, attributes)
            case .edge(let tail, let head, let attributes): sink.edge(from: tail, to: head, attributes)
            case .members(let names): sink.members(names)
            case .beginSubgraph(let name): sink.beginSubgraph(name)
            case .endSubgraph: sink.endSubgraph()
            }
        }
    }
}
