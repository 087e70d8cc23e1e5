internal import CGraphviz

/// Graphs read from DOT text whose nodes, edges and subgraphs cgraph numbers in the order they
/// are made, so that a chart is laid out the same way every time.
///
/// cgraph keeps a graph's subgraphs in the order of their ids, and dot takes the clusters in
/// that order when it places them. Its default id discipline (`AgIdDisc`, which `agmemread`
/// uses) makes the id of a named object the address of its interned name, so the clusters came
/// in whatever order `malloc` had put their names in: the same chart could be laid out another
/// way from one render to the next in one process (two frames swapped, the chart a little
/// wider), and a graph built in memory could differ from its DOT text, parsed, as soon as the
/// heap did (a new font installed was enough to show it). Here each graph numbers its objects
/// with its own counter and keeps their names itself (``Names``), so the ids, and the clusters,
/// follow the order of the statements. Call in turn (``GraphvizSession``).
enum OrderedGraph {
    /// Reads `dot` into a graph, up to its first NUL if it has one (as `agmemread` reads a C
    /// string).
    ///
    /// - Returns: the graph, to be freed by the caller (`agclose`); `nil` when Graphviz cannot
    ///   read it (its messages say why).
    /// - Complexity: O(*n*) in the length of `dot` and the objects of the graph.
    static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        let bytes = Array(dot.utf8.prefix { $0 != 0 })
        return bytes.withUnsafeBufferPointer { bytes in
            var reader = TextReader(bytes: bytes, position: 0)
            var discipline = Agdisc_t(mem: nil, id: ids, io: textInput)
            let graph = withUnsafeMutablePointer(to: &reader) { agread($0, &discipline) }
            // As `agmemread` does: the next read counts its lines from 1 again.
            agsetfile(nil)
            return graph
        }
    }

    /// The text being read, and how far.
    private struct TextReader {
        var bytes: UnsafeBufferPointer<UInt8>
        var position: Int
    }

    /// The ids and names of one graph, its subgraphs included: the state of the id discipline.
    ///
    /// Names stay here until the graph is closed: cgraph's own name map is shared by the whole
    /// graph and emptied whenever any subgraph is closed (as neato closes the subgraphs of its
    /// connected components), so it cannot keep them.
    private final class Names {
        /// The next id: odd, as cgraph's ids without a name are.
        var next: IDTYPE = 1
        /// The id of each name, by object kind (an edge's both halves as one).
        var ids: [Int32: [[CChar]: IDTYPE]] = [:]
        /// The name of each id, as a C string the graph can print.
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]

        deinit {
            for name in names.values { name.deallocate() }
        }

        /// The id of `name` for objects of `kind`; made when new if `create`, else `nil`.
        func id(of name: UnsafePointer<CChar>, kind: Int32, create: Bool) -> IDTYPE? {
            let kind = kind == AGINEDGE ? AGEDGE : kind
            let key = Array(UnsafeBufferPointer(start: name, count: strlen(name)))
            if let id = ids[kind]?[key] { return id }
            guard create else { return nil }
            let id = newID()
            ids[kind, default: [:]][key] = id
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: key.count + 1)
            copy.initialize(from: key, count: key.count)
            copy[key.count] = 0
            names[id] = copy
            return id
        }

        /// A new id, for an object without a name.
        func newID() -> IDTYPE {
            defer { next += 2 }
            return next
        }
    }

    /// The id discipline: ids in the order objects are made, names kept per graph (``Names``).
    nonisolated(unsafe) private static let ids: UnsafeMutablePointer<Agiddisc_t> = {
        func names(_ state: UnsafeMutableRawPointer?) -> Names? {
            state.map { Unmanaged<Names>.fromOpaque($0).takeUnretainedValue() }
        }
        let discipline = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        discipline.initialize(
            to: Agiddisc_t(
                open: { _, _ in Unmanaged.passRetained(Names()).toOpaque() },
                map: { state, kind, name, id, create in
                    guard let names = names(state), let id else { return 0 }
                    let found = name.map { names.id(of: $0, kind: kind, create: create != 0) } ?? names.newID()
                    guard let found else { return 0 }
                    id.pointee = found
                    return 1
                },
                // Ids asked for by number are refused, as cgraph's own discipline refuses them.
                alloc: { _, _, _ in 0 },
                free: { _, _, _ in },
                print: { state, _, id in names(state)?.names[id] },
                close: { state in
                    if let state { Unmanaged<Names>.fromOpaque(state).release() }
                },
                idregister: { _, _, _ in }))
        return discipline
    }()

    /// The input discipline: the text a line at a time, as `agmemread` reads it. Graphs read
    /// here are never written through cgraph, so it writes nothing.
    nonisolated(unsafe) private static let textInput: UnsafeMutablePointer<Agiodisc_t> = {
        let discipline = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        discipline.initialize(
            to: Agiodisc_t(
                afread: { channel, buffer, size in
                    guard let reader = channel?.assumingMemoryBound(to: TextReader.self), let buffer, size > 0
                    else { return 0 }
                    let bytes = reader.pointee.bytes
                    var position = reader.pointee.position
                    var count: Int32 = 0
                    while position < bytes.count, count < size {
                        let byte = bytes[position]
                        buffer[Int(count)] = CChar(bitPattern: byte)
                        position += 1
                        count += 1
                        if byte == UInt8(ascii: "\n") { break }
                    }
                    reader.pointee.position = position
                    return count
                },
                putstr: { _, _ in -1 },
                flush: { _ in 0 }))
        return discipline
    }()
}
