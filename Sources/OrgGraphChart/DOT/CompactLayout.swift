import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The compact layout of a chart: what the DOT text adds so that dot draws a large organization
/// about as wide as it is high, the way org charts are drawn by hand.
///
/// The drawn nodes and the lines that set ranks make a tree: each node hangs from one superior
/// (inside its unit when it can, else the lowest of its superiors), a territorial committee's
/// People's Committee stands beside it. Working bottom up, the children of each node (single
/// nodes, units with all they hold, whole districts) are set out in rows no wider than a page,
/// in file order, as text fills lines; each child of a later row hangs, by an invisible line
/// that sets ranks only, under the lowest node of the row above (Graphviz's `unflatten -c`
/// chains nodes so; leaves under one parent end up stacked in columns). The page is the width,
/// of a few tried from the whole chart in one row down, that brings the chart, legend
/// included, closest to a little wider than high; a small chart keeps its one row.
///
/// A line of command that the tree draws upward or across (a committee that leads a unit set out
/// above it) no longer sets ranks: dot draws it without pulling the rows apart.
///
/// Everything is worked out from the chart alone, in file order: the same chart gives the same
/// layout.
struct CompactLayout: Sendable {
    /// The proportion of the whole chart aimed at, as width over height.
    static let targetAspect = 1.3
    /// Each width tried is this much of the one before, from the chart's width in one row.
    static let narrowing = 0.85
    /// Points between ranks and between nodes side by side, as the graph attributes set them.
    static let rankGap = 40.0
    static let nodeGap = 18.0

    /// Points a frame (a unit's, a party organization's) adds on each side.
    static let framePadding = 8.0

    /// The estimated size in points of a node with these label lines: the chart's 10-point
    /// font is about 6.3 points a character; an ellipse is wider and higher than its text.
    static func size(lines: [String], shape: String) -> (width: Double, height: Double) {
        let longest = Double(lines.map(\.count).max() ?? 1)
        var width = max(54, longest * 6.3 + 22)
        var height = max(36, Double(lines.count) * 12.5 + 10)
        if shape == "ellipse" {
            width *= 1.3
            height *= 1.25
        }
        return (width, height)
    }

    /// The estimated size in points of the legend of `chart`: rows of five kinds, each side
    /// with its caption, then rows of three line samples.
    static func legendSize(_ chart: Chart) -> (width: Double, height: Double) {
        let graph = chart.loaded.graph
        var kinds = KindSet()
        for node in chart.nodes { kinds.insert(graph.kinds[node]) }
        var types = Set<RelationType>()
        for edge in chart.lines { types.insert(graph.edgeTypes[edge]) }
        let party = kinds.kinds.filter(\.isParty).count
        let state = kinds.kinds.count - party
        let lineCount = types.count + (chart.path == nil ? 0 : 1)
        let rows = (party == 0 ? 0 : (party + 5) / 5) + (state == 0 ? 0 : (state + 5) / 5) + (lineCount + 2) / 3
        return (5 * 140, Double(rows) * 70 + 60)
    }

    /// Invisible lines `(from, to)` that hang a child of a later row under the lowest node of
    /// the row above.
    private(set) var chains: [(from: Int, to: Int)] = []
    /// Lines `(from, to)` from the lowest node under each child of a row to the child below it
    /// in the next row, in order: drawn with a little weight, they keep the rows in columns
    /// under one another.
    private(set) var columns: [(from: Int, to: Int)] = []
    /// A territorial committee and the People's Committee drawn beside it, on one rank.
    private(set) var pairs: [(committee: Int, peoplesCommittee: Int)] = []
    /// The node drawn lowest in the model (the first such in the layout's order), under which a
    /// legend below the drawing hangs; `nil` for no nodes.
    private(set) var lowest: Int?
    /// The top and bottom of each node's row in the model, in points, by node.
    private var top: [Int: Double] = [:]
    private var bottom: [Int: Double] = [:]
    /// The node each node is drawn with (a committee for the People's Committee beside it).
    private var representative: [Int: Int] = [:]
    /// The superior each representative hangs from in the tree, by node.
    private var treeParent: [Int: Int] = [:]
    /// The nodes hung by a chain under the row above theirs.
    private var chained: Set<Int> = []
    /// The longest a line of command that is not in the tree may be, in points from the bottom
    /// of the upper node to the top of the lower one, and still set ranks: a longer one would
    /// make dot route it through every rank between, pushing the rows apart.
    static let longestRankingLine = 2.5 * rankGap + 60

