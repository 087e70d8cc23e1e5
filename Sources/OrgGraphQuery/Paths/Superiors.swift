import OrgGraphCore

/// The line of superiors of a node, and the lowest superior two nodes share.
///
/// A node's superiors are reached along the party line, by three kinds of step in this order
/// of preference: its immediate superior (`superior-of`, walked backwards), the committee that
/// leads it (`leads`, backwards), and the body it is part of (`part-of`). Only a node with none
/// of these goes up the state-to-party line instead: the body that `directs` it (a party
/// cadres committee, an authority party committee, a People's Committee).
public struct Superiors: Sendable {
    public let graph: Graph

    /// The upward steps of the party line, in order of preference.
    public static let partyLine: [(type: RelationType, inverse: Bool)] = [
        (.superiorOf, true), (.leads, true), (.partOf, false),
    ]

    /// The upward steps taken from a node only when it has no step of the party line.
    public static let fallback: [(type: RelationType, inverse: Bool)] = [(.directs, true)]

    /// The upward steps, in order of preference: the party line, then the fallback.
    public static let upward: [(type: RelationType, inverse: Bool)] = partyLine + fallback

    public init(_ graph: Graph) {
        self.graph = graph
    }

    /// The upward step for following one relation type: backwards for types that point down
    /// (leads, superior-of, manages, sends-documents, invites), as written for the others.
    public static func upwardStep(for type: RelationType) -> (type: RelationType, inverse: Bool) {
        switch type.entry.direction {
        case .down: (type, true)
        case .up, .lateral: (type, false)
        }
    }

    /// The chain from `node` to the top: at each node, the first upward step in order of
    /// preference, the first in input order among several.
    ///
    /// - Parameter steps: the steps to follow, in order of preference (``upward`` by default).
    /// - Returns: the steps, and whether the chain stopped because it came back to a node.
    /// - Complexity: O(length of the chain · the degree of its nodes).
    public func chain(
        from node: Int, following steps: [(type: RelationType, inverse: Bool)] = Superiors.upward
    ) -> (steps: [PathStep], cycle: Bool) {
        var result: [PathStep] = []
        var seen: Set<Int> = [node]
        var current = node
        while let step = firstStep(from: current, steps) {
            result.append(step)
            guard seen.insert(step.to).inserted else { return (result, true) }
            current = step.to
        }
        return (result, false)
    }

    private func firstStep(from node: Int, _ steps: [(type: RelationType, inverse: Bool)]) -> PathStep? {
        for (type, inverse) in steps {
            let neighbors = graph.neighbors(of: node, via: type, reversed: inverse)
            let edges = graph.edges(of: node, via: type, reversed: inverse)
            if let index = neighbors.indices.first(where: { Int(neighbors[$0]) != node }) {
                let edgeIndex = edges.startIndex + (index - neighbors.startIndex)
                return PathStep(
                    from: node, to: Int(neighbors[index]), edge: Int(edges[edgeIndex]), type: type, inverse: inverse)
            }
        }
        return nil
    }

    /// Whether `node` has an upward step of the party line to another node.
    private func hasPartyLineStep(_ node: Int) -> Bool {
        Self.partyLine.contains { type, inverse in
            graph.neighbors(of: node, via: type, reversed: inverse).contains { Int($0) != node }
        }
    }

    /// Every superior of `node`, with its distance and the step that first reached it: the
    /// party line from every node, the fallback from a node without it.
    private func ancestors(of node: Int) -> [Int: (distance: Int, step: PathStep?)] {
        var found: [Int: (distance: Int, step: PathStep?)] = [node: (0, nil)]
        var queue = [node]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            let distance = found[current]?.distance ?? 0
            let steps = hasPartyLineStep(current) ? Self.partyLine : Self.upward
            for (type, inverse) in steps {
                let neighbors = graph.neighbors(of: current, via: type, reversed: inverse)
                let edges = graph.edges(of: current, via: type, reversed: inverse)
                for (next, edge) in zip(neighbors, edges) where found[Int(next)] == nil {
                    found[Int(next)] = (
                        distance + 1,
                        PathStep(from: current, to: Int(next), edge: Int(edge), type: type, inverse: inverse)
                    )
                    queue.append(Int(next))
                }
            }
        }
        return found
    }

    /// The lowest common superior of `a` and `b`: the node above (or equal to) both that is
    /// nearest to them together (fewest steps from both, then the more even split; among
    /// those still tied, one that is below another, then the node written first), with the
    /// path from each.
    ///
    /// - Returns: `nil` when the two have no superior in common.
    /// - Complexity: O(*v* + *e*) over the superiors of both.
    public func lowestCommonSuperior(_ a: Int, _ b: Int) -> (node: Int, fromA: [PathStep], fromB: [PathStep])? {
        let above = ancestors(of: a)
        let other = ancestors(of: b)
        var best: (node: Int, total: Int, spread: Int)?
        var tied: [Int] = []
        for (node, first) in above {
            guard let second = other[node] else { continue }
            let total = first.distance + second.distance
            let spread = abs(first.distance - second.distance)
            if let current = best {
                if (total, spread) > (current.total, current.spread) { continue }
                if (total, spread) == (current.total, current.spread) {
                    tied.append(node)
                    if node < current.node { best = (node, total, spread) }
                    continue
                }
            }
            best = (node, total, spread)
            tied = [node]
        }
        guard var best else { return nil }
        // Among equally near superiors, the lowest: one that is below another of them (the bloc
        // committee that is the immediate superior, rather than the provincial committee above it).
        if tied.count > 1 {
            let lower = tied.sorted().first { candidate in
                let candidateAbove = ancestors(of: candidate)
                return tied.contains { $0 != candidate && candidateAbove[$0] != nil }
            }
            if let lower { best.node = lower }
        }
        func path(_ found: [Int: (distance: Int, step: PathStep?)], to node: Int) -> [PathStep] {
            var steps: [PathStep] = []
            var current = node
            while let step = found[current]?.step {
                steps.append(step)
                current = step.from
            }
            return steps.reversed()
        }
        return (best.node, path(above, to: best.node), path(other, to: best.node))
    }
}
