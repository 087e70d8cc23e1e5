import OrgGraphCore

extension PathEvaluator {
    /// The nodes `expression` reaches from `start`, each once, in an order fixed by the input
    /// (not necessarily breadth-first): what checks use, where only the set matters.
    ///
    /// Expressions that are a union of chains (``PathProgram``) are evaluated by following sets
    /// of nodes operation by operation in buffers of the evaluator's own; others go through the
    /// automaton.
    ///
    /// - Complexity: O(edges walked) for a program; as ``evaluate(_:from:)`` otherwise.
    mutating func nodeSet(_ expression: PathExpression, from start: Int) -> [Int] {
        var result: [Int] = []
        nodeSet(expression.compiled, from: start, into: &result)
        return result
    }

    /// The nodes a compiled expression reaches from `start`, in `result` (emptied first, its
    /// storage kept for the next call): the form the checks' loops use, which copy no expression
    /// (its text and terms) for every node they look at.
    package mutating func nodeSet(_ compiled: CompiledPath, from start: Int, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        guard let program = sets.program(compiled) else {
            result.append(contentsOf: evaluate(compiled, from: start))
            return
        }
        let count = runProgram(program, from: start, stopAtFirst: false)
        let found = sets.found
        for index in 0..<count { result.append(Int(found[index])) }
    }

    /// How many distinct nodes a compiled expression reaches from `start`, without listing them.
    package mutating func countNodes(_ compiled: CompiledPath, from start: Int) -> Int {
        guard let program = sets.program(compiled) else { return evaluate(compiled, from: start).count }
        return runProgram(program, from: start, stopAtFirst: false)
    }

    /// Whether `expression` reaches any node from `start`.
    mutating func reachesAny(_ expression: PathExpression, from start: Int) -> Bool {
        reachesAny(expression.compiled, from: start)
    }

    /// Whether a compiled expression reaches any node from `start`.
    package mutating func reachesAny(_ compiled: CompiledPath, from start: Int) -> Bool {
        guard let program = sets.program(compiled) else { return reaches(compiled, from: start, where: { _ in true }) }
        return runProgram(program, from: start, stopAtFirst: true) > 0
    }

    private mutating func runProgram(_ program: Int, from start: Int, stopAtFirst: Bool) -> Int {
        if let table = rowTable {
            return sets.run(program, table, from: Int32(start), stopAtFirst: stopAtFirst)
        }
        let sets = self.sets
        return graph.withRowTable { table in sets.run(program, table, from: Int32(start), stopAtFirst: stopAtFirst) }
    }

    /// Whether node `index` matches `filter`, reading kinds and levels from flat arrays.
    static func matches(_ filter: NodeFilter, _ index: Int, _ graph: Graph, _ organization: Organization) -> Bool {
        switch filter {
        case .kind(let kind): return graph.kinds[index] == kind
        case .kinds(let kinds): return kinds.contains(graph.kinds[index])
        case .level(let level): return graph.level(of: index) == level
        default: return filter.matches(index, in: organization)
        }
    }
}

/// What an evaluator follows sets of nodes with: the programs of the compiled paths it was
/// asked about, and its buffers, all in memory of its own. Compiled paths are shared by the
/// threads of an audit; reading their arrays at every query would have the threads contend on
/// reference counts, and the inner loops here read plain memory only.
final class PathSets {
    private let graph: Graph
    private let organization: Organization
    private let nodeCount: Int

    /// The programs, by the identity of their compiled path; the compiled paths are kept, so
    /// that their identities are not reused.
    ///
    /// The evaluator that owns this is used by one thread at a time, and nothing here is
    /// reached but through it: its variables need no check of exclusive access at run time,
    /// which would otherwise cost more than a query's walk.
    @exclusivity(unchecked) private var index: [ObjectIdentifier: Int] = [:]
    @exclusivity(unchecked) private var owners: [CompiledPath] = []
    /// A direct-mapped cache in front of `index`: the identity and program of recent paths.
    private let recentKeys = UnsafeMutablePointer<UInt>.allocate(capacity: 64)
    private let recentPrograms = UnsafeMutablePointer<Int>.allocate(capacity: 64)

