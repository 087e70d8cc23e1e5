import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat

@Suite("Baselines")
struct BaselineTests {
    /// Three structural findings: two bodies that are part of nothing, a committee that leads itself.
    static let organization = """
        orggraph: 1
        nodes:
          - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy}
          - {id: gd, kind: unit-head, name: Giám đốc}
          - {id: hd, kind: management-board, name: Hội đồng quản lý}
        relations:
          - {type: leads, from: tu, to: tu}
        """

    static func report(_ text: String, language: Language = .english) throws -> ValidationReport {
        var report = ValidationReport(language: language)
        report.add(
            Auditor(rulebook: .structural, language: language).audit(try load(text, file: "org.yaml")),
            file: "org.yaml", rulebook: .structural)
        return report
    }

    @Test("Written sorted, one entry a line, with its format version; read back the same")
    func roundTrip() throws {
        let findings = try Self.report(Self.organization).findings
        #expect(findings.count == 3)
        let baseline = Baseline(findings: findings.reversed())
        let text = baseline.text()
        let lines = text.split(separator: "\n")
        #expect(lines.count == findings.count + 5)
        #expect(lines[1] == "  \"orggraph-baseline\": 1,")
        #expect(
            lines[3].hasPrefix(
                "    {\"rule\": \"no-self-relation\", \"node\": \"tu\", \"relation\": {\"type\": \"leads\""))
        #expect(lines[4].hasPrefix("    {\"rule\": \"part-of-required\", \"node\": \"gd\""))
        #expect(lines[5].hasPrefix("    {\"rule\": \"part-of-required\", \"node\": \"hd\""))
        #expect(Baseline(findings: findings).text() == text)
        let read = try Baseline.load(bytes: Array(text.utf8), file: "b.json")
        #expect(read.entries == baseline.entries)
        #expect(read.locations.map(\.line) == [4, 5, 6])
        #expect(Baseline(findings: []).text() == "{\n  \"orggraph-baseline\": 1,\n  \"findings\": []\n}\n")
    }

    @Test("Entries match findings by fingerprint, as multisets")
    func multiset() throws {
        let findings = try Self.report(Self.organization).findings
        let twice = findings + [findings[0]]
        let (new, unchanged, unused) = Baseline(findings: findings).match(twice)
        #expect(new.map(\.fingerprint) == [findings[0].fingerprint])
        #expect(unchanged.count == 3)
        #expect(unused.isEmpty)
        let (none, all, left) = Baseline(findings: twice).match(findings)
        #expect(none.isEmpty && all.count == 3 && left.count == 1)
    }

    @Test("Applied to a report: only new findings, unused entries as findings at their line, in both languages")
    func apply() throws {
        let baseline = try Baseline.load(
            bytes: Array(Baseline(findings: try Self.report(Self.organization).findings).text().utf8), file: "b.json")
        var same = try Self.report(Self.organization)
        same.apply(baseline)
        #expect(same.findings.isEmpty && same.baselined.count == 3)
        #expect(same.summaryLine() == "no findings in 1 file (3 in the baseline)")

        let fault = Self.organization.replacingOccurrences(
            of: "relations:", with: "  - {id: pgd, kind: unit-head}\nrelations:")
        var faulty = try Self.report(fault)
        faulty.apply(baseline)
        #expect(faulty.findings.map(\.node) == ["pgd"])
        #expect(faulty.hasFindings(atOrAbove: .error))

        let fixed = Self.organization.replacingOccurrences(
            of: "  - {id: hd, kind: management-board, name: Hội đồng quản lý}\n", with: "")
        for language in Language.allCases {
            var report = try Self.report(fixed, language: language)
            report.apply(baseline)
            let unused = try #require(report.findings.first)
            #expect(report.findings.count == 1)
            #expect(unused.rule == "unused-baseline-entry")
            #expect(unused.node == "hd")
            #expect(unused.file == "b.json")
            #expect(unused.location == SourceLocation(line: 6, column: 5))
            #expect(!report.hasFindings(atOrAbove: .error))
            if language == .vietnamese {
                #expect(VietnameseText.problem(unused.message) == nil)
                #expect(report.text().contains("(2 phát hiện đã có trong baseline)"))
            } else {
                #expect(unused.message.hasPrefix("the baseline entry of part-of-required on 'hd' matches no finding"))
            }
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
            let summary = try #require(json["baseline"] as? [String: Any])
            #expect(summary["file"] as? String == "b.json")
            #expect(summary["unchanged"] as? Int == 2)
            #expect(summary["unused"] as? Int == 1)
        }
    }

    @Test("With a baseline the SARIF says each result's baselineState, and still validates")
    func sarif() throws {
        let baseline = Baseline(findings: try Self.report(Self.organization).findings)
        let fixed = Self.organization.replacingOccurrences(
            of: "  - {id: hd, kind: management-board, name: Hội đồng quản lý}\n",
            with: "  - {id: pgd, kind: unit-head}\n")
        var report = try Self.report(fixed)
        report.apply(try Baseline.load(bytes: Array(baseline.text().utf8), file: "b.json"))
        let log = try JSONSerialization.jsonObject(with: Data(SARIFReport.write(report, version: "1.0.0").utf8))
        #expect(try SARIFTests.validator().problems(log).isEmpty)
        let run = try #require(((log as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let states = results.map { "\($0["ruleId"] ?? "") \($0["baselineState"] ?? "")" }
        #expect(
            states == [
                "part-of-required new", "unused-baseline-entry new", "part-of-required unchanged",
                "no-self-relation unchanged", "part-of-required absent",
            ])
        let without = SARIFReport.write(try Self.report(fixed), version: "1.0.0")
        #expect(!without.contains("baselineState"))
    }

    @Test("A malformed baseline is a located error", arguments: MalformedBaseline.cases)
    func malformed(_ text: String, _ expected: String) throws {
        #expect(throws: LoadError.self) { try Baseline.load(bytes: Array(text.utf8), file: "b.json") }
        do {
            _ = try Baseline.load(bytes: Array(text.utf8), file: "b.json")
        } catch {
            #expect(error.rendered(in: .english).hasPrefix(expected), "\(error.rendered(in: .english))")
        }
    }

}

/// Baselines that cannot be read, and the start of the error each gives.
enum MalformedBaseline {
    static let cases: [(String, String)] = [
        ("", "b.json:1:1: error: the file is empty"),
        ("{\"orggraph-baseline\": 1, \"findings\": [", "b.json:1:"),
        ("{\"findings\": []}", "b.json:1:1: error: missing required field 'orggraph-baseline' in a baseline"),
        ("{\"orggraph-baseline\": 2, \"findings\": []}", "b.json:1:23: error: unsupported baseline format version 2"),
        (
            "{\"orggraph-baseline\": 1, \"findings\": [\n {\"rule\": \"a\", \"nod\": \"b\", \"fingerprint\": \"0123456789abcdef\"}]}",
            "b.json:2:16: error: unknown field 'nod' in a baseline entry; did you mean 'node'?"
        ),
        (
            "{\"orggraph-baseline\": 1, \"findings\": [\n {\"rule\": \"a\", \"node\": \"b\", \"fingerprint\": \"12\"}]}",
            "b.json:2:44: error: a fingerprint is 16 hexadecimal digits"
        ),
        ("{\"orggraph-baseline\": 1, \"findings\": {}}", "b.json:1:38: error: 'findings' must be a list"),
    ]
}
