import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// What removing bodies from an organization would do: the findings the removal creates, and
/// those it resolves. For restructuring: dissolving a district committee, merging communes.
public struct Impact: Sendable {
    /// The ids removed.
    public var removed: [String]
    /// Findings after the removal that the organization did not have before.
    public var created: [Finding]
    /// Findings before the removal that are gone after it.
    public var resolved: [Finding]

    /// Audits `loaded` with and without the nodes `ids` (and every relation, `part-of:` and
    /// suppression that names them), and compares the findings by fingerprint.
    ///
    /// - Complexity: two audits and O(*n* + *m*) to build the reduced organization.
    public init(removing ids: [String], from loaded: LoadedOrganization, auditor: Auditor) {
        removed = ids
        let before = auditor.audit(loaded).findings
        let after = auditor.audit(Self.removing(Set(ids), from: loaded)).findings
        let beforeKeys = Set(before.map(\.fingerprint))
        let afterKeys = Set(after.map(\.fingerprint))
        created = after.filter { !beforeKeys.contains($0.fingerprint) }
        resolved = before.filter { !afterKeys.contains($0.fingerprint) }
    }

    /// `loaded` without the nodes `ids`, every relation to or from them, the `part-of:` fields
    /// that name them, and the suppressions about them; positions of what remains are kept.
    ///
    /// - Complexity: O(*n* + *m*).
    public static func removing(_ ids: Set<String>, from loaded: LoadedOrganization) -> LoadedOrganization {
        let original = loaded.organization
        let map = original.sourceMap
        var organization = original
        organization.nodes = []
        organization.relations = []
        organization.suppressions = []
        organization.sourceMap = SourceMap(file: map.file)
        organization.sourceMap.parts = map.parts
        for (index, node) in original.nodes.enumerated() where !ids.contains(node.id) {
            var kept = node
            if let container = node.partOf, ids.contains(container) { kept.partOf = nil }
            organization.nodes.append(kept)
            organization.sourceMap.nodes.append(map.node(index))
            organization.sourceMap.partOf.append(kept.partOf == nil ? .unknown : map.partOf(index))
            organization.sourceMap.level.append(index < map.level.count ? map.level[index] : .unknown)
        }
        for (index, relation) in original.relations.enumerated()
        where !ids.contains(relation.from) && !ids.contains(relation.to) {
            organization.relations.append(relation)
            organization.sourceMap.relations.append(map.relation(index))
        }
        for (index, suppression) in original.suppressions.enumerated() where !ids.contains(suppression.node) {
            organization.suppressions.append(suppression)
            organization.sourceMap.suppressions.append(map.suppression(index))
        }
        // Removing nodes cannot create duplicate ids or dangling references.
        return (try? LoadedOrganization(organization)) ?? loaded
    }
}
