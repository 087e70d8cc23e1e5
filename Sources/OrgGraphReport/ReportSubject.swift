import OrgGraphAudit
import OrgGraphCore

/// A section of the report: a public service unit (or a body outside every unit) of one file,
/// with the findings on it and on every node in its frame.
struct ReportSubject: Sendable {
    /// The index of the file in the report.
    var file: Int
    /// The node index of the unit or body; `nil` for a finding on an id the graph lacks.
    var node: Int?
    /// The id of the unit or body.
    var id: String
    /// Indices into the file's findings in scope, in file order.
    var findings: [Int]
    /// How many of them have each severity: error, warning, info.
    var counts: [Severity: Int]

    var total: Int { findings.count }

    /// The subjects of `findings` (the findings of file `file` in scope), each finding under the
    /// unit whose frame holds its node, else under its node.
    ///
    /// - Complexity: O(*f*) hash lookups for *f* findings.
    static func subjects(
        of findings: [Finding], file: Int, loaded: LoadedOrganization, unit: [Int32]
    ) -> [ReportSubject] {
        var order: [String] = []
        var byID: [String: ReportSubject] = [:]
        for (index, finding) in findings.enumerated() {
            let node = loaded.graph.index(of: finding.node)
            let owner = node.map { unit[$0] >= 0 ? Int(unit[$0]) : $0 }
            let id = owner.map { loaded.organization.nodes[$0].id } ?? finding.node
            if byID[id] == nil {
                order.append(id)
                byID[id] = ReportSubject(file: file, node: owner, id: id, findings: [], counts: [:])
            }
            byID[id]?.findings.append(index)
            byID[id]?.counts[finding.severity, default: 0] += 1
        }
        return order.compactMap { byID[$0] }
    }

    /// The order of sections: most errors first, then most findings, then file and file order.
    static func isOrderedBefore(_ a: ReportSubject, _ b: ReportSubject) -> Bool {
        let errors = (a.counts[.error] ?? 0, b.counts[.error] ?? 0)
        if errors.0 != errors.1 { return errors.0 > errors.1 }
        if a.total != b.total { return a.total > b.total }
        if a.file != b.file { return a.file < b.file }
        return (a.node ?? Int.max) < (b.node ?? Int.max)
    }
}
