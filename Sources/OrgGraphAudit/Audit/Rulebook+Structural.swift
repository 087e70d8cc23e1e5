import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rulebook {
    /// The structural rules of SPEC §3, always on: the shape every organization file must have
    /// before any regulation is applied to it.
    public static let structural = Rulebook(
        id: "structural", title: "Structural rules",
        rules: [
            .relationEndpoints, .noSelfRelation, .duplicateRelation, .partOfRequired, .acyclicLeadership,
            .levelRequired,
        ])
}
