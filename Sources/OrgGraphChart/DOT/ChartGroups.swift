import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Which frame each drawn node goes in: outside every unit, directly in a unit's cluster, or
/// in the inner cluster of a unit's party organization (with its cells and secretaries).
struct ChartGroups: Sendable {
    /// Drawn nodes outside every unit, in file order.
    var outside: [Int] = []
    /// The units that have a cluster, in file order.
    var units: [Int] = []
    /// The members of a unit's cluster (keyed by the unit) or of a party organization's inner
    /// cluster (keyed by the organization), in file order.
    var members: [Int: [Int]] = [:]
    /// The party organizations of each unit that have an inner cluster, in file order.
    var partyOrganizations: [Int: [Int]] = [:]
    private var unit: [Int32]
    /// The party organization whose inner cluster holds a node.
    private var partyFrame: [Int: Int] = [:]

    /// - Complexity: O(*n* · *h*) for the drawn nodes and the containment height *h*.
    init(_ chart: Chart) {
        unit = chart.unit
        let graph = chart.loaded.graph
        for node in chart.nodes {
            let owner = Int(chart.unit[node])
            guard owner >= 0 else {
                outside.append(node)
                continue
            }
            if members[owner] == nil, partyOrganizations[owner] == nil { units.append(owner) }
            if let organization = Self.partyOrganization(of: node, unit: owner, graph: graph),
                chart.drawn[organization]
            {
                if members[organization] == nil { partyOrganizations[owner, default: []].append(organization) }
                members[organization, default: []].append(node)
                partyFrame[node] = organization
            } else {
                members[owner, default: []].append(node)
            }
        }
        units.sort()
    }

    /// Every node drawn in the cluster of `unit`, its party organizations' frames included.
    func allMembers(of unit: Int) -> [Int] {
        (members[unit] ?? []) + (partyOrganizations[unit] ?? []).flatMap { members[$0] ?? [] }
    }

    /// Whether `part` is drawn inside the frame of `container` (the cluster of a unit, or the
    /// inner cluster of a party organization), so a `part-of` line between them says nothing
    /// the frame does not.
    func isFramed(part: Int, container: Int) -> Bool {
        part != container && (unit[part] == Int32(container) || partyFrame[part] == container)
    }

    /// The unit party organization `node` is (part of), up its `part-of` chain below `unit`.
    private static func partyOrganization(of node: Int, unit: Int, graph: Graph) -> Int? {
        var current = node
        for _ in 0...Chart.maximumNesting {
            if current == unit { return nil }
            if KindSet.unitPartyOrganizations.contains(graph.kinds[current]) { return current }
            guard let container = graph.neighbors(of: current, via: .partOf).first else { return nil }
            current = Int(container)
        }
        return nil
    }
}
