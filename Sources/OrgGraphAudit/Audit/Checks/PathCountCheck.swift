import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The cardinality and reachability check: from each subject node, a path expression must
/// reach between `minimum` and `maximum` distinct nodes.
///
/// `single-immediate-superior` is `^superior-of` exactly once; `escalation-path` is
/// `escalates-to+[kind=...]` at least once; `unit-has-one-head` is `^part-of[kind=unit-head]`
/// exactly once. A count may keep only the nodes that `among` also reaches from the subject,
/// or that `notAmong` does not. Several conditions make one rule (all must hold; a condition
/// with `when` applies only to subjects for which each of its guards holds), and a condition
/// may be a ``RelationCheck`` instead of a count; the failing ones are reported together, as
/// one finding on the subject.
package struct PathCountCheck: Check {
    package struct Condition: Sendable {
        /// What a condition asks of a subject.
        package enum Test: Sendable {
            /// `path` reaches between `minimum` and `maximum` distinct nodes, counting only those
            /// `among` also reaches and `notAmong` does not.
            case count(
                path: PathExpression, minimum: Int?, maximum: Int?, among: PathExpression?, notAmong: PathExpression?)
            /// The relations of a ``RelationCheck`` (its own subject, `when` and message unused).
            case relation(RelationCheck)
        }

        package var when: [PathGuard]
        package var test: Test
        package var message: MessageTemplate

        package init(when: [PathGuard] = [], test: Test, message: MessageTemplate) {
            self.when = when
            self.test = test
            self.message = message
        }

        package init(
            when: [PathGuard] = [], path: PathExpression, minimum: Int? = nil, maximum: Int? = nil,
            among: PathExpression? = nil, notAmong: PathExpression? = nil, message: MessageTemplate
        ) {
            self.init(
                when: when,
                test: .count(path: path, minimum: minimum, maximum: maximum, among: among, notAmong: notAmong),
                message: message)
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
        let kinds = context.graph.kinds
        // The distinct `when`s, each evaluated once per subject, their guard paths shared.
        var guards = SharedGuards()
        var whenTexts: [String] = []
        let whenOf: [Int] = conditions.map { condition in
            guard !condition.when.isEmpty else { return -1 }
            let text = condition.when.text
            if let index = whenTexts.firstIndex(of: text) { return index }
            whenTexts.append(text)
            return guards.add(condition.when)
        }
        // The count conditions as parallel arrays of compiled paths and bounds, read once here:
        // the loop copies no expression and no struct of references. A relation condition has
        // no count path; it has its check and the buffers of it instead.
        var countPaths: [CompiledPath?] = []
        var amongPaths: [CompiledPath?] = []
        var notAmongPaths: [CompiledPath?] = []
        var minimums: [Int] = []
        var maximums: [Int] = []
        var relations: [RelationCheck] = []
        var scratches: [RelationCheck.Scratch] = []
        var relationOf: [Int] = []
        for condition in conditions {
            switch condition.test {
            case .count(let path, let minimum, let maximum, let among, let notAmong):
                countPaths.append(path.compiled)
                amongPaths.append(among?.compiled)
                notAmongPaths.append(notAmong?.compiled)
                minimums.append(minimum ?? 0)
                maximums.append(maximum ?? Int.max)
                relationOf.append(-1)
            case .relation(var relation):
                relation.message = condition.message
                countPaths.append(nil)
                amongPaths.append(nil)
                notAmongPaths.append(nil)
                minimums.append(0)
                maximums.append(Int.max)
                relationOf.append(relations.count)
                relations.append(relation)
                scratches.append(RelationCheck.Scratch(relation, context.graph))
            }
        }
        // For each `when`, 1 when it holds for the current subject, 0 when not, -1 not asked yet.
        var whenHolds = [Int8](repeating: -1, count: whenTexts.count)
        let relationEach = relations.map(\.each)
        var found: [Int] = []
        var other: [Int] = []
        var otherMarks = [Bool](repeating: false, count: context.graph.nodeCount)
        context.withEvaluator { evaluator in
            evaluator.withBorrowedRows { evaluator in
                for node in 0..<context.graph.nodeCount where subject.contains(kinds[node]) {
                    guards.reset()
                    for index in whenHolds.indices { whenHolds[index] = -1 }
                    var messages: [String] = []
                    var related: [(subject: FindingSubject, message: String)] = []
                    for index in conditions.indices {
                        let when = whenOf[index]
                        if when >= 0 {
                            if whenHolds[when] < 0 {
                                whenHolds[when] = guards.holds(when, from: node, &evaluator) ? 1 : 0
                            }
                            if whenHolds[when] == 0 { continue }
                        }
                        if let path = countPaths[index] {
                            let minimum = minimums[index]
                            let maximum = maximums[index]
                            if amongPaths[index] == nil, notAmongPaths[index] == nil {
                                let number = evaluator.countNodes(path, from: node)
                                guard number < minimum || number > maximum else { continue }
                                evaluator.nodeSet(path, from: node, into: &found)
                            } else {
                                evaluator.nodeSet(path, from: node, into: &found)
                                if !found.isEmpty, let among = amongPaths[index] {
                                    evaluator.nodeSet(among, from: node, into: &other)
                                    for reached in other { otherMarks[reached] = true }
                                    found.removeAll { !otherMarks[$0] }
                                    for reached in other { otherMarks[reached] = false }
                                }
                                if !found.isEmpty, let notAmong = notAmongPaths[index] {
                                    evaluator.nodeSet(notAmong, from: node, into: &other)
                                    for reached in other { otherMarks[reached] = true }
                                    found.removeAll { otherMarks[$0] }
                                    for reached in other { otherMarks[reached] = false }
                                }
                                guard found.count < minimum || found.count > maximum else { continue }
                            }
                            if found.count > maximum {
                                related += found.filter { $0 != node }.map {
                                    (
                                        .node($0),
                                        context.localized(
                                            en: "\(context.describe($0)) is one of them",
                                            vi: "\(context.describe($0)) là một trong số đó")
                                    )
                                }
                            }
                            messages.append(
                                conditions[index].message.render(
                                    [
                                        "subject": context.describe(node), "count": "\(found.count)",
                                        "found": context.describeList(found),
                                    ], in: context.language))
                        } else if relationOf[index] >= 0 {
                            let slot = relationOf[index]
                            if let (missing, periods) = RelationCheck.missing(
                                at: node, relationEach[slot], &evaluator, &scratches[slot])
                            {
                                messages.append(
                                    relations[slot].message(
                                        at: node, context, missing: missing, periods: periods, scratches[slot]))
                            }
                        }
                    }
                    guard !messages.isEmpty else { continue }
                    sink.report(.node(node), messages.joined(separator: "; "), related: related)
                }
            }
        }
    }

    package var messages: [MessageTemplate] { conditions.map(\.message) }

    package func summary(in language: Language) -> [String] {
        var lines = ["check: path count", "subject: \(subject.writtenForm)"]
        if conditions.count == 1 {
            lines += conditions[0].summary(in: language)
        } else {
            lines.append("conditions:")
            for condition in conditions {
                let parts = condition.summary(in: language)
                lines.append("  - " + (parts.first ?? ""))
                lines += parts.dropFirst().map { "    " + $0 }
            }
        }
        return lines
    }
}

extension PathCountCheck.Condition {
    /// `when`, then `path`, `among`, `not-among` and the bounds (`exactly`, or `min` and `max`),
    /// or the relation's fields under `relation:`, and `message` in `language`, one a line.
    func summary(in language: Language) -> [String] {
        var lines = when.summary
        switch test {
        case .count(let path, let minimum, let maximum, let among, let notAmong):
            lines.append("path: \(path.text)")
            if let among { lines.append("among: \(among.text)") }
            if let notAmong { lines.append("not-among: \(notAmong.text)") }
            if let minimum, minimum == maximum {
                lines.append("exactly: \(minimum)")
            } else {
                if let minimum { lines.append("min: \(minimum)") }
                if let maximum { lines.append("max: \(maximum)") }
            }
        case .relation(let relation):
            lines.append("relation:")
            lines += relation.fieldSummary.map { "  " + $0 }
        }
        lines.append("message: \(message.text.text(in: language))")
        return lines
    }
}
