import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// Generates synthetic, realistic organizations: provinces with their party committees,
/// People's Committees, departments, districts, communes and public service units, with every
/// working relationship Regulation 125-QD/TW asks for, so a clean one has no finding under the
/// built-in rulebook. Optionally seeds faults, each of which one rule must find on a known node.
///
/// The output depends only on the size and the seed: the same arguments give the same
/// organization, node for node, on every machine.
///
/// ```swift
/// let generator = OrganizationGenerator(size: .init(provinces: 2), seed: 7)
/// let generated = try generator.generate(faults: 21)
/// let text = OrganizationWriter.write(generated.organization, as: .yaml)
/// ```
public struct OrganizationGenerator: Sendable {
    /// How large an organization is.
    public struct Size: Sendable, Hashable {
        public var provinces: Int
        public var districtsPerProvince: Int
        public var communesPerDistrict: Int
        public var provincialUnitsPerProvince: Int
        public var districtUnitsPerDistrict: Int

        /// A size; the defaults make a province of about 3,100 nodes.
        public init(
            provinces: Int, districtsPerProvince: Int = Size.defaultDistricts,
            communesPerDistrict: Int = Size.defaultCommunes,
            provincialUnitsPerProvince: Int = Size.defaultProvincialUnits,
            districtUnitsPerDistrict: Int = Size.defaultDistrictUnits
        ) {
            self.provinces = provinces
            self.districtsPerProvince = districtsPerProvince
            self.communesPerDistrict = communesPerDistrict
            self.provincialUnitsPerProvince = provincialUnitsPerProvince
            self.districtUnitsPerDistrict = districtUnitsPerDistrict
        }

        public static let defaultDistricts = 10
        public static let defaultCommunes = 15
        public static let defaultProvincialUnits = 100
        public static let defaultDistrictUnits = 30

        /// The largest organization the generator makes, in estimated nodes: about 35 times
        /// the nationwide size.
        public static let maximumNodes = 10_000_000

        /// About how many nodes an organization of this size has (within a few percent), in
        /// floating point so that no size overflows.
        ///
        /// - Complexity: O(1).
        public var estimatedNodes: Double {
            let (provinces, districts, units, communes) = counts
            return units * 7 + communes * 2 + districts * 21 + provinces * 30
        }

        /// About how many relations an organization of this size has.
        ///
        /// - Complexity: O(1).
        public var estimatedRelations: Double {
            let (provinces, districts, units, communes) = counts
            return units * 24 + communes * 2 + districts * 32 + provinces * 60
        }

        private var counts: (provinces: Double, districts: Double, units: Double, communes: Double) {
            let provinces = Double(provinces)
            let districts = provinces * Double(districtsPerProvince)
            let units = provinces * Double(provincialUnitsPerProvince) + districts * Double(districtUnitsPerDistrict)
            return (provinces, districts, units, districts * Double(communesPerDistrict))
        }

        /// The size of the benchmarks: 34 provinces of 20 districts of 15 communes, 300
        /// provincial and 40 district units each; about 290,000 nodes and 880,000 relations.
        public static let nationwide = Size(
            provinces: 34, districtsPerProvince: 20, communesPerDistrict: 15, provincialUnitsPerProvince: 300,
            districtUnitsPerDistrict: 40)
    }

    /// Which local government the organization has: the three tiers of 2023 (province,
    /// district, commune) or the two tiers since 1 July 2025 (province, commune).
    public enum Structure: String, Sendable, Hashable, CaseIterable {
        case threeTier = "three-tier"
        case twoTier = "two-tier"

        /// The built-in rulebook the organization is clean under, whose rules its faults go round.
        public var rulebook: Rulebook {
            self == .threeTier ? RulebookLoader.regulation125 : RulebookLoader.regulation125TwoTier
        }

        /// The id written as the file's `rulebook:`.
        public var rulebookID: String { rulebook.id }
    }

    public var size: Size
    public var seed: UInt64
    public var structure: Structure

    /// The rules seeded faults go round, in order: every rule of the structure's rulebook, in
    /// the rulebook's order (the structural rules first), read from the rulebook itself.
    public static func faultRules(for structure: Structure) -> [String] {
        structure.rulebook.rules.map(\.id)
    }

    /// The rules seeded faults of a three-tier organization go round.
    public static var faultRules: [String] { faultRules(for: .threeTier) }

    public init(size: Size, seed: UInt64 = 1, structure: Structure = .threeTier) {
        self.size = size
        self.seed = seed
        self.structure = structure
    }

    /// Generates the organization, with `faults` faults seeded into it.
    ///
    /// Faults go round ``faultRules`` in order, each at a different place
    /// drawn at random, far enough from the others that no two affect the same finding. The
    /// clean organization is the same with and without faults: seeding only changes it.
    ///
    /// - Parameter faults: how many faults to seed, 0 for a clean organization.
    /// - Returns: the organization and the findings its faults must produce.
    /// - Throws: ``GenerationError`` for a size below the minimum (1 province, 1 district, 1
    ///   commune; no negative counts), above ``Size/maximumNodes``, or more faults than the
    ///   organization has places for.
    /// - Complexity: O(*n*) for an organization of *n* nodes, plus O(*m*) for *m* relations
    ///   when faults are seeded.
    public func generate(faults: Int = 0) throws(GenerationError) -> GeneratedOrganization {
        guard size.provinces >= 1, size.districtsPerProvince >= 1, size.communesPerDistrict >= 1 else {
            throw GenerationError("an organization needs at least 1 province, 1 district and 1 commune")
        }
        guard size.provincialUnitsPerProvince >= 0, size.districtUnitsPerDistrict >= 0, faults >= 0 else {
            throw GenerationError("the numbers of units and faults cannot be negative")
        }
        guard size.estimatedNodes <= Double(Size.maximumNodes) else {
            throw GenerationError(
                "that would make about \(Int(min(size.estimatedNodes, 1e15))) nodes, above the limit of "
                    + "\(Size.maximumNodes); ask for fewer provinces, districts, communes or units")
        }
        var run = GenerationRun(size: size, seed: seed, structure: structure)
        run.generate()
        // Taken out of the run, not copied, so that seeding changes the only copy in place.
        var draft = OrganizationDraft()
        swap(&draft, &run.draft)
        var expected: [ExpectedFinding] = []
        if faults > 0 {
            var seeder = FaultSeeder(seed: seed, rules: Self.faultRules(for: structure))
            expected = try seeder.seed(faults, into: &draft)
        }
        let organization = Organization(
            title: "Synthetic organization: \(size.provinces) province\(size.provinces == 1 ? "" : "s"), "
                + (structure == .twoTier ? "two-tier, " : "") + "seed \(seed)",
            rulebook: structure.rulebookID,
            nodes: draft.nodes, relations: RelationList(draft.relations))
        return GeneratedOrganization(organization: organization, faults: expected.sorted())
    }
}

/// A generated organization and the findings its seeded faults must produce.
public struct GeneratedOrganization: Sendable {
    public var organization: Organization
    /// One expected finding per seeded fault, sorted by rule, then node.
    public var faults: [ExpectedFinding]
}

/// A finding a seeded fault must produce: the rule and the node it is about.
public struct ExpectedFinding: Sendable, Hashable, Comparable {
    public var rule: String
    public var node: String

    public init(rule: String, node: String) {
        self.rule = rule
        self.node = node
    }

    public static func < (lhs: ExpectedFinding, rhs: ExpectedFinding) -> Bool {
        (lhs.rule, lhs.node) < (rhs.rule, rhs.node)
    }
}

/// Why an organization cannot be generated as asked.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
