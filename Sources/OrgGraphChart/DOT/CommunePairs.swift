import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Which commune People's Committee goes with which commune party committee, so the chart can
/// hang each People's Committee under its party committee.
///
/// The file does not say it; the liaisons do: a unit's party organization that liaises with a
/// commune party committee and a commune People's Committee on the same basis (where the unit
/// stands, where its members live) names the two bodies of one commune (SPEC §5).
enum CommunePairs {
    /// `(committee, peoplesCommittee)` pairs among the drawn nodes, each node in one pair at
    /// most, in the order the liaisons are written.
    ///
    /// - Complexity: O(*n* + *m*).
    static func pairs(_ chart: Chart) -> [(committee: Int, peoplesCommittee: Int)] {
        let graph = chart.loaded.graph
        let relations = chart.loaded.organization.relations
        var paired = Set<Int>()
        var result: [(committee: Int, peoplesCommittee: Int)] = []
        for node in chart.nodes {
            var committees: [Basis?: [Int]] = [:]
            var peoplesCommittees: [Basis?: [Int]] = [:]
            var order: [Basis?] = []
            let targets = graph.neighbors(of: node, via: .liaisesWith)
            let edges = graph.edges(of: node, via: .liaisesWith)
            for (target, edge) in zip(targets, edges) {
                let target = Int(target)
                guard chart.drawn[target], !paired.contains(target) else { continue }
                let basis = graph.relationIndex(ofEdge: Int(edge)).flatMap { relations[$0].basis }
                if !order.contains(basis) { order.append(basis) }
                if graph.kinds[target] == .communePartyCommittee {
                    committees[basis, default: []].append(target)
                } else if graph.kinds[target] == .peoplesCommittee, graph.writtenLevel(of: target) == .commune {
                    peoplesCommittees[basis, default: []].append(target)
                }
            }
            for basis in order {
                for (committee, peoples) in zip(committees[basis] ?? [], peoplesCommittees[basis] ?? [])
                where !paired.contains(committee) && !paired.contains(peoples) {
                    paired.insert(committee)
                    paired.insert(peoples)
                    result.append((committee, peoples))
                }
            }
        }
        return result
    }
}
