import Foundation
import OrgGraph
import OrgGraphGenerate
import Testing

@testable import OrgGraphGraphviz

/// The compact layout keeps every generated organization, up to the chart limit, between 1:2 and
/// 2.5:1 (the SVG's `viewBox`, width over height), with every relation drawn and with the lines
/// of command alone, and so do the focus charts and the report's unit charts; `--wide` keeps the
/// one-row layout.
@Suite("Compact layout", .serialized)
struct CompactLayoutTests {
    /// A generated organization: structure, size and seed.
    struct Case: Sendable, CustomStringConvertible {
        var structure: OrganizationGenerator.Structure
        var size: OrganizationGenerator.Size
        var seed: UInt64

        init(_ structure: OrganizationGenerator.Structure, _ sizes: [Int], seed: UInt64) {
            self.structure = structure
            size = .init(
                provinces: sizes[0], districtsPerProvince: sizes[1], communesPerDistrict: sizes[2],
                provincialUnitsPerProvince: sizes[3], districtUnitsPerDistrict: sizes[4])
            self.seed = seed
        }

        var description: String {
            "\(structure) \(size.provinces)/\(size.districtsPerProvince)/\(size.communesPerDistrict)/"
                + "\(size.provincialUnitsPerProvince)/\(size.districtUnitsPerDistrict) seed \(seed)"
        }

        func load() throws -> LoadedOrganization {
            try LoadedOrganization(
                OrganizationGenerator(size: size, seed: seed, structure: structure).generate().organization)
        }
    }

    /// From a few nodes to the 'dot' limit: many units under one province, many communes and no
    /// units, two provinces; the last of each structure near 1,500 nodes.
    static let cases: [Case] = [
        Case(.threeTier, [1, 1, 2, 2, 1], seed: 7),
        Case(.threeTier, [1, 2, 3, 6, 2], seed: 1),
        Case(.threeTier, [1, 1, 1, 40, 0], seed: 4),
        Case(.threeTier, [1, 6, 15, 0, 0], seed: 5),
        Case(.threeTier, [2, 2, 3, 8, 2], seed: 6),
        Case(.threeTier, [1, 6, 10, 60, 10], seed: 3),
        Case(.twoTier, [1, 1, 2, 2, 1], seed: 7),
        Case(.twoTier, [1, 2, 4, 10, 2], seed: 2),
        Case(.twoTier, [1, 10, 10, 0, 0], seed: 5),
        Case(.twoTier, [1, 7, 10, 100, 3], seed: 9),
    ]

    static let command: Set<RelationType> = [.leads, .superiorOf, .partOf, .manages]