    /// Each program's operations and chain ends, copied out of its compiled path.
    @exclusivity(unchecked) private var operations: [UnsafeMutableBufferPointer<PathProgram.Operation>] = []
    @exclusivity(unchecked) private var chainEnds: [UnsafeMutableBufferPointer<Int32>] = []
    @exclusivity(unchecked) private var filters: [[NodeFilter]] = []

    /// The kind index of each node, and its level (0 none, else 1 + its index), made at the
    /// first test on levels.
    private let kinds: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var levels: UnsafeMutablePointer<UInt8>?
    /// The nodes of the current set, the next set, and those found; each holds a set, so at
    /// most `nodeCount`.
    private let first: UnsafeMutablePointer<Int32>
    private let second: UnsafeMutablePointer<Int32>
    let found: UnsafeMutablePointer<Int32>
    /// Marks with a generation, so that no buffer is cleared between queries.
    private let stepMarks: UnsafeMutablePointer<UInt32>
    private let foundMarks: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var stepGeneration: UInt32 = 0
    @exclusivity(unchecked) private var foundGeneration: UInt32 = 0

    init(graph: Graph, organization: Organization) {
        self.graph = graph
        self.organization = organization
        let count = max(1, graph.nodeCount)
        nodeCount = graph.nodeCount
        kinds = .allocate(capacity: count)
        for (node, kind) in graph.kinds.enumerated() { kinds[node] = UInt8(kind.index) }
        first = .allocate(capacity: count)
        second = .allocate(capacity: count)
        found = .allocate(capacity: count)
        stepMarks = .allocate(capacity: count)
        stepMarks.initialize(repeating: 0, count: count)
        foundMarks = .allocate(capacity: count)
        foundMarks.initialize(repeating: 0, count: count)
        recentKeys.initialize(repeating: 0, count: 64)
        recentPrograms.initialize(repeating: 0, count: 64)
    }

    deinit {
        kinds.deallocate()
        levels?.deallocate()
        first.deallocate()
        second.deallocate()
        found.deallocate()
        stepMarks.deallocate()
        foundMarks.deallocate()
        recentKeys.deallocate()
        recentPrograms.deallocate()
        for buffer in operations { buffer.deallocate() }
        for buffer in chainEnds { buffer.deallocate() }
    }

    /// The program of `compiled`, or `nil` when it has none.
    func program(_ compiled: CompiledPath) -> Int? {
        let key = ObjectIdentifier(compiled)
        let address = UInt(bitPattern: key)
        let slot = Int(truncatingIfNeeded: (address >> 4) ^ (address >> 10)) & 63
        if recentKeys[slot] == address { return recentPrograms[slot] }
        let program: Int
        if let known = index[key] {
            program = known
        } else {
            guard let source = compiled.program else { return nil }
            program = operations.count
            let copy = UnsafeMutableBufferPointer<PathProgram.Operation>.allocate(capacity: source.operations.count)
            _ = copy.initialize(from: source.operations)
            operations.append(copy)
            let ends = UnsafeMutableBufferPointer<Int32>.allocate(capacity: source.chainEnds.count)
            _ = ends.initialize(from: source.chainEnds)
            chainEnds.append(ends)
            filters.append(source.filters)
            index[key] = program
            owners.append(compiled)
        }
        recentKeys[slot] = address
        recentPrograms[slot] = program
        return program
    }

    private func nextGeneration(_ generation: inout UInt32, _ marks: UnsafeMutablePointer<UInt32>) -> UInt32 {
        if generation == UInt32.max {
            generation = 0
            marks.update(repeating: 0, count: max(1, nodeCount))
        }
        generation += 1
        return generation
    }

