import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The part of an organization a chart draws, worked out from ``ChartOptions``: the nodes,
/// the lines, the unit each node is drawn inside, the highlighted path and the marks of
/// findings. ``DOTWriter`` turns it into DOT text.
public struct Chart: Sendable {
    /// The findings of one node, as the chart marks them.
    struct Mark: Sendable, Hashable {
        var severity: Severity
        /// Rule ids, each once, in the order of the findings.
        var rules: [String]
    }

    public let loaded: LoadedOrganization
    public let options: ChartOptions
    /// The nodes drawn, by index, in file order.
    public let nodes: [Int]
    /// The graph edges drawn as lines, by index, in graph order (`part-of:` fields first,
    /// then relations as written).
    public let lines: [Int]
    /// The path asked for by ``ChartOptions/highlight``: `nil` when none was asked or none
    /// exists, empty when both ends are the same node.
    public let path: [PathStep]?
    /// `part-of` edges between drawn nodes that are not lines: kept invisible, so that a
    /// container stays above its parts whichever relations are drawn.
    package let rankingEdges: [Int]
    /// For each node, the public service unit whose cluster holds it, or -1.
    let unit: [Int32]
    let drawn: [Bool]
    let marks: [Int: Mark]
    let focus: Int?
    let pathEdges: Set<Int>
    let pathNodes: Set<Int>
    /// The DOT name of each node: its id when the id reads back verbatim from a quoted string,
    /// else `#index` (which no verbatim id can be).
    let dotNames: [String]

    /// Works out what to draw.
    ///
    /// - Parameters:
    ///   - loaded: the organization.
    ///   - options: what to draw.
    /// - Throws: ``ChartError`` when an option names an unknown node, the depth is negative,
    ///   or a text to be shown contains NUL.
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* relations, plus O(*n* · *h*) for the
    ///   containment height *h* (at most ``maximumNesting``).
    public init(_ loaded: LoadedOrganization, options: ChartOptions = ChartOptions()) throws(ChartError) {
        try self.init(loaded, options: options, frames: ChartFrames(loaded))
    }

    /// Works out what to draw, with the frames of the organization worked out beforehand: many
    /// small charts of one large organization share them.
    ///
    /// - Throws: as ``init(_:options:)``.
    /// - Complexity: O(*n*) to mark the nodes drawn, plus O(*d* + *e* log *e*) in the nodes and
    ///   lines drawn when a ``ChartOptions/focus`` is given; O(*n* + *m*) without one.
    package init(_ loaded: LoadedOrganization, options: ChartOptions, frames: ChartFrames) throws(ChartError) {
        self.loaded = loaded
        self.options = options
        let graph = loaded.graph
        let count = graph.nodeCount
        let types = RelationType.allCases.filter { options.relations.contains($0) }

        let unit = frames.unit
        var drawn = [Bool](repeating: options.focus == nil, count: count)
        var focusIndex: Int?
        if let focus = options.focus {
            guard options.depth >= 0 else { throw .negativeDepth(options.depth) }
            let start = try Self.resolve(focus, option: .focus, in: loaded)
            focusIndex = start
            var starts = [start]
            if options.wholeUnit, unit[start] >= 0 {
                starts = Self.frame(of: Int(unit[start]), unit: unit, graph: graph)
            }
            for node in Self.neighbourhood(of: starts, depth: options.depth, types: types, graph: graph) {
                drawn[node] = true
            }
        }

        var path: [PathStep]?
        var pathEdges = Set<Int>()
        var pathNodes = Set<Int>()
        if let highlight = options.highlight {
            let from = try Self.resolve(highlight.from, option: .highlight, in: loaded)
            let to = try Self.resolve(highlight.to, option: .highlight, in: loaded)
            var finder = PathFinder(graph)
            let steps = StepSet(types.flatMap { [($0, false), ($0, true)] })
            path = finder.shortestPath(from: from, to: to, allowed: steps)
            if let path {
                pathNodes = [from]
                for step in path {
                    pathEdges.insert(step.edge)
                    pathNodes.insert(step.to)
                }
                for node in pathNodes { drawn[node] = true }
            }
        }

        self.unit = unit
        var nodes: [Int]
        if options.focus == nil {
            for node in 0..<count where drawn[node] && unit[node] >= 0 {
                drawn[Int(unit[node])] = true
            }
            nodes = (0..<count).filter { drawn[$0] }
        } else {
            // A few nodes of a large organization: their units, and their lines, found from them.
            nodes = (0..<count).filter { drawn[$0] }
            for node in nodes where unit[node] >= 0 && !drawn[Int(unit[node])] {
                drawn[Int(unit[node])] = true
                nodes.append(Int(unit[node]))
            }
            nodes.sort()
        }

        var candidates: [Int]
        if options.focus == nil {
            candidates = Array(0..<graph.edgeCount)
        } else {
            candidates = nodes.flatMap { node in
                RelationType.allCases.flatMap { graph.edges(of: node, via: $0).map(Int.init) }
            }
            candidates.sort()
        }
        var lines: [Int] = []
        var ranking: [Int] = []
        for edge in candidates {
            let from = Int(graph.edgeFrom[edge])
            let to = Int(graph.edgeTo[edge])
            guard drawn[from], drawn[to] else { continue }
            let type = graph.edgeTypes[edge]
            if options.relations.contains(type) || pathEdges.contains(edge) {
                lines.append(edge)
            } else if type == .partOf {
                ranking.append(edge)
            }
        }

        self.drawn = drawn
        self.nodes = nodes
        self.lines = lines
        rankingEdges = ranking
        self.path = path
        self.pathEdges = pathEdges
        self.pathNodes = pathNodes
        focus = focusIndex
        marks = Self.marks(options.findings ?? [], graph: graph)
        dotNames = frames.dotNames
        try checkText()
    }

