import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The working-relationship check: between the nodes `from` reaches and the nodes `to`
/// reaches (each path from the subject; the subject itself when absent), a relation of `type`
/// must exist, carrying `periods` (the union of the periods of the relations found).
///
/// With `each: .to`, every `to` node needs such a relation from some `from` node (the unit
/// party organization informs the unit head *and* each board chair); with `each: .from`,
/// every `from` node needs one to some `to` node; otherwise one relation between the two
/// sets is enough. Subjects from which `when` reaches nothing are skipped: another rule
/// reports what is missing there.
package struct RelationCheck: Check {
    package enum Each: String, Sendable, CaseIterable {
        case from
        case to
        case any
    }

    package var subject: KindSet
    package var when: PathExpression?
    package var type: RelationType
    package var from: PathExpression?
    package var to: PathExpression?
    package var periods: [Period]
    package var each: Each
    package var message: MessageTemplate

    package init(
        subject: KindSet, when: PathExpression? = nil, type: RelationType, from: PathExpression? = nil,
        to: PathExpression? = nil, periods: [Period] = [], each: Each = .any, message: MessageTemplate
    ) {
        self.subject = subject
        self.when = when
        self.type = type
        self.from = from
        self.to = to
        self.periods = periods
        self.each = each
        self.message = message
    }

    /// - Complexity: for each subject, its paths, and the relations of `type` leaving the
    ///   `from` nodes.
    package func run(_ context: AuditContext, into sink: inout FindingSink) {
        var evaluator = PathEvaluator(LoadedOrganization(organization: context.organization, graph: context.graph))
        let graph = context.graph
        let masks = context.periodMasks
        // Read once here: the loops below then touch no shared reference count.
        let adjacency = graph.outgoing[type.index]
        let edgeTo = graph.edgeTo
        let required = Period.mask(periods)
        let whenPath = when.map { ($0.compiled, $0) }
        let fromPath = from.map { ($0.compiled, $0) }
        let toPath = to.map { ($0.compiled, $0) }
        var targetMark = [Int32](repeating: -1, count: graph.nodeCount)
        // For each target (or source), the periods of the relations found, or -1 for none.
        var sources: [Int] = []
        var targets: [Int] = []
        var reachedTargets: [Int16] = []
        var reachedSources: [Int16] = []
        evaluator.withBorrowedRows { evaluator in
            for node in 0..<graph.nodeCount where subject.contains(graph.kinds[node]) {
                if let (compiled, expression) = whenPath, !evaluator.reachesAny(compiled, expression, from: node) {
                    continue
                }
                if let (compiled, expression) = fromPath {
                    evaluator.nodeSet(compiled, expression, from: node, into: &sources)
                } else {
                    sources.removeAll(keepingCapacity: true)
                    sources.append(node)
                }
                if let (compiled, expression) = toPath {
                    evaluator.nodeSet(compiled, expression, from: node, into: &targets)
                } else {
                    targets.removeAll(keepingCapacity: true)
                    targets.append(node)
                }
                for (position, target) in targets.enumerated() { targetMark[target] = Int32(position) }
                reachedTargets.removeAll(keepingCapacity: true)
                reachedTargets.append(contentsOf: repeatElement(-1, count: targets.count))
                reachedSources.removeAll(keepingCapacity: true)
                reachedSources.append(contentsOf: repeatElement(-1, count: sources.count))
                var any: Int16 = -1
                for (sourcePosition, source) in sources.enumerated() where !adjacency.offsets.isEmpty {
                    for slot in Int(adjacency.offsets[source])..<Int(adjacency.offsets[source + 1]) {
                        let edge = adjacency.edges[slot]
                        let targetPosition = Int(targetMark[Int(edgeTo[Int(edge)])])
                        guard targetPosition >= 0 else { continue }
                        let written = Int16(masks[Int(edge)])
                        reachedTargets[targetPosition] = max(reachedTargets[targetPosition], 0) | written
                        reachedSources[sourcePosition] = max(reachedSources[sourcePosition], 0) | written
                        any = max(any, 0) | written
                    }
                }
                for target in targets { targetMark[target] = -1 }
                var missing: [Int] = []
                var missingPeriods: UInt8 = 0
                switch each {
                case .to, .from:
                    let (nodes, reached) = each == .to ? (targets, reachedTargets) : (sources, reachedSources)
                    for (position, other) in nodes.enumerated() {
                        if reached[position] < 0 {
                            missing.append(other)
                        } else if UInt8(reached[position]) & required != required {
                            missing.append(other)
                            missingPeriods |= required & ~UInt8(reached[position])
                        }
                    }
                case .any:
                    if any < 0 {
                        missing = targets
                        missingPeriods = required
                    } else {
                        missingPeriods = required & ~UInt8(any)
                    }
                }
                guard !missing.isEmpty || missingPeriods != 0 else { continue }
                let periodText = Period.periods(missingPeriods).map(\.rawValue).joined(separator: ", ")
                sink.report(
                    .node(node),
                    message.render([
                        "subject": context.describe(node), "missing": context.describeList(missing),
                        "found": context.describeList(each == .from ? targets : sources),
                        "targets": context.describeList(targets), "sources": context.describeList(sources),
                        "periods": periodText.isEmpty ? "none" : periodText, "type": type.rawValue,
                        "count": "\(missing.count)",
                    ]))
            }
        }
    }

    package var summary: [String] {
        var lines = ["check: relation", "subject: \(subject.writtenForm)"]
        if let when { lines.append("when: \(when.text)") }
        lines += [
            "type: \(type.rawValue)", "from: \(from?.text ?? "the subject")", "to: \(to?.text ?? "the subject")",
        ]
        if !periods.isEmpty { lines.append("periods: " + periods.map(\.rawValue).joined(separator: ", ")) }
        lines += ["each: \(each.rawValue)", "message: \(message.text)"]
        return lines
    }
}
