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
/// sets is enough. Subjects for which a guard of `when` does not hold are skipped: another
/// rule reports what is missing there.
package struct RelationCheck: Check {
    package enum Each: String, Sendable, CaseIterable {
        case from
        case to
        case any
    }

    package var subject: KindSet
    /// The guards a subject must pass to be checked (``PathGuard``), all of them.
    package var when: [PathGuard]
    package var type: RelationType
    package var from: PathExpression?
    package var to: PathExpression?
    package var periods: [Period]
    package var each: Each
    package var message: MessageTemplate

    package init(
        subject: KindSet, when: [PathGuard] = [], type: RelationType, from: PathExpression? = nil,
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
        let graph = context.graph
        var guards = SharedGuards()
        let whenIndex = when.isEmpty ? -1 : guards.add(when)
        var scratch = Scratch(self, graph)
        let kinds = graph.kinds
        context.withEvaluator { evaluator in
            evaluator.withBorrowedRows { evaluator in
                for node in 0..<graph.nodeCount where subject.contains(kinds[node]) {
                    if whenIndex >= 0 {
                        guards.reset()
                        if !guards.holds(whenIndex, from: node, &evaluator) { continue }
                    }
                    if let text = failure(at: node, context, &evaluator, &scratch) { sink.report(.node(node), text) }
                }
            }
        }
    }

    /// What the check reads and the buffers it reuses from one subject to the next, made once
    /// before its loop: the loop then touches no shared reference count.
    struct Scratch {
        var adjacency: Graph.Adjacency
        /// The relations of the type entering each node, and where each edge starts: a subject
        /// whose sources have many relations of the type (a provincial committee sending
        /// documents to a thousand units) is read from its targets' side.
        var incoming: Graph.Adjacency
        var edgeFrom: [Int32]
        var edgeTo: [Int32]
        var masks: [UInt8]
        var required: UInt8
        var fromPath: CompiledPath?
        var toPath: CompiledPath?
        /// For each node of the side read last, its position there; -1 for the others.
        var targetMark: [Int32]
        var sources: [Int] = []
        var targets: [Int] = []
        /// For each target (or source), the periods of the relations found, or -1 for none.
        var reachedTargets: [Int16] = []
        var reachedSources: [Int16] = []

        init(_ check: RelationCheck, _ graph: Graph) {
            adjacency = graph.outgoing[check.type.index]
            incoming = graph.incoming[check.type.index]
            edgeFrom = graph.edgeFrom
            edgeTo = graph.edgeTo
            masks = graph.periodMasks
            required = Period.mask(check.periods)
            fromPath = check.from?.compiled
            toPath = check.to?.compiled
            targetMark = [Int32](repeating: -1, count: graph.nodeCount)
        }
    }

    /// The message of the finding on subject `node`, or `nil` when the relations are there. The
    /// subject's guards are not looked at.
    func failure(
        at node: Int, _ context: AuditContext, _ evaluator: inout PathEvaluator, _ scratch: inout Scratch
    ) -> String? {
        guard let (missing, missingPeriods) = Self.missing(at: node, each, &evaluator, &scratch) else { return nil }
        return message(at: node, context, missing: missing, periods: missingPeriods, scratch)
    }

    /// What the relations from subject `node` leave missing: the nodes, and the periods; `nil`
    /// when nothing is. Static, and reading only `scratch`: a caller that keeps its checks in an
    /// array copies none of them for every subject.
    static func missing(
        at node: Int, _ each: Each, _ evaluator: inout PathEvaluator, _ scratch: inout Scratch
    ) -> ([Int], UInt8)? {
        if let compiled = scratch.fromPath {
            evaluator.nodeSet(compiled, from: node, into: &scratch.sources)
        } else {
            scratch.sources.removeAll(keepingCapacity: true)
            scratch.sources.append(node)
        }
        if let compiled = scratch.toPath {
            evaluator.nodeSet(compiled, from: node, into: &scratch.targets)
        } else {
            scratch.targets.removeAll(keepingCapacity: true)
            scratch.targets.append(node)
        }
        let required = scratch.required
        scratch.reachedTargets.removeAll(keepingCapacity: true)
        scratch.reachedTargets.append(contentsOf: repeatElement(-1, count: scratch.targets.count))
        scratch.reachedSources.removeAll(keepingCapacity: true)
        scratch.reachedSources.append(contentsOf: repeatElement(-1, count: scratch.sources.count))
        let any = scratch.adjacency.offsets.isEmpty ? -1 : Self.reach(&scratch)
        var missing: [Int] = []
        var missingPeriods: UInt8 = 0
        switch each {
        case .to, .from:
            let (nodes, reached) =
                each == .to ? (scratch.targets, scratch.reachedTargets) : (scratch.sources, scratch.reachedSources)
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
                missing = scratch.targets
                missingPeriods = required
            } else {
                missingPeriods = required & ~UInt8(any)
            }
        }
        guard !missing.isEmpty || missingPeriods != 0 else { return nil }
        return (missing, missingPeriods)
    }

    /// Marks, for each target and each source, the periods of the relations of the check's type
    /// from a source to a target (-1 when there is none); returns those of all of them together.
    /// Reads and writes the scratch's arrays through their buffers, once per subject.
    private static func reach(_ scratch: inout Scratch) -> Int16 {
        var any: Int16 = -1
        let outgoing = scratch.adjacency
        let incoming = scratch.incoming
        let edgeFrom = scratch.edgeFrom
        let edgeTo = scratch.edgeTo
        let masks = scratch.masks
        let sources = scratch.sources
        let targets = scratch.targets
        // Read from the side with fewer relations of the type.
        var fromSources = 0
        for source in sources { fromSources += Int(outgoing.offsets[source + 1] - outgoing.offsets[source]) }
        var intoTargets = 0
        for target in targets { intoTargets += Int(incoming.offsets[target + 1] - incoming.offsets[target]) }
        let forward = fromSources <= intoTargets
        let (near, far) = forward ? (sources, targets) : (targets, sources)
        let rows = forward ? outgoing : incoming
        let ends = forward ? edgeTo : edgeFrom
        scratch.targetMark.withUnsafeMutableBufferPointer { farMark in
            for position in far.indices { farMark[far[position]] = Int32(position) }
            scratch.reachedTargets.withUnsafeMutableBufferPointer { reachedTargets in
                scratch.reachedSources.withUnsafeMutableBufferPointer { reachedSources in
                    let (reachedNear, reachedFar) =
                        forward ? (reachedSources, reachedTargets) : (reachedTargets, reachedSources)
                    for nearPosition in near.indices {
                        let node = near[nearPosition]
                        for slot in Int(rows.offsets[node])..<Int(rows.offsets[node + 1]) {
                            let edge = Int(rows.edges[slot])
                            let farPosition = Int(farMark[Int(ends[edge])])
                            guard farPosition >= 0 else { continue }
                            let written = Int16(masks[edge])
                            reachedFar[farPosition] = max(reachedFar[farPosition], 0) | written
                            reachedNear[nearPosition] = max(reachedNear[nearPosition], 0) | written
                            any = max(any, 0) | written
                        }
                    }
                }
            }
            for node in far { farMark[node] = -1 }
        }
        return any
    }

    /// The message of the finding on subject `node`, from what ``missing(at:_:_:_:)`` found.
    func message(
        at node: Int, _ context: AuditContext, missing: [Int], periods missingPeriods: UInt8, _ scratch: Scratch
    ) -> String {
        let (sources, targets) = (scratch.sources, scratch.targets)
        let periodText = Period.periods(missingPeriods).map(context.period).joined(separator: ", ")
        return message.render(
            [
                "subject": context.describe(node), "missing": context.describeList(missing),
                "found": context.describeList(each == .from ? targets : sources),
                "targets": context.describeList(targets), "sources": context.describeList(sources),
                "periods": periodText.isEmpty ? context.none : periodText, "type": type.rawValue,
                "count": "\(missing.count)",
            ], in: context.language)
    }

    package func summary(in language: Language) -> [String] {
        ["check: relation", "subject: \(subject.writtenForm)"] + when.summary + fieldSummary
            + ["message: \(message.text.text(in: language))"]
    }

    package var messages: [MessageTemplate] { [message] }

    /// `type`, `from`, `to`, `periods` and `each`, one a line.
    var fieldSummary: [String] {
        var lines = [
            "type: \(type.rawValue)", "from: \(from?.text ?? "the subject")", "to: \(to?.text ?? "the subject")",
        ]
        if !periods.isEmpty { lines.append("periods: " + periods.map(\.rawValue).joined(separator: ", ")) }
        lines.append("each: \(each.rawValue)")
        return lines
    }
}
