/// Evaluates path expressions over an organization's graph: the nodes reached from a start
/// node, each once, in breadth-first order.
///
/// The evaluator walks the product of the graph and the expression's automaton breadth first,
/// marking each (node, state) pair once, so closures over cycles terminate. It keeps its
/// marks between calls (a generation counter instead of clearing), so a query costs what it
/// visits, not the size of the graph. Use one evaluator for many queries; it is not shared
/// between threads.
public struct PathEvaluator {
    public let organization: Organization
    public let graph: Graph

    private var marks: [UInt32] = []
    private var markStates = 0
    private var largeMarks: Set<Int> = []
    private var emitted: [UInt32]
    private var generation: UInt32 = 0
    private var queue: [(node: Int32, state: Int32)] = []
    private var pending: [Int32] = []

    /// - Complexity: O(*n*) to allocate the marks.
    public init(_ loaded: LoadedOrganization) {
        organization = loaded.organization
        graph = loaded.graph
        emitted = [UInt32](repeating: 0, count: loaded.graph.nodeCount)
    }

    /// The nodes `expression` reaches from `start`, each once, in breadth-first order (by the
    /// number of edges walked, then by input order).
    ///
    /// - Complexity: O((*v* + *e*) · *s*) for the *v* nodes and *e* edges visited and the *s*
    ///   states of the expression's automaton.
    public mutating func evaluate(_ expression: PathExpression, from start: Int) -> [Int] {
        var result: [Int] = []
        run(expression, from: start) { node in
            result.append(node)
            return true
        }
        return result
    }

    /// Whether `expression` reaches, from `start`, a node for which `predicate` holds; stops at
    /// the first.
    ///
    /// - Complexity: at most that of ``evaluate(_:from:)``.
    public mutating func reaches(_ expression: PathExpression, from start: Int, where predicate: (Int) -> Bool) -> Bool {
        var found = false
        run(expression, from: start) { node in
            if predicate(node) {
                found = true
                return false
            }
            return true
        }
        return found
    }

    /// Walks the product graph, calling `visit` with each node reached the first time;
    /// stops when `visit` returns false.
    private mutating func run(_ expression: PathExpression, from start: Int, _ visit: (Int) -> Bool) {
        let automaton = expression.automaton
        prepare(states: automaton.stateCount)
        let n = graph.nodeCount
        let useLarge = markStates == 0
        queue.removeAll(keepingCapacity: true)
        var head = 0
        var going = true

        // Marks (node, state) and its empty-move closure; enqueues the pairs that have moves.
        func enter(_ node: Int32, _ state: Int32, _ evaluator: inout PathEvaluator) {
            evaluator.pending.removeAll(keepingCapacity: true)
            evaluator.pending.append(state)
            while let current = evaluator.pending.popLast() {
                let slot = Int(current) * n + Int(node)
                if useLarge {
                    guard evaluator.largeMarks.insert(slot).inserted else { continue }
                } else {
                    guard evaluator.marks[slot] != evaluator.generation else { continue }
                    evaluator.marks[slot] = evaluator.generation
                }
                if current == automaton.accept, evaluator.emitted[Int(node)] != evaluator.generation {
                    evaluator.emitted[Int(node)] = evaluator.generation
                    if !visit(Int(node)) {
                        going = false
                        return
                    }
                }
                if !automaton.moves[Int(current)].isEmpty { evaluator.queue.append((node, current)) }
                for next in automaton.epsilons[Int(current)] { evaluator.pending.append(next) }
                for (filter, next) in automaton.tests[Int(current)]
                where filter.matches(Int(node), in: evaluator.organization) {
                    evaluator.pending.append(next)
                }
            }
        }

        enter(Int32(start), automaton.start, &self)
        while going, head < queue.count {
            let (node, state) = queue[head]
            head += 1
            for move in automaton.moves[Int(state)] {
                for next in graph.neighborSlice(Int(node), move.type.index, move.reversed) {
                    enter(next, move.target, &self)
                    if !going { return }
                }
            }
        }
    }

    private mutating func prepare(states: Int) {
        let n = graph.nodeCount
        if generation == UInt32.max {
            generation = 0
            for index in marks.indices { marks[index] = 0 }
            for index in emitted.indices { emitted[index] = 0 }
        }
        generation += 1
        largeMarks.removeAll(keepingCapacity: true)
        if states * n > 1 << 24 {
            markStates = 0
            return
        }
        if states > markStates || marks.count < states * n {
            marks += [UInt32](repeating: 0, count: states * n - marks.count)
            markStates = states
        }
    }
}
