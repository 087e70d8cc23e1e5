import OrgGraphCore

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
    /// The kind of each node, in storage of this evaluator's own: read on every filter, it
    /// would otherwise be a reference count that evaluators on other threads contend on.
    let kinds: [NodeKind]
    /// The programs and buffers of the set queries (``nodeSet(_:from:into:)``).
    let sets: PathSets
    /// The graph's rows, while ``withBorrowedRows(_:)`` runs.
    var rowTable: Graph.RowTable?

    /// - Complexity: O(*n*) to allocate the marks.
    public init(_ loaded: LoadedOrganization) {
        organization = loaded.organization
        graph = loaded.graph
        emitted = [UInt32](repeating: 0, count: loaded.graph.nodeCount)
        sets = PathSets(graph: loaded.graph, organization: loaded.organization)
        let shared = loaded.graph.kinds
        kinds = [NodeKind](unsafeUninitializedCapacity: shared.count) { buffer, initialized in
            _ = buffer.initialize(from: shared)
            initialized = shared.count
        }
    }

    /// Calls `body` with this evaluator reading the graph's rows in place, borrowed once for
    /// all the queries `body` makes: what a loop over every node should do, since each query
    /// outside it borrows the rows anew.
    package mutating func withBorrowedRows<Result>(_ body: (inout PathEvaluator) -> Result) -> Result {
        let graph = self.graph
        return graph.withRowTable { table in
            rowTable = table
            defer { rowTable = nil }
            return body(&self)
        }
    }

    /// The nodes `expression` reaches from `start`, each once, in breadth-first order (by the
    /// number of edges walked, then by input order).
    ///
    /// - Complexity: O((*v* + *e*) · *s*) for the *v* nodes and *e* edges visited and the *s*
    ///   states of the expression's automaton.
    public mutating func evaluate(_ expression: PathExpression, from start: Int) -> [Int] {
        evaluate(expression.compiled, from: start)
    }

    /// The nodes a compiled expression reaches from `start`, as ``evaluate(_:from:)``.
    package mutating func evaluate(_ compiled: CompiledPath, from start: Int) -> [Int] {
        var result: [Int] = []
        run(compiled, from: start) { node in
            result.append(node)
            return true
        }
        return result
    }

    /// Whether `expression` reaches, from `start`, a node for which `predicate` holds; stops at
    /// the first.
    ///
    /// - Complexity: at most that of ``evaluate(_:from:)``.
    public mutating func reaches(_ expression: PathExpression, from start: Int, where predicate: (Int) -> Bool) -> Bool
    {
        reaches(expression.compiled, from: start, where: predicate)
    }

    /// Whether a compiled expression reaches, from `start`, a node for which `predicate` holds.
    package mutating func reaches(_ compiled: CompiledPath, from start: Int, where predicate: (Int) -> Bool) -> Bool {
        var found = false
        run(compiled, from: start) { node in
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
    private mutating func run(_ compiled: CompiledPath, from start: Int, _ visit: (Int) -> Bool) {
        let automaton = compiled.automaton.flatBox
        prepare(states: automaton.tables.accepting.count)
        let useLarge = markStates == 0
        // Work on local buffers: no copy-on-write checks in the loop.
        var marks: [UInt32] = []
        var emitted: [UInt32] = []
        var queue: [(node: Int32, state: Int32)] = []
        swap(&marks, &self.marks)
        swap(&emitted, &self.emitted)
        swap(&queue, &self.queue)
        defer {
            swap(&marks, &self.marks)
            swap(&emitted, &self.emitted)
            swap(&queue, &self.queue)
        }
        queue.removeAll(keepingCapacity: true)
        marks.withUnsafeMutableBufferPointer { marks in
            emitted.withUnsafeMutableBufferPointer { emitted in
                walk(automaton, from: start, marks: marks, emitted: emitted, queue: &queue, useLarge: useLarge, visit)
            }
        }
    }

    private mutating func walk(
        _ box: PathAutomaton.FlatBox, from start: Int, marks: UnsafeMutableBufferPointer<UInt32>,
        emitted: UnsafeMutableBufferPointer<UInt32>, queue: inout [(node: Int32, state: Int32)], useLarge: Bool,
        _ visit: (Int) -> Bool
    ) {
        let n = graph.nodeCount
        let generation = self.generation
        let kinds = self.kinds
        let table = self.rowTable
        // The organization, copied only for a test on something else than kinds.
        var organization: Organization?
        var largeMarks = self.largeMarks
        defer { self.largeMarks = largeMarks }
        var pending: [Int32] = []

        // Marks (node, state), emits an accepted node, queues the pair when the state has moves,
        // and follows the tests the node passes.
        func enter(_ node: Int32, _ state: Int32) -> Bool {
            let slot = Int(state) * n + Int(node)
            if useLarge {
                guard largeMarks.insert(slot).inserted else { return true }
            } else {
                guard marks[slot] != generation else { return true }
                marks[slot] = generation
            }
            if box.tables.accepting[Int(state)], emitted[Int(node)] != generation {
                emitted[Int(node)] = generation
                if !visit(Int(node)) { return false }
            }
            if box.tables.moveOffsets[Int(state)] != box.tables.moveOffsets[Int(state) + 1] {
                queue.append((node, state))
            }
            // Empty moves and passed tests stay on the node, at the same depth.
            let empties = Int(box.tables.emptyOffsets[Int(state)])..<Int(box.tables.emptyOffsets[Int(state) + 1])
            for empty in empties {
                if !enter(node, box.tables.emptyTargets[empty]) { return false }
            }
            let tests = Int(box.tables.testOffsets[Int(state)])..<Int(box.tables.testOffsets[Int(state) + 1])
            if !tests.isEmpty {
                let depth = pending.count
                for test in tests {
                    let filter = box.tables.testFilters[test]
                    let passes: Bool
                    switch filter {
                    case .kind(let kind): passes = kinds[Int(node)] == kind
                    case .kinds(let set): passes = set.contains(kinds[Int(node)])
                    default:
                        if organization == nil { organization = self.organization }
                        passes = organization.map { filter.matches(Int(node), in: $0) } ?? false
                    }
                    guard passes else { continue }
                    pending.append(box.tables.testTargets[test])
                }
                while pending.count > depth, let next = pending.popLast() {
                    if !enter(node, next) { return false }
                }
            }
            return true
        }

        guard enter(Int32(start), box.tables.start) else { return }
        var head = 0
        while head < queue.count {
            let (node, state) = queue[head]
            head += 1
            for move in Int(box.tables.moveOffsets[Int(state)])..<Int(box.tables.moveOffsets[Int(state) + 1]) {
                let target = box.tables.moveTargets[move]
                let filter = box.tables.moveFilters[move]
                if filter < 0, let table {
                    // The rows borrowed for the whole loop: plain pointers, no reference counted.
                    let row = 2 * Int(box.tables.moveTypes[move]) + (box.tables.moveReversed[move] ? 1 : 0)
                    let offsets = table.offsets[row]
                    guard !offsets.isEmpty else { continue }
                    let neighbors = table.neighbors[row]
                    for index in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                        if !enter(neighbors[index], target) { return }
                    }
                    continue
                }
                let adjacency =
                    box.tables.moveReversed[move]
                    ? graph.incoming[Int(box.tables.moveTypes[move])] : graph.outgoing[Int(box.tables.moveTypes[move])]
                guard !adjacency.offsets.isEmpty else { continue }
                let begin = Int(adjacency.offsets[Int(node)])
                let end = Int(adjacency.offsets[Int(node) + 1])
                guard filter >= 0 else {
                    for index in begin..<end {
                        if !enter(adjacency.neighbors[index], target) { return }
                    }
                    continue
                }
                let edgeFilter = box.tables.edgeFilters[Int(filter)]
                for index in begin..<end where edgeFilter.passes(Int(adjacency.edges[index]), in: graph) {
                    if !enter(adjacency.neighbors[index], target) { return }
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
        // After a query too large for the flat marks, `markStates` is 0 while `marks` keeps its
        // size: grow only when too small, never by a negative count.
        if marks.count < states * n {
            marks += [UInt32](repeating: 0, count: states * n - marks.count)
        }
        markStates = max(markStates, states)
    }
}
