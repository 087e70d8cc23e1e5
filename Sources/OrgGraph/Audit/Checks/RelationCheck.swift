/// The working-relationship check: between the nodes `from` reaches and the nodes `to`
/// reaches (each path from the subject; the subject itself when absent), a relation of `type`
/// must exist, carrying `periods` (the union of the periods of the relations found).
///
/// With `each: .to`, every `to` node needs such a relation from some `from` node (the unit
/// party organization informs the unit head *and* each board chair); with `each: .from`,
/// every `from` node needs one to some `to` node; otherwise one relation between the two
/// sets is enough. Subjects from which `when` reaches nothing are skipped: another rule
/// reports what is missing there.
public struct RelationCheck: Check {
    public enum Each: String, Sendable, CaseIterable {
        case from
        case to
        case any
    }

    public var subject: KindSet
    public var when: PathExpression?
    public var type: RelationType
    public var from: PathExpression?
    public var to: PathExpression?
    public var periods: [Period]
    public var each: Each
    public var message: MessageTemplate

    public init(
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
    public func run(_ context: AuditContext, into sink: inout FindingSink) {
        var evaluator = PathEvaluator(LoadedOrganization(organization: context.organization, graph: context.graph))
        let graph = context.graph
        let relations = context.organization.relations
        var targetMark = [Int32](repeating: -1, count: graph.nodeCount)
        for node in 0..<graph.nodeCount where subject.contains(graph.kinds[node]) {
            if let when, !evaluator.reaches(when, from: node, where: { _ in true }) { continue }
            let sources = from.map { evaluator.evaluate($0, from: node) } ?? [node]
            let targets = to.map { evaluator.evaluate($0, from: node) } ?? [node]
            for (position, target) in targets.enumerated() { targetMark[target] = Int32(position) }
            defer { for target in targets { targetMark[target] = -1 } }
            // For each target (or source), the periods of the relations that reach it.
            var reachedTargets = [Set<Period>?](repeating: nil, count: targets.count)
            var reachedSources = [Set<Period>?](repeating: nil, count: sources.count)
            for (sourcePosition, source) in sources.enumerated() {
                for edge in graph.edges(of: source, via: type) {
                    let target = Int(graph.edgeTo[Int(edge)])
                    let targetPosition = Int(targetMark[target])
                    guard targetPosition >= 0 else { continue }
                    let written = graph.relationIndex(ofEdge: Int(edge)).flatMap { relations[$0].period } ?? []
                    reachedTargets[targetPosition, default: []].formUnion(written)
                    reachedSources[sourcePosition, default: []].formUnion(written)
                }
            }
            let required = Set(periods)
            var missing: [Int] = []
            var missingPeriods: Set<Period> = []
            switch each {
            case .to, .from:
                let (nodes, reached) = each == .to ? (targets, reachedTargets) : (sources, reachedSources)
                for (position, other) in nodes.enumerated() {
                    guard let periodsFound = reached[position] else {
                        missing.append(other)
                        continue
                    }
                    let lacking = required.subtracting(periodsFound)
                    if !lacking.isEmpty {
                        missing.append(other)
                        missingPeriods.formUnion(lacking)
                    }
                }
            case .any:
                let all = reachedTargets.compactMap { $0 }
                if all.isEmpty {
                    missing = targets
                } else {
                    missingPeriods = required.subtracting(all.reduce(into: Set<Period>()) { $0.formUnion($1) })
                }
                if missingPeriods.isEmpty && !all.isEmpty { continue }
            }
            guard !missing.isEmpty || !missingPeriods.isEmpty else { continue }
            let periodText = Period.allCases.filter(missingPeriods.contains).map(\.rawValue).joined(separator: ", ")
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

extension Array {
    fileprivate subscript<T>(index: Int, default value: Set<T>) -> Set<T> where Element == Set<T>? {
        get { self[index] ?? value }
        set { self[index] = newValue }
    }
}
