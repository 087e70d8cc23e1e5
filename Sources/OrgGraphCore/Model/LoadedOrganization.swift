/// An organization and the graph built over it, as a load returns them.
public struct LoadedOrganization: Sendable {
    public var organization: Organization
    public var graph: Graph

    public init(organization: Organization, graph: Graph) {
        self.organization = organization
        self.graph = graph
    }

    /// Builds the graph of an organization made in code.
    /// - Throws: ``Graph/BuildError`` for duplicate ids or references to missing nodes.
    public init(_ organization: Organization) throws(Graph.BuildError) {
        self.organization = organization
        graph = try Graph(organization)
    }
}