    /// Works out the layout.
    ///
    /// - Parameters:
    ///   - chart: the chart.
    ///   - constraints: every `(upper, lower)` pair the DOT text would rank, in writing order.
    ///   - sizes: the estimated size in points of each drawn node's box, by node.
    ///   - frames: the nodes whose subtree is drawn in a frame (a unit, a party organization),
    ///     with the points the frame adds around it.
    ///   - bands: the territorial committees and People's Committees of each level above the
    ///     communes: a committee and the first People's Committee of its band that it leads
    ///     stand side by side. (A commune's People's Committee hangs under its committee: a
    ///     district's communes, each two boxes high, wrap better than in pairs side by side.)
    ///   - legend: the estimated size of the legend, if drawn.
    /// - Complexity: O(*e* + *n* · *w*) for the constraints, the nodes and the page widths
    ///   tried (at most 40).
    init(
        chart: Chart, constraints: [(upper: Int, lower: Int)], sizes: [Int: (width: Double, height: Double)],
        frames: [Int: Double], bands: [[Int]], legend: (width: Double, height: Double)?
    ) {
        self.init(
            nodes: chart.nodes, unit: chart.unit, kinds: chart.loaded.graph.kinds, constraints: constraints,
            sizes: sizes, frames: frames, bands: bands, legend: legend)
    }