    /// Width over height of the SVG's `viewBox`.
    static func aspect(_ chart: Chart) throws -> Double {
        let svg = try GraphvizRenderer().render(chart, format: .svg)
        let head = String(decoding: svg.prefix(2_000), as: UTF8.self)
        let box = try #require(head.range(of: "viewBox=\"").map { head[$0.upperBound...].prefix { $0 != "\"" } })
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count == 4 && numbers[3] > 0)
        return numbers[2] / numbers[3]
    }

    @Test(
        "a generated organization is between 1:2 and 2.5:1, with every relation and with the lines of command",
        arguments: cases)
    func generated(_ example: Case) throws {
        let loaded = try example.load()
        for relations in [Set(RelationType.allCases), Self.command] {
            let chart = try Chart(loaded, options: ChartOptions(relations: relations))
            try ChartSize(chart).check(layout: .dot)
            let aspect = try Self.aspect(chart)
            #expect((0.5...2.5).contains(aspect), "\(example), \(relations.count) relation types: \(aspect)")
        }
    }

    @Test("at the node limit, with the lines of command")
    func nearTheLimit() throws {
        let loaded = try Case(.threeTier, [1, 7, 10, 70, 12], seed: 9).load()
        let chart = try Chart(loaded, options: ChartOptions(relations: Self.command))
        #expect(chart.nodeCount > 1_450)
        try ChartSize(chart).check(layout: .dot)
        let aspect = try Self.aspect(chart)
        #expect((0.5...2.5).contains(aspect), "\(aspect)")
    }

    @Test("focus charts and the report's unit charts keep the proportion")
    func focus() throws {
        let loaded = try Case(.threeTier, [1, 4, 6, 25, 5], seed: 3).load()
        let options = [
            ChartOptions(focus: "p01", depth: 1),
            ChartOptions(focus: "p01-ubnd", depth: 2),
            // As the report draws a unit, and a committee.
            ChartOptions(focus: "p01-u001", depth: 1, wholeUnit: true, legend: false, title: false),
            ChartOptions(focus: "p01", depth: 1, wholeUnit: true, legend: false, title: false),
        ]
        for option in options {
            let aspect = try Self.aspect(try Chart(loaded, options: option))
            #expect((0.5...2.5).contains(aspect), "--focus \(option.focus ?? ""): \(aspect)")
        }
    }

    @Test("--wide keeps every unit in one row: the same organization is a strip")
    func wide() throws {
        let loaded = try Case(.threeTier, [1, 2, 3, 6, 2], seed: 1).load()
        let wide = try Self.aspect(try Chart(loaded, options: ChartOptions(relations: Self.command, wide: true)))
        let compact = try Self.aspect(try Chart(loaded, options: ChartOptions(relations: Self.command)))
        #expect(wide > 5)
        #expect(compact < 2.5)
    }

    @Test("the compact chart is drawn the same, run after run")
    func deterministic() throws {
        let loaded = try Case(.twoTier, [1, 2, 4, 10, 2], seed: 2).load()
        let chart = try Chart(loaded)
        let first = try GraphvizRenderer().render(chart, format: .svg)
        #expect(try GraphvizRenderer().render(chart, format: .svg) == first)
        #expect(
            DOTWriter().write(chart)
                == DOTWriter().write(try Chart(try Case(.twoTier, [1, 2, 4, 10, 2], seed: 2).load())))
    }
}

/// The overview is set out in rows as the compact chart is: generated organizations of both
/// structures stay between 1:2 and 2.5:1.
@Suite("Compact overview", .serialized)
struct CompactOverviewTests {
    static let cases: [CompactLayoutTests.Case] = [
        .init(.threeTier, [1, 1, 2, 2, 1], seed: 7),
        .init(.threeTier, [1, 2, 3, 6, 2], seed: 3),
        .init(.threeTier, [1, 3, 4, 10, 3], seed: 2),
        .init(.threeTier, [2, 2, 3, 8, 2], seed: 6),
        .init(.twoTier, [1, 2, 3, 6, 2], seed: 3),
        .init(.twoTier, [1, 2, 4, 10, 2], seed: 2),
    ]

    @Test("a generated organization's overview is between 1:2 and 2.5:1", arguments: cases)
    func generated(_ example: CompactLayoutTests.Case) throws {
        let overview = OverviewChart(try example.load())
        let svg = try GraphvizRenderer().render(overview, format: .svg)
        let head = String(decoding: svg.prefix(2_000), as: UTF8.self)
        let box = try #require(head.range(of: "viewBox=\"").map { head[$0.upperBound...].prefix { $0 != "\"" } })
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count == 4 && numbers[3] > 0)
        let aspect = numbers[2] / numbers[3]
        #expect((0.5...2.5).contains(aspect), "\(example): \(aspect)")
    }

    @Test("the province's overview is one A3 page, about as wide as high")
    func province() throws {
        let overview = OverviewChart(try loadPackageFile("Examples/province.yaml"), language: .vietnamese)
        let svg = String(decoding: try GraphvizRenderer().render(overview, format: .svg), as: UTF8.self)
        let box = try #require(svg.range(of: "viewBox=\"").map { svg[$0.upperBound...].prefix { $0 != "\"" } })
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count == 4 && numbers[3] > 0)
        #expect((0.5...2.5).contains(numbers[2] / numbers[3]), "\(numbers)")
    }
}
