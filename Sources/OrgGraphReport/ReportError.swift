/// Why a report cannot be made from what it was given.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--scope` names an id that no file has; the closest id, when one is close.
    case unknownScope(id: String, suggestion: String?)
    /// `--charts` is negative.
    case negativeChartCount(Int)

    public var description: String {
        switch self {
        case .unknownScope(let id, let suggestion):
            "--scope: no node has the id '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .negativeChartCount(let count):
            "--charts takes a number of charts, 0 or more, not \(count)"
        }
    }
}
