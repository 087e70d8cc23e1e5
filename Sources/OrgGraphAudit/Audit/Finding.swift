import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// A departure of an organization from a rule: data a rule returns, never an error.
public struct Finding: Sendable, Hashable {
    /// The id of the rule that found it.
    public var rule: String
    public var severity: Severity
    /// What is wrong and what would fix it, naming nodes by id and name.
    public var message: String
    /// The id of the node the finding is about: the subject of the rule's sentence.
    public var node: String
    /// The relation the finding is about, when it is about one.
    public var relation: RelationReference?
    /// The file, line and column where that node or relation is written.
    public var file: String
    public var location: SourceLocation
    /// Other places that explain the finding (both superiors when there are two, say).
    public var related: [RelatedLocation]
    /// A stable identity: the rule and the node ids involved, never a line number.
    public var fingerprint: String
    /// For a finding the file accepts: the reason its suppression gives.
    public var suppressionReason: String?

    public init(
        rule: String, severity: Severity, message: String, node: String, relation: RelationReference? = nil,
        file: String, location: SourceLocation, related: [RelatedLocation] = [], fingerprint: String
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.node = node
        self.relation = relation
        self.file = file
        self.location = location
        self.related = related
        self.fingerprint = fingerprint
    }
}

/// A relation as a finding names it.
public struct RelationReference: Sendable, Hashable {
    /// The relation's position in the file's `relations` list, or `nil` for a `part-of:` field.
    public var index: Int?
    public var type: RelationType
    public var from: String
    public var to: String

    public init(index: Int?, type: RelationType, from: String, to: String) {
        self.index = index
        self.type = type
        self.from = from
        self.to = to
    }
}

/// A further place a finding points at.
public struct RelatedLocation: Sendable, Hashable {
    public var message: String
    public var node: String?
    public var file: String
    public var location: SourceLocation

    public init(message: String, node: String?, file: String, location: SourceLocation) {
        self.message = message
        self.node = node
        self.file = file
        self.location = location
    }
}
