import Dispatch

/// The organization as a graph: integer node indices, flat arrays, and forward and reverse
/// adjacency per relation type in compressed sparse rows, built once after loading.
///
/// Node `i` is `organization.nodes[i]`; edges include the `part-of:` shorthand of nodes as
/// well as the written relations. Neighbours are listed in input order, so every traversal
/// over them is deterministic.
public struct Graph: Sendable {
    /// Where a reference was written.
    public enum Reference: Sendable, Hashable {
        case partOf(node: Int)
        case relationFrom(Int)
        case relationTo(Int)
        case suppression(Int)
    }

    /// Something that prevents building the graph.
    public enum Problem: Sendable, Hashable {
        /// The id is used by nodes `first` and `second`.
        case duplicateID(String, first: Int, second: Int)
        /// The id is referred to but no node has it.
        case unknownReference(String, Reference)
    }

    /// The organization cannot be made into a graph.
    public struct BuildError: Error, Sendable {
        public var problems: [Problem]
    }

    /// Adjacency of one relation type in one direction: the neighbours of node `i` are
    /// `neighbors[offsets[i]..<offsets[i + 1]]`, reached through `edges[...]` at the same places.
    package struct Adjacency: Sendable {
        package var offsets: [Int32]
        package var neighbors: [Int32]
        package var edges: [Int32]
    }

    /// The number of nodes.
    public let nodeCount: Int
    /// The kind of each node.
    public let kinds: [NodeKind]
    /// The level written on each node: 0 none, else 1 + the index in `Level.allCases`.
    let writtenLevels: [UInt8]
    let ids: IDIndex
    /// Edge `e` goes from `edgeFrom[e]` to `edgeTo[e]` with type `edgeTypes[e]`.
    package let edgeFrom: [Int32]
    package let edgeTo: [Int32]
    package let edgeTypes: [RelationType]
    /// `>= 0`: the index of the relation; `< 0`: the `part-of:` field of node `-(origin + 1)`.
    let edgeOrigins: [Int32]
    /// The periods of each edge's relation as a bit mask (bit `i`: `Period.allCases[i]`).
    package let periodMasks: [UInt8]
    /// The basis of each edge's relation: 0 none, else 1 + the index in `Basis.allCases`.
    package let basisCodes: [UInt8]
    package let outgoing: [Adjacency]
    package let incoming: [Adjacency]

    /// Builds the graph of `organization`.
    ///
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* relations.
    /// - Throws: ``BuildError`` listing every duplicate id and every reference to a missing node.
    public init(_ organization: Organization) throws(BuildError) {
        try self.init(organization, prepared: nil)
    }

    /// What a loader already resolved while reading: the id index of every node (in order,
    /// duplicates left out and listed), and how many of the first ids of the relations' table
    /// of ids are those of the nodes, in node order (such an end is its node's index).
    package struct Prepared {
        var ids: IDIndex
        var duplicates: [Problem]
        var nodeNames: Int

        package init(ids: IDIndex, duplicates: [Problem], nodeNames: Int) {
            self.ids = ids
            self.duplicates = duplicates
            self.nodeNames = nodeNames
        }
    }