    /// Works out the layout of any drawing of `nodes` (the chart's, or the overview's boxes), as
    /// ``init(chart:constraints:sizes:frames:bands:legend:)`` does.
    ///
    /// - Parameters:
    ///   - unit: for each node of the graph, the unit whose frame holds it, or -1; `nil` when
    ///     nothing is framed. A node hangs from a superior in its own unit when it can.
    ///   - kinds: the kind of each node of the graph, to find the People's Committees of `bands`.
    ///   - legendBelow: whether the legend stands below the drawing rather than beside it.
    init(
        nodes: [Int], unit: [Int32]?, kinds: [NodeKind], constraints: [(upper: Int, lower: Int)],
        sizes: [Int: (width: Double, height: Double)], frames: [Int: Double], bands: [[Int]],
        legend: (width: Double, height: Double)?, legendBelow: Bool = false
    ) {
        var local: [Int: Int] = [:]
        for (position, node) in nodes.enumerated() { local[node] = position }
        let count = nodes.count

        // A committee with its People's Committee beside it, when a line of command joins them.
        var lower = [Set<Int>](repeating: [], count: count)
        for pair in constraints {
            if let upper = local[pair.upper], let below = local[pair.lower] { lower[upper].insert(below) }
        }
        var rep = Array(0..<count)
        var partner = [Int?](repeating: nil, count: count)
        for band in bands {
            let peoplesCommittees = band.filter { kinds[$0] == .peoplesCommittee }
            for node in band where kinds[node] != .peoplesCommittee {
                guard let committee = local[node], partner[committee] == nil, rep[committee] == committee,
                    let peoples = peoplesCommittees.first(where: { candidate in
                        guard let other = local[candidate] else { return false }
                        return rep[other] == other && partner[other] == nil && lower[committee].contains(other)
                    }).flatMap({ local[$0] })
                else { continue }
                rep[peoples] = committee
                partner[committee] = peoples
                pairs.append((node, nodes[peoples]))
            }
        }

        // The edges between representatives; a People's Committee beside its committee takes no
        // other superior.
        var predecessors = [[Int]](repeating: [], count: count)
        var successors = [[Int]](repeating: [], count: count)
        for pair in constraints {
            guard let upper = local[pair.upper], let below = local[pair.lower] else { continue }
            let (from, to) = (rep[upper], rep[below])
            guard from != to, rep[below] == below else { continue }
            predecessors[to].append(from)
            successors[from].append(to)
        }

        // Topological order, in file order where free; a cycle is broken at its first node.
        var indegree = predecessors.map(\.count)
        var order: [Int] = []
        order.reserveCapacity(count)
        // -1 not yet reached, -2 waiting in the queue, else the place in `order`.
        var position = [Int](repeating: -1, count: count)
        var queue = (0..<count).filter { rep[$0] == $0 && indegree[$0] == 0 }
        for node in queue { position[node] = -2 }
        let total = (0..<count).count { rep[$0] == $0 }
        var head = 0
        var scan = 0
        while order.count < total {
            if head == queue.count {
                while position[scan] != -1 || rep[scan] != scan { scan += 1 }
                position[scan] = -2
                queue.append(scan)
            }
            let node = queue[head]
            head += 1
            position[node] = order.count
            order.append(node)
            for successor in successors[node] {
                indegree[successor] -= 1
                if indegree[successor] == 0, position[successor] == -1 {
                    position[successor] = -2
                    queue.append(successor)
                }
            }
        }

        // Each node hangs from one superior: one of its own unit's when it has one, else the one
        // lowest down (the first such, in writing order).
        var layer = [Int](repeating: 0, count: count)
        var parent = [Int?](repeating: nil, count: count)
        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for node in order {
            let owner = unit?[nodes[node]] ?? -1
            var best: Int?
            for upper in predecessors[node] where position[upper] < position[node] {
                layer[node] = max(layer[node], layer[upper] + 1)
                guard let current = best else {
                    best = upper
                    continue
                }
                let sameUnit = owner >= 0 && unit?[nodes[upper]] == owner
                let currentSameUnit = owner >= 0 && unit?[nodes[current]] == owner
                if (sameUnit && !currentSameUnit) || (sameUnit == currentSameUnit && layer[upper] > layer[current]) {
                    best = upper
                }
            }
            parent[node] = best
            if let best { children[best].append(node) } else { roots.append(node) }
        }
        // Leaves first, then the children with their own (staff bodies above the units and
        // districts), each in file order.
        let isLeaf = children.map(\.isEmpty)
        for index in children.indices {
            children[index].sort { (isLeaf[$0] ? 0 : 1, $0) < (isLeaf[$1] ? 0 : 1, $1) }
        }
        roots.sort()

        // The size of each representative's own row: a committee and its People's Committee
        // side by side.
        var own = [(width: Double, height: Double)](repeating: (0, 0), count: count)
        var pad = [Double](repeating: 0, count: count)
        for node in 0..<count {
            let size = sizes[nodes[node]] ?? (100, 40)
            own[node] = size
            pad[node] = frames[nodes[node]] ?? 0
            if let peoples = partner[node], let other = sizes[nodes[peoples]] {
                own[node] = (size.width + Self.nodeGap + other.width, max(size.height, other.height))
            }
        }

        // The page width whose chart, legend included, comes closest to the proportion wanted,
        // from the chart in one row down, each part wrapped only as much as the page needs.
        var page = Double.infinity
        var model = Model(order: order, children: children, roots: roots, own: own, pad: pad, page: page)
        var bestDistance = Double.infinity
        var candidate = model
        page = model.rootWidth
        for _ in 0..<40 {
            var width = candidate.rootWidth
            var height = candidate.rootHeight
            if let legend, legendBelow {
                width = max(width, legend.width)
                height += Self.rankGap + legend.height
            } else if let legend {
                width += legend.width + 2 * Self.nodeGap
                height = max(height, legend.height)
            }
            let aspect = width / max(height, 1)
            let distance = max(aspect / Self.targetAspect, Self.targetAspect / aspect)
            if distance < bestDistance {
                bestDistance = distance
                model = candidate
            }
            if aspect < Self.targetAspect / 3 { break }
            page *= Self.narrowing
            candidate = Model(order: order, children: children, roots: roots, own: own, pad: pad, page: page)
        }

        // In the order of the nodes: the same chart gives the same lines in the same order.
        // Each child of a later row hangs under the lowest node of the row above it.
        func hang(_ kids: [Int], rows: [Int]) {
            for (row, start) in rows.enumerated() where row > 0 {
                let above = kids[rows[row - 1]..<start]
                guard let lowest = above.max(by: { model.depth[$0] < model.depth[$1] }) else { continue }
                let end = row + 1 < rows.count ? rows[row + 1] : kids.count
                for kid in kids[start..<end] { chains.append((nodes[model.deepest[lowest]], nodes[kid])) }
                for (upper, kid) in zip(above, kids[start..<end]) {
                    columns.append((nodes[upper], nodes[kid]))
                }
            }
        }
        for node in 0..<count {
            if let rows = model.rows[node] { hang(children[node], rows: rows) }
        }
        hang(roots, rows: model.rootRows)
        chained = Set(chains.map(\.to))
        var lowestBottom = -Double.infinity
        for node in order where model.top[node] + own[node].height > lowestBottom {
            lowestBottom = model.top[node] + own[node].height
            lowest = nodes[node]
        }
        for node in 0..<count {
            let representative = rep[node]
            self.representative[nodes[node]] = nodes[representative]
            top[nodes[node]] = model.top[representative]
            bottom[nodes[node]] = model.top[representative] + own[representative].height
            if let upper = parent[node] { treeParent[nodes[node]] = nodes[upper] }
        }
    }

