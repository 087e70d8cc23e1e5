import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Staggers the leaves under a wide parent over two or three ranks, so a committee with many
/// cells, or a district with many bodies, grows down instead of across (as Graphviz's
/// `unflatten -l` does).
///
/// A leaf is a node with no ranking line below it. Nodes on a level band (territorial
/// committees and People's Committees, kept on one rank per level) are never moved.
struct RankStagger: Sendable {
    /// Parents with at least this many leaves get them staggered.
    static let minimumLeaves = 4

    /// The extra ranks (0, 1 or 2) between a parent and each of its staggered leaves, by
    /// `(parent, child)`.
    private var drop: [Int: [Int: Int]] = [:]

    /// - Parameters:
    ///   - ranking: the ranking lines drawn, as `(parent, child)` pairs in drawing order.
    ///   - fixed: the nodes that must not move.
    /// - Complexity: O(*e*) in the ranking lines.
    init(_ ranking: [(parent: Int, child: Int)], fixed: Set<Int>) {
        var hasChildren = Set<Int>()
        for edge in ranking where edge.parent != edge.child { hasChildren.insert(edge.parent) }
        var leaves: [Int: [Int]] = [:]
        var seen = Set<[Int]>()
        for edge in ranking where edge.parent != edge.child {
            guard !hasChildren.contains(edge.child), !fixed.contains(edge.child),
                seen.insert([edge.parent, edge.child]).inserted
            else { continue }
            leaves[edge.parent, default: []].append(edge.child)
        }
        for (parent, children) in leaves where children.count >= Self.minimumLeaves {
            let levels = children.count >= 9 ? 3 : 2
            for (position, child) in children.enumerated() {
                drop[parent, default: [:]][child] = position % levels
            }
        }
    }

    /// The `minlen` of a ranking line from `parent` to `child`, or `nil` for the default 1.
    func minimumLength(from parent: Int, to child: Int) -> String? {
        guard let extra = drop[parent]?[child], extra > 0 else { return nil }
        return String(1 + extra)
    }
}
