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

    /// A table for people: in English each kind and relation type as the file writes it, with
    /// the kind's Vietnamese name after its count; in Vietnamese each named as the regulation
    /// names it, with the word the file writes after the count.
    public func text(title: String?, file: String, language: Language = .english) -> String {
        let words = StatisticsText(language: language)
        var lines: [String] = []
        lines.append(title.map { "\($0) (\(file))" } ?? file)
        lines.append("  " + words.totals(nodes: nodes, relations: relations))
        lines.append("")
        lines.append(words.nodesByKind)
        lines += Self.table(
            kinds.map { kind, count in
                language == .english
                    ? (kind.rawValue, count, kind.vietnameseName) : (kind.vietnameseName, count, kind.rawValue)
            })
        lines.append("")
        lines.append(words.relationsByType)
        lines += Self.table(
            relationTypes.map { type, count in
                language == .english ? (type.rawValue, count, "") : (type.vietnameseName, count, type.rawValue)
            })
        if !unitsByLevel.isEmpty {
            lines.append("")
            lines.append(words.unitsByLevel)
            lines += Self.table(unitsByLevel.map { (words.level($0.level), $0.count, "") }, minimumWidth: 12)
            lines.append("")
            lines.append(words.unitsBySector)
            lines += Self.table(unitsBySector.map { (words.sector($0.sector), $0.count, "") })
        }
        lines.append("")
        lines.append(
            words.leadershipDepth(
                leadershipHasCycle ? nil : leadershipDepth,
                chain: deepestLeadershipChain.joined(separator: " → ")))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows `  name  count  note`, the names padded to one width and the counts to six columns.
    private static func table(_ rows: [(name: String, count: Int, note: String)], minimumWidth: Int = 0) -> [String] {
        let width = max(minimumWidth, rows.map(\.name.count).max() ?? 0)
        return rows.map { row in
            "  " + row.name.padding(width) + "  " + "\(row.count)".leftPadding(6)
                + (row.note.isEmpty ? "" : "  " + row.note)
        }
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
