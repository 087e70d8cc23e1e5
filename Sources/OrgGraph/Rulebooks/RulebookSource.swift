/// A rulebook as written in YAML, before the rulebook it extends is applied.
struct RulebookSource: Sendable {
    struct RuleSource: Sendable {
        var rule: Rule
        var location: SourceLocation
    }

    var id: String
    var title: String?
    var document: String?
    var extends: (name: String, location: SourceLocation)?
    var disable: [(id: String, location: SourceLocation)] = []
    var severities: [(id: String, severity: Severity, location: SourceLocation)] = []
    var rules: [RuleSource] = []
}

extension KindSet {
    /// Names of groups of kinds, usable wherever a kind is: `standing-body` for the standing
    /// committee and the standing board, and so on.
    public static let groups: [String: KindSet] = [
        "territorial-committee": .territorialCommittees,
        "above-grassroots-committee": .aboveGrassrootsCommittees,
        "standing-body": .standingBodies,
        "unit-party-organization": .unitPartyOrganizations,
        "unit-leader": .unitLeaders,
        "board": .boards,
    ]

    /// The kinds a kind or group name stands for.
    public static func named(_ name: String) -> KindSet? {
        if let kind = NodeKind(rawValue: name) { return [kind] }
        return groups[name]
    }

    /// Every kind and group name.
    public static var allNames: [String] { NodeKind.allCases.map(\.rawValue) + groups.keys.sorted() }
}
