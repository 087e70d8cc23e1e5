import OrgGraphChart
import OrgGraphCore

/// Writes an organization as a Mermaid flowchart for Markdown (GitHub draws it).
///
/// Each public service unit is a subgraph holding the nodes drawn in its frame on the chart
/// (its party organization, head, boards, cells); the subgraph stands for the unit, and the
/// lines to and from the unit end on it. Each kind has a class, named for its side
/// (`party_unit_party_committee`, `state_managing_agency`), with the chart's colours; party
/// bodies have rounded corners, state bodies square ones, people are stadiums. Relation types
/// are told apart by line (thick for the lines of command, dotted for reporting and the other
/// working relationships, a circle at the container for `part-of`), colour (`linkStyle`) and a
/// label. A `part-of` line from a node to the unit whose subgraph holds it is not drawn: the
/// subgraph says it.
///
/// Mermaid ids are made here (`n` and the node's index), never taken from the file, and every
/// label is quoted and encoded by ``MermaidText``.
public enum MermaidWriter {
    /// The most links and characters Mermaid draws with its default settings; a larger
    /// flowchart is refused by the renderer (GitHub's among them).
    public static let maximumLinks = 500
    public static let maximumCharacters = 50_000

    /// The flowchart of `loaded`.
    ///
    /// - Parameters:
    ///   - loaded: The organization and its graph.
    ///   - markdown: Whether to wrap the flowchart in a fenced ```` ```mermaid ```` block.
    /// - Returns: The text, and a warning when Mermaid will refuse to draw it.
    /// - Complexity: O(size of the organization) plus O(*n* · *h*) to find the units' frames.
    public static func write(_ loaded: LoadedOrganization, markdown: Bool = false) -> (text: String, warning: String?) {
        let organization = loaded.organization
        let graph = loaded.graph
        let nodes = organization.nodes
        let frames = ChartLook.unitFrames(graph)
        var members = [[Int]](repeating: [], count: nodes.count)
        var topLevel: [Int] = []
        for index in nodes.indices {
            let frame = index < frames.count ? Int(frames[index]) : -1
            if frame >= 0, frame != index {
                members[frame].append(index)
            } else if frame != index {
                topLevel.append(index)
            }
        }

        var out = "flowchart TB\n"
        let present = Set(nodes.map(\.kind))
        let kinds = NodeKind.allCases.filter(present.contains)
        for kind in kinds {
            let look = ChartLook.node(kind)
            out += "  classDef \(className(kind)) fill:\(look.fill),stroke:\(look.border),color:\(look.font)"
            out += ",stroke-width:\(look.borderWidth)px\n"
        }
        for index in topLevel { out += "  " + declaration(index, nodes[index]) + "\n" }
        var units: [Int] = []
        for index in nodes.indices where index < frames.count && Int(frames[index]) == index {
            units.append(index)
            out += "  subgraph n\(index) [\(MermaidText.quoted(shownName(nodes[index])))]\n"
            for member in members[index] { out += "    " + declaration(member, nodes[member]) + "\n" }
            out += "  end\n"
        }

        var linksByType: [RelationType: [Int]] = [:]
        var linkCount = 0
        for edge in ExportEdge.all(of: organization) {
            let relation = edge.relation
            guard let from = graph.index(of: relation.from), let to = graph.index(of: relation.to) else { continue }
            if relation.type == .partOf, from < frames.count, Int(frames[from]) == to, from != to { continue }
            out += "  n\(from) \(arrow(relation.type))|\(MermaidText.quoted(linkLabel(relation)))| n\(to)\n"
            linksByType[relation.type, default: []].append(linkCount)
            linkCount += 1
        }
        for type in RelationType.allCases {
            guard let links = linksByType[type] else { continue }
            let look = ChartLook.line(type)
            var style = "stroke:\(look.color),stroke-width:\(look.width)px"
            switch look.dash {
            case .solid: break
            case .dashed: style += ",stroke-dasharray:6 4"
            case .dotted: style += ",stroke-dasharray:2 3"
            }
            out += "  linkStyle " + links.map(String.init).joined(separator: ",") + " " + style + "\n"
        }
        var idsByKind: [NodeKind: [String]] = [:]
        for index in nodes.indices where !(index < frames.count && Int(frames[index]) == index) {
            idsByKind[nodes[index].kind, default: []].append("n\(index)")
        }
        for kind in kinds {
            guard let ids = idsByKind[kind] else { continue }
            out += "  class " + ids.joined(separator: ",") + " " + className(kind) + "\n"
        }
        for unit in units {
            let look = ChartLook.node(nodes[unit].kind)
            out += "  style n\(unit) fill:\(look.fill),stroke:\(look.border),color:\(look.font)"
            out += ",stroke-width:\(look.borderWidth)px\n"
        }

        var warning: String?
        if linkCount > maximumLinks || out.utf8.count > maximumCharacters {
            warning =
                "the flowchart has \(linkCount) links and \(out.utf8.count) characters; Mermaid draws at most "
                + "\(maximumLinks) links and \(maximumCharacters) characters unless its maxEdges and maxTextSize "
                + "settings are raised"
        }
        return (markdown ? "```mermaid\n" + out + "```\n" : out, warning)
    }

    /// A node's statement: its id and its quoted label in the shape of its kind.
    private static func declaration(_ index: Int, _ node: Node) -> String {
        let label = MermaidText.quoted(shownName(node))
        return
            switch ChartLook.node(node.kind).shape
        {
        case .roundedBox: "n\(index)(\(label))"
        case .box: "n\(index)[\(label)]"
        case .ellipse: "n\(index)([\(label)])"
        }
    }

    /// The name a label shows: the name, or the id when the name is missing or empty.
    static func shownName(_ node: Node) -> String {
        guard let name = node.name, !name.isEmpty else { return node.id }
        return name
    }

    /// A link's label: the relation type, with its periods or basis.
    static func linkLabel(_ relation: Relation) -> String {
        var details: [String] = []
        if let period = relation.period, !period.isEmpty { details = period.map(\.rawValue) }
        if let basis = relation.basis { details.append(basis.rawValue) }
        return details.isEmpty
            ? relation.type.rawValue : relation.type.rawValue + " (" + details.joined(separator: ", ") + ")"
    }

    private static func arrow(_ type: RelationType) -> String {
        let look = ChartLook.line(type)
        if look.containerMark != nil { return "--o" }
        if look.symmetric { return "-.-" }
        if look.ranks { return "==>" }
        return look.dash == .solid ? "-->" : "-.->"
    }

    /// The class of a kind: its side, then its name with `_` for `-`.
    static func className(_ kind: NodeKind) -> String {
        (kind.isParty ? "party_" : "state_") + String(kind.rawValue.map { $0 == "-" ? "_" : $0 })
    }
}
