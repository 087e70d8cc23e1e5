/// The cardinality and reachability check: from each subject node, a path expression must
/// reach between `minimum` and `maximum` distinct nodes.
///
/// `single-immediate-superior` is `^superior-of` exactly once; `escalation-path` is
/// `escalates-to+[kind=...]` at least once; `unit-has-one-head` is `^part-of[kind=unit-head]`
/// exactly once. Several conditions make one rule (all must hold; a condition with `when`
/// applies only to subjects from which `when` reaches a node); the failing ones are reported
/// together, as one finding on the subject.
public struct PathCountCheck: Check {
    public struct Condition: Sendable {
        public var when: PathExpression?
        public var path: PathExpression
        public var minimum: Int?
        public var maximum: Int?
        public var message: MessageTemplate

        public init(
            when: PathExpression? = nil, path: PathExpression, minimum: Int? = nil, maximum: Int? = nil,
            message: MessageTemplate
        ) {
            self.when = when
            self.path = path
            self.minimum = minimum
            self.maximum = maximum
            self.message = message
        }
    }

    public var subject: KindSet
    public var conditions: [Condition]

    public init(subject: KindSet, conditions: [Condition]) {
        self.subject = subject
        self.conditions = conditions
    }

    /// - Complexity: for each subject node, the cost of evaluating its conditions' paths.
    public func run(_ context: AuditContext, into sink: inout FindingSink) {
        var evaluator = PathEvaluator(LoadedOrganization(organization: context.organization, graph: context.graph))
        let kinds = context.graph.kinds
        for node in 0..<context.graph.nodeCount where subject.contains(kinds[node]) {
            var messages: [String] = []
            for condition in conditions {
                if let when = condition.when, !evaluator.reaches(when, from: node, where: { _ in true }) { continue }
                let found = evaluator.evaluate(condition.path, from: node)
                let tooFew = condition.minimum.map { found.count < $0 } ?? false
                let tooMany = condition.maximum.map { found.count > $0 } ?? false
                guard tooFew || tooMany else { continue }
                messages.append(
                    condition.message.render([
                        "subject": context.describe(node), "count": "\(found.count)",
                        "found": context.describeList(found),
                    ]))
            }
            if !messages.isEmpty { sink.report(.node(node), messages.joined(separator: "; ")) }
        }
    }
}
