import OrgGraphCore

/// Writes an organization as GraphML, which yEd, Gephi, networkx and igraph read.
///
/// A directed graph: one node per node of the file with its GraphML id the file's id, one edge
/// per relation (id `r` and the relation's index) and one `part-of` edge per `part-of:` field
/// (id `p` and the node's index), so parallel edges are kept apart. Every field is a typed
/// `string` key named as in the file (`kind`, `name`, `level`, `sector`, `part-of`, `note`;
/// `type`, `period`, `basis`, `note`), `period` joined by `|`, and each attribute a key
/// `attr:KEY`; `title` and `rulebook` are keys of the graph. A field that is not written has no
/// `data`. Characters XML 1.0 cannot hold are written as ``XMLText`` says.
///
/// With yEd's extension (``write(_:yed:)``), every node and edge also carries yEd's graphics:
/// the chart's shape, fill, border and label for a node, its colour, dashes and arrows for a
/// line. igraph ignores them; networkx reads a node's graphics as four more attributes
/// (`label`, `shape_type`, `x`, `y`), so they are left out unless asked for.
public enum GraphMLWriter {
    static let graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"
    static let yedNamespace = "http://www.yworks.com/xml/graphml"

    /// The organization as GraphML text.
    ///
    /// - Parameters:
    ///   - organization: The organization to write.
    ///   - yed: Whether to add yEd's shapes, colours and labels.
    /// - Returns: The GraphML document, the same bytes for the same organization.
    /// - Complexity: O(size of the organization).
    public static func write(_ organization: Organization, yed: Bool = false) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if yed {
            out += "<graphml xmlns=\"\(graphMLNamespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            out += " xmlns:y=\"\(yedNamespace)\" xsi:schemaLocation=\"\(graphMLNamespace)"
            out += " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n"
        } else {
            out += "<graphml xmlns=\"\(graphMLNamespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            out += " xsi:schemaLocation=\"\(graphMLNamespace) \(graphMLNamespace)/1.0/graphml.xsd\">\n"
        }
        let edges = ExportEdge.all(of: organization)
        let nodeAttributes = attributeKeys(organization.nodes.lazy.map(\.attributes))
        let edgeAttributes = attributeKeys(edges.lazy.map(\.relation.attributes))

        // The keys: the graph's, the nodes' fields then attributes, the edges' likewise.
        for (index, name) in GraphField.allCases.enumerated() {
            out += key("kg\(index)", for: "graph", name: name.rawValue)
        }
        for (index, name) in NodeDatum.allCases.enumerated() {
            out += key("kn\(index)", for: "node", name: name.rawValue)
        }
        for (index, name) in nodeAttributes.names.enumerated() {
            out += key("kn\(NodeDatum.allCases.count + index)", for: "node", name: "attr:" + name)
        }
        for (index, name) in EdgeDatum.allCases.enumerated() {
            out += key("ke\(index)", for: "edge", name: name.rawValue)
        }
        for (index, name) in edgeAttributes.names.enumerated() {
            out += key("ke\(EdgeDatum.allCases.count + index)", for: "edge", name: "attr:" + name)
        }
        if yed {
            out += "  <key id=\"yn\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
            out += "  <key id=\"ye\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n"
        }

        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        if let title = organization.title { out += datum("kg0", title, indent: "    ") }
        if let rulebook = organization.rulebook { out += datum("kg1", rulebook, indent: "    ") }
        let grid = YEdGraphics.Grid(count: organization.nodes.count)
        for (position, node) in organization.nodes.enumerated() {
            out += "    <node id=\"\(XMLText.escape(node.id))\">\n"
            for (index, field) in NodeDatum.allCases.enumerated() {
                if let value = field.value(of: node) { out += datum("kn\(index)", value) }
            }
            for attribute in node.attributes {
                let index = NodeDatum.allCases.count + nodeAttributes.index(of: attribute.key)
                out += datum("kn\(index)", attribute.value)
            }
            if yed { out += YEdGraphics.node(node, at: grid.place(position)) }
            out += "    </node>\n"
        }
        for edge in edges {
            let relation = edge.relation
            out += "    <edge id=\"\(edge.id)\" source=\"\(XMLText.escape(relation.from))\""
            out += " target=\"\(XMLText.escape(relation.to))\">\n"
            for (index, field) in EdgeDatum.allCases.enumerated() {
                if let value = field.value(of: relation) { out += datum("ke\(index)", value) }
            }
            for attribute in relation.attributes {
                let index = EdgeDatum.allCases.count + edgeAttributes.index(of: attribute.key)
                out += datum("ke\(index)", attribute.value)
            }
            if yed { out += YEdGraphics.edge(relation.type) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func key(_ id: String, for domain: String, name: String) -> String {
        "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.escape(name))\" attr.type=\"string\"/>\n"
    }

    private static func datum(_ key: String, _ value: String, indent: String = "      ") -> String {
        indent + "<data key=\"\(key)\">" + XMLText.escape(value) + "</data>\n"
    }

    /// The distinct attribute keys, in the order they first appear; keys are told apart byte by
    /// byte (two spellings of a name in two Unicode normalization forms are two keys).
    private static func attributeKeys(_ lists: some Sequence<[Attribute]>) -> AttributeKeys {
        var keys = AttributeKeys()
        for list in lists {
            for attribute in list where keys.positions[Array(attribute.key.utf8)] == nil {
                keys.positions[Array(attribute.key.utf8)] = keys.names.count
                keys.names.append(attribute.key)
            }
        }
        return keys
    }

    private struct AttributeKeys {
        var names: [String] = []
        var positions: [[UInt8]: Int] = [:]

        func index(of name: String) -> Int { positions[Array(name.utf8)] ?? 0 }
    }

    /// The graph's keys.
    private enum GraphField: String, CaseIterable {
        case title, rulebook
    }

    /// A node's keys, in the order of the file's fields.
    private enum NodeDatum: String, CaseIterable {
        case kind, name, level, sector
        case partOf = "part-of"
        case note

        func value(of node: Node) -> String? {
            switch self {
            case .kind: node.kind.rawValue
            case .name: node.name
            case .level: node.level?.rawValue
            case .sector: node.sector
            case .partOf: node.partOf
            case .note: node.note
            }
        }
    }

    /// An edge's keys, in the order of the file's fields.
    private enum EdgeDatum: String, CaseIterable {
        case type, period, basis, note

        func value(of relation: Relation) -> String? {
            switch self {
            case .type: relation.type.rawValue
            case .period: relation.period.map { $0.map(\.rawValue).joined(separator: "|") }
            case .basis: relation.basis?.rawValue
            case .note: relation.note
            }
        }
    }
}
