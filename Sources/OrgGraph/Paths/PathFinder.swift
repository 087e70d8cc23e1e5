/// Shortest paths and simple paths between two nodes, by number of steps, over any relation
/// walked either way (or the steps a ``StepSet`` allows).
///
/// The finder builds one adjacency over every relation type and both directions, then
/// answers each query by a bidirectional breadth-first search that expands the cheaper side
/// first, reusing its buffers (generation counters, no clearing) so a query costs only what
/// it visits. Neighbours are in input order: each node's predecessor is the first, in input
/// order, to reach it, and where shortest paths meet on several nodes, the one through the
/// node found first is returned.
public struct PathFinder {
    public let graph: Graph

    // The undirected view: entries of node u are offsets[u]..<offsets[u+1].
    private let offsets: [Int32]
    private let targets: [Int32]
    private let entryEdges: [Int32]
    /// `type.index * 2 + (walks the edge backwards ? 1 : 0)`.
    private let codes: [UInt8]

    private var generation: UInt32 = 0
    private var stamp: [[UInt32]]
    private var distance: [[Int32]]
    private var parentNode: [[Int32]]
    private var parentEntry: [[Int32]]
    private var frontiers: [[Int32]] = [[], []]
    private var next: [Int32] = []

    /// - Complexity: O(*n* + *m*).
    public init(_ graph: Graph) {
        self.graph = graph
        let n = graph.nodeCount
        var counts = [Int32](repeating: 0, count: n + 1)
        for edge in 0..<graph.edgeCount {
            counts[Int(graph.edgeFrom[edge]) + 1] += 1
            counts[Int(graph.edgeTo[edge]) + 1] += 1
        }
        for node in 0..<n { counts[node + 1] += counts[node] }
        var cursor = counts
        let total = Int(counts[n])
        var targets = [Int32](repeating: 0, count: total)
        var edges = [Int32](repeating: 0, count: total)
        var codes = [UInt8](repeating: 0, count: total)
        for edge in 0..<graph.edgeCount {
            let from = Int(graph.edgeFrom[edge])
            let to = Int(graph.edgeTo[edge])
            let code = UInt8(graph.edgeTypes[edge].index * 2)
            var slot = Int(cursor[from])
            targets[slot] = Int32(to)
            edges[slot] = Int32(edge)
            codes[slot] = code
            cursor[from] += 1
            slot = Int(cursor[to])
            targets[slot] = Int32(from)
            edges[slot] = Int32(edge)
            codes[slot] = code | 1
            cursor[to] += 1
        }
        offsets = counts
        self.targets = targets
        entryEdges = edges
        self.codes = codes
        stamp = [[UInt32]](repeating: [UInt32](repeating: 0, count: n), count: 2)
        distance = [[Int32]](repeating: [Int32](repeating: 0, count: n), count: 2)
        parentNode = [[Int32]](repeating: [Int32](repeating: -1, count: n), count: 2)
        parentEntry = [[Int32]](repeating: [Int32](repeating: -1, count: n), count: 2)
    }

    private mutating func nextGeneration() {
        if generation == UInt32.max {
            generation = 0
            for side in 0..<2 { for node in stamp[side].indices { stamp[side][node] = 0 } }
        }
        generation += 1
    }

