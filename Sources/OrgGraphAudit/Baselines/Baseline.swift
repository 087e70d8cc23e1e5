import OrgGraphCore
import OrgGraphFormat

/// Findings accepted as known: `orggraph validate --write-baseline` records them, and
/// `--baseline` reports only the findings beyond them (docs/BASELINE.md).
///
/// A baseline is matched by fingerprint, as a multiset: an entry accepts one finding with its
/// fingerprint, two entries two. The rule, node, relation, severity and message of an entry
/// are for the people who read the file (and review it in a pull request); they take no part
/// in the matching. The file is JSON, sorted, one entry a line, so that a change to the
/// findings is a change to a few lines.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Hashable, Comparable {
        public var rule: String
        public var node: String
        /// The relation the finding is about: type, from, to.
        public var relation: RelationEnds?
        public var severity: Severity?
        public var message: String
        public var fingerprint: String

        public init(
            rule: String, node: String, relation: RelationEnds? = nil, severity: Severity? = nil, message: String = "",
            fingerprint: String
        ) {
            self.rule = rule
            self.node = node
            self.relation = relation
            self.severity = severity
            self.message = message
            self.fingerprint = fingerprint
        }

        /// The entry of `finding`.
        public init(_ finding: Finding) {
            self.init(
                rule: finding.rule, node: finding.node,
                relation: finding.relation.map { RelationEnds(type: $0.type.rawValue, from: $0.from, to: $0.to) },
                severity: finding.severity, message: finding.message, fingerprint: finding.fingerprint)
        }

        /// By rule, node, relation, then fingerprint and message: the findings of one rule
        /// together, a node's together within them.
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.rule, lhs.node, lhs.relationKey, lhs.fingerprint, lhs.message)
                < (rhs.rule, rhs.node, rhs.relationKey, rhs.fingerprint, rhs.message)
        }

        private var relationKey: String {
            relation.map { $0.type + "\u{1F}" + $0.from + "\u{1F}" + $0.to } ?? ""
        }
    }

    /// A relation as an entry names it.
    public struct RelationEnds: Sendable, Hashable {
        public var type: String
        public var from: String
        public var to: String

        public init(type: String, from: String, to: String) {
            self.type = type
            self.from = from
            self.to = to
        }
    }

    /// The format version this library reads and writes (`"orggraph-baseline": 1`).
    public static let formatVersion = 1

    /// The entries, sorted.
    public var entries: [Entry]
    /// The file the baseline was read from (empty for one made in code).
    public var file: String
    /// Where each entry is written in ``file``, by entry; empty for one made in code.
    public var locations: [SourceLocation]

    /// The baseline of `findings`: one entry each, sorted.
    public init(findings: [Finding]) {
        self.init(entries: findings.map(Entry.init))
    }

    /// A baseline of `entries`, sorted.
    public init(entries: [Entry], file: String = "", locations: [SourceLocation] = []) {
        if locations.count == entries.count, !locations.isEmpty {
            let order = entries.indices.sorted { entries[$0] < entries[$1] }
            self.entries = order.map { entries[$0] }
            self.locations = order.map { locations[$0] }
        } else {
            self.entries = entries.sorted()
            self.locations = []
        }
        self.file = file
    }

    /// The place of entry `index`, or ``SourceLocation/unknown``.
    public func location(_ index: Int) -> SourceLocation {
        index < locations.count ? locations[index] : .unknown
    }

    /// The file's text: the format version, then the entries, one a line, sorted.
    ///
    /// ```json
    /// {
    ///   "orggraph-baseline": 1,
    ///   "findings": [
    ///     {"rule": "local-liaison", "node": "dang-uy-bv", "severity": "warning", "message": "...", "fingerprint": "0f3c..."}
    ///   ]
    /// }
    /// ```
    public func text() -> String {
        let lines = entries.map { entry -> String in
            var pairs = [("rule", JSONText.quote(entry.rule)), ("node", JSONText.quote(entry.node))]
            if let relation = entry.relation {
                pairs.append(
                    (
                        "relation",
                        JSONText.object([
                            ("type", JSONText.quote(relation.type)), ("from", JSONText.quote(relation.from)),
                            ("to", JSONText.quote(relation.to)),
                        ])
                    ))
            }
            if let severity = entry.severity { pairs.append(("severity", JSONText.quote(severity.rawValue))) }
            pairs += [("message", JSONText.quote(entry.message)), ("fingerprint", JSONText.quote(entry.fingerprint))]
            return JSONText.object(pairs)
        }
        let list = lines.isEmpty ? "[]" : "[\n    " + lines.joined(separator: ",\n    ") + "\n  ]"
        return JSONText.document([("orggraph-baseline", "\(Self.formatVersion)"), ("findings", list)])
    }

    /// Splits `findings` into those beyond the baseline and those it accepts, by fingerprint
    /// as multisets, in their order: each entry accepts the first finding with its fingerprint
    /// not yet accepted.
    ///
    /// - Returns: the new findings, the accepted ones, and the indices of the entries that
    ///   accepted nothing.
    /// - Complexity: O(*f* + *e*).
    public func match(_ findings: [Finding]) -> (new: [Finding], unchanged: [Finding], unused: [Int]) {
        var waiting: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated().reversed() { waiting[entry.fingerprint, default: []].append(index) }
        var new: [Finding] = []
        var unchanged: [Finding] = []
        for finding in findings {
            if var list = waiting[finding.fingerprint], !list.isEmpty {
                list.removeLast()
                waiting[finding.fingerprint] = list
                unchanged.append(finding)
            } else {
                new.append(finding)
            }
        }
        let unused = waiting.values.flatMap { $0 }.sorted()
        return (new, unchanged, unused)
    }
}
