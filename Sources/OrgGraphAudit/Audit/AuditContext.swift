import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// What a check looks at: the organization, its graph and the vocabulary tables.
public struct AuditContext: Sendable {
    public var organization: Organization
    public var graph: Graph
    public var vocabulary: Vocabulary
    /// The language findings' messages are written in; it changes no finding's identity.
    public var language: Language
    /// The periods of each edge's relation as a bit mask (bit `i`: `Period.allCases[i]`).
    var periodMasks: [UInt8] { graph.periodMasks }
    /// Path evaluators that checks borrow and give back: the rules an audit runs on one thread
    /// one after another share one evaluator, its buffers and compiled programs.
    private let evaluators = EvaluatorPool()

    public init(_ loaded: LoadedOrganization, vocabulary: Vocabulary = .standard, language: Language = .english) {
        organization = loaded.organization
        graph = loaded.graph
        self.vocabulary = vocabulary
        self.language = language
    }

    /// A message's words in the audit's language; only that language's text is worked out.
    public func localized(en english: @autoclosure () -> String, vi vietnamese: @autoclosure () -> String) -> String {
        language.text(en: english(), vi: vietnamese())
    }

    /// Calls `body` with a path evaluator of this organization that no other thread uses
    /// meanwhile.
    package func withEvaluator<Result>(_ body: (inout PathEvaluator) -> Result) -> Result {
        var evaluator =
            evaluators.take() ?? PathEvaluator(LoadedOrganization(organization: organization, graph: graph))
        defer { evaluators.give(evaluator) }
        return body(&evaluator)
    }

    /// The node at `index`.
    public func node(_ index: Int) -> Node { organization.nodes[index] }

    /// A node as messages name it: `'id' (Name)`, or `'id'` when it has no other name.
    public func describe(_ index: Int) -> String {
        let node = organization.nodes[index]
        if let name = node.name, name != node.id { return "'\(node.id)' (\(name))" }
        return "'\(node.id)'"
    }
}

/// What a finding is about before it is located: a node, or an edge of the graph.
public enum FindingSubject: Sendable, Hashable {
    case node(Int)
    /// The `level:` field of a node.
    case level(Int)
    case edge(Int)
}

/// Collects the findings a check reports.
public struct FindingSink: Sendable {
    package struct Draft: Sendable {
        var subject: FindingSubject
        var message: String
        package var related: [(subject: FindingSubject, message: String)]
        var identity: [String]
    }

    package var drafts: [Draft] = []

    public init() {}

    /// Reports a finding.
    ///
    /// - Parameters:
    ///   - subject: the node or edge the finding is about.
    ///   - message: what is wrong and what would fix it.
    ///   - related: further places, each with a short note.
    ///   - identity: what, with the rule id and the subject node's id, tells this finding apart
    ///     from the rule's other findings on the same node (ids of other nodes, a relation type).
    public mutating func report(
        _ subject: FindingSubject, _ message: String, related: [(subject: FindingSubject, message: String)] = [],
        identity: [String] = []
    ) {
        drafts.append(Draft(subject: subject, message: message, related: related, identity: identity))
    }

    /// The number of findings reported so far.
    public var count: Int { drafts.count }
}

/// The evaluators of an audit not in use.
private final class EvaluatorPool: @unchecked Sendable {
    private let lock = Mutex()
    private var idle: [PathEvaluator] = []

    func take() -> PathEvaluator? { lock.withLock { idle.popLast() } }
    func give(_ evaluator: PathEvaluator) { lock.withLock { idle.append(evaluator) } }
}
