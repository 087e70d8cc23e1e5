import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// What a chart of an organization shows, and how.
public struct ChartOptions: Sendable, Hashable {
    /// The two ends of a path to highlight.
    public struct Highlight: Sendable, Hashable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// The relation types drawn as lines. Nodes are drawn whatever their relations.
    public var relations: Set<RelationType>
    /// Draw only the neighbourhood of this node: the nodes within ``depth`` steps of it, along
    /// the relation types drawn, either way.
    public var focus: String?
    /// The radius of the ``focus`` neighbourhood, in steps.
    public var depth: Int
    /// Whether the ``focus`` neighbourhood starts from every node of the focus's unit frame
    /// (the public service unit it is, or is inside, with its party organization, cells,
    /// secretaries, head, board and chair) rather than from the focus alone.
    public var wholeUnit: Bool
    /// Draw a shortest path between two nodes (along the relation types drawn, either way) in
    /// a strong colour.
    public var highlight: Highlight?
    /// The findings to mark on their nodes by severity; `nil` marks nothing.
    public var findings: [Finding]?
    /// The language of kind names, relation names and the legend; names from the file are
    /// always shown as written.
    public var language: Language
    /// Whether to draw the legend.
    public var legend: Bool
    /// Whether to write the organization's title above the chart.
    public var title: Bool
    /// Whether to lay the chart out wide, as before the compact layout: every unit hung in one
    /// row under its superiors, each level's committees on one rank. By default the chart is
    /// compact (``CompactLayout``).
    public var wide: Bool

    /// The default radius of a focus neighbourhood.
    public static let defaultDepth = 2

    public init(
        relations: Set<RelationType> = Set(RelationType.allCases), focus: String? = nil,
        depth: Int = ChartOptions.defaultDepth, wholeUnit: Bool = false, highlight: Highlight? = nil,
        findings: [Finding]? = nil, language: Language = .english, legend: Bool = true, title: Bool = true,
        wide: Bool = false
    ) {
        self.relations = relations
        self.focus = focus
        self.depth = depth
        self.wholeUnit = wholeUnit
        self.highlight = highlight
        self.findings = findings
        self.language = language
        self.legend = legend
        self.title = title
        self.wide = wide
    }
}
