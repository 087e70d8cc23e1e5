extension Array {
    /// A copy with storage of its own (a plain assignment shares the buffer).
    fileprivate var detached: [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}

extension Graph {
    /// The graph with every array in storage of its own.
    ///
    /// Threads that read one graph's arrays at a high rate contend on their shared reference
    /// counts; a thread reading its own copy does not.
    ///
    /// - Complexity: O(*n* + *m*), a copy of the arrays.
    func detached() -> Graph {
        Graph(
            nodeCount: nodeCount, kinds: kinds.detached, writtenLevels: writtenLevels.detached, ids: ids,
            edgeFrom: edgeFrom.detached, edgeTo: edgeTo.detached, edgeTypes: edgeTypes.detached,
            edgeOrigins: edgeOrigins.detached, periodMasks: periodMasks.detached,
            outgoing: outgoing.map { $0.detached() }, incoming: incoming.map { $0.detached() })
    }
}

extension Graph.Adjacency {
    fileprivate func detached() -> Graph.Adjacency {
        Graph.Adjacency(offsets: offsets.detached, neighbors: neighbors.detached, edges: edges.detached)
    }
}
