import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Reports each strongly connected set of nodes, over the given steps, with one cycle through it.
///
/// A step is a relation type read forwards, or backwards (`part-of` read from the whole to the
/// part). Loops of one node are left to `no-self-relation`.
package struct AcyclicCheck: Check {
    package struct Step: Sendable, Hashable {
        package var type: RelationType
        package var reversed: Bool
        package init(type: RelationType, reversed: Bool) {
            self.type = type
            self.reversed = reversed
        }
    }

    package var steps: [Step]

    package init(steps: [Step]) {
        self.steps = steps
    }

    /// - Complexity: O(*n* + *m*): Tarjan's algorithm without recursion, then one search per cycle.
    package func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        // Most organizations have no cycle: a topological sort over flat arrays proves it
        // without the search that lists cycles.
        guard !isAcyclic(graph) else { return }
        let count = graph.nodeCount
        var index = [Int32](repeating: -1, count: count)
        var lowlink = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var nextIndex: Int32 = 0
        // Each frame: node, step position, neighbour position within that step.
        var frames: [(node: Int32, step: Int, position: Int)] = []
        var components: [[Int32]] = []

        for root in 0..<count where index[root] < 0 {
            frames.append((Int32(root), 0, 0))
            index[root] = nextIndex
            lowlink[root] = nextIndex
            nextIndex += 1
            stack.append(Int32(root))
            onStack[root] = true
            while var frame = frames.popLast() {
                let node = Int(frame.node)
                var descended = false
                while frame.step < steps.count {
                    let step = steps[frame.step]
                    let neighbors = graph.neighbors(of: node, via: step.type, reversed: step.reversed)
                    if frame.position >= neighbors.count {
                        frame.step += 1
                        frame.position = 0
                        continue
                    }
                    let next = Int(neighbors[neighbors.startIndex + frame.position])
                    frame.position += 1
                    if index[next] < 0 {
                        frames.append(frame)
                        frames.append((Int32(next), 0, 0))
                        index[next] = nextIndex
                        lowlink[next] = nextIndex
                        nextIndex += 1
                        stack.append(Int32(next))
                        onStack[next] = true
                        descended = true
                        break
                    } else if onStack[next] {
                        lowlink[node] = min(lowlink[node], index[next])
                    }
                }
                if descended { continue }
                if lowlink[node] == index[node] {
                    var component: [Int32] = []
                    while let member = stack.popLast() {
                        onStack[Int(member)] = false
                        component.append(member)
                        if Int(member) == node { break }
                    }
                    if component.count > 1 { components.append(component) }
                }
                if let parent = frames.last {
                    let p = Int(parent.node)
                    lowlink[p] = min(lowlink[p], lowlink[node])
                }
            }
        }

        var member = [Bool](repeating: false, count: count)
        for component in components.sorted(by: { ($0.min() ?? 0) < ($1.min() ?? 0) }) {
            for node in component { member[Int(node)] = true }
            let start = Int(component.min() ?? 0)
            let cycle = self.cycle(from: start, within: member, graph)
            for node in component { member[Int(node)] = false }
            // A long cycle is shown by its first and last steps and its length: the message and
            // the related places stay a few lines whatever the size of the circle.
            let shown =
                cycle.count > 2 * Self.stepsShownAtEachEnd + 1
                ? Array(cycle.prefix(Self.stepsShownAtEachEnd)) + Array(cycle.suffix(Self.stepsShownAtEachEnd)) : cycle
            var clauses: [String] = []
            var related: [(subject: FindingSubject, message: String)] = []
            for (edge, step) in shown {
                let from = Int(graph.edgeFrom[edge])
                let to = Int(graph.edgeTo[edge])
                let (source, target) = (context.describe(from), context.describe(to))
                let clause =
                    step.type == .partOf
                    ? context.localized(en: "\(source) is part of \(target)", vi: "\(source) trực thuộc \(target)")
                    : context.localized(
                        en: "\(source) \(step.type.rawValue) \(target)",
                        vi: "\(source) \(Self.vietnameseVerb(step.type)) \(target)")
                clauses.append(clause)
                related.append((.edge(edge), clause))
            }
            let others = component.map { context.node(Int($0)).id }.sorted()
            let steps: String
            let name = context.describe(start)
            if shown.count < cycle.count {
                let omitted = cycle.count - shown.count
                steps =
                    context.localized(
                        en: "a circle of \(cycle.count) steps through \(name): ",
                        vi: "một vòng khép kín \(cycle.count) bước qua \(name): ")
                    + clauses.prefix(Self.stepsShownAtEachEnd).joined(separator: ", ")
                    + context.localized(
                        en: ", … \(omitted) more step\(omitted == 1 ? "" : "s") …, ", vi: ", … còn \(omitted) bước …, ")
                    + clauses.suffix(Self.stepsShownAtEachEnd).joined(separator: ", ")
            } else {
                steps =
                    context.localized(en: "a circle through \(name): ", vi: "một vòng khép kín qua \(name): ")
                    + clauses.joined(separator: ", ")
            }
            sink.report(
                .node(start),
                context.localized(
                    en: "leadership runs in " + steps + "; leadership must run one way",
                    vi: "quan hệ lãnh đạo tạo thành " + steps + "; quan hệ lãnh đạo phải theo một chiều"),
                related: related, identity: others)
        }
    }

    /// How a Vietnamese message says that one node stands in `type` to another:
    /// `lãnh đạo (leads)`, `là cấp ủy cấp trên trực tiếp (superior-of) của`.
    static func vietnameseVerb(_ type: RelationType) -> String {
        switch type {
        case .superiorOf: "là cấp ủy cấp trên trực tiếp (superior-of) của"
        case .partOf: "trực thuộc"
        default: "\(type.vietnameseName) (\(type.rawValue))"
        }
    }

    package func summary(in language: Language) -> [String] {
        [
            "check: acyclic",
            "steps: " + steps.map { ($0.reversed ? "^" : "") + $0.type.rawValue }.joined(separator: ", "),
        ]
    }

    /// How many steps of a long cycle its finding shows at its start and at its end.
    static let stepsShownAtEachEnd = 4

    /// Whether the steps form no cycle of two or more nodes (Kahn's algorithm over a compact
    /// adjacency built from the edge arrays; loops of one node are ignored).
    ///
    /// - Complexity: O(*n* + *m*).
    func isAcyclic(_ graph: Graph) -> Bool {
        let n = graph.nodeCount
        var wanted = [Int8](repeating: -1, count: RelationType.allCases.count)
        for step in steps { wanted[step.type.index] = step.reversed ? 1 : 0 }
        var offsets = [Int32](repeating: 0, count: n + 1)
        var indegree = [Int32](repeating: 0, count: n)
        var total = 0
        graph.edgeFrom.withUnsafeBufferPointer { from in
            graph.edgeTo.withUnsafeBufferPointer { to in
                graph.edgeTypes.withUnsafeBufferPointer { types in
                    for edge in 0..<from.count {
                        let direction = wanted[types[edge].index]
                        guard direction >= 0, from[edge] != to[edge] else { continue }
                        let tail = direction == 0 ? from[edge] : to[edge]
                        let head = direction == 0 ? to[edge] : from[edge]
                        offsets[Int(tail) + 1] += 1
                        indegree[Int(head)] += 1
                        total += 1
                    }
                }
            }
        }
        for node in 0..<n { offsets[node + 1] += offsets[node] }
        var targets = [Int32](repeating: 0, count: total)
        var cursor = offsets
        graph.edgeFrom.withUnsafeBufferPointer { from in
            graph.edgeTo.withUnsafeBufferPointer { to in
                graph.edgeTypes.withUnsafeBufferPointer { types in
                    for edge in 0..<from.count {
                        let direction = wanted[types[edge].index]
                        guard direction >= 0, from[edge] != to[edge] else { continue }
                        let tail = Int(direction == 0 ? from[edge] : to[edge])
                        targets[Int(cursor[tail])] = direction == 0 ? to[edge] : from[edge]
                        cursor[tail] += 1
                    }
                }
            }
        }
        var queue = [Int32]()
        queue.reserveCapacity(n)
        for node in 0..<n where indegree[node] == 0 { queue.append(Int32(node)) }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for slot in Int(offsets[node])..<Int(offsets[node + 1]) {
                let next = Int(targets[slot])
                indegree[next] -= 1
                if indegree[next] == 0 { queue.append(Int32(next)) }
            }
        }
        return queue.count == n
    }

    /// The edges of a shortest cycle through `start` that stays inside `member`.
    private func cycle(from start: Int, within member: [Bool], _ graph: Graph) -> [(Int, Step)] {
        var parent: [Int: (node: Int, edge: Int, step: Step)] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for step in steps {
                let neighbors = graph.neighbors(of: node, via: step.type, reversed: step.reversed)
                let edges = graph.edges(of: node, via: step.type, reversed: step.reversed)
                for (next32, edge) in zip(neighbors, edges) {
                    let next = Int(next32)
                    guard member[next], next != node else { continue }
                    if next == start {
                        var path: [(Int, Step)] = [(Int(edge), step)]
                        var current = node
                        while current != start, let link = parent[current] {
                            path.append((link.edge, link.step))
                            current = link.node
                        }
                        return path.reversed()
                    }
                    if parent[next] == nil {
                        parent[next] = (node, Int(edge), step)
                        queue.append(next)
                    }
                }
            }
        }
        return []
    }
}