    package init(_ organization: Organization, prepared: Prepared?) throws(BuildError) {
        let nodes = organization.nodes
        nodeCount = nodes.count
        var problems: [Problem] = []
        var index: IDIndex
        if let prepared {
            index = prepared.ids
            problems = prepared.duplicates
        } else {
            index = IDIndex(capacity: nodes.count)
            for (position, node) in nodes.enumerated() {
                if let first = index.insert(node.id, node: Int32(position)) {
                    problems.append(.duplicateID(node.id, first: Int(first), second: position))
                }
            }
        }
        var kinds: [NodeKind] = []
        var writtenLevels: [UInt8] = []
        kinds.reserveCapacity(nodes.count)
        writtenLevels.reserveCapacity(nodes.count)
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices {
                kinds.append(nodes[index].kind)
                writtenLevels.append(nodes[index].level.map { UInt8(Level.allCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0)
            }
        }
        self.kinds = kinds
        self.writtenLevels = writtenLevels

        let capacity = organization.relations.count + nodes.count
        var from: [Int32] = []
        var to: [Int32] = []
        var types: [RelationType] = []
        var origins: [Int32] = []
        var periods: [UInt8] = []
        var bases: [UInt8] = []
        periods.reserveCapacity(capacity)
        bases.reserveCapacity(capacity)
        from.reserveCapacity(capacity)
        to.reserveCapacity(capacity)
        types.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
        for position in nodes.indices {
            guard let container = nodes[position].partOf else { continue }
            guard let target = index.resolve(container) else {
                problems.append(.unknownReference(container, .partOf(node: position)))
                continue
            }
            from.append(Int32(position))
            to.append(target)
            types.append(.partOf)
            origins.append(-Int32(position) - 1)
            periods.append(0)
            bases.append(0)
        }
        // Each id the relations name is resolved once, not once per end.
        let relations = organization.relations
        let known = min(prepared?.nodeNames ?? 0, nodes.count)
        let nameNodes = relations.names.indices.map { name in
            name < known ? Int32(name) : index.resolve(relations.names[name]) ?? -1
        }
        let (fromEnds, toEnds, relationTypes, relationPeriods, relationBases) =
            (relations.fromEnds, relations.toEnds, relations.types, relations.periods, relations.bases)
        for position in relations.indices {
            let source = nameNodes[Int(fromEnds[position])]
            let target = nameNodes[Int(toEnds[position])]
            if source < 0 {
                problems.append(.unknownReference(relations.names[Int(fromEnds[position])], .relationFrom(position)))
            }
            if target < 0 {
                problems.append(.unknownReference(relations.names[Int(toEnds[position])], .relationTo(position)))
            }
            guard source >= 0, target >= 0 else { continue }
            from.append(source)
            to.append(target)
            types.append(relationTypes[position])
            origins.append(Int32(position))
            periods.append(relationPeriods[position].map(Period.mask) ?? 0)
            bases.append(relationBases[position].map { UInt8($0.index) + 1 } ?? 0)
        }
        for (position, suppression) in organization.suppressions.enumerated()
        where index.resolve(suppression.node) == nil {
            problems.append(.unknownReference(suppression.node, .suppression(position)))
        }
        ids = index
        guard problems.isEmpty else { throw BuildError(problems: problems) }
        edgeFrom = from
        edgeTo = to
        edgeTypes = types
        edgeOrigins = origins
        periodMasks = periods
        basisCodes = bases
        // Edges ordered by input position: part-of shorthands (in node order) come first, then
        // relations in file order. Stable counting sort keeps that order within each row.
        let byType = Self.edgesByType(types)
        // The two directions are independent: a large graph builds them on two threads.
        let nodeCount = nodes.count
        let (sources, targets) = (from, to)
        if from.count >= 100_000 {
            let rows = ResultSlots<[Adjacency]>(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { direction in
                rows[direction] =
                    direction == 0
                    ? Self.adjacency(nodeCount: nodeCount, sources: sources, targets: targets, byType: byType)
                    : Self.adjacency(nodeCount: nodeCount, sources: targets, targets: sources, byType: byType)
            }
            outgoing = rows[0] ?? []
            incoming = rows[1] ?? []
        } else {
            outgoing = Self.adjacency(nodeCount: nodeCount, sources: from, targets: to, byType: byType)
            incoming = Self.adjacency(nodeCount: nodeCount, sources: to, targets: from, byType: byType)
        }
    }

    /// The edges grouped by type, in input order within each type: for each type, the range
    /// of `edges` it has.
    private static func edgesByType(_ types: [RelationType]) -> (edges: [Int32], ranges: [Range<Int>]) {
        let typeCount = RelationType.allCases.count
        var starts = [Int](repeating: 0, count: typeCount + 1)
        for type in types { starts[type.index + 1] += 1 }
        for type in 0..<typeCount { starts[type + 1] += starts[type] }
        var cursor = starts
        var edges = [Int32](repeating: 0, count: types.count)
        for edge in types.indices {
            let type = types[edge].index
            edges[cursor[type]] = Int32(edge)
            cursor[type] += 1
        }
        return (edges, (0..<typeCount).map { starts[$0]..<starts[$0 + 1] })
    }

    private static func adjacency(
        nodeCount: Int, sources: [Int32], targets: [Int32], byType: (edges: [Int32], ranges: [Range<Int>])
    ) -> [Adjacency] {
        // A counting sort per type: count each node's edges, sum the counts into the end of
        // each row, then place the edges from the last to the first, moving each row's end down
        // to its start. Rows keep the edges in input order, and nothing but the result is made.
        byType.ranges.map { range in
            guard !range.isEmpty else { return Adjacency(offsets: [], neighbors: [], edges: []) }
            var offsets = [Int32](repeating: 0, count: nodeCount + 1)
            var neighbors = [Int32](repeating: 0, count: range.count)
            var edges = [Int32](repeating: 0, count: range.count)
            byType.edges.withUnsafeBufferPointer { order in
                sources.withUnsafeBufferPointer { sources in
                    targets.withUnsafeBufferPointer { targets in
                        offsets.withUnsafeMutableBufferPointer { offsets in
                            neighbors.withUnsafeMutableBufferPointer { neighbors in
                                edges.withUnsafeMutableBufferPointer { edges in
                                    for position in range { offsets[Int(sources[Int(order[position])])] += 1 }
                                    for node in 1..<nodeCount { offsets[node] += offsets[node - 1] }
                                    offsets[nodeCount] = Int32(range.count)
                                    for position in range.reversed() {
                                        let edge = Int(order[position])
                                        let node = Int(sources[edge])
                                        offsets[node] -= 1
                                        let slot = Int(offsets[node])
                                        neighbors[slot] = targets[edge]
                                        edges[slot] = Int32(edge)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return Adjacency(offsets: offsets, neighbors: neighbors, edges: edges)
        }
    }
}

extension Graph {
    /// The level written on node `index`, if any.
    ///
    /// - Complexity: O(1).
    public func writtenLevel(of index: Int) -> Level? {
        let code = writtenLevels[index]
        return code == 0 ? nil : Level.allCases[Int(code) - 1]
    }

    /// The level of node `index`: the one written, or a territorial committee's by its kind.
    public func level(of index: Int) -> Level? {
        writtenLevel(of: index) ?? kinds[index].territorialLevel
    }

    /// The number of edges, relations and `part-of:` shorthands together.
    public var edgeCount: Int { edgeFrom.count }

    /// The index of the node with `id`.
    ///
    /// - Complexity: O(1) on average.
    public func index(of id: String) -> Int? {
        ids.index(of: id).map(Int.init)
    }

    /// The nodes `node` reaches by one edge of `type` (backwards when `reversed`), in input order.
    ///
    /// - Complexity: O(1).
    public func neighbors(of node: Int, via type: RelationType, reversed: Bool = false) -> ArraySlice<Int32> {
        neighborSlice(node, type.index, reversed)
    }

    /// The edges by which `node` reaches its neighbours of `type`, parallel to ``neighbors(of:via:reversed:)``.
    ///
    /// - Complexity: O(1).
    public func edges(of node: Int, via type: RelationType, reversed: Bool = false) -> ArraySlice<Int32> {
        let adjacency = reversed ? incoming[type.index] : outgoing[type.index]
        guard !adjacency.offsets.isEmpty else { return [] }
        return adjacency.edges[Int(adjacency.offsets[node])..<Int(adjacency.offsets[node + 1])]
    }

    /// The offsets, neighbours and edges of every relation type in both directions, and the
    /// edges' bases and periods, borrowed at once. Row `2 * type` is outgoing, `2 * type + 1`
    /// incoming; a type without edges has empty buffers.
    package struct RowTable {
        /// The rows, in storage allocated for the call of ``withRowTable(_:)``: the table is
        /// plain pointers, so copying it (each query does) counts no references.
        package var offsets: UnsafeBufferPointer<UnsafeBufferPointer<Int32>>
        package var neighbors: UnsafeBufferPointer<UnsafeBufferPointer<Int32>>
        /// The edge of each neighbour, row by row.
        package var edges: UnsafeBufferPointer<UnsafeBufferPointer<Int32>>
        /// ``Graph/basisCodes`` and ``Graph/periodMasks``.
        package var basisCodes: UnsafeBufferPointer<UInt8>
        package var periodMasks: UnsafeBufferPointer<UInt8>
    }

    /// Calls `body` with the rows of every type and direction, borrowed in place for the time
    /// of the call: a loop over many queries then reads them with no reference counting (which
    /// the threads of an audit would contend on).
    package func withRowTable<Result>(_ body: (RowTable) -> Result) -> Result {
        var rows = BorrowedRows()
        rows.offsets.reserveCapacity(2 * outgoing.count)
        rows.neighbors.reserveCapacity(2 * outgoing.count)
        rows.edges.reserveCapacity(2 * outgoing.count)
        return basisCodes.withUnsafeBufferPointer { basisCodes in
            periodMasks.withUnsafeBufferPointer { periodMasks in
                borrowRows(0, &rows) { offsets, neighbors, edges in
                    body(
                        RowTable(
                            offsets: offsets, neighbors: neighbors, edges: edges, basisCodes: basisCodes,
                            periodMasks: periodMasks))
                }
            }
        }
    }

    private struct BorrowedRows {
        var offsets: [UnsafeBufferPointer<Int32>] = []
        var neighbors: [UnsafeBufferPointer<Int32>] = []
        var edges: [UnsafeBufferPointer<Int32>] = []
    }

    private typealias Rows = UnsafeBufferPointer<UnsafeBufferPointer<Int32>>

    private func borrowRows<Result>(
        _ row: Int, _ rows: inout BorrowedRows, _ body: (Rows, Rows, Rows) -> Result
    ) -> Result {
        guard row < 2 * outgoing.count, row < 2 * incoming.count else {
            return rows.offsets.withUnsafeBufferPointer { offsets in
                rows.neighbors.withUnsafeBufferPointer { neighbors in
                    rows.edges.withUnsafeBufferPointer { edges in body(offsets, neighbors, edges) }
                }
            }
        }
        let adjacency = row.isMultiple(of: 2) ? outgoing[row / 2] : incoming[row / 2]
        return adjacency.offsets.withUnsafeBufferPointer { rowOffsets in
            adjacency.neighbors.withUnsafeBufferPointer { rowNeighbors in
                adjacency.edges.withUnsafeBufferPointer { rowEdges in
                    rows.offsets.append(rowOffsets)
                    rows.neighbors.append(rowNeighbors)
                    rows.edges.append(rowEdges)
                    return borrowRows(row + 1, &rows, body)
                }
            }
        }
    }

    func neighborSlice(_ node: Int, _ type: Int, _ reversed: Bool) -> ArraySlice<Int32> {
        let adjacency = reversed ? incoming[type] : outgoing[type]
        guard !adjacency.offsets.isEmpty else { return [] }
        return adjacency.neighbors[Int(adjacency.offsets[node])..<Int(adjacency.offsets[node + 1])]
    }

    /// How many edges of `type` leave `node` (enter it when `reversed`).
    ///
    /// - Complexity: O(1).
    public func degree(of node: Int, via type: RelationType, reversed: Bool = false) -> Int {
        let adjacency = reversed ? incoming[type.index] : outgoing[type.index]
        guard !adjacency.offsets.isEmpty else { return 0 }
        return Int(adjacency.offsets[node + 1] - adjacency.offsets[node])
    }

    /// The relation index edge `edge` was written as, or `nil` for a `part-of:` shorthand.
    public func relationIndex(ofEdge edge: Int) -> Int? {
        let origin = edgeOrigins[edge]
        return origin >= 0 ? Int(origin) : nil
    }

    /// The node whose `part-of:` field edge `edge` was written as, or `nil` for a relation.
    public func shorthandNode(ofEdge edge: Int) -> Int? {
        let origin = edgeOrigins[edge]
        return origin < 0 ? Int(-origin - 1) : nil
    }
}
