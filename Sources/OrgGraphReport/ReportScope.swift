import OrgGraphAudit
import OrgGraphCore

/// The nodes a report on one body covers: the body and everything under it.
///
/// "Under" follows the lines that run downwards in Regulation 125-QD/TW: from a body to its
/// parts (`part-of`, backwards), to what it `leads`, is the immediate superior of
/// (`superior-of`), `manages` and `directs`, transitively. Every public service unit one of those
/// nodes is in comes whole: the unit, its party organization, cells, secretaries, head, board
/// and chair. A province is reported from its party committee (which leads its People's
/// Committee, its districts and its units' party organizations), a commune from its party
/// committee, a unit from the unit.
enum ReportScope {
    /// The relations followed downwards, each with its direction.
    static let downward: [(type: RelationType, reversed: Bool)] = [
        (.partOf, true), (.leads, false), (.superiorOf, false), (.manages, false), (.directs, false),
    ]

    /// For each node, whether the report on `start` covers it.
    ///
    /// - Parameters:
    ///   - start: the body reported on.
    ///   - graph: the organization's graph.
    ///   - unit: for each node, the public service unit whose frame holds it, or -1.
    /// - Complexity: O(*n* + *m*).
    static func covered(from start: Int, graph: Graph, unit: [Int32]) -> [Bool] {
        var covered = [Bool](repeating: false, count: graph.nodeCount)
        var stack = [start]
        covered[start] = true
        while let node = stack.popLast() {
            for (type, reversed) in downward {
                for next in graph.neighbors(of: node, via: type, reversed: reversed) where !covered[Int(next)] {
                    covered[Int(next)] = true
                    stack.append(Int(next))
                }
            }
        }
        // Every unit reached, with all of its frame.
        var units = Set<Int32>()
        for node in 0..<graph.nodeCount where covered[node] && unit[node] >= 0 { units.insert(unit[node]) }
        if !units.isEmpty {
            for node in 0..<graph.nodeCount where unit[node] >= 0 && units.contains(unit[node]) { covered[node] = true }
        }
        return covered
    }
}
