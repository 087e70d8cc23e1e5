import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The one-page picture of an organization: its party committees and its public service units,
/// each unit one box, with the leadership and immediate-superior lines between them.
///
/// A line that reaches a node inside a unit (its party organization, an attached cell) is drawn
/// to the unit's box. Units come grouped under their anchor committee (the one that is their
/// immediate superior, else the one that leads them), the groups in the order of the committees'
/// hierarchy; that is the order of ``units``, and of the unit pages of a paged chart.
/// ``OverviewWriter`` writes it as DOT.
public struct OverviewChart: Sendable {
    /// A committee and the units anchored to it, or the units anchored to none (`committee` nil).
    public struct Group: Sendable, Hashable {
        public let committee: Int?
        public let units: [Int]
    }

    /// A leadership or immediate-superior line between two boxes.
    struct Line: Sendable, Hashable {
        var from: Int
        var to: Int
        var type: RelationType
    }

    /// What the box of a unit says besides its name.
    struct Summary: Sendable, Hashable {
        /// The kinds of its party organizations, each once, in file order.
        var partyKinds: [NodeKind] = []
        var cells = 0
        var heads = 0
        var boards = 0
    }

    /// The relation types an overview draws.
    public static let relationTypes: [RelationType] = [.leads, .superiorOf]

    public let loaded: LoadedOrganization
    /// The language of kind names and the words the chart writes itself.
    public var language: Language
    /// Whether to draw the legend.
    public var legend: Bool
    /// The title above the chart; `nil` for none (the organization's title by default).
    public var title: String?
    /// The page of each unit, by node index, shown in its box; empty for no page numbers.
    public var pageNumbers: [Int: Int] = [:]
    /// The committees drawn, in hierarchy order.
    public private(set) var committees: [Int]
    /// The groups of units, in hierarchy order (a committee without units is a group too).
    public private(set) var groups: [Group]
    let lines: [Line]
    let summaries: [Int: Summary]
    package let dotNames: [String]

    /// The units drawn, in the order of the overview.
    public var units: [Int] { groups.flatMap(\.units) }

