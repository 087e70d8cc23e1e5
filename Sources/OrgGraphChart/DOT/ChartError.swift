import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Why a chart cannot be drawn as asked.
public enum ChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The option of a chart that names a node.
    public enum Option: String, Sendable, Hashable {
        /// ``ChartOptions/focus``.
        case focus
        /// ``ChartOptions/highlight``.
        case highlight
    }

    /// An option names a node that does not exist; `suggestion` is the closest id, if any.
    case unknownNode(id: String, option: Option, suggestion: String?)
    /// A text to be shown contains NUL, which no C string can carry.
    case containsNUL(field: String, node: String?)
    /// The focus depth is negative.
    case negativeDepth(Int)
    /// The chart has more nodes or lines than `layout` draws readably (``ChartSize``).
    case tooLarge(nodes: Int, lines: Int, layout: GraphvizLayout, maximumNodes: Int, maximumLines: Int)

    public var description: String {
        switch self {
        case .unknownNode(let id, _, let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "no node has the id '\(id)'\(hint)"
        case .containsNUL(let field, let node):
            let place = node.map { " of node '\($0)'" } ?? ""
            return "the \(field)\(place) contains a NUL character, which a chart cannot show"
        case .negativeDepth(let depth):
            return "the focus depth must be 0 or more, not \(depth)"
        case .tooLarge(let nodes, let lines, let layout, let maximumNodes, let maximumLines):
            return "the chart has \(nodes) nodes and \(lines) lines, more than a readable '\(layout.rawValue)' layout "
                + "can take (\(maximumNodes) nodes, \(maximumLines) lines)"
        }
    }
}