    /// Whether the line from `upper` down to `lower` sets ranks: it does when it joins a pair on
    /// one rank, goes down a short way, or is the line of the tree to a child in the first row
    /// under its superior; a line the layout draws upward, across or far down is drawn without
    /// constraint (a child further down is held by its chain).
    func ranks(from upper: Int, to lower: Int) -> Bool {
        guard let upperBottom = bottom[upper], let lowerTop = top[lower], let upperRoot = representative[upper],
            let lowerRoot = representative[lower]
        else { return true }
        if upperRoot == lowerRoot { return true }
        let short = upperBottom < lowerTop && lowerTop - upperBottom <= Self.longestRankingLine
        if treeParent[lowerRoot] == upperRoot { return short || !chained.contains(lowerRoot) }
        return short
    }
}

/// The boxes of the tree for one page width: for each node, the size of its subtree, the rows
/// its children take, the lowest node of its subtree, and where its row starts.
private struct Model {
    var width: [Double]
    var height: [Double]
    /// The index of the first child of each row, for the nodes whose children take more than one.
    var rows: [Int: [Int]] = [:]
    var deepest: [Int]
    /// How far below the top of its subtree the bottom of the lowest node is.
    var depth: [Double]
    var top: [Double]
    var rootWidth = 0.0
    var rootHeight = 0.0
    var rootRows: [Int] = [0]

    init(
        order: [Int], children: [[Int]], roots: [Int], own: [(width: Double, height: Double)], pad: [Double],
        page: Double
    ) {
        let count = children.count
        width = own.map(\.width)
        height = own.map(\.height)
        deepest = Array(0..<count)
        depth = own.map(\.height)
        top = [Double](repeating: 0, count: count)
        var offsets: [Int: [Double]] = [:]
        for node in order.reversed() {
            let kids = children[node]
            guard !kids.isEmpty else {
                width[node] += 2 * pad[node]
                height[node] += 2 * pad[node]
                depth[node] += pad[node]
                continue
            }
            let arranged = Self.shelve(kids, width: width, height: height, page: page)
            if arranged.rows.count > 1 { rows[node] = arranged.rows }
            width[node] = max(own[node].width, arranged.width) + 2 * pad[node]
            let start = own[node].height + CompactLayout.rankGap
            height[node] = start + arranged.height + 2 * pad[node]
            var lowest = own[node].height
            var childOffsets: [Double] = []
            for (index, kid) in kids.enumerated() {
                let offset = start + arranged.offsets[index]
                childOffsets.append(offset)
                if offset + depth[kid] > lowest {
                    lowest = offset + depth[kid]
                    deepest[node] = deepest[kid]
                }
            }
            depth[node] = lowest + pad[node]
            offsets[node] = childOffsets
        }
        let arranged = Self.shelve(roots, width: width, height: height, page: page)
        rootRows = arranged.rows
        rootWidth = arranged.width
        rootHeight = arranged.height
        for (index, root) in roots.enumerated() { top[root] = arranged.offsets[index] }
        for node in order {
            guard let childOffsets = offsets[node] else { continue }
            for (index, kid) in children[node].enumerated() { top[kid] = top[node] + pad[node] + childOffsets[index] }
        }
    }

    /// `kids` in rows no wider than `page` (a child wider than the page has a row of its own),
    /// in order, each row under the one before: the first child of each row, the width and
    /// height they take, and each child's offset from the top.
    private static func shelve(_ kids: [Int], width: [Double], height: [Double], page: Double) -> (
        rows: [Int], width: Double, height: Double, offsets: [Double]
    ) {
        var rows: [Int] = []
        var offsets: [Double] = []
        offsets.reserveCapacity(kids.count)
        var rowTop = 0.0
        var rowWidth = 0.0
        var rowHeight = 0.0
        var widest = 0.0
        for (index, kid) in kids.enumerated() {
            let needed = rowWidth == 0 ? width[kid] : rowWidth + CompactLayout.nodeGap + width[kid]
            if rows.isEmpty || (rowWidth > 0 && needed > page) {
                if !rows.isEmpty { rowTop += rowHeight + CompactLayout.rankGap }
                rows.append(index)
                rowWidth = width[kid]
                rowHeight = height[kid]
            } else {
                rowWidth = needed
                rowHeight = max(rowHeight, height[kid])
            }
            widest = max(widest, rowWidth)
            offsets.append(rowTop)
        }
        return (rows.isEmpty ? [0] : rows, widest, rowTop + rowHeight, offsets)
    }
}
