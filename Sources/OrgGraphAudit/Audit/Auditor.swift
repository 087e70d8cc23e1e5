import Dispatch
import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Runs a rulebook over an organization and returns located findings, with the file's
/// suppressions applied.
public struct Auditor: Sendable {
    public var rulebook: Rulebook
    public var vocabulary: Vocabulary
    /// How many threads run the rules (at least one).
    public var workers: Int
    /// The language of the findings' messages; the findings themselves, and their
    /// fingerprints, are the same in every language.
    public var language: Language

    public init(
        rulebook: Rulebook = .structural, vocabulary: Vocabulary = .standard, workers: Int = 2,
        language: Language = .english
    ) {
        self.rulebook = rulebook
        self.vocabulary = vocabulary
        self.workers = workers
        self.language = language
    }

    /// The rules applied with every rulebook and after its rules, since they read the findings
    /// of the others: `unused-suppression`, which the auditor applies, and
    /// `unused-baseline-entry`, which a validation run with a baseline applies
    /// (``ValidationReport/apply(_:)``).
    public static let ownRules: [Rule] = [.unusedSuppression, .unusedBaselineEntry]

    /// The description of `unused-suppression`, the rule whose findings are the file's
    /// suppressions that hide nothing (``Rule/unusedSuppression``).
    public static var unusedSuppression: RuleDescription { Rule.unusedSuppression.description }

    /// Audits `loaded`.
    ///
    /// - Returns: the findings in file order, and those the file's suppressions hide.
    /// - Complexity: the sum of the rules' checks; each structural check is O(*n* + *m*).
    public func audit(_ loaded: LoadedOrganization) -> AuditReport {
        let context = AuditContext(loaded, vocabulary: vocabulary, language: language)
        let rules = rulebook.rules
        // Rules are independent: the workers take them in turn, reading the one graph (the
        // checks' inner loops read its arrays through buffers, so the threads do not contend on
        // reference counts), and the findings are gathered in rule order.
        let workers = min(max(1, self.workers), rules.count)
        let results = ResultSlots<[Finding]>(count: rules.count)
        let next = ResultSlots<Int>(count: 1)
        next[0] = 0
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.takeNext(limit: rules.count)
                guard index >= 0 else { break }
                var sink = FindingSink()
                rules[index].check.run(context, into: &sink)
                results[index] = sink.drafts.map { locate($0, rule: rules[index].description, context) }
            }
        }
        return applySuppressions(to: results.values.flatMap { $0 ?? [] }, context)
    }

    private func applySuppressions(to findings: [Finding], _ context: AuditContext) -> AuditReport {
        let suppressions = context.organization.suppressions
        var used = [Bool](repeating: false, count: suppressions.count)
        var byKey: [String: [Int]] = [:]
        for (index, suppression) in suppressions.enumerated() {
            byKey[suppression.rule + "\u{1F}" + suppression.node, default: []].append(index)
        }
        var kept: [Finding] = []
        var suppressed: [Finding] = []
        for finding in findings {
            if let matches = byKey[finding.rule + "\u{1F}" + finding.node] {
                for index in matches { used[index] = true }
                var accepted = finding
                accepted.suppressionReason = matches.first.map { suppressions[$0].reason }
                suppressed.append(accepted)
            } else {
                kept.append(finding)
            }
        }
        if let check = Rule.unusedSuppression.check as? UnusedSuppressionCheck {
            kept += check.findings(
                unused: used.indices.filter { !used[$0] }, rulebook: rulebook, rule: Self.unusedSuppression, context)
        }
        kept.sort(by: Self.fileOrder)
        suppressed.sort(by: Self.fileOrder)
        return AuditReport(findings: kept, suppressed: suppressed)
    }

    static func fileOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.fingerprint < rhs.fingerprint
    }

    private func locate(_ draft: FindingSink.Draft, rule: RuleDescription, _ context: AuditContext) -> Finding {
        let (node, relation, location) = place(draft.subject, context)
        let map = context.organization.sourceMap
        let related = draft.related.map { item -> RelatedLocation in
            let (relatedNode, relatedRelation, relatedLocation) = place(item.subject, context)
            return RelatedLocation(
                message: item.message, node: relatedNode, file: Self.file(of: relatedRelation, in: map),
                location: relatedLocation)
        }
        var identity = [rule.id, node]
        if let relation { identity += [relation.type.rawValue, relation.to] }
        identity += draft.identity
        return Finding(
            rule: rule.id, severity: rule.severity, message: draft.message, node: node, relation: relation,
            file: Self.file(of: relation, in: map), location: location, related: related,
            fingerprint: Fingerprint.make(identity))
    }

    /// The file a finding's place is in: the relations' for a written relation, else the nodes'
    /// (they differ only for a folder of CSV files).
    private static func file(of relation: RelationReference?, in map: SourceMap) -> String {
        relation?.index != nil ? map.relationFile : map.nodeFile
    }

    private func place(
        _ subject: FindingSubject, _ context: AuditContext
    ) -> (String, RelationReference?, SourceLocation) {
        let nodes = context.organization.nodes
        let map = context.organization.sourceMap
        switch subject {
        case .node(let index):
            return (nodes[index].id, nil, map.node(index))
        case .level(let index):
            return (nodes[index].id, nil, map.level(index))
        case .edge(let edge):
            let graph = context.graph
            let from = nodes[Int(graph.edgeFrom[edge])].id
            let to = nodes[Int(graph.edgeTo[edge])].id
            let relationIndex = graph.relationIndex(ofEdge: edge)
            let reference = RelationReference(index: relationIndex, type: graph.edgeTypes[edge], from: from, to: to)
            if let relationIndex {
                return (from, reference, map.relation(relationIndex))
            }
            return (from, reference, map.partOf(Int(graph.edgeFrom[edge])))
        }
    }
}

/// The findings of one audit.
public struct AuditReport: Sendable {
    /// What the rules found, not suppressed, in file order.
    public var findings: [Finding]
    /// What the file's suppressions hide.
    public var suppressed: [Finding]

    public init(findings: [Finding] = [], suppressed: [Finding] = []) {
        self.findings = findings
        self.suppressed = suppressed
    }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// Stable fingerprints: FNV-1a, 64 bits, over the parts joined by U+001F.
enum Fingerprint {
    static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (position, part) in parts.enumerated() {
            if position > 0 {
                hash ^= 0x1F
                hash = hash &* 0x100_0000_01b3
            }
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