    /// The overview of all of `loaded`.
    ///
    /// - Complexity: O(*n* · *h* + *m* log *m*) for *n* nodes, *m* relations and the
    ///   containment height *h*.
    public init(_ loaded: LoadedOrganization, language: Language = .english, legend: Bool = true) {
        let frames = ChartFrames(loaded)
        let graph = loaded.graph
        let unit = frames.unit
        var isCommittee = [Bool](repeating: false, count: graph.nodeCount)
        for node in 0..<graph.nodeCount
        where unit[node] < 0 && KindSet.aboveGrassrootsCommittees.contains(graph.kinds[node]) {
            isCommittee[node] = true
        }
        /// The box a node is drawn in: its unit's, or its own for a committee.
        func box(_ node: Int) -> Int? {
            if unit[node] >= 0 { return Int(unit[node]) }
            return isCommittee[node] ? node : nil
        }
        var lines: [Line] = []
        var seen = Set<Line>()
        for edge in 0..<graph.edgeCount {
            let type = graph.edgeTypes[edge]
            guard Self.relationTypes.contains(type), let from = box(Int(graph.edgeFrom[edge])),
                let to = box(Int(graph.edgeTo[edge])), from != to, isCommittee[from]
            else { continue }
            let line = Line(from: from, to: to, type: type)
            if seen.insert(line).inserted { lines.append(line) }
        }

        // The committees in hierarchy order: depth first from those no committee is above,
        // children by level, then in file order.
        let committeeNodes = (0..<graph.nodeCount).filter { isCommittee[$0] }
        func order(_ node: Int) -> (Int, Int) {
            let level = graph.level(of: node).flatMap { Level.allCases.firstIndex(of: $0) } ?? Level.allCases.count
            return (level, node)
        }
        var children: [Int: [Int]] = [:]
        var hasParent = Set<Int>()
        for line in lines where isCommittee[line.to] && line.from != line.to {
            if !(children[line.from]?.contains(line.to) ?? false) { children[line.from, default: []].append(line.to) }
            hasParent.insert(line.to)
        }
        var ordered: [Int] = []
        var visited = Set<Int>()
        func visit(_ node: Int) {
            guard visited.insert(node).inserted else { return }
            ordered.append(node)
            for child in (children[node] ?? []).sorted(by: { order($0) < order($1) }) { visit(child) }
        }
        let roots = committeeNodes.filter { !hasParent.contains($0) }.sorted { order($0) < order($1) }
        for root in roots { visit(root) }
        // Committees only in cycles of leadership: in order too.
        for node in committeeNodes.sorted(by: { order($0) < order($1) }) { visit(node) }

        // Each unit's anchor: the committee that is its immediate superior, else one that leads it.
        var anchor: [Int: Int] = [:]
        for type in [RelationType.superiorOf, .leads] {
            for line in lines where line.type == type && unit[line.to] == Int32(line.to) && anchor[line.to] == nil {
                anchor[line.to] = line.from
            }
        }
        let allUnits = (0..<graph.nodeCount).filter { graph.kinds[$0] == .publicServiceUnit }
        var anchored: [Int: [Int]] = [:]
        var loose: [Int] = []
        for node in allUnits {
            if let committee = anchor[node] {
                anchored[committee, default: []].append(node)
            } else {
                loose.append(node)
            }
        }
        var groups = ordered.map { Group(committee: $0, units: anchored[$0] ?? []) }
        if !loose.isEmpty { groups.append(Group(committee: nil, units: loose)) }

        var summaries: [Int: Summary] = [:]
        for node in allUnits { summaries[node] = Summary() }
        for node in 0..<graph.nodeCount where unit[node] >= 0 && unit[node] != Int32(node) {
            let owner = Int(unit[node])
            let kind = graph.kinds[node]
            var summary = summaries[owner] ?? Summary()
            let attached =
                kind == .subordinateCell && graph.neighbors(of: node, via: .partOf).first == Int32(owner)
            if KindSet.unitPartyOrganizations.contains(kind) || attached, !summary.partyKinds.contains(kind) {
                summary.partyKinds.append(kind)
            }
            if kind == .grassrootsCell || kind == .subordinateCell { summary.cells += 1 }
            if kind == .unitHead { summary.heads += 1 }
            if KindSet.boards.contains(kind) { summary.boards += 1 }
            summaries[owner] = summary
        }

        self.loaded = loaded
        self.language = language
        self.legend = legend
        title = loaded.organization.title
        committees = ordered
        self.groups = groups
        self.lines = lines
        self.summaries = summaries
        dotNames = frames.dotNames
    }

    private init(restricting whole: OverviewChart, groups: [Group], committees: [Int]) {
        self = whole
        self.groups = groups
        self.committees = committees
    }

    /// The same overview drawing only `pieces`: each a group of ``groups`` (by index) with some
    /// of its units, with the committees above them for context.
    ///
    /// - Complexity: O(*c* + *l*) in the committees and lines.
    public func part(_ pieces: [(group: Int, units: Range<Int>)]) -> OverviewChart {
        var groups: [Group] = []
        var wanted = Set<Int>()
        for piece in pieces {
            let group = self.groups[piece.group]
            let units = Array(group.units[piece.units])
            groups.append(Group(committee: group.committee, units: units))
            if let committee = group.committee { wanted.insert(committee) }
            let kept = Set(units)
            for line in lines where kept.contains(line.to) { wanted.insert(line.from) }
        }
        // The committees above those, up the lines between committees.
        var parents: [Int: [Int]] = [:]
        for line in lines where summaries[line.to] == nil { parents[line.to, default: []].append(line.from) }
        var frontier = Array(wanted)
        while let next = frontier.popLast() {
            for parent in parents[next] ?? [] where wanted.insert(parent).inserted { frontier.append(parent) }
        }
        return OverviewChart(restricting: self, groups: groups, committees: committees.filter(wanted.contains))
    }

    /// The summary line of a unit's box: its party organizations' kinds, or that it has none.
    func partyLine(_ unit: Int) -> String {
        let kinds = summaries[unit]?.partyKinds ?? []
        let text = ChartText(language: language)
        return kinds.isEmpty ? text.noPartyOrganization : kinds.map(text.kind).joined(separator: ", ")
    }

    /// The counts line of a unit's box: cells, heads and boards.
    func countsLine(_ unit: Int) -> String {
        let summary = summaries[unit] ?? Summary()
        return ChartText(language: language).counts(
            cells: summary.cells, heads: summary.heads, boards: summary.boards)
    }
}
