import OrgGraphCore

/// One edge of an exported graph: a relation as written, or the `part-of:` field of a node
/// written as the `part-of` edge it stands for. The GraphML and node-link exports share the list,
/// so both give an edge the same id.
struct ExportEdge {
    /// `r12` for the relation at index 12 of `relations`; `p5` for the `part-of:` field of the
    /// node at index 5 of `nodes`.
    var id: String
    var relation: Relation

    /// The relations in the order written, then the `part-of:` fields in the order of the nodes.
    ///
    /// - Complexity: O(*n* + *m*) for *n* nodes and *m* relations.
    static func all(of organization: Organization) -> [ExportEdge] {
        var edges: [ExportEdge] = []
        edges.reserveCapacity(organization.relations.count + organization.nodes.count)
        for (index, relation) in organization.relations.enumerated() {
            edges.append(ExportEdge(id: "r\(index)", relation: relation))
        }
        for (index, node) in organization.nodes.enumerated() {
            guard let container = node.partOf else { continue }
            edges.append(ExportEdge(id: "p\(index)", relation: Relation(type: .partOf, from: node.id, to: container)))
        }
        return edges
    }
}
