import OrgGraphCore

/// Writes an organization as node-link JSON, the shape networkx's `node_link_graph` and d3's
/// force layouts read.
///
/// `{"directed": true, "multigraph": true, "graph": {title, rulebook}, "nodes": [...],
/// "links": [...]}`: a node is `{"id", then its fields as in the file}`, attributes as the
/// `attributes` object; a link is `{"source", "target", "key", then the relation's fields}`,
/// `period` a list, with the key the GraphML export gives the edge as its id (`r12` for the
/// relation at index 12, `p5` for the `part-of:` field of the node at index 5). The list is
/// named `links`, as d3 and networkx before 3.4 name it; networkx 3.4 and later read it with
/// `node_link_graph(data, edges="links")`.
public enum NodeLinkWriter {
    /// The organization as node-link JSON, one node and one link a line.
    ///
    /// - Complexity: O(size of the organization).
    public static func write(_ organization: Organization) -> String {
        var graph: [(String, String)] = []
        if let title = organization.title { graph.append(("title", JSONText.quote(title))) }
        if let rulebook = organization.rulebook { graph.append(("rulebook", JSONText.quote(rulebook))) }
        let nodes = organization.nodes.map { node -> String in
            var fields: [(String, String)] = [
                ("id", JSONText.quote(node.id)), ("kind", JSONText.quote(node.kind.rawValue)),
            ]
            if let name = node.name { fields.append(("name", JSONText.quote(name))) }
            if let level = node.level { fields.append(("level", JSONText.quote(level.rawValue))) }
            if let sector = node.sector { fields.append(("sector", JSONText.quote(sector))) }
            if let partOf = node.partOf { fields.append(("part-of", JSONText.quote(partOf))) }
            if let note = node.note { fields.append(("note", JSONText.quote(note))) }
            if !node.attributes.isEmpty { fields.append(("attributes", object(node.attributes))) }
            return JSONText.object(fields)
        }
        let links = ExportEdge.all(of: organization).map { edge -> String in
            let relation = edge.relation
            var fields: [(String, String)] = [
                ("source", JSONText.quote(relation.from)), ("target", JSONText.quote(relation.to)),
                ("key", JSONText.quote(edge.id)), ("type", JSONText.quote(relation.type.rawValue)),
            ]
            if let period = relation.period {
                fields.append(("period", JSONText.array(period.map { JSONText.quote($0.rawValue) })))
            }
            if let basis = relation.basis { fields.append(("basis", JSONText.quote(basis.rawValue))) }
            if let note = relation.note { fields.append(("note", JSONText.quote(note))) }
            if !relation.attributes.isEmpty { fields.append(("attributes", object(relation.attributes))) }
            return JSONText.object(fields)
        }
        return JSONText.document([
            ("directed", "true"), ("multigraph", "true"), ("graph", JSONText.object(graph)),
            ("nodes", list(nodes)), ("links", list(links)),
        ])
    }

    private static func object(_ attributes: [Attribute]) -> String {
        JSONText.object(attributes.map { ($0.key, JSONText.quote($0.value)) })
    }

    /// A list one element a line, inside the document's two-space indent.
    private static func list(_ elements: [String]) -> String {
        elements.isEmpty ? "[]" : "[\n    " + elements.joined(separator: ",\n    ") + "\n  ]"
    }
}
