import OrgGraphCore

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

    /// The steps of exploration a search for simple paths takes at most, unless told otherwise.
    public static let defaultBudget = 5_000_000

    // The undirected view: entries of node u are offsets[u]..<offsets[u+1].
    private let offsets: [Int32]
    private let targets: [Int32]
    private let entryEdges: [Int32]
    /// `type.index * 2 + (walks the edge backwards ? 1 : 0)`.
    private let codes: [UInt8]

    /// What a search knows of a node from one side: entry `2 * node + side` of `marks`, so
    /// both sides of a node share a cache line.
    private struct Mark {
        /// The search the rest belongs to; older stamps mean "not reached".
        var stamp: UInt32 = 0
        var distance: Int32 = 0
        var parentNode: Int32 = -1
        var parentEntry: Int32 = -1
    }

    private var generation: UInt32 = 0
    private var marks: [Mark]
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
        marks = [Mark](repeating: Mark(), count: 2 * n)
    }

    private mutating func nextGeneration() {
        if generation == UInt32.max {
            generation = 0
            for index in marks.indices { marks[index].stamp = 0 }
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
        if let step = directStep(from: source, to: target, allowed: allowed) { return [step] }
        nextGeneration()
        let gen = generation
        var frontiers: [[Int32]] = []
        var next: [Int32] = []
        var marks: [Mark] = []
        // The buffers are taken out of `self` for the search: the loop below then works on
        // plain memory.
        swap(&frontiers, &self.frontiers)
        swap(&next, &self.next)
        swap(&marks, &self.marks)
        defer {
            swap(&frontiers, &self.frontiers)
            swap(&next, &self.next)
            swap(&marks, &self.marks)
        }
        marks[2 * source] = Mark(stamp: gen, distance: 0, parentNode: -1, parentEntry: -1)
        marks[2 * target + 1] = Mark(stamp: gen, distance: 0, parentNode: -1, parentEntry: -1)
        frontiers[0].removeAll(keepingCapacity: true)
        frontiers[0].append(Int32(source))
        frontiers[1].removeAll(keepingCapacity: true)
        frontiers[1].append(Int32(target))
        let mask = allowed.mask
        let filtered = allowed.filtered
        var depth = SIMD2<Int32>(0, 0)
        var meeting = -1
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                codes.withUnsafeBufferPointer { codes in
                    marks.withUnsafeMutableBufferPointer { marks in
                        search: while !frontiers[0].isEmpty, !frontiers[1].isEmpty {
                            let side = cost(frontiers[0], offsets) <= cost(frontiers[1], offsets) ? 0 : 1
                            let other = 1 - side
                            // Forwards, a step u → v is entry (v, code) of u; backwards, entry
                            // (u, code) of v stands for the step u → v with the direction bit flipped.
                            let flip: UInt8 = side == 0 ? 0 : 1
                            var best: (length: Int32, node: Int32) = (.max, -1)
                            next.removeAll(keepingCapacity: true)
                            for u in frontiers[side] {
                                let base = marks[2 * Int(u) + side].distance + 1
                                for entry in Int(offsets[Int(u)])..<Int(offsets[Int(u) + 1]) {
                                    guard mask & (1 << UInt32(codes[entry] ^ flip)) != 0 else { continue }
                                    if filtered & (1 << UInt32(codes[entry] ^ flip)) != 0,
                                        !allowed.passes(codes[entry] ^ flip, edge: Int(entryEdges[entry]), in: graph)
                                    {
                                        continue
                                    }
                                    let v = Int(targets[entry])
                                    guard marks[2 * v + side].stamp != gen else { continue }
                                    marks[2 * v + side] = Mark(
                                        stamp: gen, distance: base, parentNode: u, parentEntry: Int32(entry))
                                    next.append(Int32(v))
                                    let far = marks[2 * v + other]
                                    if far.stamp == gen {
                                        let length = base + far.distance
                                        if length < best.length { best = (length, Int32(v)) }
                                        // No meet in this layer can be shorter than one through the
                                        // far side's current depth: the first such meet is the answer.
                                        if far.distance == depth[other] {
                                            meeting = v
                                            break search
                                        }
                                    }
                                }
                            }
                            if best.node >= 0 {
                                meeting = Int(best.node)
                                break search
                            }
                            swap(&frontiers[side], &next)
                            depth[side] += 1
                        }
                    }
                }
            }
        }
        guard meeting >= 0 else { return nil }
        return reconstruct(through: meeting, marks)
    }

    /// The step the search would return between two neighbours, found without a search: the
    /// first entry joining them on the side the search expands first (the one of lower degree).
    private func directStep(from source: Int, to target: Int, allowed: StepSet) -> PathStep? {
        let mask = allowed.mask
        func passes(_ entry: Int, _ code: UInt8) -> Bool {
            allowed.filtered & (1 << UInt32(code)) == 0
                || allowed.passes(code, edge: Int(entryEdges[entry]), in: graph)
        }
        let sourceDegree = offsets[source + 1] - offsets[source]
        let targetDegree = offsets[target + 1] - offsets[target]
        if sourceDegree <= targetDegree {
            for entry in Int(offsets[source])..<Int(offsets[source + 1])
            where targets[entry] == Int32(target) && mask & (1 << UInt32(codes[entry])) != 0
                && passes(entry, codes[entry])
            {
                return step(entry, from: source, to: target, flip: false)
            }
        } else {
            for entry in Int(offsets[target])..<Int(offsets[target + 1])
            where targets[entry] == Int32(source) && mask & (1 << UInt32(codes[entry] ^ 1)) != 0
                && passes(entry, codes[entry] ^ 1)
            {
                return step(entry, from: source, to: target, flip: true)
            }
        }
        return nil
    }

    /// The sum of the degrees of a frontier: what expanding it costs.
    private func cost(_ frontier: [Int32], _ offsets: UnsafeBufferPointer<Int32>) -> Int {
        var total = 0
        for node in frontier {
            total += Int(offsets[Int(node) + 1] - offsets[Int(node)])
            if total > 1 << 20 { break }
        }
        return total
    }

    private func reconstruct(through meeting: Int, _ marks: [Mark]) -> [PathStep] {
        let generation = self.generation
        var head: [PathStep] = []
        var node = meeting
        while marks[2 * node].parentNode >= 0, marks[2 * node].stamp == generation, marks[2 * node].distance > 0 {
            let entry = Int(marks[2 * node].parentEntry)
            let previous = Int(marks[2 * node].parentNode)
            head.append(step(entry, from: previous, to: node, flip: false))
            node = previous
        }
        head.reverse()
        node = meeting
        while marks[2 * node + 1].stamp == generation, marks[2 * node + 1].distance > 0 {
            let entry = Int(marks[2 * node + 1].parentEntry)
            let nextNode = Int(marks[2 * node + 1].parentNode)
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

    /// Simple paths from `source` to `target` (no node twice), shortest first, at most `limit`,
    /// collected in an array; ``simplePaths(from:to:allowed:limit:budget:_:)`` hands each one
    /// over as it is found instead.
    ///
    /// - Returns: the paths, and whether the search was cut short by the budget.
    /// - Complexity: as ``simplePaths(from:to:allowed:limit:budget:_:)``, plus the paths' steps.
    public mutating func simplePaths(
        from source: Int, to target: Int, allowed: StepSet = .all, limit: Int, budget: Int = defaultBudget
    ) -> (paths: [[PathStep]], truncated: Bool) {
        var paths: [[PathStep]] = []
        let result = simplePaths(from: source, to: target, allowed: allowed, limit: limit, budget: budget) {
            paths.append($0)
        }
        return (paths, result.truncated)
    }

    /// Simple paths from `source` to `target` (no node twice), shortest first, at most `limit`,
    /// each handed to `visit` as soon as it is found and not kept: memory is that of one path
    /// and the search's marks, whatever `limit` is.
    ///
    /// Paths of each length are listed in input order of their steps. The search stops after
    /// `budget` steps of exploration, so a dense graph cannot make it run for long.
    ///
    /// - Returns: how many paths were found, and whether the search was cut short by the budget.
    /// - Complexity: O(*n* + *m*) for the distances to `target`, then O(*budget*) at most; memory
    ///   O(*n* + *m*).
    @discardableResult
    public mutating func simplePaths(
        from source: Int, to target: Int, allowed: StepSet = .all, limit: Int, budget: Int = defaultBudget,
        _ visit: ([PathStep]) -> Void
    ) -> (count: Int, truncated: Bool) {
        guard limit > 0 else { return (0, false) }
        if source == target {
            visit([])
            return (1, false)
        }
        // Distances to the target, walking allowed steps backwards.
        nextGeneration()
        let gen = generation
        let mask = allowed.mask
        let filtered = allowed.filtered
        let graph = self.graph
        /// Whether the step of `code` along entry `entry` passes its edge filter, if it has one.
        func passes(_ entry: Int, _ code: UInt8, _ finder: borrowing PathFinder) -> Bool {
            allowed.passes(code, edge: Int(finder.entryEdges[entry]), in: graph)
        }
        marks[2 * target + 1].stamp = gen
        marks[2 * target + 1].distance = 0
        var queue = [Int32(target)]
        var head = 0
        while head < queue.count {
            let x = Int(queue[head])
            head += 1
            for entry in Int(offsets[x])..<Int(offsets[x + 1])
            where mask & (1 << UInt32(codes[entry] ^ 1)) != 0
                && (filtered & (1 << UInt32(codes[entry] ^ 1)) == 0 || passes(entry, codes[entry] ^ 1, self))
            {
                let y = Int(targets[entry])
                guard marks[2 * y + 1].stamp != gen else { continue }
                marks[2 * y + 1].stamp = gen
                marks[2 * y + 1].distance = marks[2 * x + 1].distance + 1
                queue.append(Int32(y))
            }
        }
        guard marks[2 * source + 1].stamp == gen else { return (0, false) }
        let shortest = Int(marks[2 * source + 1].distance)
        var found = 0
        var steps = 0
        var onPath = Set<Int>([source])
        var current: [PathStep] = []
        var truncated = false
        let longest = min(graph.nodeCount - 1, Self.longestSimplePath)

        func extend(_ node: Int, remaining: Int, _ finder: inout PathFinder) {
            if found >= limit || truncated { return }
            if remaining == 0 {
                if node == target {
                    found += 1
                    visit(current)
                }
                return
            }
            for entry in Int(finder.offsets[node])..<Int(finder.offsets[node + 1]) {
                steps += 1
                if steps > budget {
                    truncated = true
                    return
                }
                let code = finder.codes[entry]
                guard mask & (1 << UInt32(code)) != 0,
                    filtered & (1 << UInt32(code)) == 0 || passes(entry, code, finder)
                else { continue }
                let next = Int(finder.targets[entry])
                guard finder.marks[2 * next + 1].stamp == gen,
                    Int(finder.marks[2 * next + 1].distance) <= remaining - 1,
                    !onPath.contains(next)
                else { continue }
                if next == target, remaining != 1 { continue }
                onPath.insert(next)
                current.append(finder.step(entry, from: node, to: next, flip: false))
                extend(next, remaining: remaining - 1, &finder)
                current.removeLast()
                onPath.remove(next)
                if found >= limit || truncated { return }
            }
        }

        var length = shortest
        while found < limit, !truncated, length <= longest {
            extend(source, remaining: length, &self)
            length += 1
        }
        return (found, truncated)
    }
}
