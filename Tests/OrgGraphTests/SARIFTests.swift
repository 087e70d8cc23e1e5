import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

@Suite("SARIF")
struct SARIFTests {
    static func validator() throws -> JSONSchemaValidator {
        let url = fixturesFolder.appendingPathComponent("sarif-schema-2.1.0.json")
        return try JSONSchemaValidator(schema: Data(contentsOf: url))
    }

    static func sarif(_ paths: [String]) throws -> String {
        var report = ValidationReport()
        for path in paths {
            let loaded = try loadPackageFile(path)
            report.add(
                Auditor(rulebook: RulebookLoader.regulation125).audit(loaded), file: path,
                rulebook: RulebookLoader.regulation125)
        }
        return SARIFReport.write(report, version: "1.0.0")
    }

    @Test("The SARIF of the broken examples validates against the official 2.1.0 schema")
    func validatesAgainstSchema() throws {
        let text = try Self.sarif([
            "Examples/broken/structural.yaml", "Examples/broken/regulation.yaml", "Examples/hospital.yaml",
        ])
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let problems = try Self.validator().problems(log)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let run = try #require(((log as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 27)
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == "acyclic-leadership")
        let location = try #require((first["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect(
            (physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Examples/broken/structural.yaml")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 10)
        #expect(((location["logicalLocations"] as? [[String: Any]])?.first)?["name"] as? String == "tinh-uy")
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == RulebookLoader.regulation125.withAuditorRules.rules.count)
        #expect(
            rules.contains { ($0["properties"] as? [String: Any])?["citation"] as? String == "Regulation 125-QD/TW §3" }
        )
    }

    @Test("In Vietnamese the SARIF still validates, names its language, and writes rules and messages in it")
    func vietnameseValidates() throws {
        var report = ValidationReport(language: .vietnamese)
        let path = "Examples/broken/structural.yaml"
        report.add(
            Auditor(rulebook: RulebookLoader.regulation125, language: .vietnamese).audit(try loadPackageFile(path)),
            file: path, rulebook: RulebookLoader.regulation125)
        let text = SARIFReport.write(report, version: "1.0.0")
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let problems = try Self.validator().problems(log)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let run = try #require(((log as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        #expect(run["language"] as? String == "vi")
        let first = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(
            ((first["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("quan hệ lãnh đạo tạo thành") == true)
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let acyclic = try #require(rules.first { $0["id"] as? String == "acyclic-leadership" })
        #expect(
            (acyclic["shortDescription"] as? [String: Any])?["text"] as? String == "Quan hệ lãnh đạo chỉ theo một chiều"
        )
        #expect(
            ((acyclic["fullDescription"] as? [String: Any])?["text"] as? String)?.hasPrefix("Quan hệ lãnh đạo đi từ")
                == true)
        let english = try JSONSerialization.jsonObject(with: Data(try Self.sarif([path]).utf8))
        #expect(((english as? [String: Any])?["runs"] as? [[String: Any]])?.first?["language"] as? String == "en")
    }

    @Test("A run stopped by load errors validates, with executionSuccessful false and a notification per error")
    func loadErrorsValidate() throws {
        var report = ValidationReport()
        report.add(
            try Auditor(rulebook: RulebookLoader.regulation125).audit(loadPackageFile("Examples/hospital.yaml")),
            file: "Examples/hospital.yaml", rulebook: RulebookLoader.regulation125)
        let loader = OrganizationLoader()
        var thrown: [LoadError] = []
        let bad = "orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n  - {id: \"b\\e[2J\", kind: nope}\n"
        do { _ = try loader.load(bytes: Array(bad.utf8), file: "bad.yaml") } catch { thrown.append(error) }
        do { _ = try loader.load(contentsOf: "no-such-file.yaml") } catch { thrown.append(error) }
        #expect(thrown.count == 2)
        for error in thrown { report.add(error) }
        let text = SARIFReport.write(report, version: "1.0.0")
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let problems = try Self.validator().problems(log)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let run = try #require(((log as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == report.errors.count)
        #expect(notifications.count >= 3)
        let texts = notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts.first == "unknown kind 'unit-hed'; did you mean 'unit-head'?")
        let regions = notifications.map {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
                as? [String: Any])?["startLine"] as? Int
        }
        #expect(regions.first == 3)
        let uris = notifications.map {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        #expect(uris.first == "bad.yaml")
        #expect(uris.last == "no-such-file.yaml")
    }

    @Test("The validator finds a broken log, so the schema test can fail")
    func validatorCatchesErrors() throws {
        let broken: [String: Any] = ["version": "2.0", "runs": [["tool": ["driver": [:]]]]]
        let problems = try Self.validator().problems(broken)
        #expect(problems.contains { $0.contains("version") })
        #expect(problems.contains { $0.contains("missing required property 'name'") })
    }

    @Test("Suppressed findings are results with an in-source suppression and its reason")
    func suppressions() throws {
        let text = """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
            relations:
              - {type: leads, from: tu, to: tu}
            suppressions:
              - {rule: no-self-relation, node: tu, reason: "kept while the file is migrated"}
            """
        let loaded = try load(text, file: "thư mục/org.yaml")
        var report = ValidationReport()
        report.add(Auditor().audit(loaded), file: "thư mục/org.yaml", rulebook: .structural)
        let sarif = SARIFReport.write(report, version: "1.0.0")
        let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8))
        #expect(try Self.validator().problems(log).isEmpty)
        #expect(
            sarif.contains(
                "\"suppressions\": [{\"kind\": \"inSource\", \"justification\": \"kept while the file is migrated\"}]"))
        #expect(sarif.contains("\"uri\": \"th%C6%B0%20m%E1%BB%A5c/org.yaml\""))
    }
}
