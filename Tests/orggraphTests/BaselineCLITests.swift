import Foundation
import TestSupport
import Testing

@Suite("validate --baseline and --write-baseline")
struct BaselineCLITests {
    /// Three findings under the structural rules: two bodies part of nothing, a committee that leads itself.
    static let organization = """
        orggraph: 1
        rulebook: structural
        nodes:
          - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy}
          - {id: gd, kind: unit-head, name: Giám đốc}
          - {id: hd, kind: management-board, name: Hội đồng quản lý}
        relations:
          - {type: leads, from: tu, to: tu}
        """

    /// A folder with the organization and its baseline, written by `--write-baseline`.
    static func written() throws -> (folder: URL, organization: String, baseline: String) {
        let folder = try temporaryFolder()
        let organization = folder.appendingPathComponent("org.yaml").path
        let baseline = folder.appendingPathComponent("baseline.json").path
        try Data(Self.organization.utf8).write(to: URL(fileURLWithPath: organization))
        let result = try orggraph(["validate", organization, "--write-baseline", baseline])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasSuffix("3 errors, 0 warnings, 0 info in 1 file\n"))
        #expect(result.err == "note: \(baseline): recorded 3 findings\n")
        return (folder, organization, baseline)
    }

    @Test("The same file: no new finding, exit 0")
    func same() throws {
        let (_, organization, baseline) = try Self.written()
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(
            text.hasPrefix("{\n  \"orggraph-baseline\": 1,\n  \"findings\": [\n    {\"rule\": \"no-self-relation\""))
        let result = try orggraph(["validate", organization, "--baseline", baseline])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "no findings in 1 file (3 in the baseline)\n")
        let vietnamese = try orggraph(["validate", organization, "--baseline", baseline, "--lang", "vi"])
        #expect(vietnamese.out == "không có phát hiện nào trong 1 tệp (3 phát hiện đã có trong baseline)\n")
    }

    @Test("One added fault: exactly one new finding, exit 1")
    func addedFault() throws {
        let (folder, _, baseline) = try Self.written()
        let faulty = folder.appendingPathComponent("faulty.yaml").path
        try Data(
            Self.organization.replacingOccurrences(of: "relations:", with: "  - {id: pgd, kind: unit-head}\nrelations:")
                .utf8
        ).write(to: URL(fileURLWithPath: faulty))
        let result = try orggraph(["validate", faulty, "--baseline", baseline, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["node"] as? String == "pgd")
        #expect((object["baseline"] as? [String: Any])?["unchanged"] as? Int == 3)
    }

    @Test("A baselined finding fixed: its entry is reported unused at its line in the baseline")
    func fixed() throws {
        let (folder, _, baseline) = try Self.written()
        let fixed = folder.appendingPathComponent("fixed.yaml").path
        try Data(
            Self.organization.replacingOccurrences(
                of: "  - {id: hd, kind: management-board, name: Hội đồng quản lý}\n", with: ""
            ).utf8
        ).write(to: URL(fileURLWithPath: fixed))
        let result = try orggraph(["validate", fixed, "--baseline", baseline])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.out
                == """
                \(baseline):6:5: warning: the baseline entry of part-of-required on 'hd' matches no finding; \
                the finding is gone, remove the entry (write the baseline again) [unused-baseline-entry]
                0 errors, 1 warning, 0 info in 1 file (2 in the baseline)

                """)
        let strict = try orggraph(["validate", fixed, "--baseline", baseline, "--strict"])
        #expect(strict.status == 1)
    }

    @Test("A malformed baseline: a located error, exit 2")
    func malformed() throws {
        let (folder, organization, _) = try Self.written()
        let bad = folder.appendingPathComponent("bad.json").path
        try Data("{\"orggraph-baseline\": 1, \"findings\": [\n  {\"rule\": \"x\"}\n]}\n".utf8).write(
            to: URL(fileURLWithPath: bad))
        let result = try orggraph(["validate", organization, "--baseline", bad])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("\(bad):2:3: error: missing required field 'node' in a baseline entry\n"))
        let json = try orggraph(["validate", organization, "--baseline", bad, "--format", "json"])
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        #expect((object["errors"] as? [[String: Any]])?.first?["line"] as? Int == 2)
    }

    @Test("--write-baseline writes nothing when a file cannot be loaded; the two options exclude each other")
    func notWritten() throws {
        let (folder, organization, baseline) = try Self.written()
        let before = try String(contentsOfFile: baseline, encoding: .utf8)
        let broken = folder.appendingPathComponent("broken.yaml").path
        try Data("orggraph: 1\nnodes: [\n".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try orggraph(["validate", organization, broken, "--write-baseline", baseline])
        #expect(result.status == 2)
        #expect(result.err.contains("note: \(baseline) was not written, since a file could not be loaded"))
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == before)
        let both = try orggraph(["validate", organization, "--baseline", baseline, "--write-baseline", baseline])
        #expect(both.status == 2)
        let same = try orggraph(["validate", organization, "--write-baseline", organization])
        #expect(same.status == 2)
        #expect(try String(contentsOfFile: organization, encoding: .utf8) == Self.organization)
    }
}
