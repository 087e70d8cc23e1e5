import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// `OrganizationGenerator`: deterministic, clean under 125-QD/TW, and its seeded faults found
/// exactly where its manifest says.
@Suite("Organization generator")
struct GeneratorTests {
    /// One province, small enough for debug builds, with room for two faults of every rule.
    static let small = OrganizationGenerator.Size(
        provinces: 1, districtsPerProvince: 3, communesPerDistrict: 4, provincialUnitsPerProvince: 40,
        districtUnitsPerDistrict: 10)
    static let medium = OrganizationGenerator.Size(
        provinces: 3, districtsPerProvince: 4, communesPerDistrict: 6, provincialUnitsPerProvince: 60,
        districtUnitsPerDistrict: 12)

    static func generate(
        _ size: OrganizationGenerator.Size = small, seed: UInt64 = 1, faults: Int = 0
    ) throws -> GeneratedOrganization {
        try OrganizationGenerator(size: size, seed: seed).generate(faults: faults)
    }

    /// The (rule, node) pairs of the audit under 125-QD/TW, counted.
    static func audit(_ organization: Organization) throws -> [ExpectedFinding: Int] {
        let report = Auditor(rulebook: RulebookLoader.regulation125).audit(try LoadedOrganization(organization))
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

    @Test("A clean organization has no finding under 125-QD/TW", arguments: cleanCases.indices)
    func cleanHasNoFindings(case index: Int) throws {
        let (size, seed) = Self.cleanCases[index]
        let generated = try Self.generate(size, seed: seed)
        #expect(generated.faults.isEmpty)
        let findings = try Self.audit(generated.organization)
        #expect(findings.isEmpty, "\(findings.keys.sorted().prefix(10))")
    }

    @Test("Realistic structure: every kind, Vietnamese names with diacritics, plain ids")
    func structure() throws {
        let organization = try Self.generate(Self.medium, seed: 3).organization
        let kinds = Set(organization.nodes.map(\.kind))
        // The generator writes the three-tier structure of version 1 of the vocabulary: what
        // version 2 added is not in it yet.
        let added: Set<NodeKind> = [.blocPartyCommittee, .authorityPartyCommittee, .partyAgenciesCommittee]
        #expect(kinds == Set(NodeKind.allCases).subtracting(added))
        let types = Set(organization.relations.map(\.type))
        #expect(types == Set(RelationType.allCases).subtracting([.partOf, .directs]))
        #expect(organization.nodes.allSatisfy { $0.name?.unicodeScalars.contains { $0.value > 0x7F } == true })
        #expect(
            organization.nodes.contains {
                $0.kind == .standingCommittee && $0.name?.hasPrefix("Ban Thường vụ Tỉnh ủy ") == true
            })
        let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        #expect(organization.nodes.allSatisfy { $0.id.allSatisfy(idCharacters.contains) })
        let size = Self.medium
        let units =
            size.provinces
            * (size.provincialUnitsPerProvince + size.districtsPerProvince * size.districtUnitsPerDistrict)
        #expect(organization.nodes.filter { $0.kind == .publicServiceUnit }.count == units)
        #expect(organization.nodes.filter { $0.kind == .communePartyCommittee }.count == 3 * 4 * 6)
        // Unit names are unique within their province (p01-u001) or district (p01-d01-u01).
        let scoped = organization.nodes.filter { $0.kind == .publicServiceUnit }.map { unit in
            String(unit.id.split(separator: "-").dropLast().joined(separator: "-")) + " " + (unit.name ?? "")
        }
        #expect(Set(scoped).count == scoped.count)
    }

    @Test("Faults go round every rule of the catalog")
    func faultRulesAreTheCatalog() throws {
        #expect(OrganizationGenerator.faultRules == RulebookLoader.regulation125.rules.map(\.id))
        #expect(OrganizationGenerator.faultRules == Regulation125Tests.catalog)
        let generated = try Self.generate(faults: 2 * Regulation125Tests.catalog.count)
        let perRule = Dictionary(grouping: generated.faults, by: \.rule).mapValues(\.count)
        #expect(perRule == Dictionary(uniqueKeysWithValues: Regulation125Tests.catalog.map { ($0, 2) }))
        #expect(generated.faults == generated.faults.sorted())
    }

    @Test("Seeded faults give exactly the manifest's findings", arguments: 1...10)
    func faultsMatchManifest(seed: Int) throws {
        let generated = try Self.generate(seed: UInt64(seed), faults: 2 * Regulation125Tests.catalog.count)
        let found = try Self.audit(generated.organization)
        let expected = Self.counted(generated.faults)
        let extra = found.filter { expected[$0.key] != $0.value }.keys.sorted().map { "\($0.rule) \($0.node)" }
        let missing = expected.filter { found[$0.key] != $0.value }.keys.sorted().map { "\($0.rule) \($0.node)" }
        #expect(extra.isEmpty && missing.isEmpty, "unexpected: \(extra); not found: \(missing)")
        #expect(found.values.reduce(0, +) == generated.faults.count)
    }

    @Test("One fault of each rule is found by that rule alone, on the manifest's node")
    func eachRuleAtItsNode() throws {
        for seed in UInt64(20)..<UInt64(23) {
            let generated = try Self.generate(seed: seed, faults: Regulation125Tests.catalog.count)
            let report = Auditor(rulebook: RulebookLoader.regulation125).audit(
                try LoadedOrganization(generated.organization))
            #expect(report.findings.map(\.rule).sorted() == Regulation125Tests.catalog.sorted())
            for fault in generated.faults {
                let found = report.findings.filter { $0.rule == fault.rule }
                #expect(found.map(\.node) == [fault.node], "\(fault.rule), seed \(seed)")
            }
        }
    }

    @Test("Faults only change the clean organization: no new node, a handful of relations")
    func faultsAreLocal() throws {
        let clean = try Self.generate(seed: 8).organization
        let faulty = try Self.generate(seed: 8, faults: 21).organization
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
        let organization = try Self.generate(seed: 4, faults: 21).organization
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
