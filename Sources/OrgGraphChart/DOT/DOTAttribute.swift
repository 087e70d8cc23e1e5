import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The Graphviz attributes a chart may set: an allowlist, written in code.
///
/// Nothing from an organization file names an attribute. Text from the file reaches DOT only
/// as the value of ``label``, escaped (``DOTText``). Attributes that read or reference files or
/// run scripts (`image`, `shapefile`, `imagepath`, `fontpath`, `stylesheet`, `URL`, `href`,
/// `target`...) have no case here, so no chart can carry them.
public enum DOTAttribute: String, CaseIterable, Sendable {
    // Graph
    case charset
    case rankdir
    case newrank
    case ranksep
    case nodesep
    case outputorder
    case overlap
    case pad
    case bgcolor
    case labelloc
    case labeljust
    /// In a subgraph: `same` puts its nodes on one rank.
    case rank
    // Graph, node and edge
    case label
    case fontname
    case fontsize
    case fontcolor
    case color
    case fillcolor
    case style
    case penwidth
    // Node
    case shape
    case margin
    case width
    case height
    case peripheries
    // Edge
    case dir
    case arrowhead
    case arrowtail
    case arrowsize
    case constraint
    case weight
    case minlen

    /// Attributes that reach outside the graph (files, fonts, scripts, links) and must never
    /// be written, whatever the input: what the allowlist keeps out.
    public static let forbidden: Set<String> = [
        "image", "imagepath", "imagescale", "shapefile", "fontpath", "fontnames", "stylesheet",
        "URL", "href", "target", "tooltip", "id", "class", "edgeURL", "edgehref", "headURL",
        "headhref", "tailURL", "tailhref", "labelURL", "labelhref", "xlabel",
    ]
}