    private func levelCodes() -> UnsafeMutablePointer<UInt8> {
        if let levels { return levels }
        let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, nodeCount))
        for node in 0..<nodeCount {
            codes[node] = graph.level(of: node).map { UInt8(Level.allCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0
        }
        levels = codes
        return codes
    }

    /// Runs `program` from `start`; the nodes found are the first ones of ``found``, each once.
    ///
    /// - Returns: how many were found (one at most when `stopAtFirst`).
    func run(_ program: Int, _ table: Graph.RowTable, from start: Int32, stopAtFirst: Bool) -> Int {
        let operations = self.operations[program]
        let chainEnds = self.chainEnds[program]
        let single = chainEnds.count == 1
        let foundGeneration = single ? 0 : nextGeneration(&self.foundGeneration, foundMarks)
        var foundCount = 0
        let kinds = self.kinds
        let found = self.found
        let foundMarks = self.foundMarks
        var chainStart = 0
        for chainEnd in chainEnds {
            var frontier = first
            var next = second
            var count = 1
            frontier[0] = start
            for position in chainStart..<Int(chainEnd) {
                let operation = operations[position]
                switch operation.code {
                case .step, .closure:
                    count = walk(operation, table, frontier, count, into: next)
                    swap(&frontier, &next)
                case .kinds:
                    let mask = operation.kinds.rawValue
                    count = Self.keep(frontier, count) { mask & (1 << UInt32(kinds[Int($0)])) != 0 }
                case .level:
                    let levels = levelCodes()
                    let code = UInt8(operation.argument)
                    count = Self.keep(frontier, count) { levels[Int($0)] == code }
                case .filter:
                    let filter = filters[program][Int(operation.argument)]
                    let graph = self.graph
                    let organization = self.organization
                    count = Self.keep(frontier, count) { PathEvaluator.matches(filter, Int($0), graph, organization) }
                }
                if count == 0 { break }
            }
            chainStart = Int(chainEnd)
            for slot in 0..<count {
                let node = frontier[slot]
                if !single {
                    guard foundMarks[Int(node)] != foundGeneration else { continue }
                    foundMarks[Int(node)] = foundGeneration
                }
                found[foundCount] = node
                foundCount += 1
                if stopAtFirst { return foundCount }
            }
        }
        return foundCount
    }

    /// Keeps the first `count` nodes of the frontier that pass `test`, in order; returns how many.
    private static func keep(_ frontier: UnsafeMutablePointer<Int32>, _ count: Int, _ test: (Int32) -> Bool) -> Int {
        var kept = 0
        for slot in 0..<count where test(frontier[slot]) {
            frontier[kept] = frontier[slot]
            kept += 1
        }
        return kept
    }

    /// Writes to `next` the nodes one step (or, for a closure, any number of steps) from the
    /// first `count` of `frontier`, each once; returns their number.
    private func walk(
        _ operation: PathProgram.Operation, _ table: Graph.RowTable, _ frontier: UnsafeMutablePointer<Int32>,
        _ count: Int, into next: UnsafeMutablePointer<Int32>
    ) -> Int {
        let generation = nextGeneration(&stepGeneration, stepMarks)
        let row = Int(operation.row)
        var reached = 0
        let closure = operation.code == .closure
        if closure, operation.reflexive {
            for slot in 0..<count {
                let node = frontier[slot]
                stepMarks[Int(node)] = generation
                next[reached] = node
                reached += 1
            }
        }
        guard row < table.offsets.count else { return reached }
        let offsets = table.offsets[row]
        guard !offsets.isEmpty else { return reached }
        let neighbors = table.neighbors[row]
        let edges = table.edges[row]
        let filtered = operation.isFiltered
        let basisCode = operation.basisCode
        let periodMask = operation.periodMask
        let marks = stepMarks

        func expand(_ node: Int32) {
            for slot in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                if filtered {
                    let edge = Int(edges[slot])
                    guard basisCode == 0 || table.basisCodes[edge] == basisCode,
                        table.periodMasks[edge] & periodMask == periodMask
                    else { continue }
                }
                let target = neighbors[slot]
                guard marks[Int(target)] != generation else { continue }
                marks[Int(target)] = generation
                next[reached] = target
                reached += 1
            }
        }

        if closure {
            // Breadth first: the nodes reached are the queue. With `reflexive`, the frontier is
            // already in it; without, its nodes are expanded first and enter only when reached.
            var head = 0
            if !operation.reflexive {
                for slot in 0..<count { expand(frontier[slot]) }
            }
            while head < reached {
                expand(next[head])
                head += 1
            }
        } else {
            for slot in 0..<count { expand(frontier[slot]) }
        }
        return reached
    }
}
