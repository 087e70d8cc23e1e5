import OrgGraphCore

/// Counts that describe an organization: bodies by kind, relations by type, units by level and
/// sector, and the depth of the leadership structure.
public struct OrganizationStatistics: Sendable {
    public var nodes: Int
    public var relations: Int
    /// Nodes by kind, every kind present, in vocabulary order.
    public var kinds: [(kind: NodeKind, count: Int)]
    /// Edges (relations and `part-of:` fields) by type, in vocabulary order.
    public var relationTypes: [(type: RelationType, count: Int)]
    /// Public service units by level (`nil`: no level written).
    public var unitsByLevel: [(level: Level?, count: Int)]
    /// Public service units by sector, most first (`nil`: no sector written).
    public var unitsBySector: [(sector: String?, count: Int)]
    /// The longest chain of `leads`, as node ids from the top; empty when leadership has a cycle.
    public var deepestLeadershipChain: [String]
    /// Whether the `leads` relations form a cycle (then there is no depth).
    public var leadershipHasCycle: Bool

    /// The number of bodies in the longest chain of `leads`.
    public var leadershipDepth: Int { deepestLeadershipChain.count }

    /// Computes the statistics of `loaded`.
    ///
    /// - Complexity: O(*n* + *m*): the depth is a longest path over a topological order.
    public init(_ loaded: LoadedOrganization) {
        let organization = loaded.organization
        let graph = loaded.graph
        nodes = organization.nodes.count
        relations = organization.relations.count
        var kindCounts = [Int](repeating: 0, count: NodeKind.allCases.count)
        for kind in graph.kinds { kindCounts[kind.index] += 1 }
        kinds = NodeKind.allCases.compactMap { kindCounts[$0.index] > 0 ? ($0, kindCounts[$0.index]) : nil }
        var typeCounts = [Int](repeating: 0, count: RelationType.allCases.count)
        for type in graph.edgeTypes { typeCounts[type.index] += 1 }
        relationTypes = RelationType.allCases.compactMap {
            typeCounts[$0.index] > 0 ? ($0, typeCounts[$0.index]) : nil
        }
        var levels: [Level?: Int] = [:]
        var sectors: [String?: Int] = [:]
        for node in organization.nodes where node.kind == .publicServiceUnit {
            levels[node.level, default: 0] += 1
            sectors[node.sector, default: 0] += 1
        }
        unitsByLevel = ([Level?](Level.allCases) + [nil]).compactMap { level in levels[level].map { (level, $0) } }
        unitsBySector = sectors.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : ($0.sector ?? "\u{10FFFF}") < ($1.sector ?? "\u{10FFFF}")
        }
        (deepestLeadershipChain, leadershipHasCycle) = Self.longestLeadsChain(loaded)
    }

    private static func longestLeadsChain(_ loaded: LoadedOrganization) -> ([String], Bool) {
        let graph = loaded.graph
        let count = graph.nodeCount
        var indegree = [Int32](repeating: 0, count: count)
        for node in 0..<count {
            for next in graph.neighbors(of: node, via: .leads) where Int(next) != node { indegree[Int(next)] += 1 }
        }
        var order: [Int] = (0..<count).filter { indegree[$0] == 0 }
        var depth = [Int32](repeating: 1, count: count)
        var parent = [Int32](repeating: -1, count: count)
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for next32 in graph.neighbors(of: node, via: .leads) {
                let next = Int(next32)
                guard next != node else { continue }
                if depth[node] + 1 > depth[next] {
                    depth[next] = depth[node] + 1
                    parent[next] = Int32(node)
                }
                indegree[next] -= 1
                if indegree[next] == 0 { order.append(next) }
            }
        }
        guard order.count == count else { return ([], true) }
        guard var deepest = (0..<count).max(by: { depth[$0] < depth[$1] || (depth[$0] == depth[$1] && $0 > $1) }),
            depth[deepest] > 1
        else { return ([], false) }
        var chain: [String] = []
        while deepest >= 0 {
            chain.append(loaded.organization.nodes[deepest].id)
            deepest = Int(parent[deepest])
        }
        return (chain.reversed(), false)
    }

    // MARK: Output

    /// A table for people.
    public func text(title: String?, file: String) -> String {
        var lines: [String] = []
        lines.append(title.map { "\($0) (\(file))" } ?? file)
        lines.append("  \(nodes) nodes, \(relations) relations")
        lines.append("")
        lines.append("Nodes by kind")
        let kindWidth = kinds.map(\.kind.rawValue.count).max() ?? 0
        for (kind, count) in kinds {
            lines.append(
                "  " + kind.rawValue.padding(kindWidth) + "  " + "\(count)".leftPadding(6) + "  " + kind.vietnameseName)
        }
        lines.append("")
        lines.append("Relations by type (part-of fields included)")
        let typeWidth = relationTypes.map(\.type.rawValue.count).max() ?? 0
        for (type, count) in relationTypes {
            lines.append("  " + type.rawValue.padding(typeWidth) + "  " + "\(count)".leftPadding(6))
        }
        if !unitsByLevel.isEmpty {
            lines.append("")
            lines.append("Public service units by level")
            for (level, count) in unitsByLevel {
                lines.append("  " + (level?.rawValue ?? "(no level)").padding(12) + "  " + "\(count)".leftPadding(6))
            }
            lines.append("")
            lines.append("Public service units by sector")
            let width = unitsBySector.map { ($0.sector ?? "(no sector)").count }.max() ?? 0
            for (sector, count) in unitsBySector {
                lines.append("  " + (sector ?? "(no sector)").padding(width) + "  " + "\(count)".leftPadding(6))
            }
        }
        lines.append("")
        if leadershipHasCycle {
            lines.append("Leadership depth: none (the leads relations form a cycle; run validate)")
        } else if deepestLeadershipChain.isEmpty {
            lines.append("Leadership depth: 0 (no leads relations)")
        } else {
            lines.append("Leadership depth: \(leadershipDepth) (\(deepestLeadershipChain.joined(separator: " → ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON object for scripts.
    public func json(file: String) -> String {
        JSONText.object([
            ("file", JSONText.quote(file)),
            ("nodes", "\(nodes)"),
            ("relations", "\(relations)"),
            ("kinds", JSONText.object(kinds.map { ($0.kind.rawValue, "\($0.count)") })),
            ("relationTypes", JSONText.object(relationTypes.map { ($0.type.rawValue, "\($0.count)") })),
            ("unitsByLevel", JSONText.object(unitsByLevel.map { ($0.level?.rawValue ?? "none", "\($0.count)") })),
            ("unitsBySector", JSONText.object(unitsBySector.map { ($0.sector ?? "", "\($0.count)") })),
            ("leadershipDepth", leadershipHasCycle ? "null" : "\(leadershipDepth)"),
            ("deepestLeadershipChain", JSONText.array(deepestLeadershipChain.map(JSONText.quote))),
        ]) + "\n"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
