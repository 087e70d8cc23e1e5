import OrgGraphCore

/// Answers to lines of `FROM TO` pairs (`orggraph path --pairs`): each pair's shortest path as
/// one JSON line of ``PathReport``.
public struct PathPairs {
    public let loaded: LoadedOrganization
    public let allowed: StepSet
    /// The id closest to one that names no node, for a "did you mean".
    public let suggestion: (String) -> String?
    private var finder: PathFinder

    /// The answer to one line.
    public enum Answer: Sendable, Hashable {
        /// A blank line or a comment (`#`).
        case skipped
        /// Not two ids.
        case malformed
        /// A JSON line with `"error"`: an id names no node.
        case unknownNode(String)
        /// A JSON line with empty `"paths"`: no path joins the two.
        case noPath(String)
        /// A JSON line with the shortest path.
        case found(String)
    }

    public init(
        _ loaded: LoadedOrganization, allowed: StepSet = .all, suggestion: @escaping (String) -> String? = { _ in nil }
    ) {
        self.loaded = loaded
        self.allowed = allowed
        self.suggestion = suggestion
        finder = PathFinder(loaded.graph)
    }

    /// The answer to `line`: two ids separated by spaces or tabs.
    /// - Complexity: that of ``PathFinder/shortestPath(from:to:allowed:)``.
    public mutating func answer(_ line: String) -> Answer {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        if words.isEmpty || words[0].hasPrefix("#") { return .skipped }
        guard words.count == 2 else { return .malformed }
        let (a, b) = (String(words[0]), String(words[1]))
        guard let source = loaded.graph.index(of: a), let target = loaded.graph.index(of: b) else {
            let unknown = loaded.graph.index(of: a) == nil ? a : b
            let hint = suggestion(unknown).map { "; did you mean '\($0)'?" } ?? ""
            return .unknownNode(PathReport.json(from: a, to: b, error: "no node has the id '\(unknown)'\(hint)") + "\n")
        }
        let found = finder.shortestPath(from: source, to: target, allowed: allowed)
        let json = PathReport(loaded, from: source, to: target, paths: found.map { [$0] } ?? []).json()
        return found == nil ? .noPath(json) : .found(json)
    }
}
