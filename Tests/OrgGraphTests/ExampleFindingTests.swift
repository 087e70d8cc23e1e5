import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat

/// The example organizations audited as `orggraph validate` audits them: under the rulebook the
/// file names, else 125-QD/TW.
@Suite("Example organizations under their rulebooks")
struct ExampleFindingTests {
    /// Every organization of Examples/ and Examples/rulebooks/ (rulebook files, which start with
    /// `rulebook:`, left out), as paths from the package root, sorted.
    static let cleanPaths: [String] = ["Examples", "Examples/rulebooks"].flatMap { folder in
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: packageRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
            .filter { path in
                let text = (try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
                return text.split(separator: "\n").contains { $0.hasPrefix("orggraph:") }
            }
    }

    /// Loads `path` under its absolute name, so that a `rulebook:` beside it is found wherever the
    /// tests run, and audits it under the rulebook `validate` would use.
    static func audit(_ path: String) throws -> (rulebook: String, report: AuditReport) {
        let url = packageRoot.appendingPathComponent(path)
        let loaded = try OrganizationLoader().load(bytes: [UInt8](Data(contentsOf: url)), file: url.path)
        var lookup = RulebookLookup()
        let rulebook = try lookup.rulebook(for: loaded.organization)
        return (rulebook.id, Auditor(rulebook: rulebook).audit(loaded))
    }

    /// The `(rule, node)` pairs the comments `# finding: RULE NODE` of `path` announce, sorted.
    static func announced(_ path: String) throws -> [String] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            let comment = line.drop { $0 == " " }
            guard comment.hasPrefix("# finding:") else { return nil }
            let words = comment.dropFirst("# finding:".count).split(separator: " ")
            guard words.count >= 2 else { return "malformed: \(line)" }
            return "\(words[0]) \(words[1])"
        }.sorted()
    }

    @Test("Every example organization is clean under its rulebook", arguments: cleanPaths)
    func clean(_ path: String) throws {
        let (_, report) = try Self.audit(path)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location) \($0.rule): \($0.message)" })")
        #expect(report.suppressed.isEmpty)
    }

    @Test("The clean examples include the two-tier province, the central hospital and a file of each rulebook")
    func cleanExamplesCoverBothRulebooks() throws {
        #expect(Self.cleanPaths.contains("Examples/lam-dong-2025.yaml"))
        #expect(Self.cleanPaths.contains("Examples/central-hospital.yaml"))
        #expect(Self.cleanPaths.contains("Examples/rulebooks/two-tier-commune.yaml"))
        #expect(try Self.audit("Examples/lam-dong-2025.yaml").rulebook == "125-QD/TW-2025")
        #expect(try Self.audit("Examples/hospital.yaml").rulebook == "125-QD/TW")
        #expect(try Self.audit("Examples/rulebooks/two-tier-commune.yaml").rulebook == "two-tier-2025")
    }

    @Test("Each broken file gives exactly the findings its comments announce", arguments: examplePaths(broken: true))
    func brokenFindingsAreAnnounced(_ path: String) throws {
        let announced = try Self.announced(path)
        #expect(!announced.isEmpty, "\(path) announces no finding")
        let found = try Self.audit(path).report.findings.map { "\($0.rule) \($0.node)" }.sorted()
        #expect(
            found == announced,
            "found but not announced: \(found.filter { !announced.contains($0) }); announced but not found: \(announced.filter { !found.contains($0) })"
        )
    }

    @Test("The broken files show every rule of 125-QD/TW, and every rule 125-QD/TW-2025 adds or changes")
    func brokenFilesCoverTheRulebooks() throws {
        let regulation = Set(
            try Self.announced("Examples/broken/regulation.yaml").map { String($0.split(separator: " ")[0]) })
        let structural = Set(
            try Self.announced("Examples/broken/structural.yaml").map { String($0.split(separator: " ")[0]) })
        let twoTier = Set(
            try Self.announced("Examples/broken/two-tier-2025.yaml").map { String($0.split(separator: " ")[0]) })
        let regulation125 = RulebookLoader.regulation125
        let structuralIDs = Set(Rulebook.structural.rules.map(\.id))
        #expect(structural == structuralIDs)
        #expect(regulation == Set(regulation125.rules.map(\.id)).subtracting(structuralIDs))
        #expect(regulation.count == 20)
        // The 2025 rulebook's own rules: the ones it adds, and the ones it reads anew.
        let ownText = BuiltinRulebookTexts.regulation125TwoTier
        let own = Set(
            ownText.split(separator: "\n").compactMap { line -> String? in
                line.hasPrefix("  - id: ") ? String(line.dropFirst("  - id: ".count)) : nil
            })
        #expect(own.count == 10)
        #expect(twoTier.isSuperset(of: own), "not shown: \(own.subtracting(twoTier).sorted())")
        #expect(!twoTier.contains("commune-not-superior"))
    }
}
