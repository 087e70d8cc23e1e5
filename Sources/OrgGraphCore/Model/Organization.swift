/// An organization as written in a file: its nodes, relations and accepted findings.
///
/// Two organizations are equal when they say the same thing; where it was written
/// (``sourceMap``) does not take part in equality.
public struct Organization: Sendable {
    /// The format version (`orggraph:`), 1.
    public var formatVersion: Int
    public var title: String?
    /// The rulebook the file asks for: a built-in id or a path.
    public var rulebook: String?
    public var nodes: [Node]
    /// The relations, stored by column with their ends as indices into one table of ids.
    public var relations: RelationList
    public var suppressions: [Suppression]
    /// Where each node, relation and suppression was written, when the organization was loaded.
    public var sourceMap: SourceMap

    /// The format version this library reads and writes.
    public static let currentFormatVersion = 1

    public init(
        formatVersion: Int = Organization.currentFormatVersion, title: String? = nil,
        rulebook: String? = nil, nodes: [Node] = [], relations: RelationList = [],
        suppressions: [Suppression] = [], sourceMap: SourceMap = SourceMap()
    ) {
        self.formatVersion = formatVersion
        self.title = title
        self.rulebook = rulebook
        self.nodes = nodes
        self.relations = relations
        self.suppressions = suppressions
        self.sourceMap = sourceMap
    }
}

extension Organization: Equatable {
    public static func == (lhs: Organization, rhs: Organization) -> Bool {
        lhs.formatVersion == rhs.formatVersion && lhs.title == rhs.title
            && lhs.rulebook == rhs.rulebook && lhs.nodes == rhs.nodes
            && lhs.relations == rhs.relations && lhs.suppressions == rhs.suppressions
    }
}
