import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// An organization while it is being generated: its nodes and relations in file order, and
/// the places fault seeding works on (units, committees, agencies) by index.
struct OrganizationDraft: Sendable {
    /// A public service unit and its own nodes and relations, which are written together.
    struct UnitPlace: Sendable {
        var unit: Int
        var upo: Int
        var secretary: Int
        var head: Int
        var board: Int?
        var chair: Int?
        /// Whether the party organization has partial party committees or cells of its own.
        var hasCells: Bool
        /// The unit's nodes: the unit, then everything part of it, transitively.
        var nodes: Range<Int>
        /// The relations written with the unit.
        var relations: Range<Int>
        /// The ids whose `sends-documents` count for `documents-reach-unit`.
        var authorities: [String]
        /// The unit's level.
        var level: Level
        /// The committee of the commune where the unit is located.
        var home: String?
    }

    /// A district or commune committee and the `leads` relation from the committee above it.
    struct CommitteePlace: Sendable {
        var committee: Int
        var leader: Int
        var leadsRelation: Int
    }

    var nodes: [Node] = []
    var relations: [Relation] = []
    var units: [UnitPlace] = []
    var districts: [CommitteePlace] = []
    var communes: [CommitteePlace] = []
    /// Attached cells: the cell (`committee`), its unit (`leader`) and the `leads` from the commune committee.
    var attachedCells: [CommitteePlace] = []
    /// The provincial party committees.
    var provinces: [Int] = []
    /// The ids of the ministries' party committees.
    var ministryCommittees: [String] = []
    var advisoryAgencies: [Int] = []
    var managingAgencies: [Int] = []

    /// Adds a node and returns its id.
    ///
    /// - Complexity: amortized O(1).
    @discardableResult
    mutating func add(
        _ id: String, _ kind: NodeKind, _ name: String, level: Level? = nil, sector: String? = nil,
        partOf: String? = nil, attributes: [Attribute] = []
    ) -> String {
        nodes.append(
            Node(id: id, kind: kind, name: name, level: level, sector: sector, partOf: partOf, attributes: attributes))
        return id
    }

    /// Adds a relation.
    ///
    /// - Complexity: amortized O(1).
    mutating func relate(
        _ type: RelationType, _ from: String, _ to: String, period: [Period]? = nil, basis: Basis? = nil
    ) {
        relations.append(Relation(type: type, from: from, to: to, period: period, basis: basis))
    }

    /// The index the next node will have.
    var nextNode: Int { nodes.count }
    /// The index the next relation will have.
    var nextRelation: Int { relations.count }
}