    /// A shortest path from `source` to `target` by number of steps.
    ///
    /// - Returns: the steps, empty when `source == target`; `nil` when there is no path.
    /// - Complexity: O(*v* + *e*) for the nodes and entries the two searches visit, at worst
    ///   O(*n* + *m*).
    public mutating func shortestPath(from source: Int, to target: Int, allowed: StepSet = .all) -> [PathStep]? {
        if source == target { return [] }
        nextGeneration()
        let gen = generation
        for (side, node) in [(0, source), (1, target)] {
            stamp[side][node] = gen
            distance[side][node] = 0
            parentNode[side][node] = -1
            frontiers[side].removeAll(keepingCapacity: true)
            frontiers[side].append(Int32(node))
        }
        let mask = allowed.mask
        var depth = SIMD2<Int32>(0, 0)
        while !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            let side = cost(frontiers[0]) <= cost(frontiers[1]) ? 0 : 1
            let other = 1 - side
            // Forwards, a step u → v is entry (v, code) of u; backwards, entry (u, code) of v
            // stands for the step u → v with the direction bit flipped.
            let flip: UInt8 = side == 0 ? 0 : 1
            var best: (length: Int32, node: Int32) = (.max, -1)
            next.removeAll(keepingCapacity: true)
            for u in frontiers[side] {
                let base = distance[side][Int(u)] + 1
                for entry in Int(offsets[Int(u)])..<Int(offsets[Int(u) + 1]) {
                    guard mask & (1 << UInt32(codes[entry] ^ flip)) != 0 else { continue }
                    let v = Int(targets[entry])
                    guard stamp[side][v] != gen else { continue }
                    stamp[side][v] = gen
                    distance[side][v] = base
                    parentNode[side][v] = u
                    parentEntry[side][v] = Int32(entry)
                    next.append(Int32(v))
                    if stamp[other][v] == gen {
                        let length = base + distance[other][v]
                        if length < best.length { best = (length, Int32(v)) }
                        // No meet in this layer can be shorter than one through the far
                        // side's current depth: the first such meet is the answer.
                        if distance[other][v] == depth[other] { return reconstruct(through: v) }
                    }
                }
            }
            if best.node >= 0 { return reconstruct(through: Int(best.node)) }
            swap(&frontiers[side], &next)
            depth[side] += 1
        }
        return nil
    }

    /// The sum of the degrees of a frontier: what expanding it costs.
    private func cost(_ frontier: [Int32]) -> Int {
        var total = 0
        for node in frontier {
            total += Int(offsets[Int(node) + 1] - offsets[Int(node)])
            if total > 1 << 20 { break }
        }
        return total
    }

    private func reconstruct(through meeting: Int) -> [PathStep] {
        var head: [PathStep] = []
        var node = meeting
        while parentNode[0][node] >= 0, stamp[0][node] == generation, distance[0][node] > 0 {
            let entry = Int(parentEntry[0][node])
            let previous = Int(parentNode[0][node])
            head.append(step(entry, from: previous, to: node, flip: false))
            node = previous
        }
        head.reverse()
        node = meeting
        while stamp[1][node] == generation, distance[1][node] > 0 {
            let entry = Int(parentEntry[1][node])
            let nextNode = Int(parentNode[1][node])
            head.append(step(entry, from: node, to: nextNode, flip: true))
            node = nextNode
        }
        return head
    }

    /// The step `from → to` that entry `entry` stands for; `flip` when the entry belongs to `to`.
    private func step(_ entry: Int, from: Int, to: Int, flip: Bool) -> PathStep {
        let code = codes[entry] ^ (flip ? 1 : 0)
        let edge = Int(entryEdges[entry])
        return PathStep(from: from, to: to, edge: edge, type: graph.edgeTypes[edge], inverse: code & 1 == 1)
    }

    /// The most steps a listed simple path may have.
    public static let longestSimplePath = 2_000

    /// Simple paths from `source` to `target` (no node twice), shortest first, at most `limit`.
    ///
    /// Paths of each length are listed in input order of their steps. The search stops after
    /// `budget` steps of exploration, so a dense graph cannot make it run for long.
    ///
    /// - Returns: the paths, and whether the search was cut short by the budget.
    /// - Complexity: O(*n* + *m*) for the distances to `target`, then O(*budget*) at most.
    public mutating func simplePaths(
        from source: Int, to target: Int, allowed: StepSet = .all, limit: Int, budget: Int = 5_000_000
    ) -> (paths: [[PathStep]], truncated: Bool) {
        guard limit > 0 else { return ([], false) }
        if source == target { return ([[]], false) }
        // Distances to the target, walking allowed steps backwards.
        nextGeneration()
        let gen = generation
        let mask = allowed.mask
        stamp[1][target] = gen
        distance[1][target] = 0
        var queue = [Int32(target)]
        var head = 0
        while head < queue.count {
            let x = Int(queue[head])
            head += 1
            for entry in Int(offsets[x])..<Int(offsets[x + 1]) where mask & (1 << UInt32(codes[entry] ^ 1)) != 0 {
                let y = Int(targets[entry])
                guard stamp[1][y] != gen else { continue }
                stamp[1][y] = gen
                distance[1][y] = distance[1][x] + 1
                queue.append(Int32(y))
            }
        }
        guard stamp[1][source] == gen else { return ([], false) }
        let shortest = Int(distance[1][source])
        var paths: [[PathStep]] = []
        var steps = 0
        var onPath = Set<Int>([source])
        var current: [PathStep] = []
        var truncated = false
        let longest = min(graph.nodeCount - 1, Self.longestSimplePath)

        func extend(_ node: Int, remaining: Int, _ finder: inout PathFinder) {
            if paths.count >= limit || truncated { return }
            if remaining == 0 {
                if node == target { paths.append(current) }
                return
            }
            for entry in Int(finder.offsets[node])..<Int(finder.offsets[node + 1]) {
                steps += 1
                if steps > budget {
                    truncated = true
                    return
                }
                guard mask & (1 << UInt32(finder.codes[entry])) != 0 else { continue }
                let next = Int(finder.targets[entry])
                guard finder.stamp[1][next] == gen, Int(finder.distance[1][next]) <= remaining - 1,
                    !onPath.contains(next)
                else { continue }
                if next == target, remaining != 1 { continue }
                onPath.insert(next)
                current.append(finder.step(entry, from: node, to: next, flip: false))
                extend(next, remaining: remaining - 1, &finder)
                current.removeLast()
                onPath.remove(next)
                if paths.count >= limit || truncated { return }
            }
        }

        var length = shortest
        while paths.count < limit, !truncated, length <= longest {
            extend(source, remaining: length, &self)
            length += 1
        }
        return (paths, truncated)
    }
}
