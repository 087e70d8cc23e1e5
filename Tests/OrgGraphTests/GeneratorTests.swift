import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// `OrganizationGenerator`: deterministic, clean under the rulebook of its structure (125-QD/TW
/// for three tiers, 125-QD/TW-2025 for two), and its seeded faults found exactly where its
/// manifest says.
@Suite("Organization generator")
struct GeneratorTests {
    /// One province, small enough for debug builds, with room for two faults of every rule.
    static let small = OrganizationGenerator.Size(
        provinces: 1, districtsPerProvince: 3, communesPerDistrict: 4, provincialUnitsPerProvince: 40,
        districtUnitsPerDistrict: 10)
    static let medium = OrganizationGenerator.Size(
        provinces: 3, districtsPerProvince: 4, communesPerDistrict: 6, provincialUnitsPerProvince: 60,
        districtUnitsPerDistrict: 12)

    typealias Structure = OrganizationGenerator.Structure

    static func generate(
        _ size: OrganizationGenerator.Size = small, seed: UInt64 = 1, faults: Int = 0,
        structure: Structure = .threeTier
    ) throws -> GeneratedOrganization {
        try OrganizationGenerator(size: size, seed: seed, structure: structure).generate(faults: faults)
    }

    /// The rulebook the organization names, as `validate` would pick it.
    static func rulebook(of organization: Organization) -> Rulebook {
        organization.rulebook == RulebookLoader.regulation125TwoTier.id
            ? RulebookLoader.regulation125TwoTier : RulebookLoader.regulation125
    }

    /// The (rule, node) pairs of the audit under the organization's rulebook, counted.
    static func audit(_ organization: Organization) throws -> [ExpectedFinding: Int] {
        let report = Auditor(rulebook: rulebook(of: organization)).audit(try LoadedOrganization(organization))
        return report.findings.reduce(into: [:]) { $0[ExpectedFinding(rule: $1.rule, node: $1.node), default: 0] += 1 }
    }

    static func counted(_ findings: [ExpectedFinding]) -> [ExpectedFinding: Int] {
        findings.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test("The same seed gives the same bytes; another seed, another organization")
    func deterministic() throws {
        let first = OrganizationWriter.write(try Self.generate(seed: 42).organization, as: .yaml)
        let again = OrganizationWriter.write(try Self.generate(seed: 42).organization, as: .yaml)
        let other = OrganizationWriter.write(try Self.generate(seed: 43).organization, as: .yaml)
        #expect(first == again)
        #expect(first != other)
        let faulty = try Self.generate(seed: 42, faults: 30)
        let faultyAgain = try Self.generate(seed: 42, faults: 30)
        #expect(
            OrganizationWriter.write(faulty.organization, as: .json)
                == OrganizationWriter.write(faultyAgain.organization, as: .json))
        #expect(faulty.faults == faultyAgain.faults)
    }

    /// Sizes and seeds of clean organizations to audit.
    static let cleanCases: [(size: OrganizationGenerator.Size, seed: UInt64)] = [(small, 1), (small, 9), (medium, 5)]

    @Test(
        "A clean organization has no finding under the rulebook of its structure",
        arguments: cleanCases.indices, Structure.allCases)
    func cleanHasNoFindings(case index: Int, structure: Structure) throws {
        let (size, seed) = Self.cleanCases[index]
        let generated = try Self.generate(size, seed: seed, structure: structure)
        #expect(generated.faults.isEmpty)
        #expect(generated.organization.rulebook == structure.rulebook.id)
        let findings = try Self.audit(generated.organization)
        #expect(findings.isEmpty, "\(findings.keys.sorted().prefix(10))")
    }

    @Test("The two-tier organization has no district level and none of the bodies that ended in 2025")
    func twoTierStructure() throws {
        let organization = try Self.generate(Self.medium, seed: 3, structure: .twoTier).organization
        let kinds = Set(organization.nodes.map(\.kind))
        #expect(!kinds.contains(.districtPartyCommittee) && !kinds.contains(.blocPartyCommittee))
        #expect(!kinds.contains(.partyCadresCommittee))
        #expect(organization.nodes.allSatisfy { $0.level != .district })
        let added: Set<NodeKind> = [.districtPartyCommittee, .blocPartyCommittee, .partyCadresCommittee]
        #expect(kinds == Set(NodeKind.allCases).subtracting(added))
        #expect(Set(organization.relations.map(\.type)) == Set(RelationType.allCases).subtracting([.partOf]))
        // --districts × --communes communes per province, all led by their province.
        let size = Self.medium
        let communes = organization.nodes.filter { $0.kind == .communePartyCommittee }.map(\.id)
        #expect(communes.count == size.provinces * size.districtsPerProvince * size.communesPerDistrict)
        let leaders = Dictionary(
            organization.relations.filter { $0.type == .leads }.map { ($0.to, [$0.from]) }, uniquingKeysWith: +)
        let kindById = Dictionary(uniqueKeysWithValues: organization.nodes.map { ($0.id, $0.kind) })
        #expect(communes.allSatisfy { leaders[$0]?.map { kindById[$0] } == [.provincialPartyCommittee] })
        // The former district units are commune units: as many, and of level commune.
        let units = organization.nodes.filter { $0.kind == .publicServiceUnit }
        let communeUnits = units.filter { $0.level == .commune && !$0.id.hasSuffix("-tyt") }
        #expect(communeUnits.count == size.provinces * size.districtsPerProvince * size.districtUnitsPerDistrict)
    }