    /// How deep `part-of` is followed to find a node's unit.
    static let maximumNesting = 64

    /// The number of nodes drawn.
    public var nodeCount: Int { nodes.count }

    private static func resolve(_ id: String, option: ChartError.Option, in loaded: LoadedOrganization)
        throws(ChartError) -> Int
    {
        guard let index = loaded.graph.index(of: id) else {
            throw .unknownNode(id: id, option: option, suggestion: loaded.closestID(to: id))
        }
        return index
    }

    /// The nodes within `depth` steps of one of `starts` along `types`, either way.
    private static func neighbourhood(of starts: [Int], depth: Int, types: [RelationType], graph: Graph) -> [Int] {
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        for start in starts { seen[start] = true }
        var reached = starts
        var frontier = starts
        for _ in 0..<depth {
            var next: [Int] = []
            for node in frontier {
                for type in types {
                    for reversed in [false, true] {
                        for neighbour in graph.neighbors(of: node, via: type, reversed: reversed)
                        where !seen[Int(neighbour)] {
                            seen[Int(neighbour)] = true
                            next.append(Int(neighbour))
                        }
                    }
                }
            }
            if next.isEmpty { break }
            reached += next
            frontier = next
        }
        return reached
    }

    /// The nodes of the frame of `unit`: the unit and every node whose unit it is, found down
    /// the `part-of` lines.
    private static func frame(of unit: Int, unit owners: [Int32], graph: Graph) -> [Int] {
        var result = [unit]
        var next = 0
        while next < result.count {
            for part in graph.neighbors(of: result[next], via: .partOf, reversed: true)
            where owners[Int(part)] == Int32(unit) && !result.contains(Int(part)) {
                result.append(Int(part))
            }
            next += 1
        }
        return result
    }

    /// For each node, the first public service unit up its `part-of` chain (itself for a unit).
    static func units(_ graph: Graph) -> [Int32] {
        var result = [Int32](repeating: -1, count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            var current = node
            for _ in 0...maximumNesting {
                if graph.kinds[current] == .publicServiceUnit {
                    result[node] = Int32(current)
                    break
                }
                guard let container = graph.neighbors(of: current, via: .partOf).first else { break }
                current = Int(container)
            }
        }
        return result
    }

    private static func marks(_ findings: [Finding], graph: Graph) -> [Int: Mark] {
        var marks: [Int: Mark] = [:]
        for finding in findings {
            guard let node = graph.index(of: finding.node) else { continue }
            var mark = marks[node] ?? Mark(severity: finding.severity, rules: [])
            mark.severity = max(mark.severity, finding.severity)
            if !mark.rules.contains(finding.rule) { mark.rules.append(finding.rule) }
            marks[node] = mark
        }
        return marks
    }

    /// - Throws: ``ChartError/containsNUL(field:node:)`` for the first text to be shown with NUL.
    private func checkText() throws(ChartError) {
        let organization = loaded.organization
        if organization.title?.unicodeScalars.contains("\0") == true { throw .containsNUL(field: "title", node: nil) }
        for index in nodes {
            let node = organization.nodes[index]
            if node.id.unicodeScalars.contains("\0") { throw .containsNUL(field: "id", node: nil) }
            if node.name?.unicodeScalars.contains("\0") == true { throw .containsNUL(field: "name", node: node.id) }
            if node.sector?.unicodeScalars.contains("\0") == true { throw .containsNUL(field: "sector", node: node.id) }
            if let mark = marks[index], mark.rules.contains(where: { $0.unicodeScalars.contains("\0") }) {
                throw .containsNUL(field: "rule id of a finding", node: node.id)
            }
        }
    }
}

/// What every chart of one organization shares, worked out once: the unit whose frame holds each
/// node, and the DOT name of each node.
package struct ChartFrames: Sendable {
    /// For each node, the public service unit whose cluster holds it, or -1.
    package let unit: [Int32]
    /// For each node, its id when the id reads back verbatim from a quoted string, else `#index`
    /// (which no verbatim id can be).
    package let dotNames: [String]

    /// - Complexity: O(*n* · *h*) for *n* nodes and the containment height *h*.
    package init(_ loaded: LoadedOrganization) {
        unit = Chart.units(loaded.graph)
        dotNames = loaded.organization.nodes.enumerated().map { index, node in
            DOTText.isVerbatim(node.id) ? node.id : "#\(index)"
        }
    }
}
