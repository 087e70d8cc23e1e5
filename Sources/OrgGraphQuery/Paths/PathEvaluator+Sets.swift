import OrgGraphCore

extension PathEvaluator {
    /// The nodes `expression` reaches from `start`, each once, in an order fixed by the input
    /// (not necessarily breadth-first): what checks use, where only the set matters.
    ///
    /// Expressions without unbounded repetition are evaluated as a union of chains, following
    /// sets of nodes step by step in reused buffers; others go through the automaton.
    ///
    /// - Complexity: O(edges walked) for finite expressions; as ``evaluate(_:from:)`` otherwise.
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
        guard let chains = localChains(compiled) else {
            result.append(contentsOf: evaluate(compiled, from: start))
            return
        }
        collect(chains, from: start, stopAtFirst: false) { result.append(Int($0)) }
    }

    /// How many distinct nodes a compiled expression reaches from `start`, without listing them.
    package mutating func countNodes(_ compiled: CompiledPath, from start: Int) -> Int {
        guard let chains = localChains(compiled) else { return evaluate(compiled, from: start).count }
        var count = 0
        collect(chains, from: start, stopAtFirst: false) { _ in count += 1 }
        return count
    }

    /// Whether `expression` reaches any node from `start`.
    mutating func reachesAny(_ expression: PathExpression, from start: Int) -> Bool {
        reachesAny(expression.compiled, from: start)
    }

    /// Whether a compiled expression reaches any node from `start`.
    package mutating func reachesAny(_ compiled: CompiledPath, from start: Int) -> Bool {
        guard let chains = localChains(compiled) else { return reaches(compiled, from: start, where: { _ in true }) }
        var found = false
        collect(chains, from: start, stopAtFirst: true) { _ in found = true }
        return found
    }

    /// The chains of `compiled`, in storage of this evaluator's own: compiled paths are shared
    /// by the threads of an audit, and reading shared arrays at every query would have the
    /// threads contend on their reference counts.
    private mutating func localChains(_ compiled: CompiledPath) -> [PathChain]? {
        guard let chains = compiled.chains else { return nil }
        // The compiled path is kept with its copy, so that its identity is not reused.
        let key = ObjectIdentifier(compiled)
        if let local = chainCopies[key] { return local }
        let local = chains.map { chain in
            PathChain(operations: chain.operations.ownCopy, filters: chain.filters.ownCopy)
        }.ownCopy
        chainCopies[key] = local
        chainOwners.append(compiled)
        return local
    }

    private mutating func collect(
        _ chains: [PathChain], from start: Int, stopAtFirst: Bool, _ emit: (Int32) -> Void
    ) {
        if let table = rowTable {
            collect(chains, table, from: start, stopAtFirst: stopAtFirst, emit)
            return
        }
        let graph = self.graph
        graph.withRowTable { table in collect(chains, table, from: start, stopAtFirst: stopAtFirst, emit) }
    }

    private mutating func collect(
        _ chains: [PathChain], _ table: Graph.RowTable, from start: Int, stopAtFirst: Bool, _ emit: (Int32) -> Void
    ) {
        let single = chains.count == 1
        let resultGeneration = single ? 0 : nextSetGeneration(0)
        // The buffers are taken out of `self` for the walk and put back after: the inner loops
        // then read and write plain memory, with no reference counting on shared arrays.
        var frontier: [Int32] = []
        var next: [Int32] = []
        var seen: [UInt32] = []
        swap(&frontier, &self.frontier)
        swap(&next, &self.next)
        defer {
            swap(&frontier, &self.frontier)
            swap(&next, &self.next)
        }
        for chainIndex in chains.indices {
            frontier.removeAll(keepingCapacity: true)
            frontier.append(Int32(start))
            let chain = chains[chainIndex]
            for operation in chain.operations {
                if operation.isStep {
                    let generation = nextSetGeneration(1)
                    swap(&seen, &setMarks[1])
                    next.removeAll(keepingCapacity: true)
                    let row = 2 * operation.typeIndex + (operation.reversed ? 1 : 0)
                    let offsets = table.offsets[row]
                    let neighbors = table.neighbors[row]
                    if !offsets.isEmpty {
                        seen.withUnsafeMutableBufferPointer { seen in
                            for node in frontier {
                                for slot in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                                    let target = neighbors[slot]
                                    guard seen[Int(target)] != generation else { continue }
                                    seen[Int(target)] = generation
                                    next.append(target)
                                }
                            }
                        }
                    }
                    swap(&seen, &setMarks[1])
                    swap(&frontier, &next)
                } else if operation.filter >= 0, case .level(let level) = chain.filters[Int(operation.filter)] {
                    if levels.isEmpty { levels = (0..<graph.nodeCount).map { graph.level(of: $0) } }
                    levels.withUnsafeBufferPointer { levels in
                        frontier.removeAll { levels[Int($0)] != level }
                    }
                } else if operation.filter >= 0 {
                    let filter = chain.filters[Int(operation.filter)]
                    let graph = self.graph
                    let organization = self.organization
                    frontier.removeAll { !Self.matches(filter, Int($0), graph, organization) }
                } else {
                    self.kinds.withUnsafeBufferPointer { kinds in
                        frontier.removeAll { !operation.kinds.contains(kinds[Int($0)]) }
                    }
                }
                if frontier.isEmpty { break }
            }
            for node in frontier {
                if !single {
                    guard setMarks[0][Int(node)] != resultGeneration else { continue }
                    setMarks[0][Int(node)] = resultGeneration
                }
                emit(node)
                if stopAtFirst { return }
            }
        }
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

extension Array {
    /// The array in storage of its own (an assignment shares the storage).
    fileprivate var ownCopy: [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