    @Test("Realistic structure: every kind, Vietnamese names with diacritics, plain ids")
    func structure() throws {
        let organization = try Self.generate(Self.medium, seed: 3).organization
        let kinds = Set(organization.nodes.map(\.kind))
        // The three-tier structure has every kind but the committees that replaced the blocs in 2025.
        let added: Set<NodeKind> = [.authorityPartyCommittee, .partyAgenciesCommittee]
        #expect(kinds == Set(NodeKind.allCases).subtracting(added))
        let types = Set(organization.relations.map(\.type))
        #expect(types == Set(RelationType.allCases).subtracting([.partOf]))
        #expect(organization.nodes.allSatisfy { $0.name?.unicodeScalars.contains { $0.value > 0x7F } == true })
        #expect(
            organization.nodes.contains {
                $0.kind == .standingCommittee && $0.name?.hasPrefix("Ban Thường vụ Tỉnh ủy ") == true
            })
        let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        #expect(organization.nodes.allSatisfy { $0.id.allSatisfy(idCharacters.contains) })
        let size = Self.medium
        // Besides those asked for: two central units and a health station in each of the first
        // three communes of each district.
        let units =
            size.provinces
            * (size.provincialUnitsPerProvince + size.districtsPerProvince * size.districtUnitsPerDistrict + 2
                + size.districtsPerProvince * min(3, size.communesPerDistrict))
        #expect(organization.nodes.filter { $0.kind == .publicServiceUnit }.count == units)
        #expect(organization.nodes.filter { $0.kind == .communePartyCommittee }.count == 3 * 4 * 6)
        // Unit names are unique within their province (p01-u001) or district (p01-d01-u01).
        let scoped = organization.nodes.filter { $0.kind == .publicServiceUnit }.map { unit in
            String(unit.id.split(separator: "-").dropLast().joined(separator: "-")) + " " + (unit.name ?? "")
        }
        #expect(Set(scoped).count == scoped.count)
    }

    @Test("Faults go round every rule of each built-in rulebook", arguments: Structure.allCases)
    func faultRulesAreTheCatalog(structure: Structure) throws {
        let catalog = structure.rulebook.rules.map(\.id)
        #expect(OrganizationGenerator.faultRules(for: structure) == catalog)
        #expect(catalog.count == (structure == .threeTier ? 26 : 28))
        if structure == .threeTier { #expect(catalog == Regulation125Tests.catalog) }
        let generated = try Self.generate(faults: 2 * catalog.count, structure: structure)
        let perRule = Dictionary(grouping: generated.faults, by: \.rule).mapValues(\.count)
        #expect(perRule == Dictionary(uniqueKeysWithValues: catalog.map { ($0, 2) }))
        #expect(generated.faults == generated.faults.sorted())
    }

    @Test("Each built-in rulebook is the rulebook of a structure the generator covers")
    func everyBuiltinRulebookIsCovered() {
        let regulations = RulebookLoader.builtinIDs.filter { $0 != "structural" }
        #expect(Set(regulations) == Set(Structure.allCases.map(\.rulebook.id)))
    }

    @Test("Seeded faults give exactly the manifest's findings", arguments: 1...6, Structure.allCases)
    func faultsMatchManifest(seed: Int, structure: Structure) throws {
        let rules = OrganizationGenerator.faultRules(for: structure).count
        let generated = try Self.generate(seed: UInt64(seed), faults: 2 * rules, structure: structure)
        let found = try Self.audit(generated.organization)
        let expected = Self.counted(generated.faults)
        let extra = found.filter { expected[$0.key] != $0.value }.keys.sorted().map { "\($0.rule) \($0.node)" }
        let missing = expected.filter { found[$0.key] != $0.value }.keys.sorted().map { "\($0.rule) \($0.node)" }
        #expect(extra.isEmpty && missing.isEmpty, "unexpected: \(extra); not found: \(missing)")
        #expect(found.values.reduce(0, +) == generated.faults.count)
    }

    @Test("Many faults at a larger size still give exactly the manifest's findings", arguments: Structure.allCases)
    func manyFaultsMatchManifest(structure: Structure) throws {
        let generated = try Self.generate(Self.medium, seed: 11, faults: 150, structure: structure)
        #expect(try Self.audit(generated.organization) == Self.counted(generated.faults))
    }

    @Test("One fault of each rule is found by that rule alone, on the manifest's node", arguments: Structure.allCases)
    func eachRuleAtItsNode(structure: Structure) throws {
        let catalog = OrganizationGenerator.faultRules(for: structure)
        for seed in UInt64(20)..<UInt64(23) {
            let generated = try Self.generate(seed: seed, faults: catalog.count, structure: structure)
            let report = Auditor(rulebook: structure.rulebook).audit(try LoadedOrganization(generated.organization))
            #expect(report.findings.map(\.rule).sorted() == catalog.sorted())
            for fault in generated.faults {
                let found = report.findings.filter { $0.rule == fault.rule }
                #expect(found.map(\.node) == [fault.node], "\(fault.rule), seed \(seed)")
            }
        }
    }

    @Test("Faults only change the clean organization: no new node, a handful of relations")
    func faultsAreLocal() throws {
        let clean = try Self.generate(seed: 8).organization
        let faulty = try Self.generate(seed: 8, faults: 26).organization
        #expect(Set(faulty.nodes.map(\.id)).isSubset(of: Set(clean.nodes.map(\.id))))
        #expect(clean.nodes.count - faulty.nodes.count <= 12)
        // Relations as text, counted: a duplicated one shows as a changed count.
        func counts(_ relations: RelationList) -> [String: Int] {
            relations.reduce(into: [:]) { $0["\($1)", default: 0] += 1 }
        }
        let before = counts(clean.relations)
        let after = counts(faulty.relations)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.count
        #expect(changed > 0 && changed <= 60)
    }

    @Test("Too many faults for the organization, or an empty size, is an error")
    func errors() throws {
        let tiny = OrganizationGenerator.Size(
            provinces: 1, districtsPerProvince: 1, communesPerDistrict: 1, provincialUnitsPerProvince: 2,
            districtUnitsPerDistrict: 0)
        #expect(throws: GenerationError.self) { try OrganizationGenerator(size: tiny).generate(faults: 200) }
        let none = OrganizationGenerator.Size(provinces: 0)
        #expect(throws: GenerationError.self) { try OrganizationGenerator(size: none).generate() }
        let negative = OrganizationGenerator.Size(provinces: 1, districtUnitsPerDistrict: -1)
        #expect(throws: GenerationError.self) { try OrganizationGenerator(size: negative).generate() }
        #expect(throws: GenerationError.self) { try OrganizationGenerator(size: Self.small).generate(faults: -1) }
        // The smallest organization is still clean.
        let smallest = try OrganizationGenerator(size: tiny).generate()
        #expect(try Self.audit(smallest.organization).isEmpty)
    }

    @Test("A generated organization loads back equal from YAML and from JSON", arguments: FileFormat.allCases)
    func roundTrip(format: FileFormat) throws {
        let organization = try Self.generate(seed: 4, faults: 28, structure: .twoTier).organization
        let text = OrganizationWriter.write(organization, as: format)
        let loaded = try OrganizationLoader().load(
            bytes: Array(text.utf8), file: "generated.\(format.rawValue)", format: format)
        #expect(loaded.organization == organization)
        #expect(OrganizationWriter.write(loaded.organization, as: format) == text)
    }

    @Test("Removing marked elements in place keeps the order of the others")
    func removeInPlace() {
        var numbers = Array(0..<8)
        FaultSeeder.remove([1, 3, 7], from: &numbers)
        #expect(numbers == [0, 2, 4, 5, 6])
        FaultSeeder.remove([], from: &numbers)
        #expect(numbers == [0, 2, 4, 5, 6])
        FaultSeeder.remove([0, 1, 2, 3, 4], from: &numbers)
        #expect(numbers.isEmpty)
    }

    @Test("The pseudo-random sequence is SplitMix64's, whatever the platform")
    func splitMix() {
        var random = SplitMix64(seed: 1_234_567)
        // Reference values of SplitMix64 for seed 1234567.
        #expect(random.next() == 6_457_827_717_110_365_317)
        #expect(random.next() == 3_203_168_211_198_807_973)
        var draws = SplitMix64(seed: 7)
        let values = (0..<1000).map { _ in draws.below(10) }
        #expect(values.allSatisfy { (0..<10).contains($0) })
        #expect(Set(values).count == 10)
        #expect(draws.sample(5, of: 5).sorted() == [0, 1, 2, 3, 4])
    }
}
