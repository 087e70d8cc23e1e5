import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The cardinality and reachability check: from each subject node, a path expression must
/// reach between `minimum` and `maximum` distinct nodes.
///
/// `single-immediate-superior` is `^superior-of` exactly once; `escalation-path` is
/// `escalates-to+[kind=...]` at least once; `unit-has-one-head` is `^part-of[kind=unit-head]`
/// exactly once. Several conditions make one rule (all must hold; a condition with `when`
/// applies only to subjects from which `when` reaches a node); the failing ones are reported
/// together, as one finding on the subject.
package struct PathCountCheck: Check {
    package struct Condition: Sendable {
        package var when: PathExpression?
        package var path: PathExpression
        package var minimum: Int?
        package var maximum: Int?
        package var message: MessageTemplate

        package init(
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

    package var subject: KindSet
    package var conditions: [Condition]

    package init(subject: KindSet, conditions: [Condition]) {
        self.subject = subject
        self.conditions = conditions
    }

    /// - Complexity: for each subject node, the cost of evaluating its conditions' paths.
    package func run(_ context: AuditContext, into sink: inout FindingSink) {
        var evaluator = PathEvaluator(LoadedOrganization(organization: context.organization, graph: context.graph))
        let kinds = context.graph.kinds
        // The distinct `when` paths, each evaluated once per subject.
        var whenPaths: [(CompiledPath, PathExpression)] = []
        let whenOf: [Int] = conditions.map { condition in
            guard let when = condition.when else { return -1 }
            if let index = whenPaths.firstIndex(where: { $0.1.text == when.text }) { return index }
            whenPaths.append((when.compiled, when))
            return whenPaths.count - 1
        }
        // The compiled paths, read once here, so the loop copies no expression.
        let paths = conditions.map { ($0.path.compiled, $0.path) }
        let bounds = conditions.map { ($0.minimum ?? 0, $0.maximum ?? Int.max) }
        var whenHolds = [Bool](repeating: false, count: whenPaths.count)
        evaluator.withBorrowedRows { evaluator in
            for node in 0..<context.graph.nodeCount where subject.contains(kinds[node]) {
                for index in whenPaths.indices {
                    whenHolds[index] = evaluator.reachesAny(whenPaths[index].0, whenPaths[index].1, from: node)
                }
                var failing: [(Int, [Int])] = []
                for index in conditions.indices {
                    if whenOf[index] >= 0, !whenHolds[whenOf[index]] { continue }
                    let count = evaluator.countNodes(paths[index].0, paths[index].1, from: node)
                    if count < bounds[index].0 || count > bounds[index].1 {
                        failing.append((index, evaluator.nodeSet(paths[index].0, paths[index].1, from: node)))
                    }
                }
                guard !failing.isEmpty else { continue }
                var related: [(subject: FindingSubject, message: String)] = []
                let messages = failing.map { index, found -> String in
                    if found.count > bounds[index].1 {
                        related += found.map { (.node($0), "\(context.describe($0)) is one of them") }
                    }
                    return conditions[index].message.render([
                        "subject": context.describe(node), "count": "\(found.count)",
                        "found": context.describeList(found),
                    ])
                }
                sink.report(.node(node), messages.joined(separator: "; "), related: related)
            }
        }
    }

    package var summary: [String] {
        var lines = ["check: path count", "subject: \(subject.writtenForm)"]
        if conditions.count == 1 {
            lines += conditions[0].summary
        } else {
            lines.append("conditions:")
            for condition in conditions {
                let parts = condition.summary
                lines.append("  - " + (parts.first ?? ""))
                lines += parts.dropFirst().map { "    " + $0 }
            }
        }
        return lines
    }
}

extension PathCountCheck.Condition {
    /// `when`, `path`, the bounds (`exactly`, or `min` and `max`) and `message`, one a line.
    var summary: [String] {
        var lines: [String] = []
        if let when { lines.append("when: \(when.text)") }
        lines.append("path: \(path.text)")
        if let minimum, minimum == maximum {
            lines.append("exactly: \(minimum)")
        } else {
            if let minimum { lines.append("min: \(minimum)") }
            if let maximum { lines.append("max: \(maximum)") }
        }
        lines.append("message: \(message.text)")
        return lines
    }
}
