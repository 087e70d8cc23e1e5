import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Why a chart cannot be drawn as asked.
public enum ChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option names a node that does not exist; `suggestion` is the closest id, if any.
    case unknownNode(id: String, option: String, suggestion: String?)
    /// A text to be shown contains NUL, which no C string can carry.
    case containsNUL(field: String, node: String?)
    /// The focus depth is negative.
    case negativeDepth(Int)

    public var description: String {
        switch self {
        case let .unknownNode(id, option, suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "\(option): no node has the id '\(id)'\(hint)"
        case let .containsNUL(field, node):
            let place = node.map { " of node '\($0)'" } ?? ""
            return "the \(field)\(place) contains a NUL character, which a chart cannot show"
        case let .negativeDepth(depth):
            return "the focus depth must be 0 or more, not \(depth)"
        }
    }
}
