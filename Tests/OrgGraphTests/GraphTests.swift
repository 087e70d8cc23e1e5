import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

@Suite("Graph core")
struct GraphTests {
    /// A small random organization: `n` committees and `m` relations of random types.
    static func randomOrganization(seed: UInt64, nodes n: Int, relations m: Int) -> Organization {
        var generator = SplitMix64(seed: seed)
        var organization = Organization()
        for i in 0..<n {
            organization.nodes.append(Node(id: "n\(i)", kind: NodeKind.allCases[Int(generator.next() % 20)]))
            if generator.next() % 4 == 0 {
                organization.nodes[i].partOf = "n\(generator.next() % UInt64(n))"
            }
        }
        for _ in 0..<m {
            let type = RelationType.allCases[Int(generator.next() % UInt64(RelationType.allCases.count))]
            organization.relations.append(
                Relation(type: type, from: "n\(generator.next() % UInt64(n))", to: "n\(generator.next() % UInt64(n))"))
        }
        return organization
    }

    @Test("Adjacency lists every edge once, in input order, both ways", arguments: 0..<20)
    func adjacencyMatchesEdgeList(seed: UInt64) throws {
        let organization = Self.randomOrganization(seed: seed, nodes: 30, relations: 120)
        let graph = try Graph(organization)
        // The brute-force reference: the written edges in input order.
        var edges: [(RelationType, Int, Int)] = []
        for (i, node) in organization.nodes.enumerated() {
            if let container = node.partOf { edges.append((.partOf, i, Int(container.dropFirst()) ?? -1)) }
        }
        for relation in organization.relations {
            edges.append((relation.type, Int(relation.from.dropFirst()) ?? -1, Int(relation.to.dropFirst()) ?? -1))
        }
        #expect(graph.edgeCount == edges.count)
        for node in 0..<30 {
            for type in RelationType.allCases {
                let forward = edges.filter { $0.0 == type && $0.1 == node }.map { Int32($0.2) }
                let backward = edges.filter { $0.0 == type && $0.2 == node }.map { Int32($0.1) }
                #expect(Array(graph.neighbors(of: node, via: type)) == forward)
                #expect(Array(graph.neighbors(of: node, via: type, reversed: true)) == backward)
                #expect(graph.degree(of: node, via: type) == forward.count)
                for (target, edge) in zip(graph.neighbors(of: node, via: type), graph.edges(of: node, via: type)) {
                    #expect(graph.edgeFrom[Int(edge)] == Int32(node) && graph.edgeTo[Int(edge)] == target)
                }
            }
        }
    }

    @Test("Duplicate ids and dangling references are all reported")
    func buildProblems() {
        let organization = Organization(
            nodes: [Node(id: "a", kind: .unitHead), Node(id: "a", kind: .unitHead, partOf: "zz")],
            relations: [Relation(type: .leads, from: "a", to: "b")],
            suppressions: [Suppression(rule: "x", node: "c", reason: "r")])
        #expect(throws: Graph.BuildError.self) { try Graph(organization) }
        do {
            _ = try Graph(organization)
        } catch {
            #expect(
                error.problems == [
                    .duplicateID("a", first: 0, second: 1), .unknownReference("zz", .partOf(node: 1)),
                    .unknownReference("b", .relationTo(0)), .unknownReference("c", .suppression(0)),
                ])
        }
    }

    @Test("The acyclic check finds exactly the cycles a brute-force search finds", arguments: 0..<30)
    func cyclesMatchBruteForce(seed: UInt64) throws {
        var organization = Self.randomOrganization(seed: seed &+ 100, nodes: 12, relations: 14)
        organization.relations = RelationList(
            organization.relations.map {
                var relation = $0
                relation.type = [.leads, .superiorOf, .partOf, .informs][Int(seed &+ UInt64($0.from.count)) % 4]
                return relation
            })
        let loaded = try LoadedOrganization(organization)
        var sink = FindingSink()
        Rule.acyclicLeadership.check.run(AuditContext(loaded), into: &sink)
        // Brute force: a node is on a cycle of length >= 2 when it reaches itself through
        // another node.
        let graph = loaded.graph
        func successors(_ node: Int) -> [Int] {
            (graph.neighbors(of: node, via: .leads) + graph.neighbors(of: node, via: .superiorOf)
                + graph.neighbors(of: node, via: .partOf, reversed: true)).map(Int.init).filter { $0 != node }
        }
        func reaches(_ from: Int, _ to: Int) -> Bool {
            var seen: Set<Int> = [from]
            var stack = [from]
            while let node = stack.popLast() {
                for next in successors(node) {
                    if next == to { return true }
                    if seen.insert(next).inserted { stack.append(next) }
                }
            }
            return false
        }
        let onCycle = (0..<graph.nodeCount).filter { node in successors(node).contains { reaches($0, node) } }
        let reported = Set(
            sink.drafts.flatMap { draft in
                draft.related.map { item -> Int in
                    guard case .edge(let edge) = item.subject else { return -1 }
                    return Int(graph.edgeFrom[edge])
                }
            })
        #expect(Set(onCycle).isSuperset(of: reported.subtracting([-1])))
        #expect(onCycle.isEmpty == sink.drafts.isEmpty)
        // Every reported cycle lists at least two related items: a cycle passes through two nodes.
        for draft in sink.drafts {
            #expect(draft.related.count >= 2)
        }
    }
}
